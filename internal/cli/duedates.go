package cli

import (
	"context"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/contrib"
)

// runDuedates prints the due dates of the four fixed rates of a year (RULES.md
// P2) as a JSON array.
func runDuedates(_ context.Context, env Env) error {
	fs := newFlagSet("duedates", env)
	year := fs.String("year", "", "contribution year")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("duedates: unexpected argument %q (say --year YEAR)", fs.Arg(0))
	}
	y, err := strconv.Atoi(*year)
	if err != nil || y < 2000 || y > 2099 {
		return Usagef("duedates: --year wants a year from 2000 to 2099")
	}
	dates := contrib.FixedRateDueDates(y)
	return writeJSON(env.Stdout, dates[:])
}
