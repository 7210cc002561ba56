package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/store"
)

type delegationList struct {
	Items []delegation `json:"items"`
}

type delegation struct {
	ID           int64     `json:"id"`
	Role         string    `json:"role"`
	Position     string    `json:"position"`
	Titolare     personRef `json:"titolare"`
	Intermediary personRef `json:"intermediary"`
	Scope        string    `json:"scope"`
	Status       string    `json:"status"`
	Active       bool      `json:"active"`
	ValidFrom    string    `json:"valid_from"`
	ValidTo      *string   `json:"valid_to"`
}

// listDelegations lists the caller's delegations: held as intermediary
// and granted on his positions as titolare, in every state.
func (a *API) listDelegations(w http.ResponseWriter, r *http.Request, c *call) {
	list, err := store.DelegationsOfPerson(r.Context(), a.DB, c.person.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := delegationList{Items: []delegation{}}
	day := a.today()
	for _, d := range list {
		active := access.Delegation{Status: d.Status, Scope: d.Scope, ValidFrom: d.ValidFrom, ValidTo: d.ValidTo}.ActiveOn(day)
		out.Items = append(out.Items, delegation{ID: d.ID, Role: d.Role, Position: d.PositionNumber,
			Titolare:     personRef{Name: d.TitolareName, CodiceFiscale: d.TitolareCF},
			Intermediary: personRef{Name: d.IntermediaryName, CodiceFiscale: d.IntermediaryCF},
			Scope:        d.Scope, Status: d.Status, Active: active, ValidFrom: d.ValidFrom.String(), ValidTo: optDate(d.ValidTo)})
	}
	a.writeJSON(w, r, out)
}
