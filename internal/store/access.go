package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/access"
)

// AccessFacts reads what the access policy needs about positionID and the
// actor's relation to it (membership, delegations). The caller fills the
// titolare and office from the position it already loaded.
func AccessFacts(ctx context.Context, db *DB, a access.Actor, positionID int64) (access.Facts, error) {
	f := access.Facts{PositionID: positionID}
	if a.Kind != access.Citizen || a.PersonID == 0 {
		return f, nil
	}
	q := db.R()
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE position_id = ? AND person_id = ?`,
		positionID, a.PersonID).Scan(&n)
	if err != nil {
		return f, fmt.Errorf("store: access facts: %w", err)
	}
	f.IsMember = n > 0
	rows, err := q.Query(ctx, `SELECT status, scope, valid_from, valid_to FROM delegations
		WHERE position_id = ? AND intermediary_id = ?`, positionID, a.PersonID)
	if err != nil {
		return f, fmt.Errorf("store: access facts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d access.Delegation
		if err := rows.Scan(&d.Status, &d.Scope, &d.ValidFrom, &d.ValidTo); err != nil {
			return f, fmt.Errorf("store: access facts: %w", err)
		}
		f.Delegations = append(f.Delegations, d)
	}
	return f, rows.Err()
}
