package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// Workspace reads the intermediary's delegations for his workspace
// (workspace.Clients).
type Workspace struct{ db *DB }

// NewWorkspace returns the workspace store on db.
func NewWorkspace(db *DB) *Workspace { return &Workspace{db: db} }

// Workspace queries: the delegations active on a day with their positions
// and titolari (the same condition as Registry.DelegatedPositions,
// association assignments included), and
// the invitations not answered yet.
const (
	workspaceClientsQuery = `SELECT p.id, p.number, p.gestione, pe.given_name, pe.family_name, pe.codice_fiscale,
		d.scope, d.valid_to
		FROM delegations d JOIN positions p ON p.id = d.position_id JOIN persons pe ON pe.id = p.titolare_id
		WHERE d.id IN (` + activeDelegationIDs + `) AND d.status = 'active' AND d.valid_from <= ? AND (d.valid_to IS NULL OR d.valid_to >= ?)
		ORDER BY p.number, d.id`
	workspacePendingQuery = `SELECT COUNT(*) FROM delegations WHERE intermediary_id = ? AND status = 'pending'
		AND (invite_expires_on IS NULL OR invite_expires_on >= ?)`
)

// Clients lists the positions delegated to personID by a delegation
// active on day (his own, or his association's assigned to him), by
// position number. A position with two such
// delegations is listed once, with the wider scope and the later end.
func (s *Workspace) Clients(ctx context.Context, personID int64, day civil.Date) ([]workspace.Client, error) {
	var out []workspace.Client
	err := eachRow(ctx, s.db.R(), workspaceClientsQuery, []any{personID, personID, day, day}, func(sc interface{ Scan(...any) error }) error {
		var c workspace.Client
		if err := sc.Scan(&c.PositionID, &c.Number, &c.Gestione, &c.GivenName, &c.FamilyName, &c.CodiceFiscale,
			&c.Scope, &c.ValidTo); err != nil {
			return err
		}
		if n := len(out); n > 0 && out[n-1].PositionID == c.PositionID {
			out[n-1] = widerDelegation(out[n-1], c)
			return nil
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: workspace clients: %w", err)
	}
	return out, nil
}

// widerDelegation merges two active delegations on one position: the
// full scope wins, and so does the later end (no end is the latest).
func widerDelegation(a, b workspace.Client) workspace.Client {
	if b.Scope == "full" {
		a.Scope = b.Scope
	}
	if a.ValidTo.IsZero() || b.ValidTo.IsZero() {
		a.ValidTo = civil.Date{}
	} else if b.ValidTo.After(a.ValidTo) {
		a.ValidTo = b.ValidTo
	}
	return a
}

// PendingInvitations counts the delegations offered to personID that he
// has not accepted or rejected yet (status pending) and whose invitation
// is still open on day (an expired one is recorded as such only when read).
func (s *Workspace) PendingInvitations(ctx context.Context, personID int64, day civil.Date) (int, error) {
	var n int
	if err := s.db.R().QueryRow(ctx, workspacePendingQuery, personID, day).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: pending invitations: %w", err)
	}
	return n, nil
}
