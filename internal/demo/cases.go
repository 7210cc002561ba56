package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// CasesRun is the name LoadCases records in seed_runs when it is done.
const CasesRun = "demo:cases"

// caseStep is one step of a demo case, hours after its opening.
type caseStep struct {
	hours int
	act   string // open, comm (the office opens it), msg, take, reply, note, wait, resume, close, reopen
	text  string
	esito string // close only
}

// caseScript is a demo case: what it is about and how it went.
type caseScript struct {
	topic, subtopic, subject string
	steps                    []caseStep
}

// demoCase puts a script on a position, opened days before the reference date.
type demoCase struct {
	number string // the position; "" for the nth position of office
	office string
	nth    int
	days   int
	script caseScript
}

// LoadCases gives the demo about forty cases (pratiche) on the positions
// of Marco Bianchi (10000001), Laura Colombo (10000002) and of the demo
// offices, in every state — aperta, in carico, in attesa del contribuente,
// chiusa with each esito, one reopened — with two communications of the
// office and short threads (the requester's messages, the office's
// replies and questions, internal notes). It goes through the cases'
// service, so protocol numbers are those of real cases (gapless per office
// and year) and every step has its audit entry and event; the times are
// fixed before the reference date. A case already there (same position and
// subject) is skipped, and the run is recorded, so it may run at every
// start. It returns the number of cases written.
func LoadCases(ctx context.Context, db *store.DB) (int, error) {
	var n int
	if err := db.W().QueryRow(ctx, `SELECT COUNT(*) FROM seed_runs WHERE name = ?`, CasesRun).Scan(&n); err != nil || n > 0 {
		return 0, err
	}
	l := &caseLoader{db: db, st: store.NewCases(db)}
	if err := l.loadStaff(ctx); err != nil {
		return 0, fmt.Errorf("demo cases: %w", err)
	}
	written := 0
	for _, dc := range demoCases() {
		ok, err := l.run(ctx, dc)
		if err != nil {
			return written, fmt.Errorf("demo cases %q: %w", dc.script.subject, err)
		}
		if ok {
			written++
		}
	}
	_, err := db.W().Exec(ctx, `INSERT INTO seed_runs (name, done_at, detail) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING`,
		CasesRun, time.Now().UTC(), fmt.Sprintf("cases=%d", written))
	return written, err
}

// caseLoader runs the scripts with the demo's staff.
type caseLoader struct {
	db       *store.DB
	st       *store.Cases
	operator cases.Author // operatore.milano, of office 1300
	admin    cases.Author // every other office
}

func (l *caseLoader) loadStaff(ctx context.Context) error {
	for _, s := range []struct {
		key string
		to  *cases.Author
	}{{KeyOperator, &l.operator}, {KeyAdmin, &l.admin}} {
		username := identity(s.key).StaffUsername
		a := cases.Author{Kind: "staff"}
		err := l.db.W().QueryRow(ctx, `SELECT id, display_name, role FROM staff WHERE username = ?`, username).
			Scan(&a.ID, &a.Name, &a.ActingAs)
		if err != nil {
			return fmt.Errorf("staff %s: %w", username, err)
		}
		a.Label = a.Name + " (" + username + ")" // as the access log names staff
		*s.to = a
	}
	return nil
}

// position finds the demo case's position and its titolare as an author.
func (l *caseLoader) position(ctx context.Context, dc demoCase) (id int64, office string, who cases.Author, err error) {
	q := `SELECT pos.id, pos.office_code, p.id, p.given_name, p.family_name, p.codice_fiscale FROM positions pos
		JOIN persons p ON p.id = pos.titolare_id WHERE pos.number = ?`
	args := []any{dc.number}
	if dc.number == "" {
		q = `SELECT pos.id, pos.office_code, p.id, p.given_name, p.family_name, p.codice_fiscale FROM positions pos
			JOIN persons p ON p.id = pos.titolare_id WHERE pos.office_code = ? AND pos.status = ?
			AND pos.number NOT IN (?, ?) ORDER BY pos.number LIMIT 1 OFFSET ?`
		args = []any{dc.office, string(registry.StatusActive), NumberTitolareAR, NumberTitolareCO, dc.nth}
	}
	var given, family, cf string
	err = l.db.W().QueryRow(ctx, q, args...).Scan(&id, &office, &who.ID, &given, &family, &cf)
	who.Kind, who.Name, who.Label, who.ActingAs = "citizen", given+" "+family, given+" "+family+" ("+cf+")", "self"
	return id, office, who, err
}

// run writes one demo case, unless its position has it already; ok is
// false when it was skipped (no such position, or already there).
func (l *caseLoader) run(ctx context.Context, dc demoCase) (bool, error) {
	posID, office, requester, err := l.position(ctx, dc)
	if store.IsNoRows(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var n int
	err = l.db.W().QueryRow(ctx, `SELECT COUNT(*) FROM cases WHERE position_id = ? AND subject = ?`, posID, dc.script.subject).Scan(&n)
	if err != nil || n > 0 {
		return false, err
	}
	staffer := l.admin
	if office == "1300" {
		staffer = l.operator
	}
	opened := ReferenceDate().Time().AddDate(0, 0, -dc.days).Add(9 * time.Hour).UTC()
	var at time.Time
	svc := &cases.Service{Store: l.st, Now: func() time.Time { return at }, Config: cases.DefaultConfig}
	var c cases.Case
	for _, s := range dc.script.steps {
		at = opened.Add(time.Duration(s.hours) * time.Hour)
		if c.ID != 0 {
			if c, err = l.st.Get(ctx, c.ID); err != nil {
				return false, err
			}
		}
		if err := l.step(ctx, svc, &c, s, dc.script, posID, office, requester, staffer); err != nil {
			return false, fmt.Errorf("%s: %w", s.act, err)
		}
	}
	return true, nil
}

func (l *caseLoader) step(ctx context.Context, svc *cases.Service, c *cases.Case, s caseStep, sc caseScript,
	posID int64, office string, requester, staffer cases.Author) error {
	post := cases.Post{Text: s.text}
	var err error
	switch s.act {
	case "open":
		*c, err = svc.Open(ctx, requester, cases.OpenInput{PositionID: posID, PositionOffice: office, Topic: sc.topic,
			Subtopic: sc.subtopic, Subject: sc.subject, Text: s.text})
	case "comm":
		*c, err = svc.Communicate(ctx, staffer, cases.CommunicationInput{PositionID: posID, OfficeCode: office,
			Topic: sc.topic, Subtopic: sc.subtopic, Subject: sc.subject, Text: s.text})
	case "msg":
		err = svc.Reply(ctx, requester, *c, post)
	case "take":
		err = svc.Take(ctx, staffer, *c, staffer.ID, s.text)
	case "reply":
		err = svc.StaffReply(ctx, staffer, *c, post)
	case "note":
		err = svc.AddNote(ctx, staffer, *c, post)
	case "wait":
		err = svc.Wait(ctx, staffer, *c, s.text)
	case "resume":
		err = svc.Resume(ctx, staffer, *c, s.text)
	case "close":
		err = svc.Close(ctx, staffer, *c, s.esito, post)
	case "reopen":
		err = svc.Reopen(ctx, requester, *c, post)
	default:
		err = fmt.Errorf("unknown step %q", s.act)
	}
	return err
}
