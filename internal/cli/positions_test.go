package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cli"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func runWith(t *testing.T, url string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CASSETTO_DATABASE_URL" {
			return url
		}
		return ""
	}
	err := cli.Run(context.Background(), args, getenv, &out, &errOut)
	if err != nil {
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), cli.ExitCode(err)
}

func TestPositionsListAndShow(t *testing.T) {
	url := storetest.URL(t)
	if _, code := runSeed(t, url, "--positions", "20"); code != 0 {
		t.Fatal("seed failed")
	}
	out, _, code := runWith(t, url, "positions", "list", "--limit", "5", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) != 5 {
		t.Fatalf("list: exit %d, %d positions\n%s", code, len(list), out)
	}
	out, _, code = runWith(t, url, "positions", "show", "10000002", "--json")
	var one struct {
		Number, CodiceFiscale string
		Members               []struct{ CodiceFiscale string } `json:"members"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &one) != nil {
		t.Fatalf("show: exit %d\n%s", code, out)
	}
	if !strings.Contains(out, `"codice_fiscale": "CLMLRA82P65F704X"`) || len(one.Members) != 2 {
		t.Fatalf("show 10000002 lacks the titolare or her two collaboratori:\n%s", out)
	}
	text, _, _ := runWith(t, url, "positions", "show", "10000001")
	if !strings.Contains(text, "Posizione 10000001 (AR)") || !strings.Contains(text, "BNCMRC78D12F205X") {
		t.Fatalf("text show:\n%s", text)
	}
}

func TestPositionsBadInput(t *testing.T) {
	url := storetest.URL(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"positions"}, 2, "say 'list' or 'show NUMBER'"},
		{[]string{"positions", "delete"}, 2, "unknown subcommand"},
		{[]string{"positions", "list", "--limit", "0"}, 2, "--limit wants a whole number"},
		{[]string{"positions", "show", "123"}, 2, "8-digit position number"},
		{[]string{"positions", "show", "99999999"}, 1, "not found"},
	}
	for _, tc := range cases {
		_, errOut, code := runWith(t, url, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
