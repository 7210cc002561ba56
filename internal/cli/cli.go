// Package cli is the command-line program: Run parses the subcommand and its
// flags, resolves the configuration and wires the application together with
// explicit dependencies. main only calls Run, so tests can start the whole
// program in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Env is what a command receives from the outside world.
type Env struct {
	Args   []string // arguments after the subcommand name
	Getenv func(string) string
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env Env) error
}

// commands lists every subcommand by name. Each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"demo":      {"run the full portal with demo data and a demo identity provider", runDemo},
		"documents": {documentsUsage, runDocuments},
		"impose":    {imposeUsage, runImpose},
		"import":    {"import incomes or F24 payments from CSV: import incomes FILE | import payments FILE", runImport},
		"migrate":   {"apply database migrations and exit", runMigrate},
		"notices":   {noticesUsage, runNotices},
		"notify":    {notifyUsage, runNotify},
		"ledger":    {ledgerUsage, runLedger},
		"bench":     {benchUsage, runBench},
		"calc":      {"contribution of a person for a year as JSON: calc --year Y --gestione AR|CO --role titolare|collaboratore --birth YYYY-MM-DD --income EUR [--from YYYY-MM --to YYYY-MM] [--post1996] [--reduction none|forfettario|over65|new2025]", runCalc},
		"codeline":  {"17-digit codice INPS: codeline --position N --subject N --rata N --year Y [--seq N] --sede NNNN --amount EUR | codeline verify CODE --sede NNNN --amount EUR", runCodeline},
		"sanctions": {"sanzioni civili for a late payment as JSON: sanctions --amount EUR --due YYYY-MM-DD --paid YYYY-MM-DD [--spontaneous]", runSanctions},
		"duedates":  {"due dates of the four fixed rates as JSON: duedates --year Y", runDuedates},
		"serve":     {"run the production server (SQLite or PostgreSQL by CASSETTO_DATABASE_URL)", runServe},
		"positions": {"list or show positions: positions list [--limit N] [--json] | positions show NUMBER [--json]", runPositions},
		"seed":      {"fill the database with synthetic data: seed [--positions N] [--seed S]", runSeed},
		"staff":     {"office staff accounts: staff add USERNAME --name NAME --role operator|admin [--office CODE] | staff passwd USERNAME | staff reset-totp USERNAME | staff list [--json]", runStaff},
	}
}

// UsageError is a mistake in the command line; the program exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ExitError ends the program with Code without printing anything more.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// Usagef returns a UsageError.
func Usagef(format string, a ...any) error { return &UsageError{fmt.Sprintf(format, a...)} }

// ExitCode maps an error returned by Run to the process exit code.
func ExitCode(err error) int {
	var u *UsageError
	var x *ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &x):
		return x.Code
	case errors.As(err, &u):
		return 2
	default:
		return 1
	}
}

// Run runs the program with args (without the program name).
func Run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout, cmds)
		if len(args) == 0 {
			return Usagef("cassetto: a command is needed")
		}
		return nil
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		return Usagef("cassetto: unknown command %q (cassetto help lists the commands)", args[0])
	}
	return cmd.run(ctx, Env{Args: args[1:], Getenv: getenv, Stdout: stdout, Stderr: stderr})
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "cassetto — the Cassetto previdenziale for artigiani and commercianti")
	fmt.Fprintln(w, "\nUsage: cassetto COMMAND [flags]\n\nCommands:")
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'cassetto COMMAND -h' for the flags of a command.")
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, env Env) *flag.FlagSet {
	fs := flag.NewFlagSet("cassetto "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parseFlags parses args into fs; a bad flag becomes a UsageError naming it.
func parseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		var b strings.Builder
		fs.SetOutput(&b)
		fs.PrintDefaults()
		return &UsageError{Msg: fs.Name() + " flags:\n" + b.String()}
	}
	if err != nil {
		return &UsageError{Msg: fs.Name() + ": " + err.Error()}
	}
	return nil
}
