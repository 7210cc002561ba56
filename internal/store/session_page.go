package store

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/session"
)

// sessionPageQuery is sessionQuery and pagePositionQuery in one statement:
// the session with its owner, and the position numbered by the first
// argument with its ledger version and the session's person's unread
// notifications about it. No row when either is missing.
const sessionPageQuery = sessionSelect + `, ` + positionCols + `,
	COALESCE((SELECT v.version FROM ledger_versions v WHERE v.position_id = pos.id), 0),
	(SELECT COUNT(*) FROM notifications n WHERE n.person_id = s.person_id AND n.position_id = pos.id AND n.read_at IS NULL)` +
	sessionFrom + `JOIN positions pos ON pos.number = ?
	JOIN persons p ON p.id = pos.titolare_id JOIN offices o ON o.code = pos.office_code
	WHERE s.token_hash = ?`

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
	extra := append(ps.dest(), &page.LedgerVersion, &page.Unread)
	s, err = scanSession(db.R().QueryRow(ctx, sessionPageQuery, number, id), extra...) // R is the primary here
	if errs.Is(err, errs.NotFound) {
		s, err = NewSessions(db).SessionByID(ctx, id)
		return s, page, false, err
	}
	if err != nil {
		return s, page, false, err
	}
	page.PositionView = ps.view()
	return s, page, true, nil
}
