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

// IsIntermediary reports whether person has an intermediary profile or
// holds any delegation.
func (s *Registry) IsIntermediary(ctx context.Context, personID int64) (bool, error) {
	var n int
	err := s.db.R().QueryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM intermediaries WHERE person_id = ?) + (SELECT COUNT(*) FROM delegations WHERE intermediary_id = ?)`,
		personID, personID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("store: intermediary: %w", err)
	}
	return n > 0, nil
}

// DelegatedPositions lists the positions on which person holds a delegation
// active on day.
func (s *Registry) DelegatedPositions(ctx context.Context, personID int64, day civil.Date) ([]registry.PositionView, error) {
	return s.positions(ctx, s.db.R(), `WHERE pos.id IN (SELECT position_id FROM delegations
		WHERE intermediary_id = ? AND status = 'active' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?))
		ORDER BY pos.number`, personID, day, day)
}
