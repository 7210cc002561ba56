package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/access"
	"github.com/cassetto-dev/cassetto/internal/session"
)

// ActorOf resolves the owner of a session into an access actor and a
// display name. An inactive staff member, or an owner that no longer
// exists, is an error: the session must end.
func ActorOf(ctx context.Context, db *DB, s session.Session) (access.Actor, string, error) {
	if s.StaffID != 0 {
		var a access.Actor
		var username, name string
		var active bool
		err := db.R().QueryRow(ctx, `SELECT username, display_name, role, COALESCE(office_code, ''), active
			FROM staff WHERE id = ?`, s.StaffID).Scan(&username, &name, &a.Role, &a.OfficeCode, &active)
		if err != nil {
			return a, "", fmt.Errorf("store: session staff: %w", err)
		}
		if !active {
			return a, "", fmt.Errorf("store: staff %s is not active", username)
		}
		a.Kind, a.StaffID, a.Label = access.Staff, s.StaffID, name+" ("+username+")"
		return a, name, nil
	}
	var cf, given, family string
	err := db.R().QueryRow(ctx, `SELECT codice_fiscale, given_name, family_name FROM persons WHERE id = ?`,
		s.PersonID).Scan(&cf, &given, &family)
	if err != nil {
		return access.Actor{}, "", fmt.Errorf("store: session person: %w", err)
	}
	name := given + " " + family
	return access.Actor{Kind: access.Citizen, PersonID: s.PersonID, Profile: access.Profile(s.Data.Profile),
		Label: name + " (" + cf + ")"}, name, nil
}
