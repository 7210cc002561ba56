package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/audit"
)

// associationActivityQuery reads the access log of an association's staff
// on the positions of its delegations, while they were staff: one index
// range per membership (audit_actor), merged newest first.
const associationActivityQuery = auditSelect + `JOIN association_staff s ON a.actor_kind = 'citizen' AND a.actor_id = s.person_id
	WHERE s.association_id = ? AND a.id < ? AND a.at >= s.added_at AND (s.removed_at IS NULL OR a.at <= s.removed_at)
	AND a.position_id IN (SELECT d.position_id FROM delegations d WHERE d.intermediary_id = ?)
	ORDER BY a.id DESC LIMIT ?`

// Activity implements association.Store.
func (s *Associations) Activity(ctx context.Context, assocID, beforeID int64, limit int) ([]audit.Entry, error) {
	if beforeID <= 0 {
		beforeID = 1 << 62
	}
	rows, err := s.db.R().Query(ctx, associationActivityQuery, assocID, beforeID, assocID, clampLimit(limit, 50, 200))
	if err != nil {
		return nil, fmt.Errorf("store: association activity: %w", err)
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.ID, &e.At, &e.ActorKind, &e.ActorID, &e.ActorLabel, &e.ActingAs,
			&e.PositionID, &e.PositionNumber, &e.Action, &e.Detail, &e.IP); err != nil {
			return nil, fmt.Errorf("store: association activity: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
