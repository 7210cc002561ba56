package notify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

func TestEveryTopicHasItsWordingInBothLanguages(t *testing.T) {
	for _, topic := range notify.Topics {
		for _, lang := range []string{"it", "en"} {
			if title := notify.Title(topic, "10000001", `{"protocol":"1300-2026-0000001"}`, lang); title == "" || title == topic {
				t.Errorf("%s has no %s title", topic, lang)
			}
		}
	}
}

func TestReopenedCaseReachesTitolareAndFullScopeIntermediaryInTheirLanguage(t *testing.T) {
	f := newFixture(t)
	must(t, f.st.SavePreferences(context.Background(), f.full.ID, "en", map[string]notify.Channel{notify.CaseReopened: notify.Email}, f.now))
	f.caseEvent(notify.CaseReopened, 4)
	f.run()
	msgs := f.box.messages()
	if got := strings.Join(recipients(msgs), " "); got != "p1@example.it p2@example.it" {
		t.Fatalf("reopening e-mail went to %q, want the titolare and the full-scope intermediary", got)
	}
	subjects := map[string]string{}
	for _, m := range msgs {
		subjects[strings.Trim(m.To, "<>")] = m.Subject
	}
	if s := subjects["p1@example.it"]; !strings.Contains(s, "riaperta") || !strings.Contains(s, "1300-2026-0000004") {
		t.Errorf("titolare's subject %q", s)
	}
	if s := subjects["p2@example.it"]; !strings.Contains(s, "reopened") {
		t.Errorf("intermediary's subject %q, want English", s)
	}
	if notify.TopicOf(notify.CaseReopened) != notify.CaseReopened {
		t.Error("case.reopened has no preference topic")
	}
}

func TestReopenedCaseFollowsItsOwnPreference(t *testing.T) {
	f := newFixture(t)
	must(t, f.st.SavePreferences(context.Background(), f.titolare.ID, "it", map[string]notify.Channel{notify.CaseReopened: notify.SMS}, f.now))
	f.caseEvent(notify.CaseReopened, 5)
	f.run()
	sms := f.sms.messages()
	if len(sms) != 1 || !strings.Contains(sms[0]["text"], "1300-2026-0000005") || strings.Contains(sms[0]["text"], "F24") {
		t.Fatalf("SMS %v: want one, with the protocol and no subject", sms)
	}
}
