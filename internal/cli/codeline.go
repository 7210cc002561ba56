package cli

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// runCodeline prints the 17-digit codice INPS (RULES.md P5), or with
// "verify CODE" decodes and checks one.
func runCodeline(_ context.Context, env Env) error {
	if len(env.Args) > 0 && env.Args[0] == "verify" {
		return codelineVerify(env, env.Args[1:])
	}
	fs := newFlagSet("codeline", env)
	position := fs.String("position", "", "position number (codice azienda), up to 8 digits")
	subject := fs.String("subject", "", "10 titolare, 11–19 collaboratori")
	rata := fs.String("rata", "", "1–4 fixed rates, 5 saldo, 6 acconto 1, 7 acconto 2, 8 dilazione, 9 other")
	year := fs.String("year", "", "contribution year")
	seq := fs.String("seq", "1", "emission sequence, 1 for the first emission")
	sede, amount := fs.String("sede", "", "codice sede, 4 digits"), fs.String("amount", "", "amount in euro, like 1137.43")
	if err := parseFlags(fs, env.Args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return Usagef("codeline: unexpected argument %q (say 'codeline verify CODE' to check a code)", fs.Arg(0))
	}
	var f codeline.Fields
	for _, n := range []struct {
		flag, value string
		dst         *int
	}{{"position", *position, &f.Position}, {"subject", *subject, &f.Subject}, {"rata", *rata, &f.Rata},
		{"year", *year, &f.Year}, {"seq", *seq, &f.Seq}} {
		v, err := strconv.Atoi(n.value)
		if err != nil || v < 0 {
			return Usagef("codeline: --%s wants a whole number (see cassetto codeline -h)", n.flag)
		}
		*n.dst = v
	}
	cents, err := codelineAmount("codeline", *amount)
	if err != nil {
		return err
	}
	code, err := codeline.Make(f, *sede, cents)
	if err != nil {
		return engineUsage("codeline", err)
	}
	_, err = fmt.Fprintln(env.Stdout, code)
	return err
}

// verifiedCode is the JSON that "codeline verify" prints.
type verifiedCode struct {
	Code     string `json:"code"`
	Valid    bool   `json:"valid"`
	Reason   string `json:"reason,omitempty"`
	Position string `json:"position,omitempty"`
	Subject  int    `json:"subject,omitempty"`
	Rata     int    `json:"rata,omitempty"`
	RataName string `json:"rata_name,omitempty"`
	Year     int    `json:"year,omitempty"`
	Seq      int    `json:"seq,omitempty"`
	Check    string `json:"check,omitempty"`
	Sede     string `json:"sede"`
	Amount   string `json:"amount"`
}

// codelineVerify prints the fields of CODE and whether it is valid for the
// sede and amount; it exits 1 when it is not.
func codelineVerify(env Env, args []string) error {
	fs := newFlagSet("codeline verify", env)
	sede, amount := fs.String("sede", "", "codice sede, 4 digits"), fs.String("amount", "", "amount in euro, like 1137.43")
	code := ""
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		code, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if code == "" && fs.NArg() > 0 {
		code = fs.Arg(0)
	}
	if code == "" {
		return Usagef("codeline verify: CODE wants the 17-digit codice INPS, like: codeline verify 18034064121250172 --sede 4901 --amount 16458.53")
	}
	cents, err := codelineAmount("codeline verify", *amount)
	if err != nil {
		return err
	}
	if err := codeline.CheckPayment(*sede, cents); err != nil {
		return engineUsage("codeline verify", err)
	}
	out := verifiedCode{Code: code, Sede: *sede, Amount: cents.String()}
	f, err := codeline.Verify(code, *sede, cents)
	out.Valid, out.Reason = err == nil, verifyReason(code, *sede, cents, err)
	if len(code) == 17 && (err == nil || errors.Is(err, codeline.ErrCheck)) {
		out.Position, out.Subject, out.Rata, out.Year, out.Seq = fmt.Sprintf("%08d", f.Position), f.Subject, f.Rata, f.Year, f.Seq
		out.RataName, out.Check = codeline.RataName(f.Rata), code[15:]
	}
	if err := writeJSON(env.Stdout, out); err != nil {
		return err
	}
	if !out.Valid {
		return &ExitError{Code: 1}
	}
	return nil
}

// verifyReason says in one sentence why a code is not valid.
func verifyReason(code, sede string, amount money.Cents, err error) string {
	var ie *contrib.InputError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, codeline.ErrCheck):
		want, _ := codeline.Check(code[:15], sede, amount)
		return fmt.Sprintf("the check digits %s do not match sede %s and %d euro (they would be %s)", code[15:], sede, amount.WholeEuros(), want)
	case errors.As(err, &ie):
		return fmt.Sprintf("the %s digits are wrong: the %s wants %s", ie.Field, ie.Field, ie.Want)
	}
	return "the code is not 17 digits"
}

func codelineAmount(cmd, s string) (money.Cents, error) {
	c, err := money.Parse(s)
	if err != nil {
		return 0, Usagef("%s: --amount wants the amount in euro with dot decimals, like 1137.43", cmd)
	}
	return c, nil
}
