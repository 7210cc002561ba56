package cli_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
)

func TestDuedatesPrintsTheVectors(t *testing.T) {
	vectortest.Each(t, "due_dates.json", func(t *testing.T, v struct{ Years map[int][]string }) {
		for year, want := range v.Years {
			out, errOut, code := runEngine(t, "duedates", "--year", strconv.Itoa(year))
			w, _ := json.Marshal(want)
			if code != 0 || !vectortest.Equal(w, []byte(out)) {
				t.Errorf("%d: exit %d %s: %s, want %s", year, code, errOut, out, w)
			}
		}
	})
}

func TestDuedatesBeyondTheParameterTables(t *testing.T) {
	out, _, code := runEngine(t, "duedates", "--year", "2027")
	if code != 0 || !vectortest.Equal([]byte(`["2027-05-17","2027-08-20","2027-11-16","2028-02-16"]`), []byte(out)) {
		t.Fatalf("exit %d %s", code, out)
	}
}
