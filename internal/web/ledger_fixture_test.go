package web_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// ledgerFacts are the records withLedger wrote on position p1.
type ledgerFacts struct {
	rates   map[string]ledger.Due // "2025:10:rata1": the fixed rates of p1 by year, subject and kind
	notice  int64                 // the avviso bonario of the unpaid third rate of 2025
	payment int64                 // the late payment of the second rate of 2025
}

// withLedger gives position p1 a contribution history through the real
// batches where the test data allow it: the imposition of 2025 and 2026
// (titolare and collaboratore), handmade reconciled payments (every 2025
// rate but the titolare's third, the second one late with its sanction,
// the collaboratore's first rate of 2026 and an unallocated credit), and
// the notices batch of 1 February 2026, which issues an avviso bonario for
// the unpaid third rate.
func (w *world) withLedger() ledgerFacts {
	w.t.Helper()
	ctx := context.Background()
	clock := func() time.Time { return w.now }
	for _, y := range []int{2025, 2026} {
		if _, err := ledger.Impose(ctx, store.NewImposition(w.db, clock), contrib.Default(), ledger.ImposeOptions{Year: y}); err != nil {
			w.t.Fatal(err)
		}
	}
	f := ledgerFacts{rates: w.fixedRates()}
	for key, d := range f.rates {
		switch {
		case key == "2025:10:rata3":
		case key == "2025:10:rata2":
			f.payment = w.pay(d.DueDate.AddDays(45), d.Amount+1000, d.ID, d.Amount)
			w.sanction(d, f.payment, 1234)
		case d.Year == 2025, key == "2026:11:rata1":
			w.pay(d.DueDate, d.Amount, d.ID, d.Amount)
		}
	}
	day := civil.MustParse("2026-02-01")
	b := ledger.NoticeBatch{Store: store.NewNotices(w.db, func() time.Time { return day.Time() }),
		Planner: ledger.NoticePlanner{Policy: ledger.DefaultNoticePolicy(day), Params: contrib.Default()}}
	if _, err := b.Run(ctx); err != nil {
		w.t.Fatal(err)
	}
	if err := w.db.R().QueryRow(ctx, `SELECT id FROM notices WHERE position_id = ?`, w.p1.ID).Scan(&f.notice); err != nil {
		w.t.Fatalf("no avviso bonario: %v", err)
	}
	return f
}

// fixedRates reads the fixed rates of p1 (2025 and 2026: 16).
func (w *world) fixedRates() map[string]ledger.Due {
	w.t.Helper()
	out := w.allFixedRates()
	if len(out) != 16 {
		w.t.Fatalf("imposition wrote %d fixed rates, want 16", len(out))
	}
	return out
}

// allFixedRates reads the fixed rates of p1 by "YEAR:SUBJECT:KIND".
func (w *world) allFixedRates() map[string]ledger.Due {
	w.t.Helper()
	rows, err := w.db.R().Query(context.Background(), `SELECT `+store.DueSelect+` FROM dues d WHERE d.position_id = ?
		AND d.kind IN ('rata1', 'rata2', 'rata3', 'rata4')`, w.p1.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]ledger.Due{}
	for rows.Next() {
		d, err := store.ScanDue(rows)
		if err != nil {
			w.t.Fatal(err)
		}
		out[fmt.Sprintf("%d:%d:%s", d.Year, d.SubjectCode, d.Kind)] = d
	}
	return out
}

// pay writes a reconciled F24 payment of p1's titolare and its
// allocations (due id, amount pairs) and returns its id.
func (w *world) pay(on civil.Date, debit money.Cents, allocs ...any) int64 {
	w.t.Helper()
	ctx := context.Background()
	var id int64
	err := w.db.W().QueryRow(ctx, `INSERT INTO payments (line_key, paid_on, codice_fiscale, person_id, position_id,
		codice_sede, causale, codice_inps, period_from, period_to, debit, credit, source, source_line, reconciled_at, created_at)
		VALUES (?, ?, ?, ?, ?, '1300', 'AF', '', ?, ?, ?, 0, 'test.csv', 1, ?, ?) RETURNING id`,
		fmt.Sprintf("test:%s:%d:%v", on, debit, allocs), on, w.titolare.CodiceFiscale, w.titolare.ID, w.p1.ID,
		fmt.Sprintf("%04d-01", on.Year), fmt.Sprintf("%04d-12", on.Year), int64(debit), w.now, w.now).Scan(&id)
	if err != nil {
		w.t.Fatal(err)
	}
	for i := 0; i+1 < len(allocs); i += 2 {
		if _, err := w.db.W().Exec(ctx, `INSERT INTO allocations (payment_id, payment_paid_on, due_id, due_year, amount, method, created_at)
			VALUES (?, (SELECT paid_on FROM payments WHERE id = ?), ?, (SELECT year FROM dues WHERE id = ?), ?, 'codeline', ?)`,
			id, id, allocs[i].(int64), allocs[i].(int64), int64(allocs[i+1].(money.Cents)), w.now); err != nil {
			w.t.Fatal(err)
		}
	}
	return id
}

// sanction writes the sanzioni civili of a late payment of due d.
func (w *world) sanction(d ledger.Due, paymentID int64, amount money.Cents) {
	w.t.Helper()
	s := ledger.Due{NaturalKey: fmt.Sprintf("sanction:%d:%d", d.ID, paymentID), PositionID: d.PositionID, PersonID: d.PersonID,
		SubjectCode: d.SubjectCode, Year: d.Year, Kind: ledger.Sanction, Causale: d.Causale, PeriodFrom: d.PeriodFrom,
		PeriodTo: d.PeriodTo, DueDate: d.DueDate.AddDays(75), Amount: amount, ParentID: d.ID, Reason: "sanzioni civili"}
	err := w.db.InTx(context.Background(), func(q store.Querier) error {
		_, err := store.InsertDues(context.Background(), q, []ledger.Due{s}, w.now)
		return err
	})
	if err != nil {
		w.t.Fatal(err)
	}
}

// fillPathIDs puts real values in the wildcards of a concrete route path
// (the access matrix calls every route pattern with {id} and {anno} left
// in): the avviso bonario of p1 for /avvisi/{id}, its document for
// /atti/{id}, its rata 3 of 2025 for f24.pdf?due=, 2025 for {anno}. The ledger of p1 is written on first use.
// Paths without wildcards are left alone.
func (w *world) fillPathIDs(path string) string {
	var query string
	switch {
	case strings.Contains(path, "/avvisi/{id}"):
		query = `SELECT id FROM notices WHERE position_id = ?`
	case strings.Contains(path, "/atti/{id}"):
		query = `SELECT id FROM documents WHERE position_id = ?`
	case strings.HasSuffix(path, "/f24.pdf"):
		query = `SELECT id FROM dues WHERE position_id = ? AND year = 2025 AND kind = 'rata3' AND subject_code = 10`
	case strings.Contains(path, "/richieste/{id}") || strings.Contains(path, "/pratiche/{id}"):
		return w.casePath(path) // cases_fixture_test.go
	case strings.Contains(path, "{anno}"):
		return strings.Replace(path, "{anno}", "2025", 1)
	default:
		return path
	}
	ctx := context.Background()
	var id int64
	err := w.db.R().QueryRow(ctx, query, w.p1.ID).Scan(&id)
	if store.IsNoRows(err) {
		w.withLedger()
		err = w.db.R().QueryRow(ctx, query, w.p1.ID).Scan(&id)
	}
	if err != nil {
		w.t.Fatalf("%s: %v", path, err)
	}
	if strings.HasSuffix(path, "/f24.pdf") {
		return path + "?due=" + fmt.Sprint(id)
	}
	return strings.Replace(path, "{id}", fmt.Sprint(id), 1)
}
