package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
)

func TestAttesaIsStoredWithTheClockAndTheAnswerResumesTheCase(t *testing.T) {
	f := newCaseFixture(t)
	ctx := context.Background()
	if _, err := f.db.W().Exec(ctx, `INSERT INTO staff (id, username, display_name, role, office_code, created_at)
		VALUES (1, 'op', 'Operatore Uno', 'operator', '1300', ?)`, fixedClock()); err != nil {
		t.Fatal(err)
	}
	staffer := cases.Author{Kind: "staff", ID: 1, Name: "Operatore Uno", Label: "op", ActingAs: "operator"}
	t0 := fixedClock().UTC().Truncate(time.Second)
	at := func(days int) func() time.Time { return func() time.Time { return t0.AddDate(0, 0, days) } }
	f.svc.Now = at(0)
	waiting, running := f.open(t, "altro", "altro.informazioni"), f.open(t, "altro", "altro.informazioni")
	f.svc.Now = at(1)
	young := f.open(t, "altro", "altro.informazioni")

	f.svc.Now = at(2)
	if err := f.svc.Wait(ctx, staffer, waiting, "Ci manda la ricevuta?"); err != nil {
		t.Fatal(err)
	}
	got, _ := f.svc.Store.Get(ctx, waiting.ID)
	if got.State != cases.Attesa || !got.WaitingSince.Equal(at(2)()) || got.AssigneeID != 1 || !got.LastReplyAt.Equal(at(2)()) {
		t.Fatalf("in attesa: %+v", got)
	}
	if n := count(t, f.db, `SELECT COUNT(*) FROM events WHERE kind = 'case.waiting' AND ref_id = ?`, waiting.ID); n != 1 {
		t.Fatalf("%d case.waiting events, want 1", n)
	}
	list, total, err := f.svc.Store.List(ctx, cases.Filter{State: cases.Attesa})
	if err != nil || total != 1 || list[0].ID != waiting.ID {
		t.Fatalf("the attesa filter: %v %d", err, total)
	}
	// At day 5 the clocks are 3 (running), 2 (paused at day 2) and 4 days (young, from day 1).
	order := func(sort string, now time.Time) []int64 {
		list, _, err := f.svc.Store.List(ctx, cases.Filter{Sort: sort, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]int64, len(list))
		for i, c := range list {
			ids[i] = c.ID
		}
		return ids
	}
	if got, want := order("-clock", at(5)()), []int64{running.ID, young.ID, waiting.ID}; !equalIDs(got, want) {
		t.Fatalf("-clock at day 5: %v, want %v", got, want)
	}
	if got, want := order("clock", at(5)()), []int64{waiting.ID, young.ID, running.ID}; !equalIDs(got, want) {
		t.Fatalf("clock at day 5: %v, want %v", got, want)
	}

	f.svc.Now = at(7)
	if err := f.svc.Reply(ctx, f.who, got, cases.Post{Text: "Eccola."}); err != nil {
		t.Fatal(err)
	}
	got, _ = f.svc.Store.Get(ctx, waiting.ID)
	if got.State != cases.InCarico || !got.WaitingSince.IsZero() || got.Waited != 5*cases.Day || got.ClockDays(at(10)()) != 5 ||
		got.DaysSinceReply(at(10)()) != 3 {
		t.Fatalf("after the answer: %+v, clock %d", got, got.ClockDays(at(10)()))
	}
	thread, _ := f.svc.Store.Thread(ctx, waiting.ID, false)
	last := thread[len(thread)-1]
	if len(thread) != 4 || thread[2].Kind != cases.FromRequester || last.Kind != cases.Change || last.Action != "resume_reply" ||
		last.FromState != cases.Attesa || last.ToState != cases.InCarico {
		t.Fatalf("thread %+v", thread)
	}
	if got, want := order("reply", at(10)()), []int64{running.ID, young.ID, waiting.ID}; !equalIDs(got, want) {
		t.Fatalf("reply at day 10: %v, want %v", got, want)
	}
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
