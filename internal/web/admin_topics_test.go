package web_test

import (
	"context"
	"html/template"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/cases"
)

func TestTopicsPageIsForAdministratorsOnly(t *testing.T) {
	w := newWorld(t)
	if res := w.as(0, w.admin.ID, "").get("/fascicolo/ambiti"); res.status != http.StatusOK || !strings.Contains(res.body, "rimborsi.compensazione") {
		t.Fatalf("administrator: %d, or the sub-topics are not listed", res.status)
	}
	op := w.as(0, w.operator.ID, "")
	if res := op.get("/fascicolo/ambiti"); res.status != http.StatusForbidden {
		t.Errorf("operator GET: %d, want 403", res.status)
	}
	form := map[string]string{"code": "prova", "name_it": "Prova", "name_en": "Test"}
	if res := op.do("POST", "/fascicolo/ambiti", form); res.status != http.StatusForbidden {
		t.Errorf("operator POST: %d, want 403", res.status)
	}
	if n := w.count(`SELECT COUNT(*) FROM case_topics WHERE code = 'prova'`); n != 0 {
		t.Error("an operator added a topic")
	}
}

func TestTopicFormRefusesBadInputKeepingWhatWasTyped(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	before := w.count(`SELECT COUNT(*) FROM case_topics`)
	cases := []struct {
		form        map[string]string
		field, want string
	}{
		{map[string]string{"code": "nuovo", "name_it": "", "name_en": "Typed <b>name</b>"}, "name_it", "Scrivi il nome in italiano"},
		{map[string]string{"code": "Nuovo!", "name_it": "Nome digitato", "name_en": "Typed name"}, "code", "lettere minuscole e cifre"},
		{map[string]string{"code": "rimborsi", "name_it": "Nome digitato", "name_en": "Typed name"}, "code", "già usato"},
		{map[string]string{"code": "ignoto.x", "parent": "ignoto", "name_it": "Nome digitato", "name_en": "Typed name"}, "parent", "Scegli un ambito"},
		{map[string]string{"code": "nuovo", "name_it": "Nome digitato", "name_en": "Typed name", "sort": "primo"}, "sort", "numero intero"},
	}
	for _, c := range cases {
		res := admin.do("POST", "/fascicolo/ambiti", c.form)
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: status %d, want 422", c.field, res.status)
			continue
		}
		m := regexp.MustCompile(`id="` + c.field + `-error">([^<]*)<`).FindStringSubmatch(res.body)
		if m == nil || !strings.Contains(m[1], c.want) {
			t.Errorf("%s: message beside the field %v, want %q", c.field, m, c.want)
		}
		for _, typed := range []string{c.form["code"], c.form["name_en"]} {
			if !strings.Contains(res.body, `value="`+template.HTMLEscapeString(typed)+`"`) {
				t.Errorf("%s: the typed %q is not kept", c.field, typed)
			}
		}
	}
	res := admin.do("POST", "/fascicolo/ambiti/modifica", map[string]string{"code": "rimborsi", "name_it": "Rimborsi",
		"name_en": "Refunds", "sort": "100", "office": "4242"})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="office-error"`) {
		t.Errorf("unknown office: %d, want 422 with the message beside the office", res.status)
	}
	if n := w.count(`SELECT COUNT(*) FROM case_topics`); n != before {
		t.Errorf("%d topics after refused input, want %d", n, before)
	}
	if n := w.count(`SELECT COUNT(*) FROM case_routes`) + w.count(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'topics.%'`); n != 0 {
		t.Errorf("refused input left %d rules or audit entries", n)
	}
}

func TestTopicAdministrationChangesWhatRequestsOfferAndWhereTheyGo(t *testing.T) {
	w := newWorld(t)
	admin := w.as(0, w.admin.ID, "")
	res := admin.do("POST", "/fascicolo/ambiti", map[string]string{"code": "rimborsi.estero", "parent": "rimborsi",
		"name_it": "Rimborso dall'estero", "name_en": "Refund from abroad"})
	if res.status != http.StatusSeeOther {
		t.Fatalf("add: %d", res.status)
	}
	if list := admin.get("/fascicolo/ambiti"); !strings.Contains(list.body, "Refund from abroad") {
		t.Error("the new sub-topic is not listed")
	}
	res = admin.do("POST", "/fascicolo/ambiti/modifica", map[string]string{"code": "rimborsi", "name_it": "Rimborsi e compensazioni",
		"name_en": "Refunds and offsets", "sort": "100", "office": "7000"})
	if res.status != http.StatusSeeOther {
		t.Fatalf("route: %d", res.status)
	}
	if list := admin.get("/fascicolo/ambiti"); !strings.Contains(list.body, "Sede di Roma (7000)") {
		t.Error("the page does not show the rule that applies")
	}
	open := func(topic, sub string) cases.Case {
		t.Helper()
		c, err := w.caseService().Open(context.Background(), cases.Author{Kind: "citizen", ID: w.titolare.ID, Label: "t"},
			cases.OpenInput{PositionID: w.p1.ID, PositionOffice: "1300", Topic: topic, Subtopic: sub, Subject: "Rimborso", Text: "Chiedo"})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if c := open("rimborsi", "rimborsi.estero"); c.OfficeCode != "7000" {
		t.Errorf("a refund went to %s, want the rule's office 7000", c.OfficeCode)
	}
	res = admin.do("POST", "/fascicolo/ambiti/stato", map[string]string{"code": "rimborsi.estero", "attivo": "0"})
	if res.status != http.StatusSeeOther {
		t.Fatalf("deactivate: %d", res.status)
	}
	_, err := w.caseService().Open(context.Background(), cases.Author{Kind: "citizen", ID: w.titolare.ID, Label: "t"},
		cases.OpenInput{PositionID: w.p1.ID, PositionOffice: "1300", Topic: "rimborsi", Subtopic: "rimborsi.estero", Subject: "R", Text: "C"})
	if err == nil {
		t.Error("a deactivated sub-topic was accepted for a new request")
	}
	res = admin.do("POST", "/fascicolo/ambiti/modifica", map[string]string{"code": "rimborsi", "name_it": "Rimborsi e compensazioni",
		"name_en": "Refunds and offsets", "sort": "100", "office": ""})
	if res.status != http.StatusSeeOther {
		t.Fatalf("remove rule: %d", res.status)
	}
	if c := open("rimborsi", "rimborsi.rimborso"); c.OfficeCode != "1300" {
		t.Errorf("without the rule a refund went to %s, want the position's office 1300", c.OfficeCode)
	}
	if n := w.count(`SELECT COUNT(*) FROM audit_log WHERE action LIKE 'topics.%' AND actor_id = ?`, w.admin.ID); n != 4 {
		t.Errorf("%d audit entries of the administrator's changes, want 4", n)
	}
}
