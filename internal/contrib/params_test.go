package contrib_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestDefaultParamsHoldRulesP2(t *testing.T) {
	p := contrib.Default()
	if first, last := p.YearRange(); first != 2019 || last != 2026 {
		t.Fatalf("years %d–%d", first, last)
	}
	y, ok := p.Year(2024)
	if !ok || y.Minimale != 1841500 || y.Threshold != 5500800 || y.Massimale != 9168000 || y.MassimalePost1996 != 11965000 ||
		y.AR != 2400 || y.ARYoung != 2370 || y.CO != 2448 || y.COYoung != 2418 || y.COSurcharge != 48 ||
		y.Band2Points != 100 || y.MaternitaMonth != 62 || y.Circular != "33/2024" {
		t.Fatalf("2024: %+v", y)
	}
	if _, ok := p.Year(2018); ok {
		t.Fatal("2018 has parameters")
	}
	tur := p.TUR()
	if len(tur) != 18 || tur[0].From.String() != "2016-03-16" || tur[17].Rate != 215 {
		t.Fatalf("TUR table: %+v", tur)
	}
	if p != contrib.Default() {
		t.Fatal("Default parses the tables more than once")
	}
}

func TestTURAtFollowsEffectiveDates(t *testing.T) {
	p := contrib.Default()
	for day, want := range map[string]contrib.Rate{
		"2016-03-16": 0, "2022-07-26": 0, "2022-07-27": 50, "2024-09-17": 425, "2024-09-18": 365,
		"2025-06-10": 240, "2025-06-11": 215, "2031-01-01": 215,
	} {
		if got, err := p.TURAt(civil.MustParse(day)); err != nil || got != want {
			t.Errorf("TURAt(%s) = %s, %v; want %s", day, got, err, want)
		}
	}
	if _, err := p.TURAt(civil.MustParse("2016-03-15")); err == nil {
		t.Error("a rate before the table")
	}
	if got, _ := p.DilazioneRate(civil.MustParse("2025-07-01")); got != 815 {
		t.Errorf("dilazione rate %s, want 8.15", got)
	}
}

func TestMergeAddsAYearAndAnECBRateWithoutTouchingTheDefaults(t *testing.T) {
	p := contrib.Default()
	y2027, _ := p.Year(2026)
	y2027.Year, y2027.Minimale = 2027, 1900000
	y2026, _ := p.Year(2026)
	y2026.Circular = "corrected"
	q, err := p.Merge([]contrib.Year{y2027, y2026}, []contrib.TURChange{{From: civil.MustParse("2027-01-13"), Rate: 190}})
	if err != nil {
		t.Fatal(err)
	}
	if _, last := q.YearRange(); last != 2027 {
		t.Fatalf("last year %d", last)
	}
	if y, _ := q.Year(2026); y.Circular != "corrected" || len(q.Years()) != len(p.Years())+1 {
		t.Fatalf("2026 not replaced: %+v", y)
	}
	if r, _ := q.TURAt(civil.MustParse("2027-02-01")); r != 190 {
		t.Fatalf("new TUR %s", r)
	}
	if _, last := p.YearRange(); last != 2026 {
		t.Fatal("Merge changed the defaults")
	}
	res, err := q.Calc(contrib.Input{Year: 2027, Gestione: contrib.AR, Role: contrib.Titolare, Birth: civil.MustParse("1980-01-01")})
	if err != nil || res.Fixed.IVS != 456000 || res.Fixed.Rates[0].Due.String() != "2027-05-17" {
		t.Fatalf("2027: %+v, %v", res, err)
	}
}

func TestWithFilesLoadsAnAdministratorsTables(t *testing.T) {
	dir := t.TempDir()
	years := filepath.Join(dir, "years.json")
	tur := filepath.Join(dir, "tur.csv")
	write(t, years, `{"years": [{"year": 2027, "minimale": "19000", "threshold": "57000", "massimale": "95000",
		"massimale_post1996": "124000", "ar": "24", "ar_young": "24", "co": "24.48", "co_young": "24.48",
		"co_surcharge": "0.48", "band2_points": "1", "maternita_month": "0.62", "circular": "9/2027"}]}`)
	write(t, tur, "# next ECB decision\neffective,rate,act\n2025-12-17,2.00,circ. 1/2026\n")
	p, err := contrib.Default().WithFiles(years, tur)
	if err != nil {
		t.Fatal(err)
	}
	if y, ok := p.Year(2027); !ok || y.Threshold != 5700000 || y.Circular != "9/2027" {
		t.Fatalf("2027: %+v", y)
	}
	if r, _ := p.TURAt(civil.MustParse("2026-01-01")); r != 200 {
		t.Fatalf("TUR %s", r)
	}
	if _, err := contrib.Default().WithFiles(filepath.Join(dir, "missing.json"), ""); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing file: %v", err)
	}
}

func TestReadYearsRejectsIncompleteOrInconsistentRows(t *testing.T) {
	row := `"minimale": "19000", "threshold": "57000", "massimale": "95000", "massimale_post1996": "124000",
		"ar": "24", "ar_young": "24", "co": "24.48", "co_young": "24.48", "co_surcharge": "0.48",
		"band2_points": "1", "maternita_month": "0.62"`
	cases := map[string]string{
		"missing field":   `{"years": [{"year": 2027, ` + strings.Replace(row, `"ar": "24", `, "", 1) + `}]}`,
		"unknown field":   `{"years": [{"year": 2027, "colour": "red", ` + row + `}]}`,
		"float amount":    `{"years": [{"year": 2027, ` + strings.Replace(row, `"19000"`, `19000`, 1) + `}]}`,
		"comma decimals":  `{"years": [{"year": 2027, ` + strings.Replace(row, `"24.48"`, `"24,48"`, 1) + `}]}`,
		"threshold order": `{"years": [{"year": 2027, ` + strings.Replace(row, `"57000"`, `"9000"`, 1) + `}]}`,
		"year twice":      `{"years": [{"year": 2027, ` + row + `}, {"year": 2027, ` + row + `}]}`,
	}
	for name, doc := range cases {
		years, err := contrib.ReadYears(strings.NewReader(doc))
		if err == nil {
			_, err = contrib.New(years, nil)
		}
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	years, err := contrib.ReadYears(strings.NewReader(`{"years": [{"year": 2027, ` + row + `}]}`))
	if _, err2 := contrib.New(years, nil); err != nil || err2 != nil {
		t.Fatalf("valid row rejected: %v %v", err, err2)
	}
}

func TestReadTURRejectsBadRows(t *testing.T) {
	for name, doc := range map[string]string{
		"header":     "date,rate,act\n2025-01-01,2.00,\n",
		"bad date":   "effective,rate,act\n2025-13-01,2.00,\n",
		"bad rate":   "effective,rate,act\n2025-01-01,2%,\n",
		"two fields": "effective,rate,act\n2025-01-01,2.00\n",
	} {
		if _, err := contrib.ReadTUR(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	tur, _ := contrib.ReadTUR(strings.NewReader("effective,rate,act\n2025-01-01,2.00,\n2025-01-01,2.10,\n"))
	if _, err := contrib.New(nil, tur); err == nil {
		t.Error("two rates on one date accepted")
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestYearsBefore2022GiveThePublishedMinimumContributions checks the
// 2019–2021 rows against the minimum yearly contributions INPS published for
// them (circ. 25/2019, 28/2020, 17/2021: 2021 unchanged from 2020): the
// minimale times the rate plus 12 months of maternità, for a titolare.
func TestYearsBefore2022GiveThePublishedMinimumContributions(t *testing.T) {
	p := contrib.Default()
	for _, tc := range []struct {
		year int
		g    contrib.Gestione
		want money.Cents
	}{
		{2019, contrib.AR, 381816}, {2019, contrib.CO, 383245},
		{2020, contrib.AR, 383616}, {2020, contrib.CO, 385052},
		{2021, contrib.AR, 383616}, {2021, contrib.CO, 385052},
	} {
		in := contrib.Input{Year: tc.year, Gestione: tc.g, Role: contrib.Titolare, Birth: civil.MustParse("1970-01-01")}
		res, err := p.Calc(in)
		if err != nil {
			t.Fatalf("%d %s: %v", tc.year, tc.g, err)
		}
		if res.Fixed.Total != tc.want {
			t.Errorf("%d %s: fixed %s, want %s", tc.year, tc.g, res.Fixed.Total, tc.want)
		}
	}
}
