package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Delegations implements delegation.Store: the delegation lifecycle with its
// history, audit entries and events.
type Delegations struct{ db *DB }

// NewDelegations returns the delegation storage on db.
func NewDelegations(db *DB) *Delegations { return &Delegations{db: db} }

var _ delegation.Store = (*Delegations)(nil)

// IntermediaryByCF implements delegation.Store.
func (s *Delegations) IntermediaryByCF(ctx context.Context, cf string) (delegation.Intermediary, error) {
	var in delegation.Intermediary
	var given, family string
	err := s.db.R().QueryRow(ctx, `SELECT p.id, p.codice_fiscale, p.given_name, p.family_name, i.kind,
		i.registration_number, i.firm FROM intermediaries i JOIN persons p ON p.id = i.person_id
		WHERE p.codice_fiscale = ?`, cf).Scan(&in.PersonID, &in.CodiceFiscale, &given, &family, &in.Kind,
		&in.RegistrationNumber, &in.Firm)
	if IsNoRows(err) {
		return in, errs.Wrap(errs.NotFound, delegation.MsgNotIntermediary, err)
	}
	if err != nil {
		return in, fmt.Errorf("store: intermediary: %w", err)
	}
	in.Name = given + " " + family
	return in, nil
}

const delegationSelect = `SELECT d.id, d.position_id, pos.number, pos.titolare_id, tp.given_name, tp.family_name,
	d.intermediary_id, ip.codice_fiscale, ip.given_name, ip.family_name, COALESCE(i.kind, ''),
	COALESCE(i.registration_number, ''), COALESCE(i.firm, ''), d.scope, d.status, d.valid_from, d.valid_to,
	d.invite_expires_on, d.origin, d.created_by_label, d.created_at, d.ended_at, d.end_reason,
	d.document_sha256, d.document_name, d.document_type, d.document_size
	FROM delegations d JOIN positions pos ON pos.id = d.position_id JOIN persons tp ON tp.id = pos.titolare_id
	JOIN persons ip ON ip.id = d.intermediary_id LEFT JOIN intermediaries i ON i.person_id = d.intermediary_id `

func scanDelegation(sc interface{ Scan(...any) error }) (delegation.Delegation, error) {
	var d delegation.Delegation
	var tg, tf, ig, ifam string
	var ended sql.NullTime
	err := sc.Scan(&d.ID, &d.PositionID, &d.PositionNumber, &d.TitolareID, &tg, &tf,
		&d.Intermediary.PersonID, &d.Intermediary.CodiceFiscale, &ig, &ifam, &d.Intermediary.Kind,
		&d.Intermediary.RegistrationNumber, &d.Intermediary.Firm, &d.Scope, &d.Status, &d.ValidFrom, &d.ValidTo,
		&d.InviteExpires, &d.Origin, &d.CreatedByLabel, &d.CreatedAt, &ended, &d.EndReason,
		&d.Document.SHA256, &d.Document.Name, &d.Document.Type, &d.Document.Size)
	d.TitolareName, d.Intermediary.Name = tg+" "+tf, ig+" "+ifam
	if ended.Valid {
		d.EndedAt = ended.Time
	}
	return d, err
}

// Get implements delegation.Store.
func (s *Delegations) Get(ctx context.Context, id int64) (delegation.Delegation, error) {
	list, err := s.list(ctx, s.db.W(), `WHERE d.id = ?`, id)
	if err != nil {
		return delegation.Delegation{}, err
	}
	if len(list) == 0 {
		return delegation.Delegation{}, errs.E(errs.NotFound, delegation.MsgNotFound)
	}
	return list[0], nil
}

// ForPosition implements delegation.Store.
func (s *Delegations) ForPosition(ctx context.Context, positionID int64) ([]delegation.Delegation, error) {
	return s.list(ctx, s.db.R(), `WHERE d.position_id = ? ORDER BY d.id DESC`, positionID)
}

// ForIntermediary implements delegation.Store.
func (s *Delegations) ForIntermediary(ctx context.Context, personID int64) ([]delegation.Delegation, error) {
	return s.list(ctx, s.db.R(), `WHERE d.intermediary_id = ? ORDER BY d.id DESC`, personID)
}

// PaperOfOffice returns the newest paper delegations registered on
// positions of office ("" for every office), at most limit.
func (s *Delegations) PaperOfOffice(ctx context.Context, office string, limit int) ([]delegation.Delegation, error) {
	if office == "" {
		return s.list(ctx, s.db.R(), `WHERE d.origin = 'paper' ORDER BY d.id DESC LIMIT ?`, limit)
	}
	return s.list(ctx, s.db.R(), `WHERE d.origin = 'paper' AND pos.office_code = ? ORDER BY d.id DESC LIMIT ?`, office, limit)
}

// list reads delegations and their histories with two queries on q: the
// reader pool for the pages (a committed change is visible to it), the
// writer for Get, which a change follows (the change itself is guarded by
// the status it starts from).
func (s *Delegations) list(ctx context.Context, q Querier, where string, args ...any) ([]delegation.Delegation, error) {
	rows, err := q.Query(ctx, delegationSelect+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: delegations: %w", err)
	}
	defer rows.Close()
	var out []delegation.Delegation
	for rows.Next() {
		d, err := scanDelegation(rows)
		if err != nil {
			return nil, fmt.Errorf("store: delegations scan: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: delegations: %w", err)
	}
	rows.Close()
	return out, s.history(ctx, q, out)
}

// history fills the history of list, oldest change first.
func (s *Delegations) history(ctx context.Context, q Querier, list []delegation.Delegation) error {
	if len(list) == 0 {
		return nil
	}
	ids, at := make([]any, len(list)), map[int64]int{}
	for i, d := range list {
		ids[i], at[d.ID] = d.ID, i
	}
	rows, err := q.Query(ctx, `SELECT id, delegation_id, at, from_status, to_status, actor_kind, actor_id,
		actor_label, note FROM delegation_history WHERE delegation_id IN (`+Placeholders(len(ids))+`) ORDER BY id`, ids...)
	if err != nil {
		return fmt.Errorf("store: delegation history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c delegation.Change
		var when time.Time
		if err := rows.Scan(&c.ID, &c.DelegationID, &when, &c.From, &c.To, &c.ActorKind, &c.ActorID,
			&c.ActorLabel, &c.Note); err != nil {
			return fmt.Errorf("store: delegation history scan: %w", err)
		}
		c.At = when
		i := at[c.DelegationID]
		list[i].History = append(list[i].History, c)
	}
	return rows.Err()
}
