package cli_test

import (
	"encoding/json"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/vectortest"
)

type sanctionsVectors struct {
	Cases []struct {
		Input struct {
			Amount, Due, Paid string
			Spontaneous       bool
		} `json:"input"`
		Expected json.RawMessage `json:"expected"`
	} `json:"cases"`
}

func TestSanctionsPrintsTheVectors(t *testing.T) {
	vectortest.Each(t, "sanctions.json", func(t *testing.T, v sanctionsVectors) {
		for i, c := range v.Cases {
			args := []string{"sanctions", "--amount", c.Input.Amount, "--due", c.Input.Due, "--paid", c.Input.Paid}
			if c.Input.Spontaneous {
				args = append(args, "--spontaneous")
			}
			out, errOut, code := runEngine(t, args...)
			if code != 0 || !vectortest.Equal(c.Expected, []byte(out)) {
				t.Errorf("case %d %v: exit %d %s (-want +got):\n%s", i, args, code, errOut, vectortest.Diff(c.Expected, []byte(out)))
			}
		}
	})
}
