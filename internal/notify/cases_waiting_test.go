package notify_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

func TestAWaitingCaseAsksTheRequesterInHisLanguageByTheReplyPreference(t *testing.T) {
	if notify.TopicOf(notify.CaseWaiting) != notify.CaseReply {
		t.Fatal("case.waiting does not follow the preference of the office's replies")
	}
	for lang, want := range map[string]string{"it": "attende una tua risposta", "en": "waiting for your answer"} {
		title := notify.Title(notify.CaseWaiting, "10000001", `{"protocol":"1300-2026-0000007","subject":"x"}`, lang)
		if !strings.Contains(title, want) || !strings.Contains(title, "1300-2026-0000007") {
			t.Errorf("%s title %q", lang, title)
		}
	}
	f := newFixture(t)
	must(t, f.st.SavePreferences(context.Background(), f.titolare.ID, "it", map[string]notify.Channel{notify.CaseReply: notify.SMS}, f.now))
	f.caseEvent(notify.CaseWaiting, 7)
	f.run()
	sms := f.sms.messages()
	if len(sms) != 1 || !strings.Contains(sms[0]["text"], "attende una risposta") || strings.Contains(sms[0]["text"], "F24") {
		t.Fatalf("SMS %v: want one asking for an answer, without the subject", sms)
	}
}
