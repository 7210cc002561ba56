package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/notify"
	"github.com/cassetto-dev/cassetto/internal/registry"
)

// contactChannels are the channels whose address a code verifies.
var contactChannels = []string{registry.ChannelEmail, registry.ChannelMobile}

// ChangeContact implements registry.Store: a new e-mail (or PEC standing
// for it) or mobile is stored unverified, with a contact.verify event for
// the worker; an unchanged one keeps its state.
func (s *Registry) ChangeContact(ctx context.Context, c *registry.Contact) error {
	c.CreatedAt = s.now().UTC()
	return s.db.InTx(ctx, func(tx Querier) error {
		old, err := scanContact(tx.QueryRow(ctx, contactSelect+` LIMIT 1`, c.PersonID))
		if err != nil && !IsNoRows(err) {
			return fmt.Errorf("store: contact: %w", err)
		}
		changed := map[string]bool{}
		for _, ch := range contactChannels {
			changed[ch] = c.Address(ch) != "" && c.Address(ch) != old.Address(ch)
		}
		c.EmailVerified = c.NotifyEmail() == "" || !changed[registry.ChannelEmail] && old.EmailVerified
		c.MobileVerified = c.Mobile == "" || !changed[registry.ChannelMobile] && old.MobileVerified
		if err := insertContact(ctx, tx, c); err != nil {
			return err
		}
		for _, ch := range contactChannels {
			if changed[ch] {
				if err := codeEvent(ctx, tx, *c, ch, fmt.Sprintf("contact:%d:%s", c.ID, ch)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func insertContact(ctx context.Context, q Querier, c *registry.Contact) error {
	err := q.QueryRow(ctx, `INSERT INTO contacts (person_id, email, pec, mobile, street, postal_code, city, province,
		changed_by, created_at, email_verified, mobile_verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.PersonID, c.Email, c.PEC, c.Mobile, c.Street, c.PostalCode, c.City, c.Province, c.ChangedBy, c.CreatedAt,
		boolInt(c.EmailVerified), boolInt(c.MobileVerified)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("store: add contact: %w", err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// codeEvent writes the outbox event that has the worker send a code to
// the address of channel of c.
func codeEvent(ctx context.Context, tx Querier, c registry.Contact, channel, key string) error {
	payload, err := json.Marshal(map[string]string{"channel": channel, "address": c.Address(channel)})
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		VALUES (?, ?, NULL, ?, ?, ?)`, key, notify.ContactVerify, c.PersonID, string(payload), c.CreatedAt.UTC())
	if err != nil {
		return fmt.Errorf("store: contact code event: %w", err)
	}
	return nil
}

// resendWait is how long after a code a new one may be asked for.
const resendWait = time.Minute

// ResendCode implements registry.Store; a new code is refused within
// resendWait of the last one.
func (s *Registry) ResendCode(ctx context.Context, personID int64, channel string) error {
	now := s.now().UTC()
	return s.db.InTx(ctx, func(tx Querier) error {
		c, err := scanContact(tx.QueryRow(ctx, contactSelect+` LIMIT 1`, personID))
		if err != nil && !IsNoRows(err) {
			return fmt.Errorf("store: contact: %w", err)
		}
		if c.Address(channel) == "" || c.Verified(channel) {
			return codeProblem(channel, registry.MsgCodeVerified)
		}
		var recent int
		err = tx.QueryRow(ctx, `SELECT COUNT(*) FROM contact_codes WHERE person_id = ? AND channel = ? AND created_at > ?`,
			personID, channel, now.Add(-resendWait)).Scan(&recent)
		if err != nil {
			return fmt.Errorf("store: contact code: %w", err)
		}
		if recent > 0 {
			return codeProblem(channel, registry.MsgCodeWait)
		}
		c.CreatedAt = now
		return codeEvent(ctx, tx, c, channel, fmt.Sprintf("contact:%d:%s:%d", c.ID, channel, now.UnixNano()))
	})
}

func codeProblem(channel, msg string) error {
	v := &errs.Validation{}
	v.Add(registry.CodeField(channel), msg)
	return v.Err()
}

// VerifyContact implements registry.Store. The attempt a wrong code
// counts is committed even though the code is refused.
func (s *Registry) VerifyContact(ctx context.Context, personID int64, channel, code string) error {
	now := s.now().UTC()
	var refused error
	err := s.db.InTx(ctx, func(tx Querier) error {
		c, err := scanContact(tx.QueryRow(ctx, contactSelect+` LIMIT 1`, personID))
		if err != nil && !IsNoRows(err) {
			return fmt.Errorf("store: contact: %w", err)
		}
		if c.Address(channel) == "" || c.Verified(channel) {
			refused = codeProblem(channel, registry.MsgCodeVerified)
			return nil
		}
		sent, attempts, err := loadCode(ctx, tx, personID, channel)
		switch {
		case IsNoRows(err) || err == nil && sent.Address != c.Address(channel):
			refused = codeProblem(channel, registry.MsgCodeNone)
			return nil
		case err != nil:
			return err
		case now.After(sent.ExpiresAt):
			refused = codeProblem(channel, registry.MsgCodeExpired)
			return nil
		case attempts >= notify.MaxCodeAttempts:
			refused = codeProblem(channel, registry.MsgCodeAttempts)
			return nil
		case !notify.CodeMatches(sent, code):
			refused = codeProblem(channel, registry.MsgCodeWrong)
			if attempts+1 >= notify.MaxCodeAttempts {
				refused = codeProblem(channel, registry.MsgCodeAttempts)
			}
			_, err := tx.Exec(ctx, `UPDATE contact_codes SET attempts = attempts + 1 WHERE person_id = ? AND channel = ?`, personID, channel)
			return err
		}
		return markVerified(ctx, tx, c, channel)
	})
	if err != nil {
		return fmt.Errorf("store: verify contact: %w", err)
	}
	return refused
}

func loadCode(ctx context.Context, q Querier, personID int64, channel string) (notify.Code, int, error) {
	c := notify.Code{PersonID: personID, Channel: notify.Channel(channel)}
	var attempts int
	err := q.QueryRow(ctx, `SELECT address, code_hash, expires_at, attempts FROM contact_codes
		WHERE person_id = ? AND channel = ?`, personID, channel).Scan(&c.Address, &c.Hash, &c.ExpiresAt, &attempts)
	return c, attempts, err
}

// markVerified marks the channel of the contact version c verified and
// drops the code: it is used.
func markVerified(ctx context.Context, tx Querier, c registry.Contact, channel string) error {
	col := "email_verified"
	if channel == registry.ChannelMobile {
		col = "mobile_verified"
	}
	if _, err := tx.Exec(ctx, `UPDATE contacts SET `+col+` = 1 WHERE id = ?`, c.ID); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `DELETE FROM contact_codes WHERE person_id = ? AND channel = ?`, c.PersonID, channel)
	return err
}

// Lang implements notify.Store.
func (n *Notifications) Lang(ctx context.Context, personID int64) (string, error) {
	var lang string
	err := n.db.R().QueryRow(ctx, `SELECT lang FROM notification_settings WHERE person_id = ?`, personID).Scan(&lang)
	if IsNoRows(err) {
		return "it", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: language: %w", err)
	}
	return lang, nil
}

// RecordCode implements notify.Store.
func (n *Notifications) RecordCode(ctx context.Context, ev notify.Event, c notify.Code, d notify.Delivery, now time.Time) error {
	now = now.UTC()
	return n.db.InTx(ctx, func(tx Querier) error {
		_, err := tx.Exec(ctx, `INSERT INTO contact_codes (person_id, channel, address, code_hash, expires_at, attempts, created_at)
			VALUES (?, ?, ?, ?, ?, 0, ?) ON CONFLICT (person_id, channel) DO UPDATE SET address = excluded.address,
			code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0, created_at = excluded.created_at`,
			c.PersonID, string(c.Channel), c.Address, c.Hash, c.ExpiresAt.UTC(), now)
		if err != nil {
			return fmt.Errorf("store: contact code: %w", err)
		}
		_, err = tx.Exec(ctx, `INSERT INTO deliveries (event_id, person_id, channel, address, subject, body_text,
			body_html, status, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
			ON CONFLICT (event_id, person_id, channel) DO NOTHING`,
			ev.ID, d.PersonID, string(d.Channel), d.Address, d.Subject, d.Text, d.HTML, now, now)
		if err != nil {
			return fmt.Errorf("store: delivery: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET processed_at = ? WHERE id = ?`, now, ev.ID); err != nil {
			return fmt.Errorf("store: event processed: %w", err)
		}
		return nil
	})
}
