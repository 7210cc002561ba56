package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// TestCaseWaitingMigrationKeepsTheCasesOnSQLite applies 00013, which
// rebuilds the SQLite case tables, over a case with a thread and an
// attachment: every row keeps its id, the clock columns are filled, the
// new state is accepted, foreign keys still hold.
func TestCaseWaitingMigrationKeepsTheCasesOnSQLite(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := db.migrator()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, 12); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	reg := NewRegistry(db, func() time.Time { return now })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(reg.CreateOffice(ctx, registry.Office{Code: "1300", Name: "Milano"}))
	tit := registry.Person{CodiceFiscale: "RSSMRA80A01F205X", GivenName: "Mario", FamilyName: "Rossi", Sex: "M",
		BirthDate: civil.MustParse("1980-01-01"), BirthplaceCode: "F205"}
	must(reg.CreatePerson(ctx, &tit))
	pos := registry.Position{Number: "12345678", Gestione: registry.Artigiani, TitolareID: tit.ID, OfficeCode: "1300",
		ActivityStart: civil.MustParse("2010-03-01"), Status: registry.StatusActive, Reduction: registry.ReductionNone}
	must(reg.CreatePosition(ctx, &pos))
	_, err = db.W().Exec(ctx, `INSERT INTO cases (id, protocol, position_id, office_code, topic_code, subject, state,
		opened_by_kind, opened_by_id, opened_by_label, opened_at, updated_at, closed_at)
		VALUES (7, '1300-2026-0000001', ?, '1300', 'altro', 'Oggetto', 'chiusa', 'citizen', 1, 'Mario Rossi', ?, ?, ?)`,
		pos.ID, now, now.AddDate(0, 0, 3), now.AddDate(0, 0, 3))
	must(err)
	_, err = db.W().Exec(ctx, `INSERT INTO case_messages (id, case_id, at, kind, author_kind, author_id, author_label, body)
		VALUES (11, 7, ?, 'message', 'citizen', 1, 'Mario Rossi', 'Testo'), (12, 7, ?, 'reply', 'staff', 1, 'op', 'Risposta')`,
		now, now.AddDate(0, 0, 2))
	must(err)
	_, err = db.W().Exec(ctx, `INSERT INTO case_attachments (id, case_id, message_id, name, sha256, size) VALUES (5, 7, 12, 'a.zip', 'x', 3)`)
	must(err)

	if _, err := p.Up(ctx); err != nil {
		t.Fatal(err)
	}
	var start, stop int64
	var reply time.Time
	must(db.W().QueryRow(ctx, `SELECT clock_start, clock_stop, last_reply_at FROM cases WHERE id = 7`).Scan(&start, &stop, &reply))
	if start != now.Unix() || stop != now.AddDate(0, 0, 3).Unix() || !reply.Equal(now.AddDate(0, 0, 2)) {
		t.Fatalf("clock columns %d %d %v", start, stop, reply)
	}
	var n int
	must(db.W().QueryRow(ctx, `SELECT COUNT(*) FROM case_attachments a JOIN case_messages m ON m.id = a.message_id
		JOIN cases c ON c.id = m.case_id WHERE a.id = 5 AND m.id = 12 AND c.id = 7`).Scan(&n))
	if n != 1 {
		t.Fatal("the thread or the attachment lost its case")
	}
	_, err = db.W().Exec(ctx, `UPDATE cases SET state = 'attesa' WHERE id = 7`)
	must(err)
	if _, err := db.W().Exec(ctx, `INSERT INTO case_messages (case_id, at, kind, author_kind, author_id, author_label, body)
		VALUES (99, ?, 'note', 'staff', 1, 'op', 'x')`, now); err == nil {
		t.Fatal("a message of no case was accepted: the foreign key is gone")
	}
	var idx int
	must(db.W().QueryRow(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN
		('cases_position', 'cases_office', 'case_messages_case', 'case_attachments_message')`).Scan(&idx))
	if idx != 4 {
		t.Fatalf("%d of the 4 indexes after the rebuild", idx)
	}
	if _, err := p.Down(ctx); err != nil {
		t.Fatalf("down: %v", err)
	}
}
