package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// withAction returns a copy of m that also allows act.
func withAction(m map[access.Action]bool, act access.Action) map[access.Action]bool {
	out := map[access.Action]bool{act: true}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// withBlobs gives the server of w an in-memory blob store (the harness
// starts it without one) and returns it.
func (w *world) withBlobs() blob.Store {
	if w.srv.Blobs == nil {
		w.srv.Blobs = blob.NewMemory()
	}
	return w.srv.Blobs
}

// caseService is the cases' lifecycle on w's database and blob store.
func (w *world) caseService() *cases.Service {
	return &cases.Service{Store: store.NewCases(w.db), Blobs: w.withBlobs(), Now: func() time.Time { return w.now },
		Config: cases.DefaultConfig}
}

// testZip is a small valid attachment holding one text file.
func testZip(name, content string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.Create(name)
	f.Write([]byte(content))
	zw.Close()
	return buf.Bytes()
}

// caseOfP1 returns the id of a request on p1 with one attachment, opened
// by its titolare on first use, and its attachment's id.
func (w *world) caseOfP1() (caseID, attID int64) {
	w.t.Helper()
	ctx := context.Background()
	w.withBlobs()
	err := w.db.R().QueryRow(ctx, `SELECT c.id, a.id FROM cases c JOIN case_attachments a ON a.case_id = c.id
		WHERE c.position_id = ? ORDER BY c.id LIMIT 1`, w.p1.ID).Scan(&caseID, &attID)
	if err == nil {
		return caseID, attID
	}
	c, err := w.caseService().Open(ctx, cases.Author{Kind: "citizen", ID: w.titolare.ID, Name: "Titolare", Label: "Titolare"},
		cases.OpenInput{PositionID: w.p1.ID, PositionOffice: w.p1.OfficeCode, Topic: "f24", Subtopic: "f24.rate",
			Subject: "Rata 2/2025", Text: "Testo della richiesta",
			Uploads: []cases.Upload{{Name: "quietanza.zip", Content: testZip("nota.txt", "quietanza")}}})
	if err != nil {
		w.t.Fatal(err)
	}
	err = w.db.W().QueryRow(ctx, `SELECT id FROM case_attachments WHERE case_id = ?`, c.ID).Scan(&attID)
	if err != nil {
		w.t.Fatal(err)
	}
	return c.ID, attID
}

// casePath fills {id} (and {att}) of a case route with the request of p1.
func (w *world) casePath(path string) string {
	id, att := w.caseOfP1()
	path = strings.Replace(path, "{id}", fmt.Sprint(id), 1)
	return strings.Replace(path, "{att}", fmt.Sprint(att), 1)
}
