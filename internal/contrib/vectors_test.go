package contrib_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
	"github.com/cassetto-dev/cassetto/internal/money"
)

type contributionVectors struct {
	Cases []struct {
		Input    contrib.Input   `json:"input"`
		Expected json.RawMessage `json:"expected"`
	} `json:"cases"`
}

func TestContributionVectors(t *testing.T) {
	p := contrib.Default()
	vectortest.Each(t, "contributions.json", func(t *testing.T, v contributionVectors) {
		if len(v.Cases) == 0 {
			t.Fatal("no cases")
		}
		for i, c := range v.Cases {
			res, err := p.Calc(c.Input)
			if err != nil {
				t.Errorf("case %d %+v: %v", i, c.Input, err)
				continue
			}
			got, _ := json.Marshal(res)
			if !vectortest.Equal(c.Expected, got) {
				t.Errorf("case %d %+v: result differs (-want +got):\n%s", i, c.Input, vectortest.Diff(c.Expected, got))
			}
		}
		t.Logf("%d contribution cases", len(v.Cases))
	})
}

func TestDueDateVectors(t *testing.T) {
	vectortest.Each(t, "due_dates.json", func(t *testing.T, v struct{ Years map[int][]civil.Date }) {
		if len(v.Years) == 0 {
			t.Fatal("no years")
		}
		for year, want := range v.Years {
			got := contrib.FixedRateDueDates(year)
			if fmt.Sprint(got[:]) != fmt.Sprint(want) {
				t.Errorf("year %d: due dates %v, want %v", year, got, want)
			}
		}
	})
}

type sanctionVectors struct {
	Cases []struct {
		Input struct {
			Amount      money.Cents `json:"amount"`
			Due         civil.Date  `json:"due"`
			Paid        civil.Date  `json:"paid"`
			Spontaneous bool        `json:"spontaneous"`
		} `json:"input"`
		Expected json.RawMessage `json:"expected"`
	} `json:"cases"`
}

func TestSanctionVectors(t *testing.T) {
	p := contrib.Default()
	vectortest.Each(t, "sanctions.json", func(t *testing.T, v sanctionVectors) {
		if len(v.Cases) == 0 {
			t.Fatal("no cases")
		}
		for i, c := range v.Cases {
			in := c.Input
			s, err := p.Sanction(contrib.SanctionInput{Amount: in.Amount, Due: in.Due, Paid: in.Paid, Spontaneous: in.Spontaneous})
			if err != nil {
				t.Errorf("case %d %+v: %v", i, in, err)
				continue
			}
			got, _ := json.Marshal(s)
			if !vectortest.Equal(c.Expected, got) {
				t.Errorf("case %d %+v: sanction differs (-want +got):\n%s", i, in, vectortest.Diff(c.Expected, got))
			}
		}
	})
}

type monthVectors struct {
	Cases []struct {
		Input struct {
			Year     int              `json:"year"`
			Gestione contrib.Gestione `json:"gestione"`
			PaidIVS  money.Cents      `json:"paid_ivs"`
		} `json:"input"`
		Expected int `json:"expected"`
	} `json:"cases"`
}

func TestMonthsCreditedVectors(t *testing.T) {
	p := contrib.Default()
	vectortest.Each(t, "months.json", func(t *testing.T, v monthVectors) {
		if len(v.Cases) == 0 {
			t.Fatal("no cases")
		}
		for i, c := range v.Cases {
			in := c.Input
			got, err := p.MonthsCredited(in.Year, in.Gestione, in.PaidIVS, 12)
			if err != nil || got != c.Expected {
				t.Errorf("case %d %+v: months %d, %v; want %d", i, in, got, err, c.Expected)
			}
		}
	})
}
