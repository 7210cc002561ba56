package api

import (
	"net/http"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

type office struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type member struct {
	Name          string  `json:"name"`
	CodiceFiscale string  `json:"codice_fiscale"`
	Kind          string  `json:"kind"`
	SubjectCode   int     `json:"subject_code"`
	ValidFrom     string  `json:"valid_from"`
	ValidTo       *string `json:"valid_to"`
}

// positionDetail is the anagrafica of a position.
type positionDetail struct {
	Number        string    `json:"number"`
	Gestione      string    `json:"gestione"`
	Role          string    `json:"role"`
	Titolare      personRef `json:"titolare"`
	Office        office    `json:"office"`
	Status        string    `json:"status"`
	ActivityStart string    `json:"activity_start"`
	ActivityEnd   *string   `json:"activity_end"`
	Activity      string    `json:"activity"`
	Ateco         string    `json:"ateco"`
	Members       []member  `json:"members"`
}

// optDate is a date or null.
func optDate(d civil.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func (a *API) getPosition(w http.ResponseWriter, r *http.Request, c *call) {
	p := c.position
	members, err := a.Registry.Members(r.Context(), p.ID)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := positionDetail{Number: p.Number, Gestione: string(p.Gestione), Role: c.role(), Titolare: refOf(p.Titolare),
		Office: office{Code: p.Office.Code, Name: p.Office.Name}, Status: string(p.Status),
		ActivityStart: p.ActivityStart.String(), ActivityEnd: optDate(p.ActivityEnd),
		Activity: p.ActivityDescription, Ateco: p.AtecoCode, Members: []member{}}
	for _, m := range members {
		out.Members = append(out.Members, member{Name: m.Person.FullName(), CodiceFiscale: m.Person.CodiceFiscale,
			Kind: string(m.Kind), SubjectCode: m.SubjectCode, ValidFrom: m.ValidFrom.String(), ValidTo: optDate(m.ValidTo)})
	}
	a.writeJSON(w, r, out)
}
