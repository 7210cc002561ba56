package store_test

import (
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// document writes an atto of pos as the notices batch does.
func (f *ledgerFixture) document(pos registry.Position, key, title, issued string) int64 {
	f.t.Helper()
	var id int64
	f.must(f.db.W().QueryRow(f.ctx, `INSERT INTO documents (natural_key, position_id, kind, title, ref_id, issued_on, created_at)
		VALUES (?, ?, 'avviso_bonario', ?, 7, ?, ?) RETURNING id`, key, pos.ID, title, issued, fixedClock()).Scan(&id))
	return id
}

func TestDocumentsListNewestFirstOfOnePosition(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	other, _ := f.position("10000002")
	older := f.document(pos, "a", "Avviso bonario n. 1", "2025-03-16")
	newer := f.document(pos, "b", "Avviso bonario n. 2", "2026-03-16")
	foreign := f.document(other, "c", "Avviso bonario n. 3", "2026-03-16")
	docs := store.NewDocuments(f.db)
	list, err := docs.OfPosition(f.ctx, pos.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != newer || list[1].ID != older || list[0].Title != "Avviso bonario n. 2" ||
		list[0].RefID != 7 || list[0].IssuedOn.String() != "2026-03-16" || !list[0].ReadAt.IsZero() {
		t.Fatalf("documents: %+v", list)
	}
	if _, err := docs.Get(f.ctx, pos.ID, foreign); !errs.Is(err, errs.NotFound) {
		t.Errorf("another position's document: %v", err)
	}
}

func TestDocumentMarkReadWritesOnlyTheFirstTime(t *testing.T) {
	f := newLedgerFixture(t)
	pos, _ := f.position("10000001")
	other, _ := f.position("10000002")
	id := f.document(pos, "a", "Avviso bonario n. 1", "2025-03-16")
	docs := store.NewDocuments(f.db)
	first := time.Date(2026, 3, 17, 10, 0, 0, 0, time.UTC)
	if wrote, err := docs.MarkRead(f.ctx, other.ID, id, first); err != nil || wrote {
		t.Fatalf("marked through another position: %v %v", wrote, err)
	}
	if wrote, err := docs.MarkRead(f.ctx, pos.ID, id, first); err != nil || !wrote {
		t.Fatalf("first read: %v %v", wrote, err)
	}
	if wrote, err := docs.MarkRead(f.ctx, pos.ID, id, first.Add(time.Hour)); err != nil || wrote {
		t.Fatalf("second read wrote again: %v %v", wrote, err)
	}
	d, err := docs.Get(f.ctx, pos.ID, id)
	if err != nil || !d.ReadAt.Equal(first) {
		t.Fatalf("read at %v (want %v): %v", d.ReadAt, first, err)
	}
}
