package api

import (
	"net/http"
	"sort"

	"github.com/cassetto-dev/cassetto/internal/registry"
)

// personRef names a person.
type personRef struct {
	Name          string `json:"name"`
	CodiceFiscale string `json:"codice_fiscale"`
}

func refOf(p registry.Person) personRef {
	return personRef{Name: p.FullName(), CodiceFiscale: p.CodiceFiscale}
}

// positionSummary is one position of the caller's list.
type positionSummary struct {
	Number   string    `json:"number"`
	Gestione string    `json:"gestione"`
	Role     string    `json:"role"` // titolare or intermediary
	Titolare personRef `json:"titolare"`
	Office   string    `json:"office"`
	Status   string    `json:"status"`
}

type positionList struct {
	Items []positionSummary `json:"items"`
	Next  *string           `json:"next"`
}

// listPositions lists the caller's own positions and those delegated to
// him today, by number. Like the portal's position picker it is not
// written to the access log: it names the positions, the reads of their
// data are logged.
func (a *API) listPositions(w http.ResponseWriter, r *http.Request, c *call) {
	p := newParams(r)
	limit, after := p.limit(), p.cursor()
	if !p.ok(a, w, r) {
		return
	}
	own, err := a.Registry.PositionsOfTitolare(r.Context(), c.person.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	delegated, err := a.Registry.DelegatedPositions(r.Context(), c.person.ID, a.today())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	all := summaries(own, delegated)
	out := positionList{Items: []positionSummary{}}
	for _, s := range all {
		if s.Number <= after {
			continue
		}
		if len(out.Items) == limit {
			out.Next = nextLink(r, out.Items[limit-1].Number)
			break
		}
		out.Items = append(out.Items, s)
	}
	a.writeJSON(w, r, out)
}

// summaries merges own and delegated positions by number; a position of
// both counts as own.
func summaries(own, delegated []registry.PositionView) []positionSummary {
	seen := map[string]bool{}
	var out []positionSummary
	add := func(list []registry.PositionView, role string) {
		for _, p := range list {
			if seen[p.Number] {
				continue
			}
			seen[p.Number] = true
			out = append(out, positionSummary{Number: p.Number, Gestione: string(p.Gestione), Role: role,
				Titolare: refOf(p.Titolare), Office: p.OfficeCode, Status: string(p.Status)})
		}
	}
	add(own, "titolare")
	add(delegated, "intermediary")
	sort.Slice(out, func(i, j int) bool { return out[i].Number < out[j].Number })
	return out
}

// role is how the call sees its position: titolare or intermediary.
func (c *call) role() string {
	if c.actor.IsTitolareOf(c.facts) {
		return "titolare"
	}
	return "intermediary"
}
