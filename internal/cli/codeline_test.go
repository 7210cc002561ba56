package cli_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
)

type codelineVectors struct {
	Cases []struct {
		Input struct {
			Position, Subject, Rata, Year, Seq, Sede int
			Amount                                   string
		} `json:"input"`
		Expected string `json:"expected"`
	} `json:"cases"`
}

type verified struct {
	Code, Reason, Position, RataName, Check, Sede, Amount string
	Valid                                                 bool
	Subject, Rata, Year, Seq                              int
}

func TestCodelinePrintsAndVerifiesTheVectors(t *testing.T) {
	vectortest.Each(t, "codelines.json", func(t *testing.T, v codelineVectors) {
		for i, c := range v.Cases {
			in := c.Input
			sede := strconv.Itoa(10000 + in.Sede)[1:]
			out, errOut, code := runEngine(t, "codeline", "--position", strconv.Itoa(in.Position), "--subject", strconv.Itoa(in.Subject),
				"--rata", strconv.Itoa(in.Rata), "--year", strconv.Itoa(in.Year), "--seq", strconv.Itoa(in.Seq),
				"--sede", sede, "--amount", in.Amount)
			if code != 0 || out != c.Expected+"\n" {
				t.Errorf("case %d %+v: printed %q (exit %d %s), want %s", i, in, out, code, errOut, c.Expected)
				continue
			}
			out, _, code = runEngine(t, "codeline", "verify", c.Expected, "--sede", sede, "--amount", in.Amount)
			var got verified
			if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || !got.Valid ||
				got.Position != c.Expected[:8] || got.Subject != in.Subject || got.Rata != in.Rata ||
				got.Year != in.Year || got.Seq != in.Seq || got.Check != c.Expected[15:] {
				t.Errorf("case %d: verify exit %d: %s", i, code, out)
			}
		}
	})
}

func TestCodelineVerifyExits1ForAnotherAmountOrSede(t *testing.T) {
	const code = "18034064121250172" // sede 4901, 16458.53
	for _, args := range [][]string{
		{"--sede", "4901", "--amount", "16459.53"},
		{"--sede", "4902", "--amount", "16458.53"},
	} {
		out, _, exit := runEngine(t, append([]string{"codeline", "verify", code}, args...)...)
		var got verified
		if err := json.Unmarshal([]byte(out), &got); err != nil || exit != 1 || got.Valid || got.Reason == "" || got.Subject != 12 {
			t.Errorf("%v: exit %d %s", args, exit, out)
		}
	}
	// Only whole euros enter the check digits: cents may differ.
	if _, _, exit := runEngine(t, "codeline", "verify", "--sede", "4901", "--amount", "16458.99", code); exit != 0 {
		t.Errorf("same euros, other cents: exit %d", exit)
	}
	for _, bad := range []string{"1803406412125017", "1803406412125017x", "18034064021250172"} {
		out, _, exit := runEngine(t, "codeline", "verify", bad, "--sede", "4901", "--amount", "16458.53")
		if exit != 1 || !strings.Contains(out, `"valid": false`) {
			t.Errorf("%s: exit %d %s", bad, exit, out)
		}
	}
}
