package cli_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// noticesDB returns the URL of a database with positions random positions
// (demo seed 1) whose titolari owe the first three 2025 fixed rates, unpaid,
// except every seventh position, which paid rate 1 in part.
func noticesDB(t *testing.T, positions int) string {
	t.Helper()
	return storetest.Prepared(t, func(ctx context.Context, db *store.DB) error {
		if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: positions}); err != nil {
			return err
		}
		dues := noticesDues(t, db)
		if err := db.InTx(ctx, func(q store.Querier) error {
			_, err := store.InsertDues(ctx, q, dues, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
			return err
		}); err != nil {
			return err
		}
		noticesPartialPayments(t, db)
		return nil
	})
}

// noticesDues returns three unpaid 2025 rates for the titolare of every position.
func noticesDues(t *testing.T, db *store.DB) []ledger.Due {
	t.Helper()
	rows, err := db.R().Query(context.Background(), `SELECT id, number, titolare_id, gestione FROM positions ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	dates := contrib.FixedRateDueDates(2025)
	var dues []ledger.Due
	for rows.Next() {
		var id, person int64
		var number, g string
		if err := rows.Scan(&id, &number, &person, &g); err != nil {
			t.Fatal(err)
		}
		for n := 1; n <= 3; n++ {
			dues = append(dues, ledger.Due{NaturalKey: fmt.Sprintf("test:%s:%d", number, n), PositionID: id, PersonID: person,
				SubjectCode: 10, Year: 2025, Kind: ledger.FixedRate(n), Causale: ledger.Causale(contrib.Gestione(g), ledger.FixedRate(n)),
				PeriodFrom: contrib.YearMonth{Year: 2025, Month: time.Month(3*n - 2)}, PeriodTo: contrib.YearMonth{Year: 2025, Month: time.Month(3 * n)},
				DueDate: dates[n-1], Amount: money.Cents(113743 + n), Maternity: 186})
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return dues
}

// noticesPartialPayments pays 500.00 of rate 1 for every seventh position.
func noticesPartialPayments(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	_, err := db.W().Exec(ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id, codice_sede,
		causale, codice_inps, period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at)
		SELECT 'test:' || d.natural_key, d.due_date, 'X', d.person_id, d.position_id, '1300', d.causale, '', d.period_from,
			d.period_to, 50000, 0, 'test', 1, d.created_at, d.created_at
		FROM dues d WHERE d.kind = 'rata1' AND d.position_id % 7 = 0`)
	if err == nil {
		_, err = db.W().Exec(ctx, `INSERT INTO allocations (payment_id, payment_paid_on, due_id, due_year, amount, method, created_at)
			SELECT p.id, p.paid_on, d.id, d.year, 50000, 'codeline', p.created_at FROM payments p JOIN dues d ON 'test:' || d.natural_key = p.line_key`)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// noticesTotals is everything the notices batch wrote, without row ids
// (PostgreSQL does not give back the ids of a rolled-back transaction).
type noticesTotals struct {
	Notices, Items, Sanctions, Documents, Events   int64
	Capital, Charged, SanctionDues, ItemsSanctions int64
	Numbers                                        string // every notice as number=natural key
	Counters                                       string
}

func readNoticesTotals(t *testing.T, url string) noticesTotals {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n noticesTotals
	q := db.R()
	scans := []struct {
		query string
		dest  []any
	}{
		{`SELECT COUNT(*), COALESCE(SUM(capital), 0), COALESCE(SUM(sanctions), 0) FROM notices`, []any{&n.Notices, &n.Capital, &n.Charged}},
		{`SELECT COUNT(*), COALESCE(SUM(sanction), 0) FROM notice_items`, []any{&n.Items, &n.ItemsSanctions}},
		{`SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM dues WHERE kind = 'sanction'`, []any{&n.Sanctions, &n.SanctionDues}},
		{`SELECT COUNT(*) FROM documents`, []any{&n.Documents}},
		{`SELECT COUNT(*) FROM events WHERE kind = 'notice.issued'`, []any{&n.Events}},
	}
	for _, s := range scans {
		if err := q.QueryRow(ctx, s.query).Scan(s.dest...); err != nil {
			t.Fatal(err)
		}
	}
	n.Numbers = noticesJoin(t, db, `SELECT number || '=' || natural_key FROM notices ORDER BY number`)
	n.Counters = noticesJoin(t, db, `SELECT series || ':' || CAST(year AS TEXT) || ':' || CAST(last AS TEXT) FROM notice_counters ORDER BY series, year`)
	return n
}

func noticesJoin(t *testing.T, db *store.DB, query string) string {
	t.Helper()
	rows, err := db.R().Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return strings.Join(out, ",")
}

// asOfDay is the run date of the CLI tests: 60 days after rate 3 of 2025.
var asOfDay = civil.MustParse("2026-03-16")
