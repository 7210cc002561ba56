package demo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// HistoryRun is the name LoadHistory records in seed_runs, after the name
// of the registry data it follows, when it is done.
func HistoryRun(dataset string) string { return dataset + ":history" }

// The years of the demo history: those with yearly parameters (RULES.md P2).
const (
	HistoryFirstYear = 2019
	HistoryLastYear  = 2026
)

// noticeDates are the days the demo runs the notices batch; the payments
// made up to each day are imported before it, as they would have been.
var noticeDates = []civil.Date{
	{Year: 2021, Month: 3, Day: 1}, {Year: 2022, Month: 3, Day: 1}, {Year: 2023, Month: 3, Day: 1},
	{Year: 2024, Month: 3, Day: 1}, {Year: 2025, Month: 3, Day: 1}, {Year: 2026, Month: 3, Day: 2}, ReferenceDate(),
}

// HistoryStats counts what LoadHistory wrote.
type HistoryStats struct {
	AlreadyDone bool
	Incomes     int64
	Dues        int64
	Payments    int64
	Notices     int64
}

// LoadHistory gives the demo positions a believable contribution history,
// the same for the same registry: incomes of 2019–2025, the imposition of
// 2019–2026, F24 payments up to the reference date (mostly on time, some
// late, partial, overpaid or missing, a few credits) and the avvisi bonari
// and avvisi di addebito that follow. It uses the batches of the real
// system, each idempotent, and records the run so that it happens once.
func LoadHistory(ctx context.Context, db *store.DB, dataset string) (HistoryStats, error) {
	var st HistoryStats
	var n int
	if err := db.W().QueryRow(ctx, `SELECT COUNT(*) FROM seed_runs WHERE name = ?`, HistoryRun(dataset)).Scan(&n); err != nil {
		return st, fmt.Errorf("demo history: %w", err)
	}
	if n > 0 {
		st.AlreadyDone = true
		return st, nil
	}
	params := contrib.Default()
	clock := func() time.Time { return ReferenceDate().Time() }
	steps := []func() error{
		func() error { return historyIncomes(ctx, db, params, clock, &st) },
		func() error { return historyImpose(ctx, db, params, clock, &st) },
		func() error { return historyPayments(ctx, db, params, &st) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return st, fmt.Errorf("demo history: %w", err)
		}
	}
	_, err := db.W().Exec(ctx, `INSERT INTO seed_runs (name, done_at, detail) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		HistoryRun(dataset), time.Now().UTC(), fmt.Sprintf("dues=%d payments=%d notices=%d", st.Dues, st.Payments, st.Notices))
	return st, err
}

// historyIncomes declares an income for every titolare and year 2019–2025:
// two in five below the minimale, most between 20,000 and 60,000 euro, a
// few up to and beyond the massimale.
func historyIncomes(ctx context.Context, db *store.DB, params *contrib.Params, clock func() time.Time, st *HistoryStats) error {
	rows, err := db.R().Query(ctx, `SELECT DISTINCT p.id, p.codice_fiscale, pos.reduction FROM positions pos
		JOIN persons p ON p.id = pos.titolare_id ORDER BY p.id`)
	if err != nil {
		return err
	}
	var csv bytes.Buffer
	csv.WriteString(ledger.IncomeHeader + "\n")
	for rows.Next() {
		var id int64
		var cf, reduction string
		if err := rows.Scan(&id, &cf, &reduction); err != nil {
			rows.Close()
			return err
		}
		rng := rand.New(rand.NewPCG(uint64(id), 2022))
		for y := HistoryFirstYear; y < HistoryLastYear; y++ {
			fmt.Fprintf(&csv, "%s,%d,%s,%t\n", cf, y, demoIncome(rng).String(), reduction == "forfettario")
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	r, err := ledger.NewIncomeReader(&csv)
	if err != nil {
		return err
	}
	res, err := ledger.ImportIncomes(ctx, store.NewIncomes(db, clock), r, ledger.IncomeOptions{Source: "demo", Params: params})
	st.Incomes = res.Created
	return err
}

func demoIncome(rng *rand.Rand) money.Cents {
	euros := func(lo, hi int) money.Cents { return money.FromEuros(int64(lo + rng.IntN(hi-lo))) }
	switch x := rng.IntN(100); {
	case x < 40:
		return euros(0, 18000)
	case x < 85:
		return euros(20000, 60000)
	case x < 97:
		return euros(60000, 100000)
	}
	return euros(100000, 160000)
}

// historyImpose writes the dues of every year of the history.
func historyImpose(ctx context.Context, db *store.DB, params *contrib.Params, clock func() time.Time, st *HistoryStats) error {
	for y := HistoryFirstYear; y <= HistoryLastYear; y++ {
		res, err := ledger.Impose(ctx, store.NewImposition(db, clock), params, ledger.ImposeOptions{Year: y})
		if err != nil {
			return fmt.Errorf("impose %d: %w", y, err)
		}
		st.Dues += res.Created
	}
	return nil
}
