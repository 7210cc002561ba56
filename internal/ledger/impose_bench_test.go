package ledger_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// benchPositions is the size of the seeded registry of BenchmarkImpose;
// CASSETTO_BENCH_POSITIONS changes it.
func benchPositions(b *testing.B) int {
	if s := os.Getenv("CASSETTO_BENCH_POSITIONS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			b.Fatalf("CASSETTO_BENCH_POSITIONS=%q is not a number of positions", s)
		}
		return n
	}
	return 20_000
}

// BenchmarkImpose imposes 2025 on a seeded registry (20,000 positions by
// default), emptying the dues between runs, and reports persons/s and
// dues/s. On PostgreSQL the sub-benchmarks compare COPY with multi-row
// INSERTs.
func BenchmarkImpose(b *testing.B) {
	ctx := context.Background()
	db := storetest.New(b)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 1, Positions: benchPositions(b)}); err != nil {
		b.Fatal(err)
	}
	modes := []bool{false}
	if db.Dialect == store.Postgres {
		modes = []bool{true, false}
	}
	for _, useCopy := range modes {
		name := "insert"
		if useCopy {
			name = "copy"
		}
		b.Run(name, func(b *testing.B) {
			st := store.NewImposition(db, time.Now)
			st.UseCopy(useCopy)
			defer st.Bulk(ctx)()
			var persons, dues int64
			for b.Loop() {
				b.StopTimer()
				emptyDues(b, db)
				b.StartTimer()
				stats, err := ledger.Impose(ctx, st, contrib.Default(), ledger.ImposeOptions{Year: 2025})
				if err != nil {
					b.Fatal(err)
				}
				persons, dues = persons+stats.Persons, dues+stats.Created
			}
			secs := b.Elapsed().Seconds()
			b.ReportMetric(float64(persons)/secs, "persons/s")
			b.ReportMetric(float64(dues)/secs, "dues/s")
		})
	}
}

// emptyDues removes every due, leaving no dead rows behind on PostgreSQL.
func emptyDues(b *testing.B, db *store.DB) {
	q := `DELETE FROM dues`
	if db.Dialect == store.Postgres {
		q = `TRUNCATE dues CASCADE`
	}
	if _, err := db.W().Exec(context.Background(), q); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkImposerFixed computes the four fixed rates of one person, with
// codelines and natural keys, without a database: the ceiling of Impose.
func BenchmarkImposerFixed(b *testing.B) {
	im, err := ledger.NewImposer(contrib.Default(), 2025)
	if err != nil {
		b.Fatal(err)
	}
	in := ledger.Insured{PositionID: 1, Number: "12345678", Gestione: contrib.CO, OfficeCode: "1300",
		PositionStart: civil.Date{Year: 2012, Month: 6, Day: 1}, Reduction: contrib.None, PersonID: 1,
		SubjectCode: 10, Birth: civil.Date{Year: 1980, Month: 1, Day: 1}, From: civil.Date{Year: 2012, Month: 6, Day: 1}}
	dues := make([]ledger.Due, 0, 4)
	for b.Loop() {
		if dues, err = im.Fixed(&in, dues[:0]); err != nil || len(dues) != 4 {
			b.Fatal(len(dues), err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "persons/s")
}
