package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

// Preferences returns the person's language of notifications ("" if never
// chosen) and his channel by topic (topics never chosen are missing).
func (n *Notifications) Preferences(ctx context.Context, personID int64) (string, map[string]notify.Channel, error) {
	q := n.db.R()
	var lang string
	err := q.QueryRow(ctx, `SELECT lang FROM notification_settings WHERE person_id = ?`, personID).Scan(&lang)
	if err != nil && !IsNoRows(err) {
		return "", nil, fmt.Errorf("store: notification settings: %w", err)
	}
	rows, err := q.Query(ctx, `SELECT event_kind, channel FROM notification_preferences WHERE person_id = ?`, personID)
	if err != nil {
		return "", nil, fmt.Errorf("store: notification preferences: %w", err)
	}
	defer rows.Close()
	prefs := map[string]notify.Channel{}
	for rows.Next() {
		var k, c string
		if err := rows.Scan(&k, &c); err != nil {
			return "", nil, fmt.Errorf("store: notification preferences: %w", err)
		}
		prefs[k] = notify.Channel(c)
	}
	return lang, prefs, rows.Err()
}

// SavePreferences replaces the person's language and channels, in one transaction.
func (n *Notifications) SavePreferences(ctx context.Context, personID int64, lang string, prefs map[string]notify.Channel, now time.Time) error {
	return n.db.InTx(ctx, func(tx Querier) error {
		if _, err := tx.Exec(ctx, `INSERT INTO notification_settings (person_id, lang, updated_at) VALUES (?, ?, ?)
			ON CONFLICT (person_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at`,
			personID, lang, now.UTC()); err != nil {
			return fmt.Errorf("store: notification settings: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM notification_preferences WHERE person_id = ?`, personID); err != nil {
			return fmt.Errorf("store: notification preferences: %w", err)
		}
		for k, c := range prefs {
			if _, err := tx.Exec(ctx, `INSERT INTO notification_preferences (person_id, event_kind, channel) VALUES (?, ?, ?)`,
				personID, k, string(c)); err != nil {
				return fmt.Errorf("store: notification preferences: %w", err)
			}
		}
		return nil
	})
}
