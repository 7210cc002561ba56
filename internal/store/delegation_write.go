package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Create implements delegation.Store.
func (s *Delegations) Create(ctx context.Context, d *delegation.Delegation, c delegation.Change) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		err := tx.QueryRow(ctx, `INSERT INTO delegations (position_id, intermediary_id, scope, status, valid_from,
			valid_to, created_at, origin, created_by_kind, created_by_id, created_by_label, invite_expires_on,
			document_sha256, document_name, document_type, document_size)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			d.PositionID, d.Intermediary.PersonID, d.Scope, string(d.Status), d.ValidFrom, d.ValidTo, d.CreatedAt.UTC(),
			string(d.Origin), c.ActorKind, c.ActorID, c.ActorLabel, d.InviteExpires,
			d.Document.SHA256, d.Document.Name, d.Document.Type, d.Document.Size).Scan(&d.ID)
		if IsUniqueViolation(err) {
			return errs.Wrap(errs.Conflict, delegation.MsgDuplicate, err)
		}
		if err != nil {
			return fmt.Errorf("store: create delegation: %w", err)
		}
		c.DelegationID = d.ID
		return writeChange(ctx, tx, *d, c)
	})
}

// Apply implements delegation.Store.
func (s *Delegations) Apply(ctx context.Context, d delegation.Delegation, c delegation.Change) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		set, args := "status = ?", []any{string(c.To)}
		if !c.ValidFrom.IsZero() {
			set, args = set+", valid_from = ?", append(args, c.ValidFrom)
		}
		if !c.To.Open() {
			set, args = set+", ended_at = ?, end_reason = ?", append(args, c.At.UTC(), c.Note)
		}
		res, err := tx.Exec(ctx, `UPDATE delegations SET `+set+` WHERE id = ? AND status = ?`,
			append(args, d.ID, string(c.From))...)
		if err != nil {
			return fmt.Errorf("store: update delegation: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errs.Wrap(errs.Conflict, delegation.MsgChanged, err)
		}
		return writeChange(ctx, tx, d, c)
	})
}

// writeChange records c on d: its history row, the audit entry and the
// event for the notifications (both sides are told).
func writeChange(ctx context.Context, tx Querier, d delegation.Delegation, c delegation.Change) error {
	var hid int64
	err := tx.QueryRow(ctx, `INSERT INTO delegation_history (delegation_id, at, from_status, to_status,
		actor_kind, actor_id, actor_label, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		d.ID, c.At.UTC(), string(c.From), string(c.To), c.ActorKind, c.ActorID, c.ActorLabel, c.Note).Scan(&hid)
	if err != nil {
		return fmt.Errorf("store: delegation history: %w", err)
	}
	_, err = tx.Exec(ctx, `INSERT INTO audit_log (at, actor_kind, actor_id, actor_label, acting_as, position_id,
		action, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.At.UTC(), c.ActorKind, c.ActorID, c.ActorLabel,
		c.ActingAs, d.PositionID, c.Verb.EventKind(), delegation.AuditDetail(d, c), c.IP)
	if err != nil {
		return fmt.Errorf("store: delegation audit: %w", err)
	}
	payload, err := json.Marshal(map[string]any{"delegation_id": d.ID, "position_id": d.PositionID,
		"position_number": d.PositionNumber, "titolare_id": d.TitolareID, "intermediary_id": d.Intermediary.PersonID,
		"from": c.From, "to": c.To, "scope": d.Scope, "note": c.Note})
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, fmt.Sprintf("delegation:%d:%d", d.ID, hid), c.Verb.EventKind(), d.PositionID,
		d.ID, string(payload), c.At.UTC())
	if err != nil {
		return fmt.Errorf("store: delegation event: %w", err)
	}
	return nil
}
