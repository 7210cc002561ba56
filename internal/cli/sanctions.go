package cli

import (
	"context"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// runSanctions prints the sanzione civile for omissione of an amount paid
// late (RULES.md P6) as {"days", "sanction", "capped"}.
func runSanctions(_ context.Context, env Env) error {
	fs := newFlagSet("sanctions", env)
	amount := fs.String("amount", "", "amount due in euro, like 1137.43")
	due := fs.String("due", "", "due date, YYYY-MM-DD")
	paid := fs.String("paid", "", "payment (or evaluation) date, YYYY-MM-DD")
	spontaneous := fs.Bool("spontaneous", false, "paid before any notice from the office")
	turFile := fs.String("tur", "", "file of ECB rates to add, in the format of tur.csv")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("sanctions: unexpected argument %q (every input is a flag)", fs.Arg(0))
	}
	in := contrib.SanctionInput{Spontaneous: *spontaneous}
	var err error
	if in.Amount, err = money.Parse(*amount); err != nil || in.Amount < 0 {
		return Usagef("sanctions: --amount wants the amount due in euro with dot decimals, like 1137.43")
	}
	if in.Due, err = civil.Parse(*due); err != nil {
		return Usagef("sanctions: --due wants the due date as YYYY-MM-DD, like 2025-05-16")
	}
	if in.Paid, err = civil.Parse(*paid); err != nil {
		return Usagef("sanctions: --paid wants the payment date as YYYY-MM-DD, like 2025-07-15")
	}
	p, err := engineParams("sanctions", "", *turFile)
	if err != nil {
		return err
	}
	s, err := p.Sanction(in)
	if err != nil {
		return engineUsage("sanctions", err)
	}
	return writeJSON(env.Stdout, s)
}
