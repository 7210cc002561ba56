package cli_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// TestNotifyOnceProcessesTheOutboxAndExits: without an SMTP server the
// e-mail waits in the queue; the in-app notification is there at once.
func TestNotifyOnceProcessesTheOutboxAndExits(t *testing.T) {
	url := storetest.URL(t)
	if _, code := runSeed(t, url, "--positions", "3"); code != 0 {
		t.Fatal("seed failed")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = db.W().Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		SELECT 'cli-test', 'case.registered', id, 1, '{"protocol": "1300-2026-0000001", "subject": "Prova"}', CURRENT_TIMESTAMP
		FROM positions WHERE number = '10000001'`)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runWith(t, url, "notify", "--once")
	if code != 0 || !strings.Contains(out, "events 1, sent 0") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM notifications n
		JOIN positions p ON p.id = n.position_id AND p.titolare_id = n.person_id`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d in-app notifications (%v), want the titolare's", n, err)
	}
	if out, _, _ := runWith(t, url, "notify", "--once"); !strings.Contains(out, "events 0") {
		t.Errorf("second run: %s", out)
	}
}
