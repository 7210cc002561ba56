package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/access"
)

// accessDelegationsQuery reads the actor's delegations on a position: his
// own, and those of the associations whose staff he is, assigned to him
// (membership and assignment not removed), with their scope and dates.
const accessDelegationsQuery = `SELECT status, scope, valid_from, valid_to FROM delegations
	WHERE position_id = ? AND intermediary_id = ?
	UNION ALL
	SELECT d.status, d.scope, d.valid_from, d.valid_to FROM association_staff s
	JOIN association_assignments aa ON aa.staff_id = s.id AND aa.removed_at IS NULL
	JOIN delegations d ON d.id = aa.delegation_id AND d.intermediary_id = s.association_id
	WHERE s.person_id = ? AND s.removed_at IS NULL AND d.position_id = ?`

// AccessFacts reads what the access policy needs about positionID and the
// actor's relation to it (membership, delegations: his own and, for an
// association's staff member, the association's delegations assigned to him). The caller fills the
// titolare and office from the position it already loaded.
func AccessFacts(ctx context.Context, db *DB, a access.Actor, positionID int64) (access.Facts, error) {
	f := access.Facts{PositionID: positionID}
	if a.Kind != access.Citizen || a.PersonID == 0 {
		return f, nil
	}
	q := db.W() // from the primary, never a replica: a revoked delegation ends access at once
	var n int
	err := q.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE position_id = ? AND person_id = ?`,
		positionID, a.PersonID).Scan(&n)
	if err != nil {
		return f, fmt.Errorf("store: access facts: %w", err)
	}
	f.IsMember = n > 0
	rows, err := q.Query(ctx, accessDelegationsQuery, positionID, a.PersonID, a.PersonID, positionID)
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
