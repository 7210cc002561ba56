package cases_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
)

// day is the start of the nth day after the opening of the clock tests.
func day(n int) time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC).AddDate(0, 0, n) }

// step applies the last update of fs to c, as the store would.
func step(t *testing.T, fs *fakeStore, err error) cases.Case {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	return fs.updates[len(fs.updates)-1].Case
}

func TestTheClockPausesWhileTheOfficeWaitsForTheContributor(t *testing.T) {
	svc, fs := service()
	ctx := context.Background()
	svc.Now = func() time.Time { return day(0) }
	c := cases.Case{ID: 1, State: cases.Aperta, OfficeCode: "1300", OpenedAt: day(0), LastReplyAt: day(0)}

	svc.Now = func() time.Time { return day(2) }
	c = step(t, fs, svc.Wait(ctx, staffer, c, "Ci manda la ricevuta del bonifico?"))
	if c.State != cases.Attesa || !c.WaitingSince.Equal(day(2)) || c.AssigneeID != staffer.ID || c.ClockDays(day(6)) != 2 {
		t.Fatalf("after wait: %+v, clock %d", c, c.ClockDays(day(6)))
	}
	if u := fs.updates[0]; u.Event != "case.waiting" || u.Message.Action != "wait" || u.Message.ToState != cases.Attesa ||
		u.Message.Kind != cases.Change {
		t.Fatalf("wait update %+v", u)
	}

	svc.Now = func() time.Time { return day(7) }
	c = step(t, fs, svc.Reply(ctx, citizen, c, cases.Post{Text: "Eccola."}))
	u := fs.updates[1]
	if c.State != cases.InCarico || !c.WaitingSince.IsZero() || c.Waited != 5*cases.Day || !c.LastReplyAt.Equal(day(7)) {
		t.Fatalf("after the answer: %+v", c)
	}
	if u.Message.Kind != cases.FromRequester || u.Message.ToState != "" || len(u.Extra) != 1 ||
		u.Extra[0].Kind != cases.Change || u.Extra[0].Action != "resume_reply" || u.Extra[0].FromState != cases.Attesa ||
		u.Extra[0].ToState != cases.InCarico || u.From != cases.Attesa || u.Event != "" {
		t.Fatalf("answer update %+v", u)
	}
	// Opened day 0, attesa day 2, answer day 7, now day 10: 2 + 3 days.
	if got := c.ClockDays(day(10)); got != 5 {
		t.Fatalf("clock at day 10 = %d days, want 5", got)
	}
	if got := c.DaysSinceReply(day(10)); got != 3 {
		t.Fatalf("days since the last reply = %d, want 3", got)
	}
}

func TestStaffResumeByHandAndCloseFromAttesa(t *testing.T) {
	svc, fs := service()
	ctx := context.Background()
	c := cases.Case{ID: 1, State: cases.InCarico, AssigneeID: 12, OfficeCode: "1300", OpenedAt: day(0)}
	if problem(t, svc.Resume(ctx, staffer, c, "riprendo"), "comment") != cases.MsgNotWaiting {
		t.Fatal("resumed a case not in attesa")
	}
	svc.Now = func() time.Time { return day(1) }
	c = step(t, fs, svc.Wait(ctx, staffer, c, "Ci serve il modello firmato."))
	if c.AssigneeID != 12 {
		t.Fatal("waiting changed the assignee")
	}
	if problem(t, svc.Wait(ctx, staffer, c, "ancora"), "comment") != cases.MsgNotWaitable ||
		problem(t, svc.Resume(ctx, staffer, c, " "), "comment") != cases.MsgComment {
		t.Fatal("a second wait or a resume without comment accepted")
	}
	svc.Now = func() time.Time { return day(4) }
	resumed := step(t, fs, svc.Resume(ctx, staffer, c, "Lo abbiamo ricevuto per posta."))
	if resumed.State != cases.InCarico || resumed.Waited != 3*cases.Day || fs.updates[1].Message.Action != "resume" ||
		fs.updates[1].Event != "" {
		t.Fatalf("resume: %+v %+v", resumed, fs.updates[1])
	}
	svc.Now = func() time.Time { return day(6) }
	closed := step(t, fs, svc.Close(ctx, staffer, c, "archiviata", cases.Post{Text: "Nessuna risposta."}))
	if closed.State != cases.Chiusa || closed.Waited != 5*cases.Day || !closed.WaitingSince.IsZero() || closed.ClockDays(day(30)) != 1 {
		t.Fatalf("close from attesa: %+v clock %d", closed, closed.ClockDays(day(30)))
	}
	// The time closed is a pause too: reopened on day 9, the clock goes on from 1 day.
	svc.Now = func() time.Time { return day(9) }
	reopened := step(t, fs, svc.Reopen(ctx, citizen, closed, cases.Post{Text: "Riapro."}))
	if reopened.State != cases.Aperta || reopened.ClockDays(day(11)) != 3 {
		t.Fatalf("reopen: %+v clock %d", reopened, reopened.ClockDays(day(11)))
	}
}
