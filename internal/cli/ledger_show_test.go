package cli_test

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestLedgerShowSituationAfterNotices(t *testing.T) {
	url := noticesDB(t, 5)
	if _, _, code := runWith(t, url, "notices", "--as-of", "2026-03-16"); code != 0 {
		t.Fatal("notices failed")
	}
	out, errOut, code := runWith(t, url, "ledger", "show", "10000001", "--as-of", "2026-03-16", "--json")
	var s struct {
		Debt  string `json:"debt"`
		Years []struct {
			Year  int `json:"year"`
			Items []struct {
				Residual  string `json:"residual"`
				Sanctions []struct {
					Reason string `json:"reason"`
				} `json:"sanctions"`
				Notices []struct {
					Number string `json:"number"`
				} `json:"notices"`
			} `json:"items"`
		} `json:"years"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &s) != nil {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if len(s.Years) != 1 || len(s.Years[0].Items) != 3 || s.Debt == "0.00" {
		t.Fatalf("situation: %+v", s)
	}
	first := s.Years[0].Items[0]
	if len(first.Notices) != 1 || !strings.HasPrefix(first.Notices[0].Number, "AB-2026-") || len(first.Sanctions) != 1 ||
		!strings.Contains(first.Sanctions[0].Reason, "Avviso bonario n. AB-2026-") {
		t.Errorf("rate 1: %+v", first)
	}
	text, _, code := runWith(t, url, "ledger", "show", "10000001", "--as-of", "2026-03-16")
	if code != 0 || !strings.Contains(text, "Situazione debitoria/creditoria, posizione 10000001") || !strings.Contains(text, "AB-2026-") {
		t.Errorf("text:\n%s", text)
	}
}

func TestLedgerShowOtherViews(t *testing.T) {
	url := noticesDB(t, 5)
	for _, view := range [][]string{{"--view", "statement"}, {"--view", "quote", "--year", "2025"}, {"--view", "payments"}} {
		out, errOut, code := runWith(t, url, append([]string{"ledger", "show", "10000001", "--json"}, view...)...)
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil {
			t.Errorf("%v: exit %d\n%s%s", view, code, out, errOut)
		}
		if _, _, code := runWith(t, url, append([]string{"ledger", "show", "10000001"}, view...)...); code != 0 {
			t.Errorf("%v as text: exit %d", view, code)
		}
	}
	out, _, _ := runWith(t, url, "ledger", "show", "10000001", "--view", "statement")
	if !strings.Contains(out, "Estratto conto, posizione 10000001") || !strings.Contains(out, "Mesi assicurati 9, mesi accreditati 0") {
		t.Errorf("statement text:\n%s", out)
	}
}

func TestLedgerShowBadInput(t *testing.T) {
	url := noticesDB(t, 1)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ledger"}, 2, "say 'show NUMBER'"},
		{[]string{"ledger", "show", "123"}, 2, "8-digit position number"},
		{[]string{"ledger", "show", "10000001", "--view", "x"}, 2, "--view wants"},
		{[]string{"ledger", "show", "10000001", "--view", "quote"}, 2, "--year wants"},
		{[]string{"ledger", "show", "10000001", "--as-of", "x"}, 2, "--as-of wants"},
		{[]string{"ledger", "show", "10000001", "--after", "x"}, 2, "--after wants"},
		{[]string{"ledger", "show", "10000001", "--limit", "0"}, 2, "--limit wants"},
		{[]string{"ledger", "show", "99999999"}, 1, "not found"},
	}
	for _, tc := range cases {
		_, errOut, code := runWith(t, url, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want exit %d with %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
}
