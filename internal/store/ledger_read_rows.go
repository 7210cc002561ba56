package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

const allocationColumns = `a.id, a.payment_id, a.due_id, a.amount, a.method, a.created_at`

// readAllocationsQuery takes the allocations to the position's dues (of a
// year) and those of the position's payments, each once.
const readAllocationsQuery = `SELECT ` + allocationColumns + ` FROM allocations a JOIN dues d ON d.id = a.due_id
	WHERE d.position_id = ?%s
	UNION
	SELECT ` + allocationColumns + ` FROM allocations a JOIN payments p ON p.id = a.payment_id
	WHERE p.position_id = ?
	ORDER BY 1`

func readAllocations(ctx context.Context, q Querier, positionID int64, year int) ([]ledger.Allocation, error) {
	cond, args := yearFilter(year)
	args = append(append([]any{positionID}, args...), positionID)
	rows, err := q.Query(ctx, fmt.Sprintf(readAllocationsQuery, cond), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.Allocation
	for rows.Next() {
		a, err := scanReadAllocation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
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
