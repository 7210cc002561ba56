package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// writeNoticePlans writes plans (all of one series) issued in year: the
// notices, numbered from the series' counter, their sanction dues, items,
// documents and events. A plan whose notice natural key is already stored
// is skipped. It runs in the caller's transaction, so a rollback also
// returns the numbers taken: numbering stays gapless. The sanction dues
// and the items are written with generic plans (see querierGenericPlans):
// their foreign keys point at the partitioned dues.
func writeNoticePlans(ctx context.Context, q Querier, plans []ledger.NoticePlan, year int, now time.Time, t *ledger.NoticeTally) error {
	plans, err := dropStoredNotices(ctx, q, plans, t)
	if err != nil || len(plans) == 0 {
		return err
	}
	first, err := reserveNumbers(ctx, q, plans[0].Series, year, int64(len(plans)))
	if err != nil {
		return err
	}
	for i := range plans {
		plans[i].Notice.Number = ledger.NoticeNumber(plans[i].Series, year, first+int64(i))
	}
	if err := insertNotices(ctx, q, plans, now); err != nil {
		return err
	}
	var sanctions []ledger.Due
	for _, p := range plans {
		sanctions = append(sanctions, p.SanctionDues()...)
	}
	err = querierGenericPlans(ctx, q, func() error {
		n, err := InsertDues(ctx, q, sanctions, now)
		if err != nil {
			return err
		}
		t.Sanctions += n
		return insertNoticeExtras(ctx, q, plans, now, t)
	})
	if err != nil {
		return err
	}
	for _, p := range plans {
		if p.Notice.Kind == ledger.AvvisoAddebito {
			t.Addebiti++
		} else {
			t.Bonari++
		}
		t.Capital += p.Notice.Capital
		t.Charged += p.Notice.Sanctions
	}
	return nil
}

// dropStoredNotices returns the plans whose natural key is not stored yet,
// counting the others as skipped.
func dropStoredNotices(ctx context.Context, q Querier, plans []ledger.NoticePlan, t *ledger.NoticeTally) ([]ledger.NoticePlan, error) {
	if len(plans) == 0 {
		return nil, nil
	}
	keys := make([]any, len(plans))
	for i, p := range plans {
		keys[i] = p.Notice.NaturalKey
	}
	rows, err := q.Query(ctx, `SELECT natural_key FROM notices WHERE natural_key IN (`+Placeholders(len(keys))+`)`, keys...)
	if err != nil {
		return nil, fmt.Errorf("stored notices: %w", err)
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("stored notices: %w", err)
		}
		stored[k] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stored notices: %w", err)
	}
	out := plans[:0:0]
	for _, p := range plans {
		if stored[p.Notice.NaturalKey] {
			t.Skipped++
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// reserveNumbers takes n numbers of series in year and returns the first.
func reserveNumbers(ctx context.Context, q Querier, series string, year int, n int64) (int64, error) {
	var last int64
	err := q.QueryRow(ctx, `INSERT INTO notice_counters (series, year, last) VALUES (?, ?, ?)
		ON CONFLICT (series, year) DO UPDATE SET last = notice_counters.last + excluded.last
		RETURNING last`, series, year, n).Scan(&last)
	if err != nil {
		return 0, fmt.Errorf("notice numbers %s %d: %w", series, year, err)
	}
	return last - n + 1, nil
}

// maxRowsPerInsert bounds a multi-row INSERT (rows × columns stays far
// below the parameter limits of both databases).
const maxRowsPerInsert = 500

// insertNotices writes the notices of plans and sets their ids.
func insertNotices(ctx context.Context, q Querier, plans []ledger.NoticePlan, now time.Time) error {
	const cols = `natural_key, position_id, kind, number, issued_on, deadline, capital, sanctions, interest, parent_id, created_at`
	for start := 0; start < len(plans); start += maxRowsPerInsert {
		part := plans[start:min(start+maxRowsPerInsert, len(plans))]
		rows := make([][]any, len(part))
		for i, p := range part {
			n := p.Notice
			var parent any
			if n.ParentID != 0 {
				parent = n.ParentID
			}
			rows[i] = []any{n.NaturalKey, n.PositionID, string(n.Kind), n.Number, n.IssuedOn, n.Deadline,
				int64(n.Capital), int64(n.Sanctions), int64(n.Interest), parent, now.UTC()}
		}
		ids, err := insertReturningIDs(ctx, q, "INSERT INTO notices ("+cols+") VALUES ", rows, " RETURNING natural_key, id")
		if err != nil {
			return fmt.Errorf("insert notices: %w", err)
		}
		for i := range part {
			id, ok := ids[part[i].Notice.NaturalKey]
			if !ok {
				return fmt.Errorf("insert notices: no id for %s", part[i].Notice.NaturalKey)
			}
			part[i].Notice.ID = id
		}
	}
	return nil
}
