package store

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// paySplitFixture is a chunk of 40 positions, a payment each, whose
// allocations tie some positions together: position 3's payment pays a
// due of position 38 too, a payment of no position pays dues of 5 and 36,
// and position 12's payment was late (a sanction on its due).
func paySplitFixture() payWrites {
	var w payWrites
	pay := func(id, pos int64) {
		w.payments = append(w.payments, ledger.Payment{ID: id, PositionID: pos})
	}
	alloc := func(payment, duePos int64) {
		w.allocs = append(w.allocs, recAllocation{Allocation: ledger.Allocation{PaymentID: payment, DueID: 1000 + duePos},
			DuePosition: duePos})
	}
	for pos := int64(1); pos <= 40; pos++ {
		pay(pos, pos)
		alloc(pos, pos)
	}
	alloc(3, 38)
	pay(41, 0)
	alloc(41, 5)
	alloc(41, 36)
	pay(42, 0) // a payment of nobody known: a credit, no allocation
	w.sanctions = append(w.sanctions, ledger.Due{ID: 9000, PositionID: 12, ParentID: 1012})
	w.sanctions = append(w.sanctions, ledger.Due{ID: 9001, PositionID: 38, ParentID: 1038})
	return w
}

// TestPaySplitKeepsEachPositionWithOneWriter: the two writers of a chunk
// never touch the same position (their ledger-version rows would make
// them wait for each other), each allocation is written with its payment,
// each sanction with its due's position, and nothing is lost or doubled.
func TestPaySplitKeepsEachPositionWithOneWriter(t *testing.T) {
	w := paySplitFixture()
	a, b := paySplit(w)
	if len(a.payments) == 0 || len(b.payments) == 0 {
		t.Fatalf("no split: %d and %d payments", len(a.payments), len(b.payments))
	}
	if len(a.payments)+len(b.payments) != len(w.payments) || len(a.allocs)+len(b.allocs) != len(w.allocs) ||
		len(a.sanctions)+len(b.sanctions) != len(w.sanctions) {
		t.Fatalf("rows lost or doubled: %+v / %+v", a, b)
	}
	touchedA, touchedB := payTouched(a), payTouched(b)
	for pos := range touchedB {
		if touchedA[pos] {
			t.Errorf("position %d is written by both writers", pos)
		}
	}
	for _, part := range []payWrites{a, b} {
		mine := map[int64]bool{}
		for _, p := range part.payments {
			mine[p.ID] = true
		}
		for _, al := range part.allocs {
			if !mine[al.PaymentID] {
				t.Errorf("allocation of payment %d written without its payment", al.PaymentID)
			}
		}
	}
	if !touchedA[38] && !touchedB[38] || touchedA[3] != touchedA[38] || touchedA[5] != touchedA[36] {
		t.Errorf("positions tied by a payment were split: A has %v", touchedA)
	}
}

// payTouched returns the positions whose ledger versions part's rows raise.
func payTouched(part payWrites) map[int64]bool {
	out := map[int64]bool{}
	for _, p := range part.payments {
		if p.PositionID != 0 {
			out[p.PositionID] = true
		}
	}
	for _, al := range part.allocs {
		out[al.DuePosition] = true
	}
	for _, s := range part.sanctions {
		out[s.PositionID] = true
	}
	return out
}

// TestPaySplitLeavesOneGroupWhole: when one group of positions holds
// every payment there is nothing to split.
func TestPaySplitLeavesOneGroupWhole(t *testing.T) {
	var w payWrites
	for id := int64(1); id <= 10; id++ {
		w.payments = append(w.payments, ledger.Payment{ID: id, PositionID: 7})
		w.allocs = append(w.allocs, recAllocation{Allocation: ledger.Allocation{PaymentID: id, DueID: 70}, DuePosition: 7})
	}
	a, b := paySplit(w)
	if len(b.payments) != 0 || len(b.allocs) != 0 || len(a.payments) != 10 || len(a.allocs) != 10 {
		t.Fatalf("one position's chunk split: %d + %d payments", len(a.payments), len(b.payments))
	}
}
