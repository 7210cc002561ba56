package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/money"
)

// inEnglish switches c to the English interface.
func (c *client) inEnglish() *client {
	u, _ := url.Parse(c.w.ts.URL)
	c.http.Jar.SetCookies(u, []*http.Cookie{{Name: "cassetto_lang", Value: "en"}})
	return c
}

func TestCalculatorGivesTheRulesWorkedChecks(t *testing.T) {
	w := newWorld(t)
	c := w.as(w.other.ID, 0, "self") // titolare of p2, commercianti
	// RULES.md P3.6: 2024 CO titolare with income 30,000: 4,515.43 + 2,836.01 = 7,351.44.
	res := c.get("/posizioni/10000002/calcolatore?anno=2024&dal=1&al=12&reddito=30.000&riduzione=none")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	for _, want := range []string{"4.515,43 €", "2.836,01 €", "7.351,44 €", "Fascia 1", "Fascia 2", "18.415,00 €"} {
		if !strings.Contains(res.body, want) {
			t.Errorf("the 2024 calculation lacks %q", want)
		}
	}
	// RULES.md P3.6: 2025 CO titolare without income: rates 1,137.43 ×3 + 1,137.41.
	res = c.get("/posizioni/10000002/calcolatore?anno=2025&dal=1&al=12&reddito=&riduzione=none")
	if n := strings.Count(res.body, "1.137,43 €"); n != 3 || !strings.Contains(res.body, "1.137,41 €") {
		t.Errorf("2025 rates: %d times 1.137,43 €, want 3 and one 1.137,41 €", n)
	}
}

func TestCalculatorComputesEveryPersonWithTheEngine(t *testing.T) {
	w := newWorld(t)
	res := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/calcolatore?anno=2026&dal=1&al=12&reddito=40000&reddito_11=20000&riduzione=forfettario")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	p := contrib.Default()
	for _, in := range []contrib.Input{
		{Year: 2026, Gestione: contrib.AR, Role: contrib.Titolare, Birth: w.titolare.BirthDate, Income: money.FromEuros(40000), Reduction: contrib.Forfettario},
		{Year: 2026, Gestione: contrib.AR, Role: contrib.Collaboratore, Birth: w.member.BirthDate, Income: money.FromEuros(20000), Reduction: contrib.Forfettario},
	} {
		r, err := p.Calc(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []money.Cents{r.Fixed.IVS, r.Above.Band1, r.Total} {
			if !strings.Contains(res.body, want.Italian()) {
				t.Errorf("%s %s: the page lacks %s", in.Role, in.Income, want.Italian())
			}
		}
	}
}

func TestCalculatorExplainsWrongInputBesideTheField(t *testing.T) {
	w := newWorld(t)
	cases := []struct {
		query, field, it, en string
	}{
		{"anno=2026&reddito=abc", "reddito", "Scrivi un importo in euro", "Type an amount in euro"},
		{"anno=2026&reddito=-100", "reddito", "non può essere negativo", "cannot be negative"},
		{"anno=1990&reddito=1000", "anno", "Scrivi un anno dal 2019 al 2026", "Type a year from 2019 to 2026"},
		{"anno=2023&reddito=1000&riduzione=new2025", "riduzione", "solo dal 2025 al 2028", "only from 2025 to 2028"},
		{"anno=2026&dal=10&al=3", "dal", "non può precedere", "cannot come before"},
	}
	for _, c := range cases {
		for lang, want := range map[string]string{"it": c.it, "en": c.en} {
			cl := w.as(w.titolare.ID, 0, "self")
			if lang == "en" {
				cl.inEnglish()
			}
			res := cl.get("/posizioni/10000001/calcolatore?" + c.query)
			if res.status != http.StatusUnprocessableEntity {
				t.Errorf("%s: status %d, want 422", c.query, res.status)
			}
			re := regexp.MustCompile(`id="` + c.field + `-error">([^<]*)<`)
			m := re.FindStringSubmatch(res.body)
			if m == nil || !strings.Contains(html.UnescapeString(m[1]), want) {
				t.Errorf("%s (%s): message beside %s = %v, want %q", c.query, lang, c.field, m, want)
			}
			if strings.Contains(res.body, `id="calc-result"`) {
				t.Errorf("%s: a result is shown with wrong input", c.query)
			}
		}
	}
}

func TestCodeToolRegeneratesTheCodeForAnotherAmount(t *testing.T) {
	w := newWorld(t)
	f := w.withLedger()
	due := f.rates["2026:10:rata4"]
	c := w.as(w.titolare.ID, 0, "self")
	res := c.get("/posizioni/10000001/codice-inps?due=" + strconv.FormatInt(due.ID, 10) + "&importo=500,50")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	m := regexp.MustCompile(`id="code-value">([0-9]{17})<`).FindStringSubmatch(res.body)
	if m == nil {
		t.Fatal("no code on the page")
	}
	if m[1] == due.Codeline {
		t.Errorf("the code for 500,50 € is the rate's own code")
	}
	fields, err := codeline.Verify(m[1], "1300", money.Cents(50050))
	if err != nil {
		t.Fatalf("code %s is not valid for sede 1300 and 500 €: %v", m[1], err)
	}
	if fields.Seq != 2 || fields.Rata != 4 || fields.Year != 2026 || fields.Subject != 10 {
		t.Errorf("decoded fields %+v", fields)
	}
	link := "/posizioni/10000001/f24.pdf?due=" + strconv.FormatInt(due.ID, 10) + "&amp;importo=500.50"
	if !strings.Contains(res.body, link) {
		t.Errorf("no F24 link %s", link)
	}
	residual := due.Amount.String()
	over, _ := money.Parse(residual)
	for amount, want := range map[string]string{"0": "maggiore di zero", "abc": "Scrivi un importo", (over + 1).String(): "supera quanto resta"} {
		res := c.get("/posizioni/10000001/codice-inps?due=" + strconv.FormatInt(due.ID, 10) + "&importo=" + url.QueryEscape(amount))
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(html.UnescapeString(res.body), want) {
			t.Errorf("amount %s: status %d, want 422 with %q", amount, res.status, want)
		}
		if strings.Contains(res.body, `id="code-value"`) {
			t.Errorf("amount %s: a code is shown", amount)
		}
	}
	paid := f.rates["2025:10:rata1"] // fully paid: not offered
	res = c.get("/posizioni/10000001/codice-inps?due=" + strconv.FormatInt(paid.ID, 10) + "&importo=10")
	if res.status != http.StatusUnprocessableEntity || strings.Contains(res.body, `id="code-value"`) {
		t.Errorf("a paid rate got a code: status %d", res.status)
	}
}

func TestDeadlinesListWhatIsStillOwedFromToday(t *testing.T) {
	w := newWorld(t) // today is 23/11/2026
	f := w.withLedger()
	res := w.as(w.titolare.ID, 0, "self").get("/posizioni/10000001/scadenze")
	if res.status != http.StatusOK {
		t.Fatalf("status %d", res.status)
	}
	titolare, member := f.rates["2026:10:rata4"], f.rates["2026:11:rata4"]
	for _, d := range []struct {
		id     int64
		amount money.Cents
	}{{titolare.ID, titolare.Amount}, {member.ID, member.Amount}} {
		if !strings.Contains(res.body, "f24.pdf?due="+strconv.FormatInt(d.id, 10)+`"`) {
			t.Errorf("no F24 link for due %d", d.id)
		}
	}
	if !strings.Contains(res.body, "Rata 4/2026 contributi fissi") || !strings.Contains(res.body, civil.MustParse("2027-02-16").Italian()) {
		t.Errorf("the fourth rate of 2026 is not listed")
	}
	if strings.Contains(res.body, "Rata 3/2026") {
		t.Errorf("a rate due before today is listed as upcoming")
	}
	if !strings.Contains(res.body, (titolare.Amount + member.Amount).Italian()) {
		t.Errorf("the total %s is missing", (titolare.Amount + member.Amount).Italian())
	}
	if !strings.Contains(res.body, "/posizioni/10000001/situazione") {
		t.Errorf("the overdue debt has no link to the situazione")
	}
}
