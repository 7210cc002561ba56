package cases_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// recordingStore keeps the case and first message it is asked to create.
type recordingStore struct {
	fakeStore
	c cases.Case
	m cases.Message
}

func (r *recordingStore) Create(ctx context.Context, c *cases.Case, m *cases.Message) error {
	r.c, r.m = *c, *m
	return r.fakeStore.Create(ctx, c, m)
}

func TestCommunicationIsTheOfficesInChargeOfItsAuthor(t *testing.T) {
	svc, _ := service()
	rs := &recordingStore{}
	svc.Store = rs
	staffer := cases.Author{Kind: "staff", ID: 42, Name: "Operatore", ActingAs: "operator"}
	c, err := svc.Communicate(context.Background(), staffer, cases.CommunicationInput{PositionID: 5, OfficeCode: "1300",
		Topic: "altro", Subtopic: "altro.informazioni", Subject: "  Documenti  ", Text: "Inviateci il modello",
		Uploads: []cases.Upload{{Name: "a.zip", Content: zipOf(t, "a.txt", "testo")}}})
	if err != nil {
		t.Fatal(err)
	}
	if !c.OfficeInitiated() || c.State != cases.InCarico || c.AssigneeID != 42 || c.OfficeCode != "1300" || c.Subject != "Documenti" {
		t.Fatalf("case %+v", c)
	}
	if rs.m.Kind != cases.FromOffice || rs.m.ToState != cases.InCarico || len(rs.m.Attachments) != 1 {
		t.Fatalf("first entry %+v", rs.m)
	}
}

func TestCommunicationWithoutSubjectOrTextIsRefusedBeforeStoring(t *testing.T) {
	svc, fs := service()
	_, err := svc.Communicate(context.Background(), cases.Author{Kind: "staff", ID: 1}, cases.CommunicationInput{
		PositionID: 5, OfficeCode: "1300", Topic: "altro", Subtopic: "altro.informazioni"})
	fields := map[string]string{}
	for _, f := range errs.Fields(err) {
		fields[f.Field] = f.Message
	}
	if !errs.Is(err, errs.Invalid) || fields["subject"] != cases.MsgSubject || fields["text"] != cases.MsgText || fs.created != 0 {
		t.Fatalf("err %v fields %v created %d", err, fields, fs.created)
	}
}
