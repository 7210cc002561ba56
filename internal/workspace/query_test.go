package workspace

import (
	"fmt"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

func sampleRows() []Row {
	day := civil.MustParse("2026-11-23")
	return []Row{
		{Client: Client{Number: "10000003", Gestione: "CO", GivenName: "Anna", FamilyName: "Zeta", CodiceFiscale: "ZTENNA80A41F205X"},
			Debt: 500, NextDate: day.AddDays(40), OpenNotices: 1},
		{Client: Client{Number: "10000001", Gestione: "AR", GivenName: "Marco", FamilyName: "Bianchi", CodiceFiscale: "BNCMRC80A01F205X",
			ValidTo: day.AddDays(100)}, Debt: 0, NextDate: day.AddDays(5)},
		{Client: Client{Number: "10000002", Gestione: "AR", GivenName: "Laura", FamilyName: "Colombo", CodiceFiscale: "CLMLRA80A41F205X"},
			Debt: 9000, Overdue: 100},
	}
}

func order(rows []Row) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Number)
	}
	return fmt.Sprint(out)
}

func TestFilterSortsSearchesAndFilters(t *testing.T) {
	day := civil.MustParse("2026-11-23")
	for _, c := range []struct {
		q    Query
		want string
	}{
		{Query{}, "[10000001 10000002 10000003]"},
		{Query{Sort: ByName}, "[10000001 10000002 10000003]"},
		{Query{Sort: ByName, Desc: true}, "[10000003 10000002 10000001]"},
		{Query{Sort: ByDebt, Desc: true}, "[10000002 10000003 10000001]"},
		{Query{Sort: ByNext}, "[10000001 10000003 10000002]"},             // no deadline last
		{Query{Sort: ByNext, Desc: true}, "[10000003 10000001 10000002]"}, // still last
		{Query{Sort: ByValidTo, Desc: true}, "[10000001 10000002 10000003]"},
		{Query{Gestione: "AR"}, "[10000001 10000002]"},
		{Query{WithDebt: true}, "[10000002 10000003]"},
		{Query{WithNotices: true}, "[10000003]"},
		{Query{WithinDays: 5}, "[10000001]"},
		{Query{WithinDays: 40}, "[10000001 10000003]"},
		{Query{Search: "colombo"}, "[10000002]"},
		{Query{Search: "ztenna"}, "[10000003]"},
		{Query{Search: " 0001 "}, "[10000001]"},
	} {
		if got := order(c.q.Filter(sampleRows(), day)); got != c.want {
			t.Errorf("%+v: %s, want %s", c.q, got, c.want)
		}
	}
}

func TestPageClampsToTheLastPage(t *testing.T) {
	rows := make([]Row, PageSize*2+3)
	for _, c := range []struct{ n, wantLen, wantPage, wantPages int }{
		{1, PageSize, 1, 3}, {3, 3, 3, 3}, {9, 3, 3, 3}, {0, PageSize, 1, 3},
	} {
		got, page, pages := Page(rows, c.n)
		if len(got) != c.wantLen || page != c.wantPage || pages != c.wantPages {
			t.Errorf("page %d: %d rows, page %d of %d", c.n, len(got), page, pages)
		}
	}
	if got, page, pages := Page(nil, 1); len(got) != 0 || page != 1 || pages != 1 {
		t.Errorf("no rows: %d rows, page %d of %d", len(got), page, pages)
	}
}
