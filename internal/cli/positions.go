package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"text/tabwriter"
	"time"

	"github.com/cassetto-dev/cassetto/internal/config"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

var positionNumberRe = regexp.MustCompile(`^[0-9]{8}$`)

func runPositions(ctx context.Context, env Env) error {
	if len(env.Args) == 0 {
		return Usagef("positions: say 'list' or 'show NUMBER'")
	}
	sub, args := env.Args[0], env.Args[1:]
	fs := newFlagSet("positions "+sub, env)
	resolve := config.RegisterFlags(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	limit := fs.Int("limit", 50, "how many positions to list (1–10000)")
	number := ""
	if sub == "show" && len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		number, args = args[0], args[1:]
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if sub == "show" && number == "" && fs.NArg() > 0 {
		number = fs.Arg(0)
	}
	switch {
	case sub != "list" && sub != "show":
		return Usagef("positions: unknown subcommand %q: say 'list' or 'show NUMBER'", sub)
	case sub == "list" && (*limit < 1 || *limit > 10000):
		return Usagef("positions list: --limit wants a whole number from 1 to 10000")
	case sub == "show" && !positionNumberRe.MatchString(number):
		return Usagef("positions show: NUMBER wants the 8-digit position number, e.g. 12345678")
	}
	_, db, err := openConfigured(ctx, resolve, env.Getenv)
	if err != nil {
		return err
	}
	defer db.Close()
	reg := store.NewRegistry(db, time.Now)
	if sub == "list" {
		list, err := reg.Positions(ctx, registry.ListFilter{Limit: *limit})
		if err != nil {
			return err
		}
		return printPositions(env.Stdout, list, *asJSON)
	}
	return showPosition(ctx, env.Stdout, reg, number, *asJSON)
}

// positionJSON is the machine form of a position for operators' scripts.
type positionJSON struct {
	Number        string       `json:"number"`
	Gestione      string       `json:"gestione"`
	Status        string       `json:"status"`
	Office        string       `json:"office"`
	CodiceFiscale string       `json:"codice_fiscale"`
	Titolare      string       `json:"titolare"`
	ActivityStart string       `json:"activity_start"`
	ActivityEnd   string       `json:"activity_end,omitempty"`
	Activity      string       `json:"activity"`
	Reduction     string       `json:"reduction"`
	Members       []memberJSON `json:"members,omitempty"`
	Email         string       `json:"email,omitempty"`
	PEC           string       `json:"pec,omitempty"`
}

type memberJSON struct {
	SubjectCode   int    `json:"subject_code"`
	CodiceFiscale string `json:"codice_fiscale"`
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	Relation      string `json:"relation"`
	From          string `json:"from"`
	To            string `json:"to,omitempty"`
}

func toJSON(p registry.PositionView) positionJSON {
	return positionJSON{Number: p.Number, Gestione: string(p.Gestione), Status: string(p.Status),
		Office: p.OfficeCode, CodiceFiscale: p.Titolare.CodiceFiscale, Titolare: p.Titolare.FullName(),
		ActivityStart: p.ActivityStart.String(), ActivityEnd: p.ActivityEnd.String(),
		Activity: p.ActivityDescription, Reduction: string(p.Reduction)}
}

func printPositions(w io.Writer, list []registry.PositionView, asJSON bool) error {
	if asJSON {
		out := make([]positionJSON, 0, len(list))
		for _, p := range list {
			out = append(out, toJSON(p))
		}
		return writeJSON(w, out)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBER\tGESTIONE\tSTATUS\tSEDE\tCODICE FISCALE\tTITOLARE")
	for _, p := range list {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", p.Number, p.Gestione, p.Status, p.OfficeCode,
			p.Titolare.CodiceFiscale, p.Titolare.FullName())
	}
	return tw.Flush()
}

func showPosition(ctx context.Context, w io.Writer, reg *store.Registry, number string, asJSON bool) error {
	p, err := reg.PositionByNumber(ctx, number)
	if err != nil {
		return fmt.Errorf("position %s: not found in this database", number)
	}
	out := toJSON(p)
	members, err := reg.Members(ctx, p.ID)
	if err != nil {
		return err
	}
	for _, m := range members {
		out.Members = append(out.Members, memberJSON{m.SubjectCode, m.Person.CodiceFiscale, m.Person.FullName(),
			string(m.Kind), m.Relation, m.ValidFrom.String(), m.ValidTo.String()})
	}
	if c, err := reg.CurrentContact(ctx, p.TitolareID); err == nil {
		out.Email, out.PEC = c.Email, c.PEC
	}
	if asJSON {
		return writeJSON(w, out)
	}
	fmt.Fprintf(w, "Posizione %s (%s) — %s, sede %s\n", out.Number, out.Gestione, out.Status, out.Office)
	fmt.Fprintf(w, "Titolare: %s, %s\nAttività: %s, dal %s\n", out.Titolare, out.CodiceFiscale, out.Activity, out.ActivityStart)
	for _, m := range out.Members {
		fmt.Fprintf(w, "  %d %s %s (%s, %s) dal %s\n", m.SubjectCode, m.CodiceFiscale, m.Name, m.Kind, m.Relation, m.From)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
