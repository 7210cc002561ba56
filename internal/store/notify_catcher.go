package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/notify"
)

// MailCatcher is the demo's mail server: it keeps in the database every
// e-mail the worker sends, for the administrators to read. It implements
// notify.Mailer.
type MailCatcher struct {
	DB   *DB
	From string
	Now  func() time.Time
}

// Send stores m.
func (c MailCatcher) Send(ctx context.Context, m notify.Mail) error {
	_, err := c.DB.W().Exec(ctx, `INSERT INTO caught_mail (message_id, sender, recipient, subject, body_text, body_html, caught_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, m.MessageID, c.From, m.To, m.Subject, m.Text, m.HTML, c.Now().UTC())
	if err != nil {
		return fmt.Errorf("store: catch mail: %w", err)
	}
	return nil
}

// CaughtMail is an e-mail kept by the catcher.
type CaughtMail struct {
	ID                           int64
	MessageID, Sender, Recipient string
	Subject, Text, HTML          string
	CaughtAt                     time.Time
}

// CaughtMailByID returns one caught e-mail; errs.NotFound if there is none.
func (n *Notifications) CaughtMailByID(ctx context.Context, id int64) (CaughtMail, error) {
	var m CaughtMail
	err := n.db.R().QueryRow(ctx, `SELECT id, message_id, sender, recipient, subject, body_text, body_html, caught_at
		FROM caught_mail WHERE id = ?`, id).Scan(&m.ID, &m.MessageID, &m.Sender, &m.Recipient, &m.Subject, &m.Text, &m.HTML, &m.CaughtAt)
	if IsNoRows(err) {
		return m, errs.E(errs.NotFound, "no such e-mail")
	}
	if err != nil {
		return m, fmt.Errorf("store: caught mail: %w", err)
	}
	return m, nil
}

// SendSMS stores an SMS as a caught message with the subject "SMS", so the
// demo's administrators see it beside the e-mail.
func (c MailCatcher) SendSMS(ctx context.Context, to, text, reference string) error {
	return c.Send(ctx, notify.Mail{MessageID: reference, To: to, Subject: "SMS", Text: text})
}
