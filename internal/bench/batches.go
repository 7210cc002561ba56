package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// Batch is the measure of one batch: the rows it wrote, how fast, and the
// same figure for its baseline.
type Batch struct {
	Name       string   `json:"name"`
	Unit       string   `json:"unit"` // what Rows counts
	Rows       int64    `json:"rows"`
	Seconds    float64  `json:"seconds"`
	RowsPerSec float64  `json:"rows_per_s"`
	Detail     string   `json:"detail"`
	Baseline   Baseline `json:"baseline"`
	Ratio      float64  `json:"ratio_to_baseline"` // RowsPerSec / Baseline.RowsPerSec
}

// BenchYear is the year the bench adds after the demo history (which ends
// with 2026): its imposition on imposeDay, its payments up to payDay, the
// notices on noticeDay.
const BenchYear = demo.HistoryLastYear + 1

var (
	imposeDay = civil.Date{Year: BenchYear, Month: 1, Day: 15}
	payDay    = civil.Date{Year: BenchYear + 1, Month: 3, Day: 31}
	noticeDay = civil.Date{Year: BenchYear + 1, Month: 6, Day: 1}
)

// benchParams returns the embedded parameters, with BenchYear projected
// from the last known year when it has none of its own.
func benchParams() (*contrib.Params, error) {
	p := contrib.Default()
	first, last := p.YearRange()
	if last >= BenchYear || first == 0 {
		return p, nil
	}
	y, _ := p.Year(last)
	y.Year, y.Circular = BenchYear, fmt.Sprintf("bench: %d parameters projected", last)
	return p.Merge([]contrib.Year{y}, nil)
}

// timed runs f and fills the time and rate of b.
func timed(b *Batch, f func() error) error {
	start := time.Now()
	err := f()
	b.Seconds = time.Since(start).Seconds()
	b.RowsPerSec = perSecond(b.Rows, b.Seconds)
	return err
}

// seedBatch loads n random positions (demo.Load) and returns the run name.
func seedBatch(ctx context.Context, db *store.DB, n int) (Batch, string, error) {
	b := Batch{Name: "seed", Unit: "rows"}
	var st store.SeedStats
	err := timed(&b, func() (err error) {
		st, err = demo.Load(ctx, db, demo.Options{Seed: 1, Positions: n})
		b.Rows = int64(st.Offices + st.Intermediaries + st.Staff + st.Positions + st.Persons + st.Members +
			st.Contacts + st.Delegations)
		return err
	})
	b.Detail = fmt.Sprintf("%d positions, %d persons, %d members, %d contacts, %d delegations",
		st.Positions, st.Persons, st.Members, st.Contacts, st.Delegations)
	return b, st.Run, err
}

// historyBatch writes the 2022–2026 history (demo.LoadHistory).
func historyBatch(ctx context.Context, db *store.DB, run string) (Batch, error) {
	b := Batch{Name: "history", Unit: "rows"}
	var h demo.HistoryStats
	err := timed(&b, func() (err error) {
		h, err = demo.LoadHistory(ctx, db, run)
		b.Rows = h.Incomes + h.Dues + h.Payments + h.Notices
		return err
	})
	b.Detail = fmt.Sprintf("%d–%d: %d incomes, %d dues, %d payments, %d notices",
		demo.HistoryFirstYear, demo.HistoryLastYear, h.Incomes, h.Dues, h.Payments, h.Notices)
	return b, err
}

// imposeBatch imposes BenchYear as `cassetto impose` does.
func imposeBatch(ctx context.Context, db *store.DB, params *contrib.Params) (Batch, error) {
	b := Batch{Name: fmt.Sprintf("impose %d", BenchYear), Unit: "dues"}
	var st ledger.ImposeStats
	err := timed(&b, func() error {
		im := store.NewImposition(db, imposeDay.Time)
		defer im.Bulk(ctx)()
		var err error
		if st, err = ledger.Impose(ctx, im, params, ledger.ImposeOptions{Year: BenchYear}); err != nil {
			return err
		}
		b.Rows = st.Created
		return im.Analyze(ctx)
	})
	b.Detail = fmt.Sprintf("%d persons, %d dues, %s", st.Persons, st.Created, st.Amount)
	return b, err
}

// paymentsBatch writes a file of lines paying the fixed rates of
// BenchYear, then imports and reconciles it as `cassetto import payments`
// does. Rows counts the lines read.
func paymentsBatch(ctx context.Context, db *store.DB, params *contrib.Params, dir string, lines int) (Batch, error) {
	b := Batch{Name: "import + reconcile payments", Unit: "lines"}
	file := filepath.Join(dir, "payments.csv")
	gen, err := writePayments(ctx, db, file, paymentgen.Options{Lines: lines, Seed: 7,
		Earliest: civil.Date{Year: BenchYear, Month: 1, Day: 1}, Latest: payDay})
	if err != nil {
		return b, err
	}
	var res ledger.ImportResult
	err = timed(&b, func() (err error) {
		res, err = importPayments(ctx, db, params, file)
		b.Rows = res.Read
		return err
	})
	rc := res.Reconcile
	b.Detail = fmt.Sprintf("file written in %.1f s; %d created, %d skipped, %d refused; %d allocations by codeline, %d by match, %d sanctions",
		gen.Seconds(), res.Created, res.Skipped, res.Rejected, rc.ByCodelineCount, rc.ByMatchCount, rc.Sanctions)
	if err == nil && res.Created == 0 {
		err = fmt.Errorf("%s: no payment created", b.Name)
	}
	return b, err
}

// writePayments writes the payments file; it returns how long that took.
func writePayments(ctx context.Context, db *store.DB, file string, o paymentgen.Options) (time.Duration, error) {
	start := time.Now()
	f, err := os.Create(file)
	if err != nil {
		return 0, err
	}
	if _, err := paymentgen.Write(ctx, db, f, o); err != nil {
		f.Close()
		return 0, err
	}
	return time.Since(start), f.Close()
}

// importPayments imports and reconciles file.
func importPayments(ctx context.Context, db *store.DB, params *contrib.Params, file string) (ledger.ImportResult, error) {
	var res ledger.ImportResult
	f, err := os.Open(file)
	if err != nil {
		return res, err
	}
	defer f.Close()
	r, err := ledger.NewF24Reader(f)
	if err != nil {
		return res, err
	}
	w := store.NewPayments(db, ledger.Reconciler{Params: params}, payDay.Time)
	defer w.Bulk(ctx)()
	if _, err := w.ReconcilePending(ctx, ledger.DefaultPaymentChunk); err != nil {
		return res, err
	}
	res, err = ledger.ImportPayments(ctx, r, w, ledger.ImportOptions{Source: filepath.Base(file), Today: payDay})
	if err != nil {
		return res, err
	}
	return res, w.Analyze(ctx)
}

// noticesBatch runs the notices batch on noticeDay: avvisi bonari for the
// rates of BenchYear still unpaid, avvisi di addebito for older bonari.
func noticesBatch(ctx context.Context, db *store.DB, params *contrib.Params) (Batch, error) {
	b := Batch{Name: "notices", Unit: "rows"}
	var t ledger.NoticeTally
	err := timed(&b, func() (err error) {
		nb := ledger.NoticeBatch{Store: store.NewNotices(db, noticeDay.Time),
			Planner: ledger.NoticePlanner{Policy: ledger.DefaultNoticePolicy(noticeDay), Params: params}}
		t, err = nb.Run(ctx)
		b.Rows = t.Bonari + t.Addebiti + t.Items + t.Sanctions
		return err
	})
	b.Detail = fmt.Sprintf("%d avvisi bonari, %d avvisi di addebito, %d items, %d sanction dues", t.Bonari, t.Addebiti, t.Items, t.Sanctions)
	return b, err
}
