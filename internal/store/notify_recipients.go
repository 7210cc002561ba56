package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

// fillRecipients reads the language, the latest recapiti and the
// preferences of the persons ids into byID.
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
	rows, err = q.Query(ctx, `SELECT c.person_id, c.email, c.pec, c.mobile FROM contacts c WHERE c.person_id IN (`+in+`)
		AND c.id = (SELECT MAX(id) FROM contacts WHERE person_id = c.person_id)`, args...)
	if err != nil {
		return fmt.Errorf("store: recipients' contacts: %w", err)
	}
	for rows.Next() {
		var id int64
		var email, pec, mobile string
		if err := rows.Scan(&id, &email, &pec, &mobile); err != nil {
			rows.Close()
			return err
		}
		r := byID[id]
		r.Email, r.Mobile = email, mobile
		if r.Email == "" {
			r.Email = pec
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
