package store

import (
	"context"
	"fmt"
	"strings"
)

// MailFilter selects a page of the caught e-mails, newest first.
type MailFilter struct {
	Text   string // contained in the recipient's address or in the subject, ignoring case; "" for all
	Offset int
	Limit  int
}

// likeContains is the LIKE pattern (with ESCAPE '\') of "contains text",
// ignoring case: the column is compared lower-cased.
func likeContains(text string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(text)) + "%"
}

// SearchCaughtMails returns a page of the caught e-mails matching f,
// newest first (bodies left out), and whether more follow. The query walks
// the primary key backwards and stops after Limit+1 matches.
func (n *Notifications) SearchCaughtMails(ctx context.Context, f MailFilter) ([]CaughtMail, bool, error) {
	f.Limit = clampLimit(f.Limit, 50, 200)
	where, args := "", []any{}
	if t := strings.TrimSpace(f.Text); t != "" {
		pat := likeContains(t)
		where = `WHERE LOWER(recipient) LIKE ? ESCAPE '\' OR LOWER(subject) LIKE ? ESCAPE '\'`
		args = append(args, pat, pat)
	}
	args = append(args, f.Limit+1, max(f.Offset, 0))
	rows, err := n.db.R().Query(ctx, `SELECT id, message_id, sender, recipient, subject, caught_at FROM caught_mail `+
		where+` ORDER BY id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, false, fmt.Errorf("store: caught mail: %w", err)
	}
	defer rows.Close()
	var out []CaughtMail
	for rows.Next() {
		var m CaughtMail
		if err := rows.Scan(&m.ID, &m.MessageID, &m.Sender, &m.Recipient, &m.Subject, &m.CaughtAt); err != nil {
			return nil, false, fmt.Errorf("store: caught mail: %w", err)
		}
		out = append(out, m)
	}
	if len(out) > f.Limit {
		return out[:f.Limit], true, rows.Err()
	}
	return out, false, rows.Err()
}
