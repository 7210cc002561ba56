package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// historyPayments writes the F24 lines of the history — the fixed rates by
// the payment generator, the saldo and acconti here — and imports them in
// order of payment date, running the notices batch at each notice date
// after the payments made by then.
func historyPayments(ctx context.Context, db *store.DB, params *contrib.Params, st *HistoryStats) error {
	lines, err := fixedRateLines(ctx, db)
	if err != nil {
		return err
	}
	more, err := aboveMinimaleLines(ctx, db)
	if err != nil {
		return err
	}
	lines = append(lines, more...)
	sort.SliceStable(lines, func(i, j int) bool { return lines[i][:10] < lines[j][:10] }) // by data_versamento
	for i, day := range noticeDates {
		n := sort.Search(len(lines), func(i int) bool { return lines[i][:10] > day.String() })
		if err := importLines(ctx, db, params, lines[:n], st); err != nil {
			return err
		}
		lines = lines[n:]
		if err := store.Analyze(ctx, db, historyAnalyzed(i == 0 || i == len(noticeDates)-1)...); err != nil {
			return err
		}
		if err := runNotices(ctx, db, params, day, st); err != nil {
			return err
		}
	}
	return nil
}

// historyAnalyzed returns the tables whose statistics are refreshed before
// a notices run. Those that grow from empty during the payments
// (allocations, notices, notice_items) are analyzed each time; dues and
// payments only with all — the first time, after the imposition filled
// dues, and the last, so that the portal starts with fresh statistics. In
// between dues gains only a few sanction dues, and no step of the history
// plans on the statistics of payments (the foreign-key checks of the
// allocations plan on the partitions' actual sizes: see pgGenericPlansFor
// in the store), while on PostgreSQL these two tables, partitioned by year,
// were nine tenths of every ANALYZE (each partition sampled, then the whole
// table once more for the parent's statistics).
func historyAnalyzed(all bool) []string {
	tables := []string{"allocations", "notices", "notice_items"}
	if all {
		tables = append(tables, "dues", "payments")
	}
	return tables
}

// fixedRateLines has the payment generator pay the fixed rates due by the
// reference date once (one pass: about 5% are left unpaid).
func fixedRateLines(ctx context.Context, db *store.DB) ([]string, error) {
	var rates int
	err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM dues WHERE kind IN ('rata1', 'rata2', 'rata3', 'rata4')
		AND codeline <> '' AND due_date <= ?`, ReferenceDate()).Scan(&rates)
	if err != nil || rates == 0 {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := paymentgen.Write(ctx, db, &buf, paymentgen.Options{Lines: rates * 9 / 10, Seed: 1, Latest: ReferenceDate()}); err != nil {
		return nil, err
	}
	all := strings.Split(strings.TrimSpace(buf.String()), "\n")
	return all[1:], nil // without the header
}

// aboveMinimaleLines pays the saldo and acconti due by the reference date:
// most on time with their codice INPS, some late, some not at all.
func aboveMinimaleLines(ctx context.Context, db *store.DB) ([]string, error) {
	rows, err := db.R().Query(ctx, `SELECT d.id, p.codice_fiscale, pos.office_code, d.causale, d.codeline,
		d.period_from, d.period_to, d.due_date, d.amount FROM dues d JOIN persons p ON p.id = d.person_id
		JOIN positions pos ON pos.id = d.position_id
		WHERE d.kind IN ('saldo', 'acconto1', 'acconto2') AND d.amount > 0 AND d.codeline <> '' AND d.due_date <= ?
		ORDER BY d.id`, ReferenceDate())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, amount int64
		var cf, sede, causale, code, from, to string
		var due civil.Date
		if err := rows.Scan(&id, &cf, &sede, &causale, &code, &from, &to, &due, &amount); err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(uint64(id), 7))
		paid := due.AddDays(-rng.IntN(10))
		switch x := rng.IntN(100); {
		case x < 8:
			continue // not paid
		case x < 15:
			paid = due.AddDays(5 + rng.IntN(120))
		}
		if paid.After(ReferenceDate()) {
			continue
		}
		out = append(out, fmt.Sprintf("%s,%s,%s,%s,%s,%s,%s,%d.%02d,0.00", paid, cf, sede, causale, code,
			f24Period(from), f24Period(to), amount/100, amount%100))
	}
	return out, rows.Err()
}

// f24Period turns a stored "2025-01" into the F24 form "01/2025".
func f24Period(iso string) string {
	if len(iso) != 7 {
		return iso
	}
	return iso[5:] + "/" + iso[:4]
}

func importLines(ctx context.Context, db *store.DB, params *contrib.Params, lines []string, st *HistoryStats) error {
	if len(lines) == 0 {
		return nil
	}
	r, err := ledger.NewF24Reader(strings.NewReader(ledger.F24Header + "\n" + strings.Join(lines, "\n") + "\n"))
	if err != nil {
		return err
	}
	w := store.NewPayments(db, ledger.Reconciler{Params: params}, time.Now)
	res, err := ledger.ImportPayments(ctx, r, w, ledger.ImportOptions{Source: "demo", Today: ReferenceDate()})
	st.Payments += res.Created
	return err
}

func runNotices(ctx context.Context, db *store.DB, params *contrib.Params, day civil.Date, st *HistoryStats) error {
	clock := func() time.Time { return day.Time() }
	b := ledger.NoticeBatch{Store: store.NewNotices(db, clock),
		Planner: ledger.NoticePlanner{Policy: ledger.DefaultNoticePolicy(day), Params: params}}
	t, err := b.Run(ctx)
	st.Notices += t.Bonari + t.Addebiti
	return err
}
