package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/auth"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/staff"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
	"github.com/cassetto-dev/cassetto/internal/web"
	"github.com/cassetto-dev/cassetto/internal/web/static"
)

// world is a small registry with one of every kind of actor.
type world struct {
	t        *testing.T
	db       *store.DB
	reg      *store.Registry
	srv      *web.Server
	ts       *httptest.Server
	sessions *session.Manager
	ledger   *store.LedgerReader // the server's, with its records cache if any
	oidc     *fakeOIDC
	now      time.Time

	p1, p2                              registry.PositionView // p1 at office 1300, p2 at 7000
	titolare, other, member             registry.Person
	interActive, interExpired, interRev registry.Person
	interConsult                        registry.Person
	operator, operatorElsewhere, admin  staff.Member

	byStatus map[string]int64 // intermediaries whose delegation on p1 has this status (intermediaryWith)
}

// fakeOIDC stands in for the relying party at the HTTP edge: the real flow
// against a real provider is tested in package auth and in the browser test.
type fakeOIDC struct {
	identity auth.Identity
	next     string
	err      error
}

func (f *fakeOIDC) Start(w http.ResponseWriter, r *http.Request, returnTo string) error {
	f.next = returnTo
	http.Redirect(w, r, "/auth/callback?code=x&state=y", http.StatusFound)
	return nil
}

func (f *fakeOIDC) Finish(w http.ResponseWriter, r *http.Request) (auth.Identity, string, error) {
	return f.identity, f.next, f.err
}

func person(cf, given, family string) registry.Person {
	return registry.Person{CodiceFiscale: cf, GivenName: given, FamilyName: family, Sex: "M",
		BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "H501"}
}

func newWorld(t *testing.T) *world {
	t.Helper()
	return newWorldCache(t, 0)
}

// newWorldCache is newWorld with a records cache of cacheBytes (0: none),
// as `cassetto serve` keeps one by default.
func newWorldCache(t *testing.T, cacheBytes int64) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{t: t, db: storetest.New(t), now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return w.now }
	w.reg = store.NewRegistry(w.db, clock)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(w.reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Sede di Milano", City: "Milano"}))
	must(w.reg.CreateOffice(ctx, registry.Office{Code: "7000", Name: "Sede di Roma", City: "Roma"}))
	people := []*registry.Person{&w.titolare, &w.other, &w.member, &w.interActive, &w.interExpired, &w.interRev, &w.interConsult}
	for i, p := range people {
		*p = person("RSSMRA80A01H50"+string(rune('1'+i))+"Z", "Nome"+string(rune('A'+i)), "Cognome")
		must(w.reg.CreatePerson(ctx, p))
	}
	p1 := registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: w.titolare.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	p2 := registry.Position{Number: "10000002", Gestione: registry.Commercianti, TitolareID: w.other.ID, OfficeCode: "7000",
		ActivityStart: civil.MustParse("2012-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(w.reg.CreatePosition(ctx, &p1))
	must(w.reg.CreatePosition(ctx, &p2))
	must(w.reg.AddMember(ctx, &registry.Member{PositionID: p1.ID, PersonID: w.member.ID, SubjectCode: 11,
		Kind: registry.Coadiuvante, Relation: "coniuge", ValidFrom: civil.MustParse("2015-01-01")}))
	must(w.reg.AddContact(ctx, &registry.Contact{PersonID: w.titolare.ID, Email: "titolare@example.it", ChangedBy: "seed"}))
	w.delegate(p1.ID, w.interActive.ID, "full", "active", "2024-01-01", "")
	w.delegate(p1.ID, w.interExpired.ID, "full", "active", "2020-01-01", "2025-12-31")
	w.delegate(p1.ID, w.interRev.ID, "full", "revoked", "2020-01-01", "")
	w.delegate(p1.ID, w.interConsult.ID, "consultation", "active", "2024-01-01", "")
	var err error
	w.p1, err = w.reg.PositionByNumber(ctx, "10000001")
	must(err)
	w.p2, err = w.reg.PositionByNumber(ctx, "10000002")
	must(err)
	st := store.NewStaff(w.db)
	w.operator = w.staff(st, "operatore.milano", staff.RoleOperator, "1300")
	w.operatorElsewhere = w.staff(st, "operatore.roma", staff.RoleOperator, "7000")
	w.admin = w.staff(st, "admin", staff.RoleAdmin, "")
	w.start(clock, st, cacheBytes)
	return w
}

func (w *world) delegate(posID, interID int64, scope, status, from, to string) {
	w.t.Helper()
	var validTo any
	if to != "" {
		validTo = to
	}
	_, err := w.db.W().Exec(context.Background(), `INSERT INTO delegations
		(position_id, intermediary_id, scope, status, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		posID, interID, scope, status, from, validTo, w.now)
	if err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) staff(st *store.Staff, username string, role staff.Role, office string) staff.Member {
	w.t.Helper()
	m := staff.Member{Username: username, DisplayName: username, Role: role, OfficeCode: office, Active: true}
	if err := st.Create(context.Background(), &m, ""); err != nil {
		w.t.Fatal(err)
	}
	return m
}

func (w *world) start(clock func() time.Time, st *store.Staff, cacheBytes int64) {
	assets, err := static.New()
	if err != nil {
		w.t.Fatal(err)
	}
	w.sessions = &session.Manager{Store: store.NewSessions(w.db), Now: clock, Idle: 30 * time.Minute, Absolute: 8 * time.Hour}
	w.oidc = &fakeOIDC{}
	w.ledger = store.NewLedgerReader(w.db).WithCache(store.NewRecordsCache(cacheBytes))
	w.srv, err = web.New(web.Deps{
		Site: web.Site{Institution: "Istituto di prova", SupportEmail: "help@example.it", LoginLabel: "Entra con SPID / CIE", LoginEnabled: true},
		DB:   w.db, Ledger: w.ledger, Params: contrib.Default(), Registry: w.reg, Delegations: w.reg, Audit: store.NewAudit(w.db), Sessions: w.sessions,
		OIDC: w.oidc, Staff: staff.NewAccounts(st, clock, staff.Config{}), StaffDir: st, Assets: assets,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clock,
	})
	if err != nil {
		w.t.Fatal(err)
	}
	w.ts = httptest.NewServer(w.srv)
	w.t.Cleanup(w.ts.Close)
}

// client is a browser-like client that does not follow redirects.
type client struct {
	w    *world
	http *http.Client
}

func (w *world) anonymous() *client {
	jar, _ := cookiejar.New(nil)
	return &client{w: w, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// as returns a client logged in as a person with a profile, or as staff.
func (w *world) as(personID, staffID int64, profile string) *client {
	w.t.Helper()
	c := w.anonymous()
	rec := httptest.NewRecorder()
	if _, err := w.sessions.Begin(context.Background(), rec, httptest.NewRequest("GET", "/", nil), personID, staffID,
		session.Data{Profile: profile, Method: "test"}); err != nil {
		w.t.Fatal(err)
	}
	u, _ := http.NewRequest("GET", w.ts.URL, nil)
	c.http.Jar.SetCookies(u.URL, rec.Result().Cookies())
	return c
}

type response struct {
	status   int
	location string
	body     string
	header   http.Header
}

func (c *client) do(method, path string, form map[string]string) response {
	c.w.t.Helper()
	var body io.Reader
	if form != nil {
		vals := url.Values{}
		for k, v := range form {
			vals.Set(k, v)
		}
		body = strings.NewReader(vals.Encode())
	}
	req, err := http.NewRequest(method, c.w.ts.URL+path, body)
	if err != nil {
		c.w.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}

func (c *client) get(path string) response { return c.do("GET", path, nil) }
