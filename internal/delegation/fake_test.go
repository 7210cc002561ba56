package delegation_test

import (
	"context"
	"sort"

	"github.com/cassetto-dev/cassetto/internal/delegation"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// fakeStore keeps delegations in memory with the store's contract: Apply
// only from the status the change starts from, one open delegation per
// position and intermediary.
type fakeStore struct {
	inters  map[string]delegation.Intermediary
	ds      map[int64]*delegation.Delegation
	changes []delegation.Change
	nextID  int64
}

func newFake(inters ...delegation.Intermediary) *fakeStore {
	f := &fakeStore{inters: map[string]delegation.Intermediary{}, ds: map[int64]*delegation.Delegation{}}
	for _, in := range inters {
		f.inters[in.CodiceFiscale] = in
	}
	return f
}

func (f *fakeStore) IntermediaryByCF(_ context.Context, cf string) (delegation.Intermediary, error) {
	in, ok := f.inters[cf]
	if !ok {
		return in, errs.E(errs.NotFound, delegation.MsgNotIntermediary)
	}
	return in, nil
}

func (f *fakeStore) Get(_ context.Context, id int64) (delegation.Delegation, error) {
	d, ok := f.ds[id]
	if !ok {
		return delegation.Delegation{}, errs.E(errs.NotFound, delegation.MsgNotFound)
	}
	return *d, nil
}

func (f *fakeStore) where(keep func(delegation.Delegation) bool) []delegation.Delegation {
	var out []delegation.Delegation
	for _, d := range f.ds {
		if keep(*d) {
			out = append(out, *d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out
}

func (f *fakeStore) ForPosition(_ context.Context, positionID int64) ([]delegation.Delegation, error) {
	return f.where(func(d delegation.Delegation) bool { return d.PositionID == positionID }), nil
}

func (f *fakeStore) ForIntermediary(_ context.Context, personID int64) ([]delegation.Delegation, error) {
	return f.where(func(d delegation.Delegation) bool { return d.Intermediary.PersonID == personID }), nil
}

func (f *fakeStore) Create(_ context.Context, d *delegation.Delegation, c delegation.Change) error {
	for _, o := range f.ds {
		if o.PositionID == d.PositionID && o.Intermediary.PersonID == d.Intermediary.PersonID && o.Status.Open() {
			return errs.E(errs.Conflict, delegation.MsgDuplicate)
		}
	}
	f.nextID++
	d.ID, c.DelegationID = f.nextID, f.nextID
	cp := *d
	cp.History = append(cp.History, c)
	f.ds[d.ID] = &cp
	f.changes = append(f.changes, c)
	return nil
}

func (f *fakeStore) Apply(_ context.Context, d delegation.Delegation, c delegation.Change) error {
	cur, ok := f.ds[d.ID]
	if !ok || cur.Status != c.From {
		return errs.E(errs.Conflict, delegation.MsgChanged)
	}
	cur.Status = c.To
	if !c.ValidFrom.IsZero() {
		cur.ValidFrom = c.ValidFrom
	}
	if !c.To.Open() {
		cur.EndedAt, cur.EndReason = c.At, c.Note
	}
	cur.History = append(cur.History, c)
	f.changes = append(f.changes, c)
	return nil
}
