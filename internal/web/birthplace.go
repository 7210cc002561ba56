package web

import "github.com/cassetto-dev/cassetto/internal/comuni"

// birthplace returns "Name (XX)" for a cadastral code, or the code itself
// when it is not an Italian comune (births abroad use Z codes).
func birthplace(code string) string {
	if c, ok := comuni.ByBelfiore(code); ok {
		return c.Name + " (" + c.Sigla + ")"
	}
	return code
}
