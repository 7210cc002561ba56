package notify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// fixture is a position 10000001 of Mario Rossi with four intermediaries
// (full, consultation, revoked, expired), everyone with an e-mail and a
// mobile, an SMTP server, an SMS gateway and a worker on a settable clock.
type fixture struct {
	t                                         *testing.T
	db                                        *store.DB
	st                                        *store.Notifications
	now                                       time.Time
	pos                                       registry.Position
	titolare, full, consult, revoked, expired registry.Person
	box                                       *mailbox
	sms                                       *gateway
	w                                         *notify.Worker
	events                                    int
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, db: storetest.New(t), now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	f.st = store.NewNotifications(f.db)
	reg := store.NewRegistry(f.db, func() time.Time { return f.now })
	must(t, reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Sede di Milano"}))
	for i, p := range []*registry.Person{&f.titolare, &f.full, &f.consult, &f.revoked, &f.expired} {
		*p = registry.Person{CodiceFiscale: fmt.Sprintf("RSSMRA80A01H50%dZ", i+1), GivenName: []string{"Mario", "Anna", "Bruno", "Carla", "Dario"}[i],
			FamilyName: "Rossi", Sex: "M", BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "H501"}
		must(t, reg.CreatePerson(ctx, p))
		must(t, reg.AddContact(ctx, &registry.Contact{PersonID: p.ID, Email: fmt.Sprintf("p%d@example.it", i+1),
			Mobile: fmt.Sprintf("+3933300000%d", i+1), ChangedBy: "test"}))
	}
	f.pos = registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: f.titolare.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(t, reg.CreatePosition(ctx, &f.pos))
	f.delegate(f.full.ID, "full", "active", "")
	f.delegate(f.consult.ID, "consultation", "active", "")
	f.delegate(f.revoked.ID, "full", "revoked", "")
	f.delegate(f.expired.ID, "full", "active", "2025-12-31")
	f.box = newMailbox(t)
	f.sms = newGateway(t)
	f.w = &notify.Worker{Store: f.st, Now: func() time.Time { return f.now }, Batch: 3,
		Renderer: notify.Renderer{BaseURL: "https://cassetto.example.it", Institution: "Istituto di prova"},
		Mailer: notify.SMTPMailer{Config: notify.SMTPConfig{Host: "127.0.0.1", Port: f.box.port(), TLS: notify.TLSNone,
			From: "Cassetto <noreply@example.it>"}},
		SMS: notify.HTTPGateway{URL: f.sms.srv.URL, Token: "segreto"}}
	return f
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) delegate(interID int64, scope, status, to string) {
	f.t.Helper()
	var validTo any
	if to != "" {
		validTo = to
	}
	_, err := f.db.W().Exec(context.Background(), `INSERT INTO delegations (position_id, intermediary_id, scope, status,
		valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, f.pos.ID, interID, scope, status, "2024-01-01", validTo, f.now)
	must(f.t, err)
}

// event writes an outbox event of kind on the position.
func (f *fixture) event(kind string, payload map[string]any) {
	f.t.Helper()
	f.events++
	b, _ := json.Marshal(payload)
	_, err := f.db.W().Exec(context.Background(), `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, fmt.Sprintf("test:%d", f.events), kind, f.pos.ID, f.events, string(b), f.now)
	must(f.t, err)
}

func (f *fixture) caseEvent(kind string, n int) {
	f.event(kind, map[string]any{"protocol": fmt.Sprintf("1300-2026-%07d", n), "subject": "Dati modello F24 – rata 2/2025"})
}

func (f *fixture) run() notify.Stats {
	f.t.Helper()
	st, err := f.w.RunOnce(context.Background())
	must(f.t, err)
	return st
}

// status counts the deliveries by status.
func (f *fixture) status() map[string]int {
	f.t.Helper()
	rows, err := f.db.R().Query(context.Background(), `SELECT status, COUNT(*) FROM deliveries GROUP BY status`)
	must(f.t, err)
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		must(f.t, rows.Scan(&s, &n))
		out[s] = n
	}
	return out
}

// gateway is an httptest SMS gateway that keeps what it is sent.
type gateway struct {
	srv  *httptest.Server
	mu   sync.Mutex
	sms  []map[string]string
	auth []string
}

func newGateway(t *testing.T) *gateway {
	g := &gateway{}
	g.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		var m map[string]string
		if json.Unmarshal(b, &m) != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		g.mu.Lock()
		g.sms, g.auth = append(g.sms, m), append(g.auth, r.Header.Get("Authorization"))
		g.mu.Unlock()
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(g.srv.Close)
	return g
}

func (g *gateway) messages() []map[string]string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]map[string]string(nil), g.sms...)
}
