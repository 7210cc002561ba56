package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// idArgs returns ids as query arguments.
func idArgs(ids []int64) []any {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return args
}

// positionInfos returns the positions of ids, by id.
func positionInfos(ctx context.Context, q Querier, ids []int64) (map[int64]ledger.PositionInfo, error) {
	out := make(map[int64]ledger.PositionInfo, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, `SELECT p.id, p.number, p.gestione, p.office_code FROM positions p WHERE p.id IN (`+
		Placeholders(len(ids))+`)`, idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p ledger.PositionInfo
		var g string
		if err := rows.Scan(&p.ID, &p.Number, &g, &p.Sede); err != nil {
			return nil, fmt.Errorf("positions: %w", err)
		}
		p.Gestione = contrib.Gestione(g)
		out[p.ID] = p
	}
	return out, rows.Err()
}

// openFixedDues returns the fixed rates of positions that no avviso bonario
// names, due in the policy's window, with their capital owed, by position.
func openFixedDues(ctx context.Context, q Querier, positions []int64, p ledger.NoticePolicy) (map[int64][]ledger.NoticeCandidate, error) {
	out := make(map[int64][]ledger.NoticeCandidate, len(positions))
	if len(positions) == 0 {
		return out, nil
	}
	query := `SELECT ` + DueSelect + `, ` + capitalColumns + ` FROM dues d WHERE d.position_id IN (` +
		Placeholders(len(positions)) + `) AND ` + openFixedWhere + ` ORDER BY d.position_id, d.due_date, d.subject_code, d.id`
	args := append(idArgs(positions), p.NotifiableFrom(), p.NotifiableUntil())
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("open fixed rates: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c ledger.NoticeCandidate
		var corrections, paid int64
		d, err := ScanDue(scanWith(rows, &corrections, &paid))
		if err != nil {
			return nil, fmt.Errorf("open fixed rates: %w", err)
		}
		c.Due, c.Capital = d, d.Amount+moneyOf(corrections)-moneyOf(paid)
		out[d.PositionID] = append(out[d.PositionID], c)
	}
	return out, rows.Err()
}

// scanWith is a scanner that reads the columns of sc's row that ScanDue
// asks for, then extra.
func scanWith(sc interface{ Scan(...any) error }, extra ...any) interface{ Scan(...any) error } {
	return scanFunc(func(dest ...any) error { return sc.Scan(append(dest, extra...)...) })
}

type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }

// parentNotice is an avviso bonario with its position.
type parentNotice struct {
	Notice   ledger.Notice
	Position ledger.PositionInfo
}

// unfollowedBonariQuery reads the avvisi bonari of a list that no avviso
// di addebito follows yet.
const unfollowedBonariQuery = `SELECT n.id, n.natural_key, n.position_id, n.kind, n.number, n.issued_on, n.deadline,
	n.capital, n.sanctions, n.interest, p.number, p.gestione, p.office_code
	FROM notices n JOIN positions p ON p.id = n.position_id
	WHERE n.id IN (%s) AND NOT EXISTS (SELECT 1 FROM notices x WHERE x.parent_id = n.id)
	ORDER BY n.id`

func unfollowedBonari(ctx context.Context, q Querier, ids []int64) ([]parentNotice, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := q.Query(ctx, fmt.Sprintf(unfollowedBonariQuery, Placeholders(len(ids))), idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("avvisi bonari: %w", err)
	}
	defer rows.Close()
	var out []parentNotice
	for rows.Next() {
		var pn parentNotice
		n := &pn.Notice
		var kind, g string
		var capital, sanctions, interest int64
		if err := rows.Scan(&n.ID, &n.NaturalKey, &n.PositionID, &kind, &n.Number, &n.IssuedOn, &n.Deadline,
			&capital, &sanctions, &interest, &pn.Position.Number, &g, &pn.Position.Sede); err != nil {
			return nil, fmt.Errorf("avvisi bonari: %w", err)
		}
		n.Kind, n.Capital, n.Sanctions, n.Interest = ledger.NoticeKind(kind), moneyOf(capital), moneyOf(sanctions), moneyOf(interest)
		pn.Position.ID, pn.Position.Gestione = n.PositionID, contrib.Gestione(g)
		out = append(out, pn)
	}
	return out, rows.Err()
}

// sanctionColumns compute, for a due d, the sanctions charged on it and
// what was allocated to them (children by parent_id and year, as in
// capitalColumns).
const sanctionColumns = `COALESCE((SELECT SUM(CASE WHEN s.kind = 'sanction' THEN s.amount ELSE 0 END)
		FROM dues s WHERE s.parent_id = d.id AND s.year = d.year), 0),
	COALESCE((SELECT SUM(CASE WHEN s.kind = 'sanction' THEN a.amount ELSE 0 END)
		FROM dues s JOIN allocations a ON a.due_id = s.id WHERE s.parent_id = d.id AND s.year = d.year), 0)`

// bonarioItemsQuery reads the items of notices with what each due owes now.
const bonarioItemsQuery = `SELECT ` + DueSelect + `, ` + capitalColumns + `, ` + sanctionColumns + `,
	ni.notice_id, ni.settlement_eligible
	FROM notice_items ni JOIN dues d ON d.id = ni.due_id
	WHERE ni.notice_id IN (%s) ORDER BY ni.notice_id, d.due_date, d.subject_code, d.id`

// bonarioItems returns the items of notices ids as candidates, by notice.
func bonarioItems(ctx context.Context, q Querier, ids []int64) (map[int64][]ledger.NoticeCandidate, error) {
	out := make(map[int64][]ledger.NoticeCandidate, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, fmt.Sprintf(bonarioItemsQuery, Placeholders(len(ids))), idArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("notice items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c ledger.NoticeCandidate
		var corrections, paid, sanctions, sanctionsPaid, noticeID int64
		d, err := ScanDue(scanWith(rows, &corrections, &paid, &sanctions, &sanctionsPaid, &noticeID, &c.Settlement))
		if err != nil {
			return nil, fmt.Errorf("notice items: %w", err)
		}
		c.Due = d
		c.Capital = d.Amount + moneyOf(corrections) - moneyOf(paid)
		c.SanctionOwed = moneyOf(sanctions) - moneyOf(sanctionsPaid)
		out[noticeID] = append(out[noticeID], c)
	}
	return out, rows.Err()
}
