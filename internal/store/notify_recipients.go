package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// fillRecipients reads the language, the verified addresses of the latest
// recapiti and the preferences of the persons ids into byID.
func (n *Notifications) fillRecipients(ctx context.Context, ids []int64, byID map[int64]*notify.Recipient) error {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := Placeholders(len(ids))
	q := n.db.R()
	rows, err := q.Query(ctx, `SELECT person_id, lang FROM notification_settings WHERE person_id IN (`+in+`)`, args...)
	if err != nil {
		return fmt.Errorf("store: recipients' language: %w", err)
	}
	for rows.Next() {
		var id int64
		var lang string
		if err := rows.Scan(&id, &lang); err != nil {
			rows.Close()
			return err
		}
		byID[id].Lang = lang
	}
	rows.Close()
	rows, err = q.Query(ctx, `SELECT c.person_id, c.email, c.pec, c.mobile, c.email_verified, c.mobile_verified
		FROM contacts c WHERE c.person_id IN (`+in+`) AND c.id = (SELECT MAX(id) FROM contacts WHERE person_id = c.person_id)`, args...)
	if err != nil {
		return fmt.Errorf("store: recipients' contacts: %w", err)
	}
	for rows.Next() {
		var c registry.Contact
		var email, mobile int
		if err := rows.Scan(&c.PersonID, &c.Email, &c.PEC, &c.Mobile, &email, &mobile); err != nil {
			rows.Close()
			return err
		}
		r := byID[c.PersonID]
		if email == 1 { // only verified addresses: an unverified one waits for its code
			r.Email = c.NotifyEmail()
		}
		if mobile == 1 {
			r.Mobile = c.Mobile
		}
	}
	rows.Close()
	rows, err = q.Query(ctx, `SELECT person_id, event_kind, channel FROM notification_preferences WHERE person_id IN (`+in+`)`, args...)
	if err != nil {
		return fmt.Errorf("store: recipients' preferences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, ch string
		if err := rows.Scan(&id, &kind, &ch); err != nil {
			return err
		}
		byID[id].Prefs[kind] = notify.Channel(ch)
	}
	return rows.Err()
}
