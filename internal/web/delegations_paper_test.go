package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/delegation"
)

func (f *delegationFixture) paperForm(number string) map[string]string {
	return map[string]string{"position": number, "cf": f.comm.CodiceFiscale, "scope": "consultation", "valid_from": "2026-11-20"}
}

var scan = []byte("%PDF-1.4\n% delega firmata\n")

func TestOfficeRegistersAPaperDelegationActiveAtOnce(t *testing.T) {
	f := newDelegationFixture(t)
	op := f.as(0, f.operator.ID, "")
	if page := op.get("/fascicolo/deleghe/cartacea"); page.status != http.StatusOK || !strings.Contains(page.body, `enctype="multipart/form-data"`) {
		t.Fatalf("form: %d", page.status)
	}
	res := op.multipart("/fascicolo/deleghe/cartacea", f.paperForm(f.p1.Number), "delega.pdf", scan)
	if res.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", res.status, res.body)
	}
	id := f.lastDelegationID()
	if f.statusOf(id) != "active" || f.blobs.Len() != 1 {
		t.Fatalf("status %s, %d blobs", f.statusOf(id), f.blobs.Len())
	}
	if res := f.commC().get("/posizioni/" + f.p1.Number + "/"); res.status != http.StatusOK {
		t.Fatalf("the paper delegation does not open the position: %d", res.status)
	}
	if n := f.count(`SELECT COUNT(*) FROM delegations WHERE CAST(id AS TEXT) = ? AND origin = 'paper' AND created_by_kind = 'staff' AND created_by_id = ?`, id, f.operator.ID); n != 1 {
		t.Fatal("the delegation does not say who registered it")
	}
	list := op.get("/fascicolo/deleghe/cartacea?esito=registrata")
	if !strings.Contains(list.body, "/fascicolo/deleghe/"+id+"/documento") || !strings.Contains(list.body, "Delega cartacea registrata") {
		t.Fatal("the office's list does not show it")
	}
	if page := f.titolareC().get("/posizioni/" + f.p1.Number + "/deleghe"); !strings.Contains(page.body, "/deleghe/"+id+"/documento") {
		t.Fatal("the titolare's page has no link to the scan")
	}
}

func TestTheScanIsDownloadedAsAnAttachmentByStaffAndTitolareOnly(t *testing.T) {
	f := newDelegationFixture(t)
	f.as(0, f.operator.ID, "").multipart("/fascicolo/deleghe/cartacea", f.paperForm(f.p1.Number), "delega.pdf", scan)
	id := f.lastDelegationID()
	before := f.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'delegation.document'`)
	for name, c := range map[string]*client{"operator": f.as(0, f.operator.ID, ""), "admin": f.as(0, f.admin.ID, "")} {
		res := c.get("/fascicolo/deleghe/" + id + "/documento")
		if res.status != http.StatusOK || res.body != string(scan) {
			t.Fatalf("%s: %d", name, res.status)
		}
		h := res.header
		if !strings.HasPrefix(h.Get("Content-Disposition"), "attachment;") || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Content-Type") != "application/pdf" || !strings.Contains(h.Get("Cache-Control"), "no-store") {
			t.Fatalf("%s: headers %v", name, h)
		}
	}
	if after := f.count(`SELECT COUNT(*) FROM audit_log WHERE action = 'delegation.document'`); after != before+2 {
		t.Fatalf("staff downloads audited %d times, want 2", after-before)
	}
	if res := f.titolareC().get("/deleghe/" + id + "/documento"); res.status != http.StatusOK || res.body != string(scan) {
		t.Fatalf("titolare: %d", res.status)
	}
	denied := map[string]response{
		"operator of another office": f.as(0, f.operatorElsewhere.ID, "").get("/fascicolo/deleghe/" + id + "/documento"),
		"another titolare":           f.as(f.other.ID, 0, "self").get("/deleghe/" + id + "/documento"),
		"the intermediary":           f.commC().get("/deleghe/" + id + "/documento"),
		"unknown id":                 f.titolareC().get("/deleghe/999999/documento"),
	}
	for name, res := range denied {
		if res.status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", name, res.status)
		}
	}
}

func TestPaperRefusalsAnswer422AndStoreNothing(t *testing.T) {
	f := newDelegationFixture(t)
	cases := []struct {
		name   string
		c      *client
		number string
		file   []byte
		want   string
	}{
		{"not a PDF", f.as(0, f.operator.ID, ""), f.p1.Number, []byte("<html>not a pdf</html>"), "Il documento deve essere un PDF o un file firmato P7M."},
		{"no file", f.as(0, f.operator.ID, ""), f.p1.Number, nil, "Allega la delega firmata"},
		{"position of another office", f.as(0, f.operatorElsewhere.ID, ""), f.p1.Number, scan, "tra quelle della tua sede"},
		{"no such position", f.as(0, f.admin.ID, ""), "99999999", scan, "tra quelle della tua sede"},
		{"too large", f.as(0, f.operator.ID, ""), f.p1.Number, append(append([]byte{}, scan...), make([]byte, delegation.MaxDocumentSize)...), "supera 5 MB"},
	}
	for _, c := range cases {
		res := c.c.multipart("/fascicolo/deleghe/cartacea", f.paperForm(c.number), "delega.pdf", c.file)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, c.want) {
			t.Errorf("%s: %d, want 422 saying %q", c.name, res.status, c.want)
		}
	}
	if n := f.count(`SELECT COUNT(*) FROM delegations WHERE intermediary_id = ?`, f.comm.ID); n != 0 || f.blobs.Len() != 0 {
		t.Fatalf("%d delegations, %d blobs stored", n, f.blobs.Len())
	}
}
