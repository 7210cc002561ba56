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

// RecordEvents stores the in-app notifications and deliveries of outs and
// marks their events processed, in one transaction; rows already stored
// are kept.
func (n *Notifications) RecordEvents(ctx context.Context, outs []notify.Outcome, now time.Time) error {
	now = now.UTC()
	var inApp, out [][]any
	ids := make([]any, len(outs))
	for i, o := range outs {
		ev := o.Event
		ids[i] = ev.ID
		var pos any
		if ev.PositionID != 0 {
			pos = ev.PositionID
		}
		for _, p := range o.InApp {
			inApp = append(inApp, []any{ev.ID, p, ev.Kind, pos, ev.Payload, now})
		}
		for _, d := range o.Out {
			out = append(out, []any{ev.ID, d.PersonID, string(d.Channel), d.Address, d.Subject, d.Text, d.HTML, "pending", now, now})
		}
	}
	return n.db.InTx(ctx, func(tx Querier) error {
		if _, err := execRows(ctx, tx, `INSERT INTO notifications (event_id, person_id, kind, position_id, payload, created_at)
			VALUES `, inApp, ` ON CONFLICT (event_id, person_id) DO NOTHING`); err != nil {
			return fmt.Errorf("store: notifications: %w", err)
		}
		if _, err := execRows(ctx, tx, `INSERT INTO deliveries (event_id, person_id, channel, address, subject, body_text,
			body_html, status, next_attempt_at, created_at) VALUES `, out, ` ON CONFLICT (event_id, person_id, channel) DO NOTHING`); err != nil {
			return fmt.Errorf("store: deliveries: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET processed_at = ? WHERE id IN (`+Placeholders(len(ids))+`)`,
			append([]any{now}, ids...)...); err != nil {
			return fmt.Errorf("store: events processed: %w", err)
		}
		return nil
	})
}

// Recipients returns, for each audience of auds, the titolare of its
// position and the intermediaries with a delegation active on day (of
// scope full when the audience says so), plus its intermediary, each with
// his language, latest contact data and preferences.
func (n *Notifications) Recipients(ctx context.Context, auds []notify.Audience, day civil.Date) ([][]notify.Recipient, error) {
	if len(auds) == 0 {
		return nil, nil
	}
	who, err := n.audiences(ctx, auds, day)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*notify.Recipient{}
	var ids []int64
	for _, ps := range who {
		for _, id := range ps {
			if byID[id] == nil {
				byID[id] = &notify.Recipient{PersonID: id, Lang: "it", Prefs: map[string]notify.Channel{}}
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		if err := n.fillRecipients(ctx, ids, byID); err != nil {
			return nil, err
		}
	}
	out := make([][]notify.Recipient, len(auds))
	for i, ps := range who {
		for _, id := range ps {
			out[i] = append(out[i], *byID[id])
		}
	}
	return out, nil
}
