package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// HasOwnPositions reports whether person is the titolare or a collaboratore
// of at least one position.
func (s *Registry) HasOwnPositions(ctx context.Context, personID int64) (bool, error) {
	var n int
	err := s.db.R().QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM positions WHERE titolare_id = ?) + (SELECT COUNT(*) FROM members WHERE person_id = ?)`,
		personID, personID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: own positions: %w", err)
	}
	return n > 0, nil
}

// IsIntermediary reports whether person has an intermediary profile, holds
// any delegation or is on the staff of an association.
func (s *Registry) IsIntermediary(ctx context.Context, personID int64) (bool, error) {
	var n int
	err := s.db.R().QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM intermediaries WHERE person_id = ?) + (SELECT COUNT(*) FROM delegations WHERE intermediary_id = ?)
		+ (SELECT COUNT(*) FROM association_staff WHERE person_id = ? AND removed_at IS NULL)`,
		personID, personID, personID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: intermediary: %w", err)
	}
	return n > 0, nil
}

// activeDelegationIDs selects the ids of the delegations a person acts
// under: his own, and those assigned to him as an association's staff
// member (membership and assignment current). Its arguments are the
// person id, twice. Callers add the status and date conditions.
const activeDelegationIDs = `SELECT id FROM delegations WHERE intermediary_id = ?
	UNION ALL
	SELECT aa.delegation_id FROM association_staff s
	JOIN association_assignments aa ON aa.staff_id = s.id AND aa.removed_at IS NULL
	WHERE s.person_id = ? AND s.removed_at IS NULL`

// delegatedPositionsWhere is DelegatedPositions' condition on the positions.
const delegatedPositionsWhere = `WHERE pos.id IN (SELECT position_id FROM delegations
		WHERE id IN (` + activeDelegationIDs + `) AND status = 'active' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?))
		ORDER BY pos.number`

// DelegatedPositions lists the positions on which person holds a delegation
// active on day, his own or assigned to him by his association.
func (s *Registry) DelegatedPositions(ctx context.Context, personID int64, day civil.Date) ([]registry.PositionView, error) {
	return s.positions(ctx, s.db.R(), delegatedPositionsWhere, personID, personID, day, day)
}
