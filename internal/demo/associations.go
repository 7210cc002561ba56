package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// LoadAssociations gives the first seeded association (an intermediary of
// kind associazione with at least two active delegations) two staff
// members, chosen among the people who are neither intermediaries nor demo
// identities, and assigns them its first two active delegations: the first
// to both, the second to one. It does nothing when the association already
// has staff, so it may run at every start. It returns the association's
// person id (0 when the data hold no association).
func LoadAssociations(ctx context.Context, db *store.DB) (int64, error) {
	q := db.R()
	var assoc int64
	err := q.QueryRow(ctx, `SELECT i.person_id FROM intermediaries i WHERE i.kind = 'associazione'
		AND (SELECT COUNT(*) FROM delegations d WHERE d.intermediary_id = i.person_id AND d.status = 'active') >= 2
		ORDER BY i.person_id LIMIT 1`).Scan(&assoc)
	if store.IsNoRows(err) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("demo associations: %w", err)
	}
	var n int
	if err := q.QueryRow(ctx, `SELECT COUNT(*) FROM association_staff WHERE association_id = ?`, assoc).Scan(&n); err != nil || n > 0 {
		return assoc, err
	}
	staff, err := demoStaffPeople(ctx, db)
	if err != nil || len(staff) < 2 {
		return assoc, err
	}
	dels, err := firstIDs(ctx, db, `SELECT id FROM delegations WHERE intermediary_id = ? AND status = 'active' ORDER BY id LIMIT 2`, assoc)
	if err != nil {
		return assoc, err
	}
	at := ReferenceDate().Time().Add(9 * time.Hour)
	st := store.NewAssociations(db)
	for _, p := range staff {
		if err := st.AddStaff(ctx, assoc, p, assoc, at); err != nil {
			return assoc, fmt.Errorf("demo associations: %w", err)
		}
	}
	rows, err := st.Staff(ctx, assoc)
	if err != nil {
		return assoc, err
	}
	for i, d := range dels {
		for j, m := range rows {
			if i == 0 || j == 0 {
				if err := st.Assign(ctx, assoc, d, m.ID, at); err != nil {
					return assoc, fmt.Errorf("demo associations: %w", err)
				}
			}
		}
	}
	return assoc, nil
}

// demoStaffPeople picks two people for an association's staff.
func demoStaffPeople(ctx context.Context, db *store.DB) ([]int64, error) {
	cfs := fixedCFs()
	args := make([]any, len(cfs))
	for i, cf := range cfs {
		args[i] = cf
	}
	return firstIDs(ctx, db, `SELECT id FROM persons WHERE id NOT IN (SELECT person_id FROM intermediaries)
		AND codice_fiscale NOT IN (`+store.Placeholders(len(cfs))+`) ORDER BY id LIMIT 2`, args...)
}

func firstIDs(ctx context.Context, db *store.DB, query string, args ...any) ([]int64, error) {
	rows, err := db.R().Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("demo associations: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
