package store_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/session"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestReadSessionPageReadsWhatTheTwoQueriesRead reads, in one statement,
// a citizen's and a staff member's session with a position, and compares
// it with SessionByID and ReadPagePosition run apart: the citizen has
// unread notifications about this position, about another one and a read
// one, so the counts tell the persons and positions apart. A missing
// position gives the session without it; a missing session, NotFound.
func TestReadSessionPageReadsWhatTheTwoQueriesRead(t *testing.T) {
	f := newLedgerFixture(t)
	pos, tit := f.position("12345678")
	other, _ := f.position("23456789")
	f.rate(pos, 2025, 1, "2025-05-16", 113743) // a ledger version above 0
	for i, n := range []struct {
		positionID int64
		read       bool
	}{{pos.ID, false}, {pos.ID, false}, {pos.ID, true}, {other.ID, false}} {
		f.exec(`INSERT INTO events (id, natural_key, kind, position_id, created_at) VALUES (?, ?, 'test', ?, ?)`,
			i+1, fmt.Sprint("test:", i), n.positionID, fixedClock())
		var readAt any
		if n.read {
			readAt = fixedClock()
		}
		f.exec(`INSERT INTO notifications (event_id, person_id, kind, position_id, created_at, read_at) VALUES (?, ?, 'test', ?, ?, ?)`,
			i+1, tit.ID, n.positionID, fixedClock(), readAt)
	}
	f.exec(`INSERT INTO staff (id, username, display_name, role, office_code, created_at)
		VALUES (1, 'op', 'Operatore Uno', 'operator', '1300', ?)`, fixedClock())
	sessions := store.NewSessions(f.db)
	citizen := f.session(sessions, "citizen", tit.ID, 0)
	staff := f.session(sessions, "staff", 0, 1)

	for _, c := range []struct {
		id       string
		personID int64
		unread   int
	}{{citizen, tit.ID, 2}, {staff, 0, 0}} {
		got, page, found, err := store.ReadSessionPage(f.ctx, f.db, c.id, pos.Number)
		f.must(err)
		want, err := sessions.SessionByID(f.ctx, c.id)
		f.must(err)
		wantPage, err := store.ReadPagePosition(f.ctx, f.db, pos.Number, c.personID)
		f.must(err)
		rel := page.Relation
		page.Relation = nil
		if !found || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(page, wantPage) {
			t.Fatalf("one statement read (found %v)\n%+v\n%+v\ntwo read\n%+v\n%+v", found, got, page, want, wantPage)
		}
		if rel == nil || rel.Member || len(rel.Delegations) > 0 {
			t.Fatalf("relation %+v, want a titolare's (none)", rel)
		}
		if page.Unread != c.unread || page.LedgerVersion == 0 || page.Titolare.ID != tit.ID {
			t.Fatalf("page position: unread %d (want %d), version %d, titolare %d", page.Unread, c.unread, page.LedgerVersion, page.Titolare.ID)
		}
	}
	got, _, found, err := store.ReadSessionPage(f.ctx, f.db, citizen, "99999999")
	if err != nil || found || got.ID != citizen || got.Owner.Unread != 3 {
		t.Fatalf("missing position: found %v, err %v, session %q with %d unread", found, err, got.ID, got.Owner.Unread)
	}
	if _, _, found, err := store.ReadSessionPage(f.ctx, f.db, "nope", pos.Number); found || !errs.Is(err, errs.NotFound) {
		t.Fatalf("missing session: found %v, err %v", found, err)
	}
}

func (f *ledgerFixture) exec(query string, args ...any) {
	f.t.Helper()
	if _, err := f.db.W().Exec(f.ctx, query, args...); err != nil {
		f.t.Fatal(err)
	}
}

// session creates a session with id for a person or a staff member.
func (f *ledgerFixture) session(s *store.Sessions, id string, personID, staffID int64) string {
	f.t.Helper()
	now := fixedClock().UTC().Truncate(time.Second)
	f.must(s.CreateSession(f.ctx, session.Session{ID: id, PersonID: personID, StaffID: staffID,
		Data: session.Data{Profile: "self"}, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}))
	return id
}

// relationFacts reads the facts of actor a on the position numbered
// number as the portal's gate does when it has read the position with the
// session: from a new session of a, through ReadSessionPage's relation.
func relationFacts(t *testing.T, db *store.DB, a access.Actor, number string, f access.Facts) access.Facts {
	t.Helper()
	ctx := t.Context()
	id := fmt.Sprintf("relation-%d-%d", a.PersonID, time.Now().UnixNano())
	now := time.Now().UTC().Truncate(time.Second)
	if err := store.NewSessions(db).CreateSession(ctx, session.Session{ID: id, PersonID: a.PersonID,
		Data: session.Data{Profile: string(a.Profile)}, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	_, page, found, err := store.ReadSessionPage(ctx, db, id, number)
	if err != nil || !found || page.Relation == nil {
		t.Fatalf("session page: found %v, relation %v, err %v", found, page.Relation, err)
	}
	return page.Relation.Facts(a, f)
}

// sameFacts reports whether two facts are equal but for the order of
// their delegations.
func sameFacts(a, b access.Facts) bool {
	order := func(x, y access.Delegation) int { return strings.Compare(fmt.Sprint(x), fmt.Sprint(y)) }
	a.Delegations, b.Delegations = slices.SortedFunc(slices.Values(a.Delegations), order), slices.SortedFunc(slices.Values(b.Delegations), order)
	return reflect.DeepEqual(a, b)
}
