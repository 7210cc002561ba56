package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Cases is the storage of the cases (cases.Store).
type Cases struct{ db *DB }

// NewCases returns the cases' storage on db.
func NewCases(db *DB) *Cases { return &Cases{db: db} }

// Create implements cases.Store: the protocol number comes from the
// counter row of the office and year, incremented in this transaction,
// so a rolled-back insert leaves no gap.
func (s *Cases) Create(ctx context.Context, c *cases.Case, m *cases.Message) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		year := c.OpenedAt.In(time.UTC).Year()
		var seq int
		err := tx.QueryRow(ctx, `INSERT INTO case_counters (office_code, year, last) VALUES (?, ?, 1)
			ON CONFLICT (office_code, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
			c.OfficeCode, year).Scan(&seq)
		if err != nil {
			return fmt.Errorf("store: case protocol: %w", err)
		}
		c.Protocol = cases.FormatProtocol(c.OfficeCode, year, seq)
		err = tx.QueryRow(ctx, `INSERT INTO cases (protocol, position_id, office_code, kind, payload, topic_code,
			subtopic_code, subject, state, assignee_id, opened_by_kind, opened_by_id, opened_by_label, opened_at, updated_at,
			last_reply_at, clock_start, clock_stop)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			c.Protocol, c.PositionID, c.OfficeCode, string(c.Kind), c.Payload, c.Topic, nullString(c.Subtopic), c.Subject,
			string(c.State), nullID(c.AssigneeID), c.OpenedBy.Kind, c.OpenedBy.ID, c.OpenedBy.Name, c.OpenedAt.UTC(),
			c.UpdatedAt.UTC(), c.LastReply().UTC(), unixOrZero(c.ClockStart()), unixOrZero(c.ClockStop())).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("store: create case: %w", err)
		}
		m.CaseID = c.ID
		if err := insertMessage(ctx, tx, m); err != nil {
			return err
		}
		action, detail, event := openingRecords(*c)
		if err := caseAudit(ctx, tx, *c, m.Author, m.At, action, detail); err != nil {
			return err
		}
		return caseEvent(ctx, tx, *c, event, fmt.Sprintf("case:%d:%s", c.ID, strings.TrimPrefix(event, "case.")), m.At)
	})
}

// openingRecords are the audit action and detail and the event of a new
// case: a request is registered (its routing is part of it: case.routed is
// only written on a transfer); a communication of the office is one event.
func openingRecords(c cases.Case) (action, detail, event string) {
	if c.OfficeInitiated() {
		return "case.office_open", "comunicazione " + c.Protocol + ": invio", "case.office_message"
	}
	return "case.open", "pratica " + c.Protocol + ": apertura", "case.registered"
}

// Apply implements cases.Store.
func (s *Cases) Apply(ctx context.Context, u cases.Update) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		c := u.Case
		res, err := tx.Exec(ctx, `UPDATE cases SET state = ?, office_code = ?, assignee_id = ?, esito = ?,
			updated_at = ?, closed_at = ?, waiting_since = ?, waited_seconds = ?, last_reply_at = ?, clock_start = ?,
			clock_stop = ? WHERE id = ? AND state = ? AND office_code = ?`,
			string(c.State), c.OfficeCode, nullID(c.AssigneeID), c.Esito, c.UpdatedAt.UTC(), nullTime(c.ClosedAt),
			nullTime(c.WaitingSince), int64(c.Waited/time.Second), c.LastReply().UTC(), unixOrZero(c.ClockStart()),
			unixOrZero(c.ClockStop()), c.ID, string(u.From), u.FromOffice)
		if err != nil {
			return fmt.Errorf("store: update case: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errs.Wrap(errs.Conflict, cases.MsgChanged, err)
		}
		m := u.Message
		if err := insertMessage(ctx, tx, &m); err != nil {
			return err
		}
		for _, x := range u.Extra {
			if err := insertMessage(ctx, tx, &x); err != nil {
				return err
			}
		}
		action := "case." + string(m.Kind)
		if m.Action != "" {
			action = "case." + m.Action
		}
		if err := caseAudit(ctx, tx, c, m.Author, m.At, action, u.AuditDetail); err != nil {
			return err
		}
		if u.Event == "" {
			return nil
		}
		return caseEvent(ctx, tx, c, u.Event, fmt.Sprintf("case:%d:%s:%d", c.ID, u.Event, m.ID), m.At)
	})
}

// SetRoute sets (office "") or removes the routing rule of a topic.
func (s *Cases) SetRoute(ctx context.Context, topic, office string) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		if _, err := tx.Exec(ctx, `DELETE FROM case_routes WHERE topic_code = ?`, topic); err != nil {
			return fmt.Errorf("store: case route: %w", err)
		}
		if office == "" {
			return nil
		}
		if _, err := tx.Exec(ctx, `INSERT INTO case_routes (topic_code, office_code) VALUES (?, ?)`, topic, office); err != nil {
			return fmt.Errorf("store: case route: %w", err)
		}
		return nil
	})
}

func insertMessage(ctx context.Context, tx Querier, m *cases.Message) error {
	err := tx.QueryRow(ctx, `INSERT INTO case_messages (case_id, at, kind, author_kind, author_id, author_label,
		body, from_state, to_state, action, esito) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.CaseID, m.At.UTC(), string(m.Kind), m.Author.Kind, m.Author.ID, m.Author.Name, m.Body,
		string(m.FromState), string(m.ToState), m.Action, m.Esito).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("store: case message: %w", err)
	}
	for i := range m.Attachments {
		a := &m.Attachments[i]
		a.MessageID = m.ID
		err := tx.QueryRow(ctx, `INSERT INTO case_attachments (case_id, message_id, name, sha256, size)
			VALUES (?, ?, ?, ?, ?) RETURNING id`, m.CaseID, m.ID, a.Name, a.SHA256, a.Size).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("store: case attachment: %w", err)
		}
	}
	return nil
}

func caseAudit(ctx context.Context, tx Querier, c cases.Case, a cases.Author, at time.Time, action, detail string) error {
	_, err := tx.Exec(ctx, `INSERT INTO audit_log (at, actor_kind, actor_id, actor_label, acting_as, position_id,
		action, detail, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, at.UTC(), a.Kind, a.ID, a.Label, a.ActingAs,
		c.PositionID, action, detail, a.IP)
	if err != nil {
		return fmt.Errorf("store: case audit: %w", err)
	}
	return nil
}

func caseEvent(ctx context.Context, tx Querier, c cases.Case, kind, key string, at time.Time) error {
	payload, err := json.Marshal(map[string]string{"protocol": c.Protocol, "subject": c.Subject})
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, key, kind, c.PositionID, c.ID, string(payload), at.UTC())
	if err != nil {
		return fmt.Errorf("store: case event: %w", err)
	}
	return nil
}

// nullTime is t in UTC, or NULL when it is zero.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// unixOrZero is t in Unix seconds, 0 when it is zero: the clock columns.
func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}
