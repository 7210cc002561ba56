package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The queries of the in-app notifications (notify_plan_test.go checks their plans).
const (
	notifyUnreadQuery = `SELECT COUNT(*) FROM notifications WHERE person_id = ? AND read_at IS NULL`
	notifyInboxQuery  = `SELECT n.id, n.kind, COALESCE(p.number, ''), e.ref_id, n.payload, n.created_at, n.read_at
		FROM notifications n JOIN events e ON e.id = n.event_id LEFT JOIN positions p ON p.id = n.position_id
		WHERE n.person_id = ? ORDER BY n.id DESC LIMIT ?`
)

// InAppNotification is a notification as the person's list shows it.
type InAppNotification struct {
	ID             int64
	Kind           string
	PositionNumber string
	RefID          int64 // the event's subject: the case, the notice, the delegation
	Payload        string
	CreatedAt      time.Time
	ReadAt         time.Time // zero: unread
}

// Inbox returns the person's latest limit notifications, newest first.
func (n *Notifications) Inbox(ctx context.Context, personID int64, limit int) ([]InAppNotification, error) {
	rows, err := n.db.R().Query(ctx, notifyInboxQuery, personID, limit)
	if err != nil {
		return nil, fmt.Errorf("store: notifications: %w", err)
	}
	defer rows.Close()
	var out []InAppNotification
	for rows.Next() {
		var x InAppNotification
		var read sql.NullTime
		if err := rows.Scan(&x.ID, &x.Kind, &x.PositionNumber, &x.RefID, &x.Payload, &x.CreatedAt, &read); err != nil {
			return nil, fmt.Errorf("store: notifications: %w", err)
		}
		x.ReadAt = read.Time
		out = append(out, x)
	}
	return out, rows.Err()
}

// Unread counts the person's unread notifications: one COUNT on the
// partial index notifications_unread.
func (n *Notifications) Unread(ctx context.Context, personID int64) (int, error) {
	var k int
	err := n.db.R().QueryRow(ctx, notifyUnreadQuery, personID).Scan(&k)
	if err != nil {
		return 0, fmt.Errorf("store: unread notifications: %w", err)
	}
	return k, nil
}

// MarkAllRead marks every unread notification of the person read at now.
func (n *Notifications) MarkAllRead(ctx context.Context, personID int64, now time.Time) error {
	_, err := n.db.W().Exec(ctx, `UPDATE notifications SET read_at = ? WHERE person_id = ? AND read_at IS NULL`, now.UTC(), personID)
	if err != nil {
		return fmt.Errorf("store: mark notifications read: %w", err)
	}
	return nil
}
