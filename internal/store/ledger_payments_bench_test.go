package store_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// payBenchDB returns a fresh database with 2,000 random positions and the
// fixed rates of 2025 of everyone on them (about 11,000 dues).
func payBenchDB(b *testing.B) *store.DB { return payGenDB(b, 1, 2000) }

// payGenDB returns a fresh database with n random positions (generated
// with seed) and the fixed rates of 2025 of everyone on them.
func payGenDB(tb testing.TB, seed uint64, n int) *store.DB {
	tb.Helper()
	ctx := context.Background()
	db := storetest.New(tb)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: seed, Positions: n}); err != nil {
		tb.Fatal(err)
	}
	if _, err := paymentgen.SeedDues(ctx, db, contrib.Default(), 2025, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)); err != nil {
		tb.Fatal(err)
	}
	return db
}

// BenchmarkImportPayments measures import and reconciliation together
// (ledger.ImportPayments into store.Payments, chunks of 10,000 lines) of a
// generated file of 20,000 lines, on a fresh database each time; run it
// with CASSETTO_TEST_DB=postgres for PostgreSQL. docs/performance.md has the
// figures and the larger manual run.
func BenchmarkImportPayments(b *testing.B) {
	const lines = 20_000
	ctx := context.Background()
	var file bytes.Buffer
	if _, err := paymentgen.Write(ctx, payBenchDB(b), &file, paymentgen.Options{Lines: lines, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		db := payBenchDB(b)
		w := store.NewPayments(db, ledger.Reconciler{Params: contrib.Default()}, time.Now)
		restore := w.Bulk(ctx)
		r, err := ledger.NewF24Reader(bytes.NewReader(file.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := ledger.ImportPayments(ctx, r, w, ledger.ImportOptions{Source: "bench.csv", Today: civil.Of(time.Now())})
		b.StopTimer()
		restore()
		if err != nil || res.Created < lines*9/10 {
			b.Fatalf("import %+v, %v", res, err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
}
