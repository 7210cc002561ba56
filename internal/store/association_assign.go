package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/association"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// associationAssignmentsQuery lists the current assignments of an
// association's delegations.
const associationAssignmentsQuery = `SELECT a.id, a.delegation_id, a.staff_id, p.given_name, p.family_name, a.assigned_at
	FROM association_staff s JOIN association_assignments a ON a.staff_id = s.id AND a.removed_at IS NULL
	JOIN persons p ON p.id = s.person_id
	WHERE s.association_id = ? AND s.removed_at IS NULL ORDER BY a.delegation_id, p.family_name, a.id LIMIT 10000`

// Assignments implements association.Store.
func (s *Associations) Assignments(ctx context.Context, assocID int64) ([]association.Assignment, error) {
	var out []association.Assignment
	err := eachRow(ctx, s.db.R(), associationAssignmentsQuery, []any{assocID}, func(sc interface{ Scan(...any) error }) error {
		var a association.Assignment
		var g, f string
		if err := sc.Scan(&a.ID, &a.DelegationID, &a.StaffID, &g, &f, &a.AssignedAt); err != nil {
			return err
		}
		a.PersonName = g + " " + f
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: association assignments: %w", err)
	}
	return out, nil
}

// Assign implements association.Store: the insert happens only when the
// delegation and the current membership are both the association's.
func (s *Associations) Assign(ctx context.Context, assocID, delegationID, staffID int64, at time.Time) error {
	res, err := s.db.W().Exec(ctx, `INSERT INTO association_assignments (delegation_id, staff_id, assigned_at)
		SELECT d.id, s.id, ? FROM delegations d JOIN association_staff s ON s.association_id = d.intermediary_id
		WHERE d.id = ? AND d.intermediary_id = ? AND s.id = ? AND s.removed_at IS NULL`,
		at.UTC(), delegationID, assocID, staffID)
	if IsUniqueViolation(err) {
		return errs.Wrap(errs.Conflict, association.MsgAlreadyAssigned, err)
	}
	if err != nil {
		return fmt.Errorf("store: assign: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errs.Wrap(errs.NotFound, association.MsgChoose, err)
	}
	return nil
}

// Unassign implements association.Store.
func (s *Associations) Unassign(ctx context.Context, assocID, id int64, at time.Time) error {
	res, err := s.db.W().Exec(ctx, `UPDATE association_assignments SET removed_at = ?
		WHERE id = ? AND removed_at IS NULL
		AND staff_id IN (SELECT s.id FROM association_staff s WHERE s.association_id = ?)`, at.UTC(), id, assocID)
	if err != nil {
		return fmt.Errorf("store: unassign: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errs.Wrap(errs.NotFound, association.MsgChoose, err)
	}
	return nil
}
