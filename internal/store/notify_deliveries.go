package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/notify"
)

// dueDeliveriesQuery selects the deliveries due on n channels, on the
// partial index deliveries_due (pending and failed only).
func dueDeliveriesQuery(n int) string {
	return `SELECT id FROM deliveries WHERE status IN ('pending', 'failed') AND channel IN (` + Placeholders(n) + `)
		AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY id LIMIT ?`
}

// ClaimDeliveries leases up to limit deliveries due at now on channels:
// pending or failed, not leased by another worker (or with an expired
// lease: that worker died), counting the attempt.
func (n *Notifications) ClaimDeliveries(ctx context.Context, channels []notify.Channel, now, leaseUntil time.Time, limit int) ([]notify.Delivery, error) {
	now, leaseUntil = now.UTC(), leaseUntil.UTC()
	args := []any{leaseUntil}
	for _, c := range channels {
		args = append(args, string(c))
	}
	args = append(args, now, now, limit)
	lock := ""
	if n.db.Dialect == Postgres {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	rows, err := n.db.W().Query(ctx, `UPDATE deliveries SET lease_until = ?, attempts = attempts + 1
		WHERE id IN (`+dueDeliveriesQuery(len(channels))+lock+`)
		RETURNING id, event_id, person_id, channel, address, subject, body_text, body_html, attempts`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: claim deliveries: %w", err)
	}
	defer rows.Close()
	var out []notify.Delivery
	for rows.Next() {
		var d notify.Delivery
		var ch string
		if err := rows.Scan(&d.ID, &d.EventID, &d.PersonID, &ch, &d.Address, &d.Subject, &d.Text, &d.HTML, &d.Attempts); err != nil {
			return nil, fmt.Errorf("store: claim deliveries: %w", err)
		}
		d.Channel = notify.Channel(ch)
		out = append(out, d)
	}
	return out, rows.Err()
}

// MarkSent records that attempt d.Attempts of d succeeded. A delivery
// claimed again since (its lease expired) is left to the newer attempt.
func (n *Notifications) MarkSent(ctx context.Context, d notify.Delivery, now time.Time) error {
	_, err := n.db.W().Exec(ctx, `UPDATE deliveries SET status = 'sent', sent_at = ?, lease_until = NULL, last_error = ''
		WHERE id = ? AND attempts = ?`, now.UTC(), d.ID, d.Attempts)
	if err != nil {
		return fmt.Errorf("store: delivery sent: %w", err)
	}
	return nil
}

// MarkFailed records that attempt d.Attempts of d failed with msg: it is
// tried again at next, or never again when dead.
func (n *Notifications) MarkFailed(ctx context.Context, d notify.Delivery, next time.Time, dead bool, msg string) error {
	status := "failed"
	if dead {
		status = "dead"
	}
	_, err := n.db.W().Exec(ctx, `UPDATE deliveries SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?
		WHERE id = ? AND attempts = ?`, status, next.UTC(), msg, d.ID, d.Attempts)
	if err != nil {
		return fmt.Errorf("store: delivery failed: %w", err)
	}
	return nil
}

// TroubledDelivery is a failed or dead delivery, for the administrators' list.
type TroubledDelivery struct {
	ID             int64
	Kind           string
	PositionNumber string
	PersonName     string
	Channel        string
	Address        string
	Status         string
	Attempts       int
	LastError      string
	NextAttemptAt  time.Time
	CreatedAt      time.Time
}

// Troubled returns up to limit failed and dead deliveries, newest first.
func (n *Notifications) Troubled(ctx context.Context, limit int) ([]TroubledDelivery, error) {
	rows, err := n.db.R().Query(ctx, `SELECT d.id, e.kind, COALESCE(p.number, ''), pe.given_name || ' ' || pe.family_name,
		d.channel, d.address, d.status, d.attempts, d.last_error, d.next_attempt_at, d.created_at
		FROM deliveries d JOIN events e ON e.id = d.event_id JOIN persons pe ON pe.id = d.person_id
		LEFT JOIN positions p ON p.id = e.position_id
		WHERE d.status IN ('failed', 'dead') ORDER BY d.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("store: troubled deliveries: %w", err)
	}
	defer rows.Close()
	var out []TroubledDelivery
	for rows.Next() {
		var t TroubledDelivery
		if err := rows.Scan(&t.ID, &t.Kind, &t.PositionNumber, &t.PersonName, &t.Channel, &t.Address, &t.Status,
			&t.Attempts, &t.LastError, &t.NextAttemptAt, &t.CreatedAt); err != nil {
			return nil, fmt.Errorf("store: troubled deliveries: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Retry puts a failed or dead delivery back in the queue, due at now. It
// reports false when id is no such delivery (or one being sent right now).
func (n *Notifications) Retry(ctx context.Context, id int64, now time.Time) (bool, error) {
	now = now.UTC()
	res, err := n.db.W().Exec(ctx, `UPDATE deliveries SET status = 'pending', next_attempt_at = ?
		WHERE id = ? AND status IN ('failed', 'dead') AND (lease_until IS NULL OR lease_until < ?)`, now, id, now)
	if err != nil {
		return false, fmt.Errorf("store: retry delivery: %w", err)
	}
	k, err := res.RowsAffected()
	return k == 1, err
}
