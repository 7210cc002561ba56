package store

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// TestImpSplitKeepsEachPositionWithOneWriter: a chunk lists the titolari's
// dues, then the collaboratori's of the same positions; the two writers
// must still get disjoint positions, each part in the chunk's order.
func TestImpSplitKeepsEachPositionWithOneWriter(t *testing.T) {
	var dues []ledger.Due
	id := int64(0)
	for _, subject := range []int{10, 11} {
		for pos := int64(1); pos <= impParallelMin/4; pos++ {
			for range 2 {
				id++
				dues = append(dues, ledger.Due{ID: id, PositionID: pos, SubjectCode: subject})
			}
		}
	}
	a, b := impSplit(dues)
	if len(a) == 0 || len(b) == 0 || len(a)+len(b) != len(dues) {
		t.Fatalf("split %d + %d of %d", len(a), len(b), len(dues))
	}
	inA := map[int64]bool{}
	for _, d := range a {
		inA[d.PositionID] = true
	}
	for _, d := range b {
		if inA[d.PositionID] {
			t.Fatalf("position %d has dues in both parts", d.PositionID)
		}
	}
	for _, part := range [][]ledger.Due{a, b} {
		for i := 1; i < len(part); i++ {
			if part[i].ID < part[i-1].ID {
				t.Fatalf("a part is not in the chunk's order at %d", i)
			}
		}
	}
	dues[len(dues)-1].ParentID = 7 // a correction in the second part: no split
	if _, b := impSplit(dues); b != nil {
		t.Fatal("a chunk with a correction among the second part's dues was split")
	}
}
