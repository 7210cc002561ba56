package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
)

// runEngine runs "cassetto args…" in-process and returns stdout, stderr and
// the exit code, with the error message as main would print it.
func runEngine(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := cli.Run(context.Background(), args, os.Getenv, &out, &errOut)
	var exit *cli.ExitError
	if err != nil && !errors.As(err, &exit) {
		errOut.WriteString(err.Error() + "\n")
	}
	return out.String(), errOut.String(), cli.ExitCode(err)
}

type calcVectors struct {
	Cases []struct {
		Input struct {
			Year      int    `json:"year"`
			Gestione  string `json:"gestione"`
			Role      string `json:"role"`
			Birth     string `json:"birth"`
			Income    string `json:"income"`
			From      string `json:"from"`
			To        string `json:"to"`
			Post1996  bool   `json:"post1996"`
			Reduction string `json:"reduction"`
		} `json:"input"`
		Expected json.RawMessage `json:"expected"`
	} `json:"cases"`
}

func TestCalcPrintsTheContributionVectors(t *testing.T) {
	vectortest.Each(t, "contributions.json", func(t *testing.T, v calcVectors) {
		for i, c := range v.Cases {
			in := c.Input
			args := []string{"calc", "--year", strconv.Itoa(in.Year), "--gestione", in.Gestione, "--role", in.Role,
				"--birth", in.Birth, "--income", in.Income, "--from", in.From, "--to", in.To, "--reduction", in.Reduction}
			if in.Post1996 {
				args = append(args, "--post1996")
			}
			out, errOut, code := runEngine(t, args...)
			if code != 0 {
				t.Errorf("case %d %v: exit %d: %s", i, args, code, errOut)
				continue
			}
			if !vectortest.Equal(c.Expected, []byte(out)) {
				t.Errorf("case %d %v: output differs (-want +got):\n%s", i, args, vectortest.Diff(c.Expected, []byte(out)))
			}
		}
	})
}

func TestCalcDefaultsToTheWholeYearWithoutReduction(t *testing.T) {
	out, errOut, code := runEngine(t, "calc", "--year", "2025", "--gestione", "CO", "--role", "titolare",
		"--birth", "1980-01-01", "--income", "0")
	var res struct {
		Months int
		Total  string
		Fixed  struct{ Rates []struct{ Amount string } }
	}
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d %s %v", code, errOut, err)
	}
	if res.Months != 12 || res.Total != "4549.70" || len(res.Fixed.Rates) != 4 || res.Fixed.Rates[3].Amount != "1137.41" {
		t.Fatalf("%s", out)
	}
}

func TestCalcReadsAnAdministratorsParameters(t *testing.T) {
	path := t.TempDir() + "/years.json"
	doc := `{"years": [{"year": 2027, "minimale": "19000", "threshold": "57000", "massimale": "95000",
		"massimale_post1996": "124000", "ar": "24", "ar_young": "24", "co": "24.48", "co_young": "24.48",
		"co_surcharge": "0.48", "band2_points": "1", "maternita_month": "0.62", "circular": "9/2027"}]}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runEngine(t, "calc", "--params", path, "--year", "2027", "--gestione", "AR", "--role", "titolare",
		"--birth", "1980-01-01", "--income", "0")
	if code != 0 || !strings.Contains(out, `"ivs": "4560.00"`) || !strings.Contains(out, `"due": "2027-05-17"`) {
		t.Fatalf("exit %d %s\n%s", code, errOut, out)
	}
}

func TestBadOrMissingFlagsExit2NamingTheFlag(t *testing.T) {
	ok := map[string][]string{
		"calc": {"--year", "2025", "--gestione", "CO", "--role", "titolare", "--birth", "1980-01-01", "--income", "30000"},
		"codeline": {"--position", "12345678", "--subject", "10", "--rata", "1", "--year", "2025", "--seq", "1",
			"--sede", "1300", "--amount", "1137.43"},
		"sanctions": {"--amount", "1137.43", "--due", "2025-05-16", "--paid", "2025-07-15"},
		"duedates":  {"--year", "2027"},
	}
	cases := []struct {
		cmd, flag, value string // value "" drops the flag
	}{
		{"calc", "--year", ""}, {"calc", "--year", "2018"}, {"calc", "--year", "MMXXV"},
		{"calc", "--gestione", ""}, {"calc", "--gestione", "co"}, {"calc", "--role", "socio"}, {"calc", "--role", ""},
		{"calc", "--birth", ""}, {"calc", "--birth", "01/01/1980"}, {"calc", "--income", ""}, {"calc", "--income", "30.000,00"},
		{"calc", "--from", "2024-01"}, {"calc", "--from", "January"}, {"calc", "--to", "2025-13"},
		{"calc", "--reduction", "half"}, {"calc", "--params", "/nonexistent/params.json"},
		{"codeline", "--position", ""}, {"codeline", "--position", "123456789"}, {"codeline", "--subject", "20"},
		{"codeline", "--rata", "0"}, {"codeline", "--year", "1999"}, {"codeline", "--seq", "100"},
		{"codeline", "--sede", "130"}, {"codeline", "--sede", ""}, {"codeline", "--amount", "1000000"},
		{"codeline", "--amount", "1.137,43"},
		{"sanctions", "--amount", ""}, {"sanctions", "--amount", "-5"}, {"sanctions", "--due", "16/05/2025"},
		{"sanctions", "--paid", ""}, {"sanctions", "--due", "2010-01-01"}, {"sanctions", "--tur", "/nonexistent.csv"},
		{"duedates", "--year", ""}, {"duedates", "--year", "27"},
	}
	for _, c := range cases {
		args := []string{c.cmd}
		for i := 0; i < len(ok[c.cmd]); i += 2 {
			if ok[c.cmd][i] != c.flag {
				args = append(args, ok[c.cmd][i], ok[c.cmd][i+1])
			}
		}
		if c.value != "" {
			args = append(args, c.flag, c.value)
		}
		out, errOut, code := runEngine(t, args...)
		msg := strings.TrimSpace(errOut)
		if code != 2 || out != "" || !strings.Contains(msg, c.flag+" wants") || strings.Contains(msg, "\n") {
			t.Errorf("%v: exit %d, stdout %q, message %q; want exit 2 and one line naming %s", args, code, out, msg, c.flag)
		}
	}
	for cmd, args := range ok {
		if _, errOut, code := runEngine(t, append([]string{cmd}, args...)...); code != 0 {
			t.Errorf("%s %v: exit %d %s", cmd, args, code, errOut)
		}
	}
}

func TestUnknownFlagsAndArgumentsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"calc", "--colour", "red"}, {"duedates", "2027"}, {"sanctions", "--amount", "1", "extra"},
		{"codeline", "verify"}, {"codeline", "verify", "12345678101250102", "--sede", "13"},
	} {
		if _, _, code := runEngine(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
