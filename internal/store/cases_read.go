package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/cases"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Topics implements cases.Store.
func (s *Cases) Topics(ctx context.Context) ([]cases.Topic, error) {
	rows, err := s.db.R().Query(ctx, `SELECT code, COALESCE(parent_code, ''), name_it, name_en FROM case_topics
		WHERE active = 1 ORDER BY parent_code IS NOT NULL, sort, code`)
	if err != nil {
		return nil, fmt.Errorf("store: case topics: %w", err)
	}
	defer rows.Close()
	var out []cases.Topic
	at := map[string]int{}
	for rows.Next() {
		var t cases.Topic
		if err := rows.Scan(&t.Code, &t.Parent, &t.NameIT, &t.NameEN); err != nil {
			return nil, fmt.Errorf("store: case topics: %w", err)
		}
		if t.Parent == "" {
			at[t.Code] = len(out)
			out = append(out, t)
		} else if i, ok := at[t.Parent]; ok {
			out[i].Subs = append(out[i].Subs, t)
		}
	}
	return out, rows.Err()
}

// RouteOf implements cases.Store.
func (s *Cases) RouteOf(ctx context.Context, topic string) (string, error) {
	var office string
	err := s.db.R().QueryRow(ctx, `SELECT office_code FROM case_routes WHERE topic_code = ?`, topic).Scan(&office)
	if IsNoRows(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: case route: %w", err)
	}
	return office, nil
}

const caseColumns = `c.id, c.protocol, c.position_id, p.number, c.office_code, c.kind, c.payload, c.topic_code,
	COALESCE(c.subtopic_code, ''), c.subject, c.state, COALESCE(c.assignee_id, 0), COALESCE(st.display_name, ''),
	c.esito, c.opened_by_kind, c.opened_by_id, c.opened_by_label, c.opened_at, c.updated_at, c.closed_at,
	c.waiting_since, c.waited_seconds, c.last_reply_at
	FROM cases c JOIN positions p ON p.id = c.position_id LEFT JOIN staff st ON st.id = c.assignee_id`

func scanCase(sc interface{ Scan(...any) error }) (cases.Case, error) {
	var c cases.Case
	var closed, waiting, reply sql.NullTime
	var waited int64
	err := sc.Scan(&c.ID, &c.Protocol, &c.PositionID, &c.Position, &c.OfficeCode, &c.Kind, &c.Payload, &c.Topic,
		&c.Subtopic, &c.Subject, &c.State, &c.AssigneeID, &c.AssigneeName, &c.Esito, &c.OpenedBy.Kind,
		&c.OpenedBy.ID, &c.OpenedBy.Name, &c.OpenedAt, &c.UpdatedAt, &closed, &waiting, &waited, &reply)
	c.ClosedAt, c.WaitingSince, c.LastReplyAt = closed.Time, waiting.Time, reply.Time
	c.Waited = time.Duration(waited) * time.Second
	return c, err
}

// Get implements cases.Store. It reads from the writer, so a page shown
// after a change sees it.
func (s *Cases) Get(ctx context.Context, id int64) (cases.Case, error) {
	c, err := scanCase(s.db.W().QueryRow(ctx, `SELECT `+caseColumns+` WHERE c.id = ?`, id))
	if IsNoRows(err) {
		return c, errs.E(errs.NotFound, "error.not_found")
	}
	if err != nil {
		return c, fmt.Errorf("store: case %d: %w", id, err)
	}
	return c, nil
}

// Thread implements cases.Store.
func (s *Cases) Thread(ctx context.Context, caseID int64, withNotes bool) ([]cases.Message, error) {
	notes := ""
	if !withNotes {
		notes = ` AND kind <> 'note'`
	}
	rows, err := s.db.W().Query(ctx, `SELECT id, at, kind, author_kind, author_id, author_label, body, from_state,
		to_state, action, esito FROM case_messages WHERE case_id = ?`+notes+` ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: case thread: %w", err)
	}
	defer rows.Close()
	var out []cases.Message
	at := map[int64]int{}
	for rows.Next() {
		m := cases.Message{CaseID: caseID}
		if err := rows.Scan(&m.ID, &m.At, &m.Kind, &m.Author.Kind, &m.Author.ID, &m.Author.Name, &m.Body,
			&m.FromState, &m.ToState, &m.Action, &m.Esito); err != nil {
			return nil, fmt.Errorf("store: case thread: %w", err)
		}
		at[m.ID] = len(out)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	atts, err := s.attachments(ctx, caseID)
	for _, a := range atts {
		if i, ok := at[a.MessageID]; ok {
			out[i].Attachments = append(out[i].Attachments, a)
		}
	}
	return out, err
}

func (s *Cases) attachments(ctx context.Context, caseID int64) ([]cases.Attachment, error) {
	rows, err := s.db.W().Query(ctx, `SELECT id, message_id, name, sha256, size FROM case_attachments
		WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, fmt.Errorf("store: case attachments: %w", err)
	}
	defer rows.Close()
	var out []cases.Attachment
	for rows.Next() {
		var a cases.Attachment
		if err := rows.Scan(&a.ID, &a.MessageID, &a.Name, &a.SHA256, &a.Size); err != nil {
			return nil, fmt.Errorf("store: case attachments: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Attachment implements cases.Store.
func (s *Cases) Attachment(ctx context.Context, caseID, id int64, withNotes bool) (cases.Attachment, error) {
	var a cases.Attachment
	var kind string
	err := s.db.R().QueryRow(ctx, `SELECT a.id, a.message_id, a.name, a.sha256, a.size, m.kind
		FROM case_attachments a JOIN case_messages m ON m.id = a.message_id
		WHERE a.case_id = ? AND a.id = ?`, caseID, id).Scan(&a.ID, &a.MessageID, &a.Name, &a.SHA256, &a.Size, &kind)
	if IsNoRows(err) || err == nil && kind == string(cases.Note) && !withNotes {
		return a, errs.E(errs.NotFound, "error.not_found")
	}
	if err != nil {
		return a, fmt.Errorf("store: case attachment: %w", err)
	}
	return a, nil
}

var caseSorts = map[string]string{
	"-updated": "c.updated_at DESC, c.id DESC", "updated": "c.updated_at, c.id",
	"-opened": "c.opened_at DESC, c.id DESC", "opened": "c.opened_at, c.id",
	"protocol": "c.protocol", "-protocol": "c.protocol DESC", "state": "c.state, c.updated_at DESC, c.id DESC",
	"-clock": clockExpr + " DESC, c.id", "clock": clockExpr + ", c.id",
	"reply": "c.last_reply_at, c.id",
}

// clockExpr is the service-level clock in seconds at the instant List
// passes (Filter.Now, in Unix seconds): a stopped clock stands at its
// stop, a running one counts up to now.
const clockExpr = "((CASE WHEN c.clock_stop = 0 THEN ? ELSE c.clock_stop END) - c.clock_start)"

// List implements cases.Store.
func (s *Cases) List(ctx context.Context, f cases.Filter) ([]cases.Case, int, error) {
	where, args := caseWhere(f)
	var total int
	if err := s.db.R().QueryRow(ctx, `SELECT COUNT(*) FROM cases c WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count cases: %w", err)
	}
	order, ok := caseSorts[f.Sort]
	if !ok {
		order = caseSorts["-updated"]
	}
	if f.Limit <= 0 {
		f.Limit = 20
	}
	if strings.Contains(order, "?") {
		now := f.Now
		if now.IsZero() {
			now = time.Now()
		}
		args = append(args, now.Unix())
	}
	rows, err := s.db.R().Query(ctx, `SELECT `+caseColumns+` WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list cases: %w", err)
	}
	defer rows.Close()
	var out []cases.Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("store: list cases: %w", err)
		}
		out = append(out, c)
	}
	return out, total, rows.Err()
}

func caseWhere(f cases.Filter) (string, []any) {
	conds, args := []string{"1 = 1"}, []any{}
	add := func(cond string, arg any) { conds, args = append(conds, cond), append(args, arg) }
	if f.PositionID != 0 {
		add("c.position_id = ?", f.PositionID)
	}
	if f.OfficeCode != "" {
		add("c.office_code = ?", f.OfficeCode)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		pat := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(t)) + "%"
		conds = append(conds, `(LOWER(c.subject) LIKE ? ESCAPE '\' OR LOWER(c.protocol) LIKE ? ESCAPE '\')`)
		args = append(args, pat, pat)
	}
	if f.State != "" {
		add("c.state = ?", string(f.State))
	}
	if f.Topic != "" {
		add("c.topic_code = ?", f.Topic)
	}
	switch {
	case f.AssigneeID > 0:
		add("c.assignee_id = ?", f.AssigneeID)
	case f.AssigneeID < 0:
		conds = append(conds, "c.assignee_id IS NULL")
	}
	for _, r := range []struct {
		cond string
		t    time.Time
	}{{"c.opened_at >= ?", f.OpenedFrom}, {"c.opened_at < ?", f.OpenedTo}, {"c.updated_at >= ?", f.UpdatedFrom},
		{"c.updated_at < ?", f.UpdatedTo}, {"c.opened_at < ?", f.OpenedBefore}} {
		if !r.t.IsZero() {
			add(r.cond, r.t.UTC())
		}
	}
	return strings.Join(conds, " AND "), args
}
