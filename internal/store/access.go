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
	q := db.W() // from the primary, never a replica: a revoked delegation ends access at once
	return completeFacts(a, f, func() (bool, error) {
		var n int
		err := q.QueryRow(ctx, `SELECT COUNT(*) FROM members WHERE position_id = ? AND person_id = ?`,
			f.PositionID, a.PersonID).Scan(&n)
		return n > 0, err
	}, func() ([]access.Delegation, error) {
		return readDelegations(ctx, q, a.PersonID, f.PositionID)
	})
}

// Relation is a citizen's relation to a position, read with the position
// by ReadSessionPage: whether he is one of its members, and the
// delegations AccessFacts would read for him.
type Relation struct {
	Member      bool
	Delegations []access.Delegation
}

// Facts completes f for actor a from r, as AccessFacts does from the
// database; r must be a's relation to f's position.
func (r Relation) Facts(a access.Actor, f access.Facts) access.Facts {
	f, _ = completeFacts(a, f, func() (bool, error) { return r.Member, nil },
		func() ([]access.Delegation, error) { return r.Delegations, nil })
	return f
}

// completeFacts is the policy of AccessFacts: which of the actor's
// relations to the position to ask for, by profile.
func completeFacts(a access.Actor, f access.Facts, member func() (bool, error),
	delegations func() ([]access.Delegation, error)) (access.Facts, error) {
	if a.Kind != access.Citizen || a.PersonID == 0 {
		return f, nil
	}
	var err error
	if a.Profile != access.Intermediary && !a.IsTitolareOf(f) {
		if f.IsMember, err = member(); err != nil {
			return f, fmt.Errorf("store: access facts: %w", err)
		}
	}
	if a.Profile == access.Self {
		return f, nil
	}
	if f.Delegations, err = delegations(); err != nil {
		return f, fmt.Errorf("store: access facts: %w", err)
	}
	return f, nil
}

func readDelegations(ctx context.Context, q Querier, personID, positionID int64) ([]access.Delegation, error) {
	rows, err := q.Query(ctx, accessDelegationsQuery, positionID, personID, personID, positionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []access.Delegation
	for rows.Next() {
		var d access.Delegation
		if err := rows.Scan(&d.Status, &d.Scope, &d.ValidFrom, &d.ValidTo); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
