package store

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// TestDecodeDelegationsReadsDatesAsStored: a date with a time part (as a
// time may be stored on SQLite) reads as a scanned column would, a
// missing end is no end, and a date that is none is an error.
func TestDecodeDelegationsReadsDatesAsStored(t *testing.T) {
	ds, err := decodeDelegations(`[{"Status":"active","Scope":"full","ValidFrom":"2024-01-01 00:00:00+00:00","ValidTo":null}]`,
		`[{"Status":"revoked","Scope":"consultation","ValidFrom":"2023-02-03","ValidTo":"2023-12-31"}]`)
	if err != nil || len(ds) != 2 {
		t.Fatalf("%v, %v", ds, err)
	}
	if ds[0].ValidFrom != civil.New(2024, 1, 1) || !ds[0].ValidTo.IsZero() || ds[1].ValidTo != civil.New(2023, 12, 31) ||
		ds[1].Status != "revoked" || ds[1].Scope != "consultation" {
		t.Fatalf("decoded %+v", ds)
	}
	if _, err := decodeDelegations(`[{"Status":"active","ValidFrom":"yesterday"}]`); err == nil {
		t.Fatal("a date that is none was accepted")
	}
}
