package store_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	db := storetest.New(t)
	n, err := db.Migrate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("second migrate applied %d migrations, want 0", n)
	}
	cur, latest, err := db.MigrationStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if cur != latest || cur == 0 {
		t.Fatalf("version %d, latest %d", cur, latest)
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	db := storetest.New(t)
	ctx := context.Background()
	_, err := db.W().Exec(ctx, `INSERT INTO audit_log (at, actor_kind, actor_id, actor_label, acting_as, action)
		VALUES (CURRENT_TIMESTAMP, 'staff', 1, 'x', 'operator', 'test')`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.W().Exec(ctx, `UPDATE audit_log SET action = 'changed'`); err == nil {
		t.Fatal("update of audit_log succeeded, want refusal")
	}
	if _, err := db.W().Exec(ctx, `DELETE FROM audit_log`); err == nil {
		t.Fatal("delete from audit_log succeeded, want refusal")
	}
}

func TestRebind(t *testing.T) {
	got := store.Rebind(store.Postgres, "SELECT a FROM t WHERE b = ? AND c IN (?, ?)")
	want := "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
	if got != want {
		t.Fatalf("got %q want %q", got, want)
	}
	if s := store.Rebind(store.SQLite, "x = ?"); s != "x = ?" {
		t.Fatalf("sqlite rebind changed the query: %q", s)
	}
}
