package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/demo"
)

// maxSeedPositions bounds --positions.
const maxSeedPositions = 5_000_000

func runSeed(ctx context.Context, env Env) error {
	fs := newFlagSet("seed", env)
	resolve := config.RegisterFlags(fs)
	positions := fs.Int("positions", 1000, "random positions to generate (1–5000000), beside the demo identities'")
	seed := fs.Uint64("seed", 1, "seed of the generator: the same seed gives the same data")
	history := fs.Bool("history", true, "also the contribution history 2022–2026: incomes, dues, payments, notices")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if *positions < 1 || *positions > maxSeedPositions {
		return Usagef("seed: --positions wants a whole number from 1 to %d", maxSeedPositions)
	}
	if fs.NArg() > 0 {
		return Usagef("seed: unexpected argument %q", fs.Arg(0))
	}
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	st, err := demo.Load(ctx, db, demo.Options{Seed: *seed, Positions: *positions})
	if err != nil {
		return err
	}
	if st.AlreadyDone {
		fmt.Fprintf(env.Stdout, "seed %s: already loaded, nothing to do\n", st.Run)
	} else {
		fmt.Fprintf(env.Stdout, "seed %s: %d positions (%d already present), %d persons, %d members, %d delegations in %.1f s\n",
			st.Run, st.Positions, st.Skipped, st.Persons, st.Members, st.Delegations, time.Since(start).Seconds())
	}
	if !*history {
		return nil
	}
	start = time.Now()
	h, err := demo.LoadHistory(ctx, db, st.Run)
	switch {
	case err != nil:
		return err
	case h.AlreadyDone:
		fmt.Fprintf(env.Stdout, "history of %s: already loaded, nothing to do\n", st.Run)
	default:
		fmt.Fprintf(env.Stdout, "history of %s: %d incomes, %d dues, %d payments, %d notices in %.1f s\n",
			st.Run, h.Incomes, h.Dues, h.Payments, h.Notices, time.Since(start).Seconds())
	}
	return nil
}
