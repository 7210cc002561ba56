package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/money"
)

// noticeInterestQuery reads the interest each notice of a position asked
// for (the notice links of Records carry capital and sanctions only).
const noticeInterestQuery = `SELECT n.id, n.interest FROM notices n WHERE n.position_id = ?`

// NoticeInterest returns the interest asked by each notice of position
// positionID, by notice id: one indexed query.
func (r *LedgerReader) NoticeInterest(ctx context.Context, positionID int64) (map[int64]money.Cents, error) {
	rows, err := r.db.R().Query(ctx, noticeInterestQuery, positionID)
	if err != nil {
		return nil, fmt.Errorf("store: notices of position %d: %w", positionID, err)
	}
	defer rows.Close()
	out := map[int64]money.Cents{}
	for rows.Next() {
		var id, interest int64
		if err := rows.Scan(&id, &interest); err != nil {
			return nil, fmt.Errorf("store: notices of position %d: %w", positionID, err)
		}
		out[id] = moneyOf(interest)
	}
	return out, rows.Err()
}
