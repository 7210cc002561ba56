package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/session"
)

// sessionPageQuery is sessionQuery and pagePositionQuery in one statement:
// the session with its owner; the position numbered by the first argument
// with its ledger version and the session's person's unread notifications
// about it; and that person's relation to it (relationCols). No row when
// the session or the position is missing.
func sessionPageQuery(d Dialect) string {
	if d == Postgres {
		return sessionPageHead + relationColsPostgres + sessionPageTail
	}
	return sessionPageHead + relationColsSQLite + sessionPageTail
}

const sessionPageHead = sessionSelect + `, ` + positionCols + `,
	COALESCE((SELECT v.version FROM ledger_versions v WHERE v.position_id = pos.id), 0),
	(SELECT COUNT(*) FROM notifications n WHERE n.person_id = s.person_id AND n.position_id = pos.id AND n.read_at IS NULL),
	`

const sessionPageTail = sessionFrom + `JOIN positions pos ON pos.number = ?
	JOIN persons p ON p.id = pos.titolare_id JOIN offices o ON o.code = pos.office_code
	WHERE s.token_hash = ?`

// relationCols are what AccessFacts reads of a person's relation to a
// position (accessDelegationsQuery, the membership), for the session's
// person and the page's position: whether he is a member, his own
// delegations and those of the associations whose staff he is, assigned
// to him, each list as a JSON array of access.Delegation.
const (
	relationColsSQLite = relationMember + `,
	(SELECT json_group_array(json_object(` + delegationJSON + `)) FROM delegations d ` + ownDelegations + `),
	(SELECT json_group_array(json_object(` + delegationJSON + `)) ` + assignedDelegations + `)`
	relationColsPostgres = relationMember + `,
	(SELECT COALESCE(json_agg(json_build_object(` + delegationJSON + `)), '[]') FROM delegations d ` + ownDelegations + `),
	(SELECT COALESCE(json_agg(json_build_object(` + delegationJSON + `)), '[]') ` + assignedDelegations + `)`

	relationMember = `EXISTS (SELECT 1 FROM members m WHERE m.position_id = pos.id AND m.person_id = s.person_id)`
	delegationJSON = `'Status', d.status, 'Scope', d.scope, 'ValidFrom', d.valid_from, 'ValidTo', d.valid_to`
	ownDelegations = `WHERE d.position_id = pos.id AND d.intermediary_id = s.person_id`

	assignedDelegations = `FROM association_staff ast
	JOIN association_assignments aa ON aa.staff_id = ast.id AND aa.removed_at IS NULL
	JOIN delegations d ON d.id = aa.delegation_id AND d.intermediary_id = ast.association_id
	WHERE ast.person_id = s.person_id AND ast.removed_at IS NULL AND d.position_id = pos.id`
)

// ReadSessionPage reads the session with id, as Sessions.SessionByID does,
// and in the same statement the position numbered number with what
// ReadPagePosition gives for the session's person: a page of a position
// whose ledger records are in memory then runs one statement in all.
//
// found is false, and the session comes from SessionByID, when the
// position (or the session) does not exist, and always when db has a read
// replica: the position is then read where the page's reads go.
func ReadSessionPage(ctx context.Context, db *DB, id, number string) (s session.Session, page PagePosition, found bool, err error) {
	if db.HasReplica() {
		s, err = NewSessions(db).SessionByID(ctx, id)
		return s, page, false, err
	}
	var ps positionScan
	var rel Relation
	var own, assigned string
	extra := append(ps.dest(), &page.LedgerVersion, &page.Unread, &rel.Member, &own, &assigned)
	s, err = scanSession(db.R().QueryRow(ctx, sessionPageQuery(db.Dialect), number, id), extra...) // R is the primary here
	if errs.Is(err, errs.NotFound) {
		s, err = NewSessions(db).SessionByID(ctx, id)
		return s, page, false, err
	}
	if err != nil {
		return s, page, false, err
	}
	if rel.Delegations, err = decodeDelegations(own, assigned); err != nil {
		return s, page, false, err
	}
	page.PositionView, page.Relation = ps.view(), &rel
	return s, page, true, nil
}

// decodeDelegations reads the JSON arrays of relationCols. Dates are
// read as the columns are scanned (civil.Date.Scan): SQLite gives them as
// stored.
func decodeDelegations(lists ...string) ([]access.Delegation, error) {
	var out []access.Delegation
	for _, l := range lists {
		var rows []struct {
			Status, Scope      string
			ValidFrom, ValidTo *string
		}
		if err := json.Unmarshal([]byte(l), &rows); err != nil {
			return nil, fmt.Errorf("store: delegations of the page's position: %w", err)
		}
		for _, r := range rows {
			d := access.Delegation{Status: r.Status, Scope: r.Scope}
			if err := errors.Join(scanDate(&d.ValidFrom, r.ValidFrom), scanDate(&d.ValidTo, r.ValidTo)); err != nil {
				return nil, fmt.Errorf("store: delegations of the page's position: %w", err)
			}
			out = append(out, d)
		}
	}
	return out, nil
}

// scanDate reads an optional date as a scanned column would be.
func scanDate(d *civil.Date, s *string) error {
	if s == nil {
		return nil
	}
	return d.Scan(*s)
}
