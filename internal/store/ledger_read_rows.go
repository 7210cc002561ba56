package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

const allocationColumns = `a.id, a.payment_id, a.due_id, a.amount, a.method, a.created_at`

// readAllocationsQuery takes the allocations to some dues and those of
// some payments, each once: %s and %s are the two lists (payIn). Given the
// ids the records already hold, it reads the allocations through their two
// indexes alone, instead of finding the position's dues and payments again
// in every year's partition.
const readAllocationsQuery = `SELECT ` + allocationColumns + ` FROM allocations a WHERE %s OR %s ORDER BY a.id`

// readAllocations returns the allocations to the dues dueIDs and those of
// the payments paymentIDs, by id. A nil list matches nothing.
func readAllocations(ctx context.Context, q Querier, dueIDs, paymentIDs []int64) ([]ledger.Allocation, error) {
	if len(dueIDs) == 0 && len(paymentIDs) == 0 {
		return nil, nil
	}
	byDue, dues, err := payIn(q.Dialect(), "a.due_id", dueIDs)
	if err != nil {
		return nil, err
	}
	byPayment, payments, err := payIn(q.Dialect(), "a.payment_id", paymentIDs)
	if err != nil {
		return nil, err
	}
	var out []ledger.Allocation
	err = eachRow(ctx, q, fmt.Sprintf(readAllocationsQuery, byDue, byPayment), []any{dues, payments},
		func(sc interface{ Scan(...any) error }) error {
			a, err := scanReadAllocation(sc)
			if err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	return out, err
}

func scanReadAllocation(sc interface{ Scan(...any) error }) (ledger.Allocation, error) {
	var a ledger.Allocation
	var amount int64
	err := sc.Scan(&a.ID, &a.PaymentID, &a.DueID, &amount, &a.Method, &a.CreatedAt)
	a.Amount = moneyOf(amount)
	return a, err
}

const readNoticeLinksQuery = `SELECT n.id, n.kind, n.number, n.issued_on, n.deadline, COALESCE(n.parent_id, 0),
	ni.due_id, ni.capital, ni.sanction, ni.settlement_eligible
	FROM notices n JOIN notice_items ni ON ni.notice_id = n.id WHERE n.position_id = ? ORDER BY n.id, ni.due_id`

func readNoticeLinks(ctx context.Context, q Querier, positionID int64) ([]ledger.NoticeLink, error) {
	rows, err := q.Query(ctx, readNoticeLinksQuery, positionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.NoticeLink
	for rows.Next() {
		var l ledger.NoticeLink
		var kind string
		var capital, sanction int64
		if err := rows.Scan(&l.NoticeID, &kind, &l.Number, &l.IssuedOn, &l.Deadline, &l.ParentID, &l.DueID,
			&capital, &sanction, &l.Settlement); err != nil {
			return nil, err
		}
		l.Kind, l.Capital, l.Sanction = ledger.NoticeKind(kind), moneyOf(capital), moneyOf(sanction)
		out = append(out, l)
	}
	return out, rows.Err()
}
