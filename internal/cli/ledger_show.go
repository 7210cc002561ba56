package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// ledgerUsage is the command line of the ledger command.
const ledgerUsage = "the ledger of a position, to check by hand: ledger show NUMBER [--view situation|statement|quote|payments] " +
	"[--year Y] [--as-of YYYY-MM-DD] [--settlement-until YYYY-MM-DD] [--causale C] [--limit N] [--after CURSOR] [--json]"

// ledgerShowFlags are the inputs of "ledger show".
type ledgerShowFlags struct {
	number, view, causale, after string
	year, limit                  int
	asOf, until                  civil.Date
	asJSON                       bool
}

// runLedger dispatches "ledger show".
func runLedger(ctx context.Context, env Env) error {
	if len(env.Args) == 0 || env.Args[0] != "show" {
		return Usagef("ledger: say 'show NUMBER'")
	}
	f, resolve, err := parseLedgerShow(env)
	if err != nil {
		return err
	}
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	pos, err := store.NewRegistry(db, time.Now).PositionByNumber(ctx, f.number)
	if err != nil {
		return fmt.Errorf("position %s: not found in this database", f.number)
	}
	return showLedger(ctx, env, store.NewLedgerReader(db), pos.ID, f)
}

// parseLedgerShow reads the flags of "ledger show NUMBER".
func parseLedgerShow(env Env) (ledgerShowFlags, func(func(string) string) (config.Config, error), error) {
	var f ledgerShowFlags
	args := env.Args[1:]
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		f.number, args = args[0], args[1:]
	}
	fs := newFlagSet("ledger show", env)
	resolve := config.RegisterFlags(fs)
	fs.StringVar(&f.view, "view", "situation", "situation, statement, quote or payments")
	fs.IntVar(&f.year, "year", 0, "contribution year (quote needs it; 0 for every year)")
	asOf := fs.String("as-of", "", "date of the situation, YYYY-MM-DD (default today)")
	until := fs.String("settlement-until", "", "settlement scheme: dues due up to this date are eligible")
	fs.StringVar(&f.causale, "causale", "", "payments: only this F24 causale")
	fs.IntVar(&f.limit, "limit", ledger.DefaultPaymentPage, "payments: rows per page")
	fs.StringVar(&f.after, "after", "", "payments: the cursor printed at the end of the previous page")
	fs.BoolVar(&f.asJSON, "json", false, "print JSON")
	if err := parseFlags(fs, args); err != nil {
		return f, nil, err
	}
	if f.number == "" && fs.NArg() > 0 {
		f.number = fs.Arg(0)
	}
	return f, resolve, f.check(*asOf, *until)
}

// check validates the flags, naming the one that is wrong.
func (f *ledgerShowFlags) check(asOf, until string) error {
	var err error
	f.asOf = civil.Of(time.Now())
	switch {
	case !positionNumberRe.MatchString(f.number):
		return Usagef("ledger show: NUMBER wants the 8-digit position number, e.g. 12345678")
	case f.view != "situation" && f.view != "statement" && f.view != "quote" && f.view != "payments":
		return Usagef("ledger show: --view wants situation, statement, quote or payments")
	case f.year < 0 || f.year > 2999 || (f.view == "quote" && f.year == 0):
		return Usagef("ledger show: --year wants a contribution year, like 2025")
	case f.limit < 1 || f.limit > ledger.MaxPaymentPage:
		return Usagef("ledger show: --limit wants a whole number from 1 to %d", ledger.MaxPaymentPage)
	}
	if asOf != "" {
		if f.asOf, err = civil.Parse(asOf); err != nil {
			return Usagef("ledger show: --as-of wants a date as YYYY-MM-DD, like 2026-03-16")
		}
	}
	if until != "" {
		if f.until, err = civil.Parse(until); err != nil {
			return Usagef("ledger show: --settlement-until wants a date as YYYY-MM-DD, like 2023-12-31")
		}
	}
	if _, err := ledger.ParsePaymentCursor(f.after); err != nil {
		return Usagef("ledger show: --after wants the cursor a previous page printed, like 2025-05-16.123")
	}
	return nil
}

// showLedger prints the view asked for.
func showLedger(ctx context.Context, env Env, r *store.LedgerReader, positionID int64, f ledgerShowFlags) error {
	opts := ledger.SituationOptions{AsOf: f.asOf, Year: f.year, Settlement: ledger.SettlementRule{Until: f.until}}
	var v any
	var err error
	switch f.view {
	case "statement":
		v, err = r.Statement(ctx, positionID, contrib.Default())
	case "quote":
		v, err = r.QuoteDovute(ctx, positionID, f.year, opts)
	case "payments":
		after, _ := ledger.ParsePaymentCursor(f.after)
		v, err = r.Payments(ctx, positionID, ledger.PaymentFilter{Year: f.year, Causale: f.causale, After: after, Limit: f.limit})
	default:
		v, err = r.Situation(ctx, positionID, opts)
	}
	if err != nil {
		return err
	}
	if f.asJSON {
		return writeJSON(env.Stdout, v)
	}
	return printLedgerView(env.Stdout, v)
}
