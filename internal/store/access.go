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

// AccessFacts completes f — the position's id, titolare and office, which
// the caller has read — with what the access policy needs of the actor's
// relation to it, reading only what the actor's profile asks: for a
// citizen acting for himself, whether he is a collaboratore (nothing when
// he is the titolare); for an intermediary, his delegations (his own and,
// for an association's staff member, the association's delegations
// assigned to him); for a citizen without a profile yet, both. Staff need
// nothing more.
func AccessFacts(ctx context.Context, db *DB, a access.Actor, f access.Facts) (access.Facts, error) {
	if a.Kind != access.Citizen || a.PersonID == 0 {
		return f, nil
	}
	q := db.W() // from the primary, never a replica: a revoked delegation ends access at once
	if a.Profile != access.Intermediary && !a.IsTitolareOf(f) {
		var n int
		err := q.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE position_id = ? AND person_id = ?`,
			f.PositionID, a.PersonID).Scan(&n)
		if err != nil {
			return f, fmt.Errorf("store: access facts: %w", err)
		}
		f.IsMember = n > 0
	}
	if a.Profile == access.Self {
		return f, nil
	}
	rows, err := q.Query(ctx, accessDelegationsQuery, f.PositionID, a.PersonID, a.PersonID, f.PositionID)
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
