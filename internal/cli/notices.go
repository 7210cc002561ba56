package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/batch"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// noticesUsage is the command line of the notices batch.
const noticesUsage = "issue avvisi bonari and avvisi di addebito: notices [--as-of YYYY-MM-DD] [--grace-days 60] " +
	"[--pay-days 30] [--addebito-after 30] [--addebito-pay-days 60] [--settlement-until YYYY-MM-DD] [--tur FILE] [--chunk 500]"

// runNotices runs the notices batch (RULES P7): avvisi di addebito for
// avvisi bonari still unpaid after their deadline, then avvisi bonari for
// fixed rates still unpaid after the grace period. It prints a detail line
// and the batch summary.
func runNotices(ctx context.Context, env Env) error {
	fs := newFlagSet("notices", env)
	resolve := config.RegisterFlags(fs)
	def := ledger.DefaultNoticePolicy(civil.Date{})
	asOf := fs.String("as-of", "", "run date, YYYY-MM-DD: notices are issued on it (default today)")
	grace := fs.Int("grace-days", def.GraceDays, "notify a fixed rate still unpaid this many days after its due date")
	pay := fs.Int("pay-days", def.PayDays, "days an avviso bonario gives to pay")
	after := fs.Int("addebito-after", def.AddebitoAfter, "days after an avviso bonario's deadline before an avviso di addebito")
	adaPay := fs.Int("addebito-pay-days", def.AddebitoPayDays, "days an avviso di addebito gives to pay")
	until := fs.String("settlement-until", "", "settlement scheme: dues due up to this date, YYYY-MM-DD, are eligible (default none)")
	turFile := fs.String("tur", "", "file of ECB rates to add, in the format of tur.csv")
	chunk := fs.Int("chunk", ledger.DefaultNoticeChunk, "positions per transaction (1–10000)")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	pol, err := noticePolicy(*asOf, *until, time.Now)
	if err != nil {
		return err
	}
	pol.GraceDays, pol.PayDays, pol.AddebitoAfter, pol.AddebitoPayDays = *grace, *pay, *after, *adaPay
	if err := checkNoticeFlags(fs.Args(), pol, *chunk); err != nil {
		return err
	}
	params, err := engineParams("notices", "", *turFile)
	if err != nil {
		return err
	}
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	b := ledger.NoticeBatch{Store: store.NewNotices(db, time.Now), Planner: ledger.NoticePlanner{Policy: pol, Params: params},
		Chunk: *chunk, Progress: func(total int64) *batch.Progress { return batch.NewProgress(env.Stderr, "notices", total) }}
	t, err := b.Run(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "notices "+pol.AsOf.String()+": "+t.String())
	fmt.Fprintln(env.Stdout, t.Summary(pol.AsOf.String(), time.Since(start)))
	return nil
}

// noticePolicy reads --as-of (default: today by now) and --settlement-until.
func noticePolicy(asOf, until string, now func() time.Time) (ledger.NoticePolicy, error) {
	day := civil.Of(now())
	if asOf != "" {
		d, err := civil.Parse(asOf)
		if err != nil {
			return ledger.NoticePolicy{}, Usagef("notices: --as-of wants the run date as YYYY-MM-DD, like 2026-03-16")
		}
		day = d
	}
	pol := ledger.DefaultNoticePolicy(day)
	if until != "" {
		d, err := civil.Parse(until)
		if err != nil {
			return pol, Usagef("notices: --settlement-until wants a due date as YYYY-MM-DD, like 2023-12-31")
		}
		pol.Settlement.Until = d
	}
	return pol, nil
}

// checkNoticeFlags refuses stray arguments and out-of-range numbers,
// naming the flag.
func checkNoticeFlags(args []string, pol ledger.NoticePolicy, chunk int) error {
	const maxDays = 3650
	switch {
	case len(args) > 0:
		return Usagef("notices: unexpected argument %q (every input is a flag)", args[0])
	case pol.GraceDays < 0 || pol.GraceDays > maxDays:
		return Usagef("notices: --grace-days wants a whole number of days from 0 to %d", maxDays)
	case pol.PayDays < 1 || pol.PayDays > maxDays:
		return Usagef("notices: --pay-days wants a whole number of days from 1 to %d", maxDays)
	case pol.AddebitoAfter < 0 || pol.AddebitoAfter > maxDays:
		return Usagef("notices: --addebito-after wants a whole number of days from 0 to %d", maxDays)
	case pol.AddebitoPayDays < 1 || pol.AddebitoPayDays > maxDays:
		return Usagef("notices: --addebito-pay-days wants a whole number of days from 1 to %d", maxDays)
	case chunk < 1 || chunk > 10000:
		return Usagef("notices: --chunk wants a whole number from 1 to 10000")
	}
	return nil
}
