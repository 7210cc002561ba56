package web_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/codicefiscale"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// delegationFixture adds to the world a commercialista with an intermediary
// profile and a valid codice fiscale, who holds nothing on p1 yet, and a
// blob store for the scanned delegations.
type delegationFixture struct {
	*world
	comm  registry.Person
	blobs *blob.Memory
}

func newDelegationFixture(t *testing.T) *delegationFixture {
	t.Helper()
	w := newWorld(t)
	f := &delegationFixture{world: w, blobs: blob.NewMemory()}
	f.comm = registry.Person{GivenName: "Francesca", FamilyName: "Romano", Sex: "F",
		BirthDate: civil.MustParse("1970-11-08"), BirthplaceCode: "F205"}
	f.comm.CodiceFiscale = codicefiscale.Compute("Romano", "Francesca", "F", f.comm.BirthDate, "F205")
	if err := w.reg.CreatePerson(context.Background(), &f.comm); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.W().Exec(context.Background(), `INSERT INTO intermediaries (person_id, kind, registration_number, firm)
		VALUES (?, 'commercialista', 'ODCEC Milano n. 4821/A', 'Studio Romano & Associati')`, f.comm.ID); err != nil {
		t.Fatal(err)
	}
	w.srv.Blobs = f.blobs
	return f
}

func (f *delegationFixture) titolareC() *client { return f.as(f.titolare.ID, 0, "self") }
func (f *delegationFixture) commC() *client     { return f.as(f.comm.ID, 0, "intermediary") }

// count runs a COUNT(*) query.
func (f *delegationFixture) count(query string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.db.R().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// lastDelegationID is the newest delegation to the commercialista.
func (f *delegationFixture) lastDelegationID() string {
	f.t.Helper()
	var id string
	if err := f.db.R().QueryRow(context.Background(), `SELECT CAST(MAX(id) AS TEXT) FROM delegations WHERE intermediary_id = ?`,
		f.comm.ID).Scan(&id); err != nil {
		f.t.Fatal(err)
	}
	return id
}

func (f *delegationFixture) statusOf(id string) string {
	f.t.Helper()
	var s string
	if err := f.db.R().QueryRow(context.Background(), `SELECT status FROM delegations WHERE CAST(id AS TEXT) = ?`, id).Scan(&s); err != nil {
		f.t.Fatal(err)
	}
	return s
}

// grant grants a delegation on p1 to the commercialista as the titolare.
func (f *delegationFixture) grant() string {
	f.t.Helper()
	res := f.titolareC().do("POST", "/posizioni/"+f.p1.Number+"/deleghe", map[string]string{"cf": f.comm.CodiceFiscale, "scope": "full"})
	if res.status != http.StatusSeeOther {
		f.t.Fatalf("grant: %d %s", res.status, res.body)
	}
	return f.lastDelegationID()
}

// multipart posts a multipart form with a file.
func (c *client) multipart(path string, fields map[string]string, fileName string, file []byte) response {
	c.w.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	if file != nil {
		fw, _ := mw.CreateFormFile("document", fileName)
		_, _ = fw.Write(file)
	}
	_ = mw.Close()
	req, _ := http.NewRequest("POST", c.w.ts.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, err := c.http.Do(req)
	if err != nil {
		c.w.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{status: resp.StatusCode, location: resp.Header.Get("Location"), body: string(b), header: resp.Header}
}
