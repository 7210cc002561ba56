package store

import (
	"slices"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// payWrites is what a chunk of the payments import writes on PostgreSQL:
// the new payments (with their ids), their allocations and the sanction
// dues of the payments made late (with their ids).
type payWrites struct {
	payments  []ledger.Payment
	allocs    []recAllocation
	sanctions []ledger.Due
}

// paySplit splits w in two parts that touch no position in common, so
// that two writers can write them at once: each row's ledger-version
// trigger (migration 00016) locks the rows of its positions until its
// transaction ends, and the second writer, whose commit the first waits
// for, would otherwise wait for the first. The positions are grouped
// (positionSets): a payment's own with those of the dues it pays, a
// sanction's with its due's. An allocation goes with its payment, whose
// transaction must see it. The groups from the one of the middle payment
// on (in order of their least position) go into b, the rest into a; b is
// empty when they cannot be split.
func paySplit(w payWrites) (a, b payWrites) {
	sets := positionSets{}
	anchor := make(map[int64]int64, len(w.payments)) // payment id → a position its writes touch
	for _, p := range w.payments {
		anchor[p.ID] = p.PositionID
	}
	for _, al := range w.allocs {
		if anchor[al.PaymentID] == 0 {
			anchor[al.PaymentID] = al.DuePosition
		}
		sets.union(al.DuePosition, anchor[al.PaymentID])
	}
	keys := make(map[int64]int64, len(anchor)) // payment id → least position of its group
	for id, pos := range anchor {
		keys[id] = sets.find(pos)
	}
	pivot, ok := payPivot(keys)
	if !ok {
		return w, payWrites{}
	}
	for _, p := range w.payments {
		payAppend(&a.payments, &b.payments, keys[p.ID] >= pivot, p)
	}
	for _, al := range w.allocs {
		payAppend(&a.allocs, &b.allocs, keys[al.PaymentID] >= pivot, al)
	}
	for _, s := range w.sanctions {
		payAppend(&a.sanctions, &b.sanctions, sets.find(s.PositionID) >= pivot, s)
	}
	return a, b
}

// payAppend appends v to b when second, else to a.
func payAppend[T any](a, b *[]T, second bool, v T) {
	if second {
		*b = append(*b, v)
		return
	}
	*a = append(*a, v)
}

// payPivot returns the group key of the middle payment, and false when no
// payment's key is below it (nothing to split).
func payPivot(keys map[int64]int64) (int64, bool) {
	sorted := make([]int64, 0, len(keys))
	for _, k := range keys {
		sorted = append(sorted, k)
	}
	if len(sorted) == 0 {
		return 0, false
	}
	slices.Sort(sorted)
	pivot := sorted[len(sorted)/2]
	return pivot, pivot > sorted[0]
}

// positionSets groups position ids (union-find); each group is named by
// its least id, a position never grouped by itself, 0 (no position) by 0.
type positionSets map[int64]int64

// find returns the least id of x's group.
func (s positionSets) find(x int64) int64 {
	root := x
	for {
		p, ok := s[root]
		if !ok || p == root {
			break
		}
		root = p
	}
	for x != root { // path compression
		next := s[x]
		s[x] = root
		x = next
	}
	return root
}

// union puts x and y in one group; 0 (no position) joins nothing.
func (s positionSets) union(x, y int64) {
	if x == 0 || y == 0 {
		return
	}
	rx, ry := s.find(x), s.find(y)
	switch {
	case rx < ry:
		s[ry] = rx
	case ry < rx:
		s[rx] = ry
	}
}
