package store

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// DuesByCodeline is recDuesByCodeline, for the tests of what it reads.
func DuesByCodeline(ctx context.Context, q Querier, codes []string) ([]ledger.OpenDue, error) {
	return recDuesByCodeline(ctx, q, codes)
}

// SplitFrom makes s write a PostgreSQL chunk of at least n new payments
// with two writers (paySplitMin otherwise).
func (s *Payments) SplitFrom(n int) { s.splitMin = n }

// Splits returns how many chunks s wrote with two writers.
func (s *Payments) Splits() int { return s.splits }
