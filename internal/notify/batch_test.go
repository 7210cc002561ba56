package notify_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestEventsReadTogetherEachReachTheirOwnAudience records, in batches of
// five, events whose audiences differ: a notice, a case reply (full scope
// only), a delegation event naming the revoked intermediary, an event on a
// second position without delegations, and events nobody hears of.
func TestEventsReadTogetherEachReachTheirOwnAudience(t *testing.T) {
	f := newFixture(t)
	f.w.EventBatch = 5
	ctx := context.Background()
	reg := store.NewRegistry(f.db, func() time.Time { return f.now })
	other := registry.Position{Number: "10000002", Gestione: registry.Commercianti, TitolareID: f.expired.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2015-01-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(t, reg.CreatePosition(ctx, &other))

	keys := map[string][]int64{}
	add := func(key, kind string, position any, payload map[string]any, want ...int64) {
		b, _ := json.Marshal(payload)
		_, err := f.db.W().Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
			VALUES (?, ?, ?, 0, ?, ?)`, key, kind, position, string(b), f.now)
		must(t, err)
		keys[key] = want
	}
	add("notice", notify.NoticeIssued, f.pos.ID, map[string]any{"number": "AB-2026-1"}, f.titolare.ID, f.full.ID, f.consult.ID)
	add("reply", notify.CaseReply, f.pos.ID, map[string]any{"protocol": "1300-2026-0000001"}, f.titolare.ID, f.full.ID)
	add("unknown", "ledger.recomputed", f.pos.ID, nil)
	add("delegation", notify.TopicDelegation+".revoked", f.pos.ID, map[string]any{"intermediary_id": f.revoked.ID},
		f.titolare.ID, f.full.ID, f.consult.ID, f.revoked.ID)
	add("other", notify.NoticeIssued, other.ID, map[string]any{"number": "AB-2026-2"}, f.expired.ID)
	add("nowhere", notify.NoticeIssued, nil, map[string]any{"number": "AB-2026-3"})
	add("reply2", notify.CaseReply, other.ID, map[string]any{"protocol": "1300-2026-0000002"}, f.expired.ID)

	if st := f.run(); st.Events != len(keys) {
		t.Fatalf("%d events processed, want %d", st.Events, len(keys))
	}
	for key, want := range keys {
		got := notifiedOf(t, f, key)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("event %s notified %v, want %v", key, got, want)
		}
	}
	var pending int
	must(t, f.db.R().QueryRow(ctx, `SELECT COUNT(*) FROM events WHERE processed_at IS NULL`).Scan(&pending))
	if pending != 0 {
		t.Errorf("%d events left unprocessed", pending)
	}
	if got, want := len(f.box.messages()), 3+2+4+1+1; got != want {
		t.Errorf("%d e-mails, want %d (one per in-app notification: everyone has a verified e-mail)", got, want)
	}
}

// notifiedOf returns the persons notified in the portal of the event key.
func notifiedOf(t *testing.T, f *fixture, key string) []int64 {
	t.Helper()
	rows, err := f.db.R().Query(context.Background(), `SELECT n.person_id FROM notifications n
		JOIN events e ON e.id = n.event_id WHERE e.natural_key = ?`, key)
	must(t, err)
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		must(t, rows.Scan(&id))
		out = append(out, id)
	}
	must(t, rows.Err())
	if out == nil {
		out = []int64{}
	}
	return out
}
