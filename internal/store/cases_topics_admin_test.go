package store_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/audit"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/store"
)

func adminEntry() audit.Entry {
	return audit.Entry{At: fixedClock(), ActorKind: "staff", ActorID: 1, ActorLabel: "admin", ActingAs: "admin"}
}

func countRows(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.W().QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func topicFields(err error) map[string]string {
	out := map[string]string{}
	for _, f := range errs.Fields(err) {
		out[f.Field] = f.Message
	}
	return out
}

func TestTopicAddRefusesBadInputAndStoresNothing(t *testing.T) {
	f := newCaseFixture(t)
	ts := store.NewCaseTopics(f.db)
	ctx := context.Background()
	before := countRows(t, f.db, `SELECT COUNT(*) FROM case_topics`)
	audits := countRows(t, f.db, `SELECT COUNT(*) FROM audit_log`)
	cases := []struct {
		name  string
		in    store.TopicInput
		field string
		msg   string
	}{
		{"empty Italian name", store.TopicInput{Code: "nuovo", NameIT: " ", NameEN: "New"}, "name_it", store.MsgTopicNameIT},
		{"empty English name", store.TopicInput{Code: "nuovo", NameIT: "Nuovo", NameEN: ""}, "name_en", store.MsgTopicNameEN},
		{"upper case code", store.TopicInput{Code: "Nuovo", NameIT: "Nuovo", NameEN: "New"}, "code", store.MsgTopicCode},
		{"code with a space", store.TopicInput{Code: "a b", NameIT: "Nuovo", NameEN: "New"}, "code", store.MsgTopicCode},
		{"empty code", store.TopicInput{Code: "", NameIT: "Nuovo", NameEN: "New"}, "code", store.MsgTopicCode},
		{"duplicate code", store.TopicInput{Code: "rimborsi", NameIT: "Nuovo", NameEN: "New"}, "code", store.MsgTopicCodeTaken},
		{"duplicate sub-topic", store.TopicInput{Code: "rimborsi.rimborso", Parent: "rimborsi", NameIT: "N", NameEN: "N"}, "code", store.MsgTopicCodeTaken},
		{"unknown parent", store.TopicInput{Code: "nessuno.x", Parent: "nessuno", NameIT: "N", NameEN: "N"}, "parent", store.MsgTopicParent},
		{"parent is a sub-topic", store.TopicInput{Code: "rimborsi.rimborso.x", Parent: "rimborsi.rimborso", NameIT: "N", NameEN: "N"}, "parent", store.MsgTopicParent},
		{"sub-topic code without its topic's", store.TopicInput{Code: "estero", Parent: "rimborsi", NameIT: "N", NameEN: "N"}, "code", store.MsgTopicCodeSub},
	}
	for _, c := range cases {
		err := ts.Add(ctx, c.in, adminEntry())
		if !errs.Is(err, errs.Invalid) {
			t.Errorf("%s: got %v, want a validation error", c.name, err)
			continue
		}
		if got := topicFields(err)[c.field]; got != c.msg {
			t.Errorf("%s: field %s says %q, want %q (all: %v)", c.name, c.field, got, c.msg, topicFields(err))
		}
	}
	if n := countRows(t, f.db, `SELECT COUNT(*) FROM case_topics`); n != before {
		t.Errorf("%d topics after refused input, want %d", n, before)
	}
	if n := countRows(t, f.db, `SELECT COUNT(*) FROM audit_log`); n != audits {
		t.Errorf("%d audit entries after refused input, want %d", n, audits)
	}
}

func TestTopicAddRenameDeactivateAreAuditedAndKeepCases(t *testing.T) {
	f := newCaseFixture(t)
	ts := store.NewCaseTopics(f.db)
	ctx := context.Background()
	if err := ts.Add(ctx, store.TopicInput{Code: "rimborsi.estero", Parent: "rimborsi", NameIT: "Rimborso estero", NameEN: "Foreign refund"}, adminEntry()); err != nil {
		t.Fatal(err)
	}
	c := f.open(t, "rimborsi", "rimborsi.estero")
	if err := ts.Update(ctx, store.TopicInput{Code: "rimborsi.estero", NameIT: "Rimborsi dall'estero", NameEN: "Refunds from abroad", Sort: 5}, adminEntry()); err != nil {
		t.Fatal(err)
	}
	if err := ts.SetActive(ctx, "rimborsi.estero", false, adminEntry()); err != nil {
		t.Fatal(err)
	}
	offered, err := store.NewCases(f.db).Topics(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, top := range offered {
		for _, sub := range top.Subs {
			if sub.Code == "rimborsi.estero" {
				t.Error("a deactivated sub-topic is still offered for new requests")
			}
		}
	}
	all, err := ts.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var name string
	for _, top := range all {
		for _, sub := range top.Subs {
			if sub.Code == c.Subtopic {
				name = sub.NameIT
			}
		}
	}
	if name != "Rimborsi dall'estero" {
		t.Errorf("the existing case's sub-topic is named %q, want the new name", name)
	}
	got, err := store.NewCases(f.db).Get(ctx, c.ID)
	if err != nil || got.Subtopic != "rimborsi.estero" {
		t.Errorf("the case lost its sub-topic: %q, %v", got.Subtopic, err)
	}
	for _, action := range []string{"topics.add", "topics.rename", "topics.deactivate"} {
		if n := countRows(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_kind = 'staff'`, action); n != 1 {
			t.Errorf("%d audit entries %s, want 1", n, action)
		}
	}
	if err := ts.SetActive(ctx, "rimborsi.estero", true, adminEntry()); err != nil {
		t.Fatal(err)
	}
	if tp, _ := ts.Get(ctx, "rimborsi.estero"); !tp.Active {
		t.Error("reactivated topic is not active")
	}
	if err := ts.SetActive(ctx, "nessuno", false, adminEntry()); !errs.Is(err, errs.NotFound) {
		t.Errorf("unknown topic: %v, want not found", err)
	}
}

func TestTopicRoutingRuleSendsNewRequests(t *testing.T) {
	f := newCaseFixture(t)
	ts := store.NewCaseTopics(f.db)
	ctx := context.Background()
	route := func(office string) error {
		return ts.Update(ctx, store.TopicInput{Code: "rimborsi", NameIT: "Rimborsi e compensazioni", NameEN: "Refunds and offsets",
			Sort: 100, Office: office}, adminEntry())
	}
	if err := route("4242"); !errs.Is(err, errs.Invalid) || topicFields(err)["office"] != store.MsgTopicOffice {
		t.Fatalf("unknown office: %v", err)
	}
	if n := countRows(t, f.db, `SELECT COUNT(*) FROM case_routes`); n != 0 {
		t.Fatalf("%d rules after a refused one", n)
	}
	if err := route("9000"); err != nil {
		t.Fatal(err)
	}
	if c := f.open(t, "rimborsi", "rimborsi.rimborso"); c.OfficeCode != "9000" {
		t.Errorf("with the rule, a refund request went to %s, want 9000", c.OfficeCode)
	}
	if c := f.open(t, "altro", "altro.informazioni"); c.OfficeCode != "1300" {
		t.Errorf("another topic went to %s, want the position's office 1300", c.OfficeCode)
	}
	if err := route(""); err != nil {
		t.Fatal(err)
	}
	if c := f.open(t, "rimborsi", "rimborsi.rimborso"); c.OfficeCode != "1300" {
		t.Errorf("after removing the rule, a refund request went to %s, want 1300", c.OfficeCode)
	}
	if n := countRows(t, f.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'topics.route'`); n != 2 {
		t.Errorf("%d routing audit entries, want 2", n)
	}
}
