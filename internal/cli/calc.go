package cli

import (
	"context"
	"errors"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// runCalc prints the contribution of one person for one year (RULES.md P3)
// as JSON, with the keys of the test vectors.
func runCalc(_ context.Context, env Env) error {
	fs := newFlagSet("calc", env)
	year := fs.String("year", "", "contribution year")
	gestione := fs.String("gestione", "", "AR or CO")
	role := fs.String("role", "", "titolare or collaboratore")
	birth := fs.String("birth", "", "date of birth, YYYY-MM-DD")
	income := fs.String("income", "", "income of the year in euro, like 30000 or 30000.50")
	from := fs.String("from", "", "first insured month, YYYY-MM (default: January)")
	to := fs.String("to", "", "last insured month, YYYY-MM (default: December)")
	post1996 := fs.Bool("post1996", false, "no contributions before 1/1/1996 (higher massimale)")
	reduction := fs.String("reduction", "none", "none, forfettario, over65 or new2025")
	paramsFile := fs.String("params", "", "file of yearly parameters to add, in the format of params.json")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("calc: unexpected argument %q (every input is a flag)", fs.Arg(0))
	}
	p, err := engineParams("calc", *paramsFile, "")
	if err != nil {
		return err
	}
	first, last := p.YearRange()
	in := contrib.Input{Gestione: contrib.Gestione(*gestione), Role: contrib.Role(*role),
		Post1996: *post1996, Reduction: contrib.Reduction(*reduction)}
	if in.Year, err = strconv.Atoi(*year); err != nil {
		return Usagef("calc: --year wants a year from %d to %d", first, last)
	}
	if in.Birth, err = civil.Parse(*birth); err != nil {
		return Usagef("calc: --birth wants a date of birth as YYYY-MM-DD, like 1980-01-01")
	}
	if in.Income, err = money.Parse(*income); err != nil {
		return Usagef("calc: --income wants an amount in euro with dot decimals, like 30000 or 30000.50")
	}
	if in.From, err = optionalMonth(*from); err != nil {
		return Usagef("calc: --from wants a month as YYYY-MM, like %d-01", in.Year)
	}
	if in.To, err = optionalMonth(*to); err != nil {
		return Usagef("calc: --to wants a month as YYYY-MM, like %d-12", in.Year)
	}
	res, err := p.Calc(in)
	if err != nil {
		return engineUsage("calc", err)
	}
	return writeJSON(env.Stdout, res)
}

func optionalMonth(s string) (contrib.YearMonth, error) {
	if s == "" {
		return contrib.YearMonth{}, nil
	}
	return contrib.ParseYearMonth(s)
}

// engineParams returns the embedded parameters extended by the files named
// by --params and --tur, if any.
func engineParams(cmd, yearsFile, turFile string) (*contrib.Params, error) {
	p := contrib.Default()
	if yearsFile == "" && turFile == "" {
		return p, nil
	}
	p, err := p.WithFiles(yearsFile, turFile)
	if err != nil {
		flag := "--params wants a file of yearly parameters like params.json"
		if turFile != "" {
			flag = "--tur wants a file of ECB rates like tur.csv"
		}
		return nil, Usagef("%s: %s: %v", cmd, flag, err)
	}
	return p, nil
}

// engineUsage turns an input the rules refuse into a usage error naming the flag.
func engineUsage(cmd string, err error) error {
	var ie *contrib.InputError
	if errors.As(err, &ie) {
		return Usagef("%s: --%s wants %s", cmd, ie.Field, ie.Want)
	}
	return err
}
