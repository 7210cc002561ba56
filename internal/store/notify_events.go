package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/notify"
)

// Notifications keeps the notifications of the outbox worker: in-app
// notifications, deliveries, preferences and the demo's mail catcher. It
// implements notify.Store.
type Notifications struct {
	db *DB
}

// NewNotifications returns the notifications store on db.
func NewNotifications(db *DB) *Notifications { return &Notifications{db: db} }

// pendingEventsQuery reads the outbox on its partial index events_pending.
const pendingEventsQuery = `SELECT e.id, e.kind, COALESCE(e.position_id, 0), COALESCE(p.number, ''),
	e.ref_id, e.payload, e.created_at FROM events e LEFT JOIN positions p ON p.id = e.position_id
	WHERE e.processed_at IS NULL ORDER BY e.id LIMIT ?`

// PendingEvents returns up to limit unprocessed events, oldest first.
func (n *Notifications) PendingEvents(ctx context.Context, limit int) ([]notify.Event, error) {
	rows, err := n.db.R().Query(ctx, pendingEventsQuery, limit)
	if err != nil {
		return nil, fmt.Errorf("store: pending events: %w", err)
	}
	defer rows.Close()
	var out []notify.Event
	for rows.Next() {
		var e notify.Event
		if err := rows.Scan(&e.ID, &e.Kind, &e.PositionID, &e.PositionNumber, &e.RefID, &e.Payload, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: pending events: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordEvent stores the in-app notifications and deliveries of ev and
// marks it processed, in one transaction; rows already stored are kept.
func (n *Notifications) RecordEvent(ctx context.Context, ev notify.Event, inApp []int64, out []notify.Delivery, now time.Time) error {
	now = now.UTC()
	return n.db.InTx(ctx, func(tx Querier) error {
		var pos any
		if ev.PositionID != 0 {
			pos = ev.PositionID
		}
		for _, p := range inApp {
			if _, err := tx.Exec(ctx, `INSERT INTO notifications (event_id, person_id, kind, position_id, payload, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, person_id) DO NOTHING`,
				ev.ID, p, ev.Kind, pos, ev.Payload, now); err != nil {
				return fmt.Errorf("store: notification: %w", err)
			}
		}
		for _, d := range out {
			if _, err := tx.Exec(ctx, `INSERT INTO deliveries (event_id, person_id, channel, address, subject, body_text,
				body_html, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
				ON CONFLICT (event_id, person_id, channel) DO NOTHING`,
				ev.ID, d.PersonID, string(d.Channel), d.Address, d.Subject, d.Text, d.HTML, now, now); err != nil {
				return fmt.Errorf("store: delivery: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET processed_at = ? WHERE id = ?`, now, ev.ID); err != nil {
			return fmt.Errorf("store: event processed: %w", err)
		}
		return nil
	})
}

// Recipients returns the titolare of ev's position and the intermediaries
// with a delegation active on day (of scope full when aud says so), plus
// aud's intermediary, each with his language, latest contact data and
// preferences.
func (n *Notifications) Recipients(ctx context.Context, ev notify.Event, aud notify.Audience, day civil.Date) ([]notify.Recipient, error) {
	ids, err := n.audience(ctx, ev.PositionID, aud, day)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	byID := map[int64]*notify.Recipient{}
	out := make([]notify.Recipient, len(ids))
	for i, id := range ids {
		out[i] = notify.Recipient{PersonID: id, Lang: "it", Prefs: map[string]notify.Channel{}}
		byID[id] = &out[i]
	}
	if err := n.fillRecipients(ctx, ids, byID); err != nil {
		return nil, err
	}
	return out, nil
}

func (n *Notifications) audience(ctx context.Context, positionID int64, aud notify.Audience, day civil.Date) ([]int64, error) {
	q := `SELECT titolare_id FROM positions WHERE id = ?
		UNION SELECT intermediary_id FROM delegations WHERE position_id = ? AND status = 'active'
		AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)`
	if aud.FullScopeOnly {
		q += ` AND scope = 'full'`
	}
	rows, err := n.db.R().Query(ctx, q, positionID, positionID, day, day)
	if err != nil {
		return nil, fmt.Errorf("store: recipients: %w", err)
	}
	defer rows.Close()
	var ids []int64
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: recipients: %w", err)
		}
		ids, seen[id] = append(ids, id), true
	}
	if aud.IntermediaryID != 0 && !seen[aud.IntermediaryID] {
		ids = append(ids, aud.IntermediaryID)
	}
	return ids, rows.Err()
}
