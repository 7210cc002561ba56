package store

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// DuesByCodeline is recDuesByCodeline, for the tests of what it reads.
func DuesByCodeline(ctx context.Context, q Querier, codes []string) ([]ledger.OpenDue, error) {
	return recDuesByCodeline(ctx, q, codes)
}
