package demo

import (
	"context"
	"fmt"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

func TestLoadCasesWritesEveryStateOnceWithGaplessProtocols(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if _, err := Load(ctx, db, Options{Seed: 1, Positions: 600, Name: "demo"}); err != nil {
		t.Fatal(err)
	}
	n, err := LoadCases(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n < 38 || n != len(demoCases()) {
		t.Fatalf("%d demo cases written, want all %d", n, len(demoCases()))
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var c int
		if err := db.R().QueryRow(ctx, q, args...).Scan(&c); err != nil {
			t.Fatal(err)
		}
		return c
	}
	for _, st := range []string{"aperta", "in_carico", "attesa", "chiusa"} {
		if count(`SELECT COUNT(*) FROM cases WHERE state = ?`, st) == 0 {
			t.Errorf("no demo case is %s", st)
		}
	}
	for _, esito := range []string{"accolta", "accolta_parzialmente", "respinta", "informazioni_fornite", "non_di_competenza", "archiviata"} {
		if count(`SELECT COUNT(*) FROM cases WHERE esito = ?`, esito) == 0 {
			t.Errorf("no demo case closed %s", esito)
		}
	}
	checks := map[string]string{
		"a reopened case":           `SELECT COUNT(*) FROM case_messages WHERE action = 'reopen'`,
		"an answer that resumed":    `SELECT COUNT(*) FROM case_messages WHERE action = 'resume_reply'`,
		"internal notes":            `SELECT COUNT(*) FROM case_messages WHERE kind = 'note'`,
		"communications":            `SELECT COUNT(*) FROM cases WHERE kind = 'comunicazione'`,
		"Marco Bianchi's cases":     `SELECT COUNT(*) FROM cases c JOIN positions p ON p.id = c.position_id WHERE p.number = '10000001'`,
		"Laura Colombo's cases":     `SELECT COUNT(*) FROM cases c JOIN positions p ON p.id = c.position_id WHERE p.number = '10000002'`,
		"operatore.milano's cases":  `SELECT COUNT(*) FROM cases c JOIN staff s ON s.id = c.assignee_id WHERE s.username = 'operatore.milano'`,
		"the administrator's cases": `SELECT COUNT(*) FROM cases c JOIN staff s ON s.id = c.assignee_id WHERE s.role = 'admin'`,
	}
	for what, q := range checks {
		if count(q) < 2 && what != "a reopened case" || count(q) < 1 {
			t.Errorf("too few %s: %d", what, count(q))
		}
	}
	// Gapless: each office's numbers of 2026 run from 1 to its counter.
	rows, err := db.R().Query(ctx, `SELECT office_code, COUNT(*), MAX(protocol), (SELECT last FROM case_counters k
		WHERE k.office_code = c.office_code AND k.year = 2026) FROM cases c GROUP BY office_code`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var office, maxProt string
		var n, last int
		if err := rows.Scan(&office, &n, &maxProt, &last); err != nil {
			t.Fatal(err)
		}
		if n != last || maxProt != office+"-2026-"+pad7(n) {
			t.Errorf("office %s: %d cases, counter %d, last protocol %s", office, n, last, maxProt)
		}
	}
	rows.Close()
	if count(`SELECT COUNT(*) FROM cases WHERE office_code = '1300'`) > 10 {
		t.Error("office 1300's queue is too long for the browser test's first page")
	}
	before := count(`SELECT COUNT(*) FROM case_messages`)
	if again, err := LoadCases(ctx, db); err != nil || again != 0 || count(`SELECT COUNT(*) FROM case_messages`) != before {
		t.Fatalf("a second load wrote %d cases (%v)", again, err)
	}
	// Without the run's record, the cases already there are still skipped.
	if _, err := db.W().Exec(ctx, `DELETE FROM seed_runs WHERE name = ?`, CasesRun); err != nil {
		t.Fatal(err)
	}
	if again, err := LoadCases(ctx, db); err != nil || again != 0 {
		t.Fatalf("a load without the record wrote %d cases (%v)", again, err)
	}
}

func pad7(n int) string { return fmt.Sprintf("%07d", n) }
