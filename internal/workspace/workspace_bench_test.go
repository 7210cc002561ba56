package workspace_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/demo"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
	"github.com/cassetto-dev/cassetto/internal/workspace"
)

// benchClients is the size of the benchmark's client list.
const benchClients = 500

// BenchmarkLoad500Clients measures the workspace's data load for an
// intermediary with 500 clients, each with the demo's contribution
// history 2022–2026 (dues, payments, notices).
func BenchmarkLoad500Clients(b *testing.B) {
	ctx := context.Background()
	db := storetest.New(b)
	if _, err := demo.Load(ctx, db, demo.Options{Seed: 5, Positions: benchClients, Name: "bench"}); err != nil {
		b.Fatal(err)
	}
	if _, err := demo.LoadHistory(ctx, db, "bench"); err != nil {
		b.Fatal(err)
	}
	var inter int64
	if err := db.R().QueryRow(ctx, `SELECT person_id FROM intermediaries ORDER BY person_id LIMIT 1`).Scan(&inter); err != nil {
		b.Fatal(err)
	}
	if _, err := db.W().Exec(ctx, `INSERT INTO delegations (position_id, intermediary_id, scope, status, valid_from, created_at)
		SELECT id, ?, 'full', 'active', '2024-01-01', CURRENT_TIMESTAMP FROM positions
		WHERE id NOT IN (SELECT position_id FROM delegations WHERE intermediary_id = ? AND status IN ('active', 'pending'))`,
		inter, inter); err != nil {
		b.Fatal(err)
	}
	day := demo.ReferenceDate()
	cs, rs := store.NewWorkspace(db), store.NewLedgerReader(db)
	ws, err := workspace.Load(ctx, cs, rs, inter, day)
	if err != nil || len(ws.Rows) < benchClients {
		b.Fatalf("%d clients, %v", len(ws.Rows), err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := workspace.Load(ctx, cs, rs, inter, day); err != nil {
			b.Fatal(err)
		}
	}
}
