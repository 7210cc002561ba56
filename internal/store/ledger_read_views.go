package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/ledger"
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

// duesByIDQuery reads some dues of one position by id; %s is the list of
// placeholders.
const duesByIDQuery = `SELECT ` + DueSelect + ` FROM dues d WHERE d.id IN (%s) AND d.position_id = ?`

// DuesByID returns the dues of position positionID among ids, by id (a
// due of another position is left out): one query on the primary key.
// The list of payments names the dues each payment paid with it.
func (r *LedgerReader) DuesByID(ctx context.Context, positionID int64, ids []int64) (map[int64]ledger.Due, error) {
	out := make(map[int64]ledger.Due, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids)+1)
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := r.db.R().Query(ctx, fmt.Sprintf(duesByIDQuery, Placeholders(len(ids))), append(args, positionID)...)
	if err != nil {
		return nil, fmt.Errorf("store: dues of position %d: %w", positionID, err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := ScanDue(rows)
		if err != nil {
			return nil, fmt.Errorf("store: dues of position %d: %w", positionID, err)
		}
		out[d.ID] = d
	}
	return out, rows.Err()
}
