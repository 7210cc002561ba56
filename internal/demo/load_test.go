package demo

import (
	"context"
	"errors"
	"iter"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/registry"
	"github.com/cassetto-dev/cassetto/internal/store"
	"github.com/cassetto-dev/cassetto/internal/store/storetest"
)

// counts returns the number of rows of each table the seed fills.
func counts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"offices", "persons", "positions", "members", "contacts",
		"intermediaries", "delegations", "staff", "seed_runs"} {
		var n int
		if err := db.R().QueryRow(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[table] = n
	}
	return out
}

func TestLoadTwiceAddsNothing(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	opts := Options{Seed: 5, Positions: 1500}
	st, err := Load(ctx, db, opts)
	if err != nil {
		t.Fatal(err)
	}
	first := counts(t, db)
	if st.Positions != 1502 || first["positions"] != 1502 || first["persons"] != st.Persons ||
		first["members"] != st.Members || first["delegations"] != st.Delegations || first["offices"] != 12 ||
		first["staff"] != 2 || first["seed_runs"] != 1 || st.AlreadyDone {
		t.Fatalf("first load: stats %+v, rows %v", st, first)
	}
	again, err := Load(ctx, db, opts)
	if err != nil || !again.AlreadyDone || again.Positions != 0 {
		t.Fatalf("second load: %+v, %v", again, err)
	}
	// Another run name with the same data: every position exists already.
	opts.Name = "again"
	other, err := Load(ctx, db, opts)
	if err != nil || other.Skipped != 1502 || other.Positions != 0 || other.Persons != 0 || other.Contacts != 0 {
		t.Fatalf("same data under another name: %+v, %v", other, err)
	}
	if after := counts(t, db); after["positions"] != first["positions"] || after["persons"] != first["persons"] ||
		after["contacts"] != first["contacts"] || after["delegations"] != first["delegations"] || after["seed_runs"] != 2 {
		t.Fatalf("rows changed: %v, then %v", first, after)
	}
}

// failingSource is a data set whose positions stop with a cancelled context
// after n of them, as if the program crashed.
type failingSource struct {
	*Dataset
	n      int
	cancel context.CancelFunc
}

func (f failingSource) Positions() iter.Seq[store.SeedPosition] {
	return func(yield func(store.SeedPosition) bool) {
		i := 0
		for p := range f.Dataset.Positions() {
			if i++; i == f.n {
				f.cancel()
			}
			if !yield(p) {
				return
			}
		}
	}
}

func TestLoadResumesAfterACrash(t *testing.T) {
	opts := Options{Seed: 9, Positions: store.SeedChunk + 600}
	clean := storetest.New(t)
	if _, err := Load(context.Background(), clean, opts); err != nil {
		t.Fatal(err)
	}
	db := storetest.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := store.Seed(ctx, db, failingSource{Generate(opts), store.SeedChunk + 300, cancel})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted seed: %v", err)
	}
	if c := counts(t, db); c["positions"] != store.SeedChunk || c["seed_runs"] != 0 {
		t.Fatalf("after the crash: %v (want the first chunk only, no run recorded)", c)
	}
	st, err := Load(context.Background(), db, opts)
	if err != nil || st.Skipped != store.SeedChunk || st.Positions != 602 {
		t.Fatalf("resumed: %+v, %v", st, err)
	}
	if got, want := counts(t, db), counts(t, clean); !equalCounts(got, want) {
		t.Fatalf("resumed load %v, clean load %v", got, want)
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

func TestLoadDemoStoresTheFixedIdentities(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if _, err := LoadDemo(ctx, db); err != nil {
		t.Fatal(err)
	}
	reg := store.NewRegistry(db, ReferenceDate().Time)
	for _, id := range Identities() {
		if id.StaffUsername != "" {
			var role string
			err := db.R().QueryRow(ctx, `SELECT role FROM staff WHERE username = ? AND codice_fiscale = ?`,
				id.StaffUsername, id.CodiceFiscale).Scan(&role)
			if err != nil {
				t.Fatalf("staff %s: %v", id.StaffUsername, err)
			}
			continue
		}
		if p, err := reg.PersonByCF(ctx, id.CodiceFiscale); err != nil || p.GivenName != id.GivenName {
			t.Fatalf("%s: %+v, %v", id.Key, p, err)
		}
	}
	co, err := reg.PositionByNumber(ctx, NumberTitolareCO)
	if err != nil || co.Titolare.CodiceFiscale != identity(KeyTitolareCO).CodiceFiscale || co.OfficeCode != "1300" {
		t.Fatalf("position CO: %+v, %v", co, err)
	}
	members, err := reg.Members(ctx, co.ID)
	if err != nil || len(members) != 2 || members[1].Person.CodiceFiscale != identity(KeyCollaboratore).CodiceFiscale ||
		members[1].SubjectCode != 12 || members[1].Kind != registry.Coadiutore {
		t.Fatalf("members of %s: %+v, %v", co.Number, members, err)
	}
	checkFixedDelegations(t, db)
	if c, err := reg.CurrentContact(ctx, co.TitolareID); err != nil || c.Email != identity(KeyTitolareCO).Email {
		t.Fatalf("contact: %+v, %v", c, err)
	}
	if _, err := reg.PositionByNumber(ctx, "00000000"); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown position: %v", err)
	}
}

func checkFixedDelegations(t *testing.T, db *store.DB) {
	t.Helper()
	rows, err := db.R().Query(context.Background(), `SELECT d.status, COUNT(*) FROM delegations d
		JOIN persons p ON p.id = d.intermediary_id JOIN intermediaries i ON i.person_id = p.id
		WHERE p.codice_fiscale = ? AND i.kind = 'commercialista' GROUP BY d.status`,
		identity(KeyIntermediary).CodiceFiscale)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			t.Fatal(err)
		}
		got[s] = n
	}
	if got["active"] != 7 || got["expired"] != 1 || got["revoked"] != 1 {
		t.Fatalf("delegations of the fixed intermediary: %v", got)
	}
}

func TestSeedsShareTheFixedIdentities(t *testing.T) {
	ctx := context.Background()
	db := storetest.New(t)
	if _, err := Load(ctx, db, Options{Seed: 1, Positions: 20, Name: "demo"}); err != nil {
		t.Fatal(err)
	}
	st, err := Load(ctx, db, Options{Seed: 2, Positions: 30})
	if err != nil || st.Skipped != 2 || st.Positions != 30 || st.Offices != 0 || st.Staff != 0 {
		t.Fatalf("second data set: %+v, %v", st, err)
	}
	var n int
	if err := db.R().QueryRow(ctx, `SELECT COUNT(*) FROM contacts c JOIN persons p ON p.id = c.person_id
		WHERE p.codice_fiscale = ?`, identity(KeyTitolareAR).CodiceFiscale).Scan(&n); err != nil || n != 1 {
		t.Fatalf("contacts of the fixed titolare: %d, %v", n, err)
	}
}
