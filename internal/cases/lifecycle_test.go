package cases_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// fakeStore records the changes the service asks for.
type fakeStore struct {
	cases.Store
	updates []cases.Update
	created int
}

func (f *fakeStore) Topics(context.Context) ([]cases.Topic, error) {
	return []cases.Topic{{Code: "altro", Subs: []cases.Topic{{Code: "altro.informazioni", Parent: "altro"}}}}, nil
}
func (f *fakeStore) RouteOf(context.Context, string) (string, error) { return "", nil }
func (f *fakeStore) Create(_ context.Context, c *cases.Case, m *cases.Message) error {
	f.created++
	c.ID, c.Protocol = 1, cases.FormatProtocol(c.OfficeCode, 2026, f.created)
	return nil
}
func (f *fakeStore) Apply(_ context.Context, u cases.Update) error {
	f.updates = append(f.updates, u)
	return nil
}

var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func service() (*cases.Service, *fakeStore) {
	fs := &fakeStore{}
	return &cases.Service{Store: fs, Blobs: blob.NewMemory(), Now: func() time.Time { return now }, Config: cases.DefaultConfig}, fs
}

var (
	citizen = cases.Author{Kind: "citizen", ID: 5, Label: "Mario Rossi"}
	staffer = cases.Author{Kind: "staff", ID: 9, Label: "op"}
)

// problem returns the message id of field in an invalid error.
func problem(t *testing.T, err error, field string) string {
	t.Helper()
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("got %v, want invalid", err)
	}
	for _, f := range errs.Fields(err) {
		if f.Field == field {
			return f.Message
		}
	}
	t.Fatalf("no problem on %s in %v", field, err)
	return ""
}

func TestOpenRefusesEmptyTextAndUnknownTopicsAndStoresNothing(t *testing.T) {
	svc, fs := service()
	_, err := svc.Open(context.Background(), citizen, cases.OpenInput{Topic: "nessuno", Subject: " ", Text: " \n "})
	if problem(t, err, "text") != cases.MsgText || problem(t, err, "topic") != cases.MsgTopic || problem(t, err, "subject") != cases.MsgSubject {
		t.Fatal(err)
	}
	_, err = svc.Open(context.Background(), citizen, cases.OpenInput{Topic: "altro", Subtopic: "f24.rate", Subject: "x", Text: "y"})
	if problem(t, err, "subtopic") != cases.MsgSubtopic || fs.created != 0 {
		t.Fatalf("%v, created %d", err, fs.created)
	}
	c, err := svc.Open(context.Background(), citizen, cases.OpenInput{PositionOffice: "1300", Topic: "altro",
		Subtopic: "altro.informazioni", Subject: "x", Text: "<script>alert(1)</script>"})
	if err != nil || c.State != cases.Aperta || c.OfficeCode != "1300" || c.Kind != cases.Request || c.Protocol != "1300-2026-0000001" {
		t.Fatalf("%+v %v", c, err)
	}
}

func TestClosingNeedsAnEsitoOfTheListAndAText(t *testing.T) {
	svc, fs := service()
	c := cases.Case{ID: 1, State: cases.InCarico, OfficeCode: "1300"}
	err := svc.Close(context.Background(), staffer, c, "", cases.Post{Text: ""})
	if problem(t, err, "esito") != cases.MsgEsito || problem(t, err, "text") != cases.MsgText {
		t.Fatal(err)
	}
	if problem(t, svc.Close(context.Background(), staffer, c, "boh", cases.Post{Text: "x"}), "esito") != cases.MsgEsito {
		t.Fatal("an esito outside the list was accepted")
	}
	if err := svc.Close(context.Background(), staffer, c, "accolta", cases.Post{Text: "fatto"}); err != nil {
		t.Fatal(err)
	}
	u := fs.updates[0]
	if len(fs.updates) != 1 || u.Case.State != cases.Chiusa || u.From != cases.InCarico || u.Case.Esito != "accolta" ||
		!u.Case.ClosedAt.Equal(now) || u.Event != "case.closed" {
		t.Fatalf("%+v", fs.updates)
	}
}

func TestReopenOnlyWithinTheWindow(t *testing.T) {
	svc, fs := service()
	closed := cases.Case{ID: 1, State: cases.Chiusa, OfficeCode: "1300", Esito: "respinta", ClosedAt: now.AddDate(0, 0, -30)}
	if err := svc.Reopen(context.Background(), citizen, closed, cases.Post{Text: "riapro"}); err != nil {
		t.Fatal(err)
	}
	if u := fs.updates[0]; u.Case.State != cases.Aperta || u.Case.Esito != "" || !u.Case.ClosedAt.IsZero() {
		t.Fatalf("%+v", u.Case)
	}
	closed.ClosedAt = now.AddDate(0, 0, -31)
	if problem(t, svc.Reopen(context.Background(), citizen, closed, cases.Post{Text: "riapro"}), "text") != cases.MsgReopenLate {
		t.Fatal("reopened after the window")
	}
	open := cases.Case{ID: 1, State: cases.Aperta}
	if problem(t, svc.Reply(context.Background(), citizen, closed, cases.Post{Text: "x"}), "text") != cases.MsgClosed ||
		problem(t, svc.Reopen(context.Background(), citizen, open, cases.Post{Text: "x"}), "text") != cases.MsgNotClosed {
		t.Fatal("reply to a closed case or reopen of an open one accepted")
	}
	if len(fs.updates) != 1 {
		t.Fatalf("%d updates stored", len(fs.updates))
	}
}

func TestStaffChangesCarryAComment(t *testing.T) {
	svc, fs := service()
	c := cases.Case{ID: 1, State: cases.Aperta, OfficeCode: "1300"}
	if problem(t, svc.Take(context.Background(), staffer, c, 9, " "), "comment") != cases.MsgComment {
		t.Fatal("take without a comment")
	}
	if problem(t, svc.Transfer(context.Background(), staffer, c, "1300", "", []string{"1300", "7000"}), "office") != cases.MsgOffice {
		t.Fatal("transfer to the same office")
	}
	if err := svc.Transfer(context.Background(), staffer, c, "7000", "competenza", []string{"1300", "7000"}); err != nil {
		t.Fatal(err)
	}
	if u := fs.updates[0]; u.FromOffice != "1300" || u.Case.OfficeCode != "7000" || u.Event != "case.routed" {
		t.Fatalf("%+v", u)
	}
	if err := svc.Take(context.Background(), staffer, c, 12, "assegno a un collega"); err != nil {
		t.Fatal(err)
	}
	if u := fs.updates[1]; u.Case.State != cases.InCarico || u.Case.AssigneeID != 12 || u.Message.Action != "assign" {
		t.Fatalf("%+v", u)
	}
	if err := svc.AddNote(context.Background(), staffer, c, cases.Post{Text: "nota"}); err != nil || fs.updates[2].Event != "" {
		t.Fatalf("a note must raise no event: %v %+v", err, fs.updates[2])
	}
}

func TestAnAttachmentRefusalIsAFieldProblemAndStoresNoBlob(t *testing.T) {
	svc, fs := service()
	mem := blob.NewMemory()
	svc.Blobs = mem
	bad := cases.Upload{Name: "finto.zip", Content: []byte("not a zip")}
	err := svc.Reply(context.Background(), citizen, cases.Case{ID: 1, State: cases.Aperta},
		cases.Post{Text: "ecco", Uploads: []cases.Upload{{Name: "ok.zip", Content: zipOf(t, "a.txt", "ok")}, bad}})
	if problem(t, err, cases.FieldFiles) != cases.MsgNotZip || len(fs.updates) != 0 {
		t.Fatalf("%v %d", err, len(fs.updates))
	}
}
