package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/audit"
)

// Audit implements audit.Store.
type Audit struct{ db *DB }

// NewAudit returns the access-log storage on db.
func NewAudit(db *DB) *Audit { return &Audit{db: db} }

var _ audit.Store = (*Audit)(nil)

// Append records e.
func (s *Audit) Append(ctx context.Context, e audit.Entry) error {
	return appendAudit(ctx, s.db.W(), []audit.Entry{e})
}

// AppendAll records es in one transaction, in multi-row INSERTs.
func (s *Audit) AppendAll(ctx context.Context, es []audit.Entry) error {
	return s.db.InTx(ctx, func(tx Querier) error {
		for start := 0; start < len(es); start += auditRowsPerInsert {
			if err := appendAudit(ctx, tx, es[start:min(start+auditRowsPerInsert, len(es))]); err != nil {
				return err
			}
		}
		return nil
	})
}

// auditRowsPerInsert keeps a multi-row INSERT of the access log under
// SQLite's bound-parameter limit.
const auditRowsPerInsert = 100

const auditColumnCount = 9

func appendAudit(ctx context.Context, q Querier, es []audit.Entry) error {
	if len(es) == 0 {
		return nil
	}
	row := "(" + Placeholders(auditColumnCount) + ")"
	args := make([]any, 0, len(es)*auditColumnCount)
	for _, e := range es {
		var pos any
		if e.PositionID != 0 {
			pos = e.PositionID
		}
		args = append(args, e.At.UTC(), e.ActorKind, e.ActorID, e.ActorLabel, e.ActingAs, pos, e.Action, e.Detail, e.IP)
	}
	_, err := q.Exec(ctx, `INSERT INTO audit_log
		(at, actor_kind, actor_id, actor_label, acting_as, position_id, action, detail, ip)
		VALUES `+strings.Repeat(row+", ", len(es)-1)+row, args...)
	if err != nil {
		return fmt.Errorf("store: audit append: %w", err)
	}
	return nil
}

const auditSelect = `SELECT a.id, a.at, a.actor_kind, a.actor_id, a.actor_label, a.acting_as,
	COALESCE(a.position_id, 0), COALESCE(p.number, ''), a.action, a.detail, a.ip
	FROM audit_log a LEFT JOIN positions p ON p.id = a.position_id `

func clampLimit(n, def, max int) int {
	if n <= 0 {
		return def
	}
	if n > max {
		return max
	}
	return n
}

// ForPosition returns the newest entries of a position.
func (s *Audit) ForPosition(ctx context.Context, positionID, beforeID int64, limit int) ([]audit.Entry, error) {
	if beforeID <= 0 {
		beforeID = 1 << 62
	}
	return s.query(ctx, `WHERE a.position_id = ? AND a.id < ? ORDER BY a.id DESC LIMIT ?`,
		positionID, beforeID, clampLimit(limit, 50, 500))
}

// Search returns the newest entries matching f.
func (s *Audit) Search(ctx context.Context, f audit.Filter) ([]audit.Entry, error) {
	var where []string
	var args []any
	if f.PositionNumber != "" {
		where, args = append(where, "p.number = ?"), append(args, f.PositionNumber)
	}
	if f.OfficeCode != "" {
		where, args = append(where, "p.office_code = ?"), append(args, f.OfficeCode)
	}
	if f.ActorLabel != "" {
		where, args = append(where, "LOWER(a.actor_label) LIKE ?"), append(args, "%"+strings.ToLower(f.ActorLabel)+"%")
	}
	if !f.From.IsZero() {
		where, args = append(where, "a.at >= ?"), append(args, f.From.UTC())
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.at < ?"), append(args, f.To.UTC())
	}
	if f.BeforeID > 0 {
		where, args = append(where, "a.id < ?"), append(args, f.BeforeID)
	}
	q := ""
	if len(where) > 0 {
		q = "WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, clampLimit(f.Limit, 50, 500))
	return s.query(ctx, q+" ORDER BY a.id DESC LIMIT ?", args...)
}

func (s *Audit) query(ctx context.Context, where string, args ...any) ([]audit.Entry, error) {
	rows, err := s.db.R().Query(ctx, auditSelect+where, args...)
	if err != nil {
		return nil, fmt.Errorf("store: audit query: %w", err)
	}
	defer rows.Close()
	var out []audit.Entry
	for rows.Next() {
		var e audit.Entry
		if err := rows.Scan(&e.ID, &e.At, &e.ActorKind, &e.ActorID, &e.ActorLabel, &e.ActingAs,
			&e.PositionID, &e.PositionNumber, &e.Action, &e.Detail, &e.IP); err != nil {
			return nil, fmt.Errorf("store: audit scan: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
