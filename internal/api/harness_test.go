package api_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"

	"github.com/cassetto-dev/cassetto/internal/api"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// world is a small registry with the ledger of two years and one of every
// kind of API caller.
type world struct {
	t      *testing.T
	db     *store.DB
	reg    *store.Registry
	tokens *store.APITokens
	now    time.Time
	ts     *httptest.Server
	api    *api.API
	spec   validator.Validator
	specMu sync.Mutex
	// badRequests turns off the validation of requests: a test sends
	// parameters outside the document on purpose.
	badRequests bool

	p1, p2                              registry.PositionView // p1 of titolare; p2 of other
	titolare, other, stranger           registry.Person
	interActive, interExpired, interRev registry.Person
	interConsult                        registry.Person
}

func person(i int, given string) registry.Person {
	return registry.Person{CodiceFiscale: fmt.Sprintf("RSSMRA80A01H50%dZ", i), GivenName: given, FamilyName: "Rossi", Sex: "M",
		BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "H501"}
}

func newWorld(t *testing.T, rate int) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{t: t, db: storetest.New(t), now: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return w.now }
	w.reg = store.NewRegistry(w.db, clock)
	w.tokens = store.NewAPITokens(w.db, clock)
	must := w.must
	must(w.reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Sede di Milano", City: "Milano"}))
	people := []*registry.Person{&w.titolare, &w.other, &w.stranger, &w.interActive, &w.interExpired, &w.interRev, &w.interConsult}
	names := []string{"Titolare", "Altro", "Estraneo", "Attivo", "Scaduto", "Revocato", "Consultazione"}
	for i, p := range people {
		*p = person(i+1, names[i])
		must(w.reg.CreatePerson(ctx, p))
	}
	p1 := registry.Position{Number: "10000001", Gestione: registry.Artigiani, TitolareID: w.titolare.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	p2 := registry.Position{Number: "10000002", Gestione: registry.Commercianti, TitolareID: w.other.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2012-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(w.reg.CreatePosition(ctx, &p1))
	must(w.reg.CreatePosition(ctx, &p2))
	w.delegate(p1.ID, w.interActive.ID, "full", "active", "2024-01-01", "")
	w.delegate(p2.ID, w.interActive.ID, "full", "active", "2024-01-01", "")
	w.delegate(p1.ID, w.interExpired.ID, "full", "active", "2020-01-01", "2025-12-31")
	w.delegate(p1.ID, w.interRev.ID, "full", "revoked", "2020-01-01", "")
	w.delegate(p1.ID, w.interConsult.ID, "consultation", "active", "2024-01-01", "")
	var err error
	w.p1, err = w.reg.PositionByNumber(ctx, "10000001")
	must(err)
	w.p2, err = w.reg.PositionByNumber(ctx, "10000002")
	must(err)
	for _, y := range []int{2025, 2026} {
		_, err := ledger.Impose(ctx, store.NewImposition(w.db, clock), contrib.Default(), ledger.ImposeOptions{Year: y})
		must(err)
	}
	w.api = api.New(api.Deps{DB: w.db, Registry: w.reg, Ledger: store.NewLedgerReader(w.db), Audit: store.NewAudit(w.db),
		Tokens: w.tokens, Params: contrib.Default(), Institution: "Istituto di prova",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clock, RatePerMin: rate})
	w.ts = httptest.NewServer(w.api)
	t.Cleanup(w.ts.Close)
	w.spec = newSpecValidator(t)
	return w
}

func (w *world) must(err error) {
	w.t.Helper()
	if err != nil {
		w.t.Fatal(err)
	}
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
	w.must(err)
}

// token creates a token of person p with scope, valid through expires,
// and returns its secret.
func (w *world) token(p registry.Person, scope string, expires string) string {
	w.t.Helper()
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	secret := api.TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	tok := store.APIToken{PersonID: p.ID, Name: "test", Scope: scope, ExpiresOn: civil.MustParse(expires)}
	w.must(w.tokens.Create(context.Background(), &tok, api.TokenHash(secret)))
	return secret
}

// reader returns a read-only token of p valid for a year.
func (w *world) reader(p registry.Person) string { return w.token(p, store.APIScopeRead, "2027-11-01") }

// dueOf returns the id of p1's titolare rate of year and kind.
func (w *world) dueOf(year int, kind string) int64 {
	w.t.Helper()
	var id int64
	w.must(w.db.R().QueryRow(context.Background(), `SELECT id FROM dues WHERE position_id = ? AND year = ? AND kind = ?
		AND subject_code = 10`, w.p1.ID, year, kind).Scan(&id))
	return id
}

type response struct {
	status int
	header http.Header
	body   string
}

// do calls the API with token (none when ""), validates the request (when
// it carries a token) and the response against the OpenAPI document, and
// returns the response.
func (w *world) do(method, path, token string, header ...string) response {
	w.t.Helper()
	req, err := http.NewRequest(method, w.ts.URL+path, nil)
	w.must(err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	w.must(err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	w.must(err)
	out := response{status: res.StatusCode, header: res.Header, body: string(body)}
	if method == http.MethodGet {
		w.validate(req, res, body, token != "")
	}
	return out
}

func (w *world) get(path, token string) response {
	w.t.Helper()
	return w.do(http.MethodGet, path, token)
}

// validate checks a request and its response against the document.
func (w *world) validate(req *http.Request, res *http.Response, body []byte, withToken bool) {
	w.t.Helper()
	req.URL.Scheme, req.URL.Host = "", ""
	res.Body = io.NopCloser(strings.NewReader(string(body)))
	w.specMu.Lock()
	defer w.specMu.Unlock()
	if withToken && !w.badRequests {
		if ok, errs := w.spec.ValidateHttpRequest(req); !ok {
			for _, e := range errs {
				w.t.Errorf("%s %s: request not in the document: %s (%s)", req.Method, req.URL, e.Message, e.Reason)
			}
		}
	}
	res.Body = io.NopCloser(strings.NewReader(string(body)))
	if ok, errs := w.spec.ValidateHttpResponse(req, res); !ok {
		for _, e := range errs {
			w.t.Errorf("%s %s → %d: response not in the document: %s (%s) %v", req.Method, req.URL, res.StatusCode, e.Message, e.Reason, e.SchemaValidationErrors)
		}
	}
}

func newSpecValidator(t *testing.T) validator.Validator {
	t.Helper()
	doc, err := libopenapi.NewDocument(api.Spec)
	if err != nil {
		t.Fatal(err)
	}
	v, errs := validator.NewValidator(doc)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return v
}
