package notify_test

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

func recipients(msgs []received) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, strings.Trim(m.To, "<>"))
	}
	sort.Strings(out)
	return out
}

func TestNoticeReachesTitolareAndActiveIntermediariesNotRevokedOrExpired(t *testing.T) {
	f := newFixture(t)
	f.event(notify.NoticeIssued, map[string]any{"number": "AB-2026-1", "title": "Avviso bonario 2025", "deadline": "2026-12-23", "total": 123456})
	st := f.run()
	if st.Events != 1 || st.Sent != 3 {
		t.Fatalf("stats %+v, want 1 event and 3 e-mails", st)
	}
	got := strings.Join(recipients(f.box.messages()), " ")
	if got != "p1@example.it p2@example.it p3@example.it" {
		t.Errorf("e-mail went to %s, want the titolare and the two active intermediaries", got)
	}
	n, err := f.st.Unread(context.Background(), f.revoked.ID)
	must(t, err)
	if n != 0 {
		t.Errorf("the revoked intermediary has %d in-app notifications", n)
	}
	if n, _ := f.st.Unread(context.Background(), f.full.ID); n != 1 {
		t.Errorf("the full-scope intermediary has %d unread, want 1", n)
	}
	m := f.box.messages()[0]
	if !strings.Contains(m.Subject, "10000001") || !strings.Contains(m.Raw, "text/html") || !strings.Contains(m.Raw, "text/plain") {
		t.Errorf("e-mail lacks the position or a part: %q\n%s", m.Subject, m.Raw)
	}
}

func TestCaseEventReachesOnlyFullScopeIntermediaries(t *testing.T) {
	f := newFixture(t)
	f.caseEvent(notify.CaseReply, 7)
	f.run()
	got := strings.Join(recipients(f.box.messages()), " ")
	if got != "p1@example.it p2@example.it" {
		t.Errorf("case e-mail went to %s, want the titolare and the full-scope intermediary", got)
	}
}

func TestPreferencesChooseTheChannelAndSMSCarriesNoPersonalData(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	must(t, f.st.SavePreferences(ctx, f.titolare.ID, "en", map[string]notify.Channel{notify.CaseReply: notify.SMS, notify.NoticeIssued: notify.SMS}, f.now))
	must(t, f.st.SavePreferences(ctx, f.full.ID, "it", map[string]notify.Channel{notify.CaseReply: notify.None}, f.now))
	f.caseEvent(notify.CaseReply, 42)
	f.event(notify.NoticeIssued, map[string]any{"number": "AB-2026-1", "title": "Avviso bonario di Mario Rossi", "total": 123456, "position": "10000001"})
	f.run()
	sms := f.sms.messages()
	if len(sms) != 2 {
		t.Fatalf("%d SMS, want 2 (case reply and notice to the titolare): %v", len(sms), sms)
	}
	for _, m := range sms {
		if m["to"] != "+39333000001" {
			t.Errorf("SMS to %s, want the titolare's mobile", m["to"])
		}
		for _, bad := range []string{"Mario", "Rossi", "1.234", "1234", "€", "10000001", "AB-2026-1", "F24"} {
			if strings.Contains(m["text"], bad) {
				t.Errorf("SMS %q carries %q", m["text"], bad)
			}
		}
	}
	if !strings.Contains(sms[0]["text"], "1300-2026-0000042") || !strings.Contains(sms[0]["text"], "request") {
		t.Errorf("case SMS %q lacks the protocol or is not in English", sms[0]["text"])
	}
	if f.sms.auth[0] != "Bearer segreto" {
		t.Errorf("gateway got Authorization %q", f.sms.auth[0])
	}
	got := strings.Join(recipients(f.box.messages()), " ")
	if got != "p2@example.it p3@example.it" { // the full intermediary chose none for replies, keeps e-mail for notices
		t.Errorf("e-mail went to %s", got)
	}
	if n, _ := f.st.Unread(ctx, f.full.ID); n != 2 {
		t.Errorf("in-app notifications of the intermediary: %d, want 2 whatever the channel", n)
	}
}

func TestSMTPServerDownThenUpDeliversEveryMessageExactlyOnce(t *testing.T) {
	f := newFixture(t)
	f.box.stop()
	for i := 1; i <= 4; i++ {
		f.caseEvent(notify.CaseRegistered, i)
	}
	f.event(notify.NoticeIssued, map[string]any{"number": "AB-1"})
	st := f.run()
	if st.Sent != 0 || st.Failed != 11 {
		t.Fatalf("with the server down: %+v, want 11 failed", st)
	}
	f.box.start()
	f.run() // not due yet: the backoff holds them
	if n := len(f.box.messages()); n != 0 {
		t.Fatalf("%d sent before the backoff ended", n)
	}
	f.now = f.now.Add(2 * time.Minute)
	f.run()
	f.now = f.now.Add(24 * time.Hour)
	f.run()
	msgs := f.box.messages()
	ids := map[string]int{}
	for _, m := range msgs {
		ids[m.MessageID]++
	}
	if len(msgs) != 11 || len(ids) != 11 {
		t.Errorf("%d messages with %d distinct ids, want 11 each exactly once", len(msgs), len(ids))
	}
	if s := f.status(); s["sent"] != 11 || len(s) != 1 {
		t.Errorf("statuses %v, want 11 sent", s)
	}
}

func TestWorkerKilledMidDeliveryLosesNothing(t *testing.T) {
	f := newFixture(t)
	f.caseEvent(notify.CaseTaken, 1)
	f.caseEvent(notify.CaseClosed, 2)
	recorder := *f.w
	recorder.Mailer, recorder.SMS = nil, nil
	if _, err := recorder.RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	// A worker claims every delivery and dies before sending or recording.
	claimed, err := f.st.ClaimDeliveries(context.Background(), []notify.Channel{notify.Email}, f.now, f.now.Add(5*time.Minute), 100)
	must(t, err)
	if len(claimed) != 4 {
		t.Fatalf("claimed %d, want 4", len(claimed))
	}
	f.run()
	if n := len(f.box.messages()); n != 0 {
		t.Fatalf("%d sent while another worker holds the lease", n)
	}
	f.now = f.now.Add(6 * time.Minute)
	f.run()
	f.now = f.now.Add(time.Hour)
	f.run()
	if n := len(f.box.messages()); n != 4 {
		t.Errorf("%d e-mails after the lease expired, want 4", n)
	}
	if s := f.status(); s["sent"] != 4 {
		t.Errorf("statuses %v", s)
	}
}

func TestEventRecordedTwiceStoresNothingMore(t *testing.T) {
	f := newFixture(t)
	f.caseEvent(notify.CaseRouted, 1)
	f.run()
	_, err := f.db.W().Exec(context.Background(), `UPDATE events SET processed_at = NULL`)
	must(t, err)
	f.run()
	if n := len(f.box.messages()); n != 2 {
		t.Errorf("%d e-mails after processing the event twice, want 2", n)
	}
}

func TestFailuresBackOffThenDieAndAManualRetrySends(t *testing.T) {
	f := newFixture(t)
	f.w.MaxAttempts = 3
	if a, b, c := f.w.Backoff(1), f.w.Backoff(2), f.w.Backoff(3); a != time.Minute || b != 2*time.Minute || c != 4*time.Minute {
		t.Errorf("backoff %v %v %v, want 1m 2m 4m", a, b, c)
	}
	f.box.stop()
	must(t, f.st.SavePreferences(context.Background(), f.full.ID, "it", map[string]notify.Channel{notify.CaseOfficeMessage: notify.None}, f.now))
	f.caseEvent(notify.CaseOfficeMessage, 9)
	for range 3 {
		f.run()
		f.now = f.now.Add(time.Hour)
	}
	if s := f.status(); s["dead"] != 1 {
		t.Fatalf("statuses %v, want the delivery dead after 3 attempts", s)
	}
	list, err := f.st.Troubled(context.Background(), 10)
	must(t, err)
	if len(list) != 1 || list[0].LastError == "" || list[0].Attempts != 3 {
		t.Fatalf("troubled %+v", list)
	}
	f.box.start()
	ok, err := f.st.Retry(context.Background(), list[0].ID, f.now)
	must(t, err)
	if !ok {
		t.Fatal("retry refused")
	}
	f.run()
	if n := len(f.box.messages()); n != 1 {
		t.Errorf("%d e-mails after the manual retry, want 1", n)
	}
}

func TestTheTextPartIsWrappedAndTheHTMLPartEscapes(t *testing.T) {
	r := notify.Renderer{BaseURL: "https://cassetto.example.it", Institution: "Istituto"}
	m := r.Render(notify.Event{Kind: notify.CaseOfficeMessage, PositionNumber: "10000001",
		Payload: `{"protocol": "1300-2026-0000001", "subject": "<script>alert(1)</script> una comunicazione dal testo molto lungo che va a capo"}`}, "it")
	for _, line := range strings.Split(m.Text, "\n") {
		if len([]rune(line)) > 76 {
			t.Errorf("text line of %d characters: %q", len([]rune(line)), line)
		}
	}
	if strings.Contains(m.HTML, "<script>") || !strings.Contains(m.HTML, "&lt;script&gt;") {
		t.Errorf("HTML part does not escape the subject:\n%s", m.HTML)
	}
	if !strings.Contains(m.Text, "https://cassetto.example.it/notifiche") {
		t.Errorf("text part lacks the link:\n%s", m.Text)
	}
}
