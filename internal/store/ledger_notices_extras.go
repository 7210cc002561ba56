package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// insertNoticeExtras writes the items, the document and the event of each
// notice of plans (whose ids are set).
func insertNoticeExtras(ctx context.Context, q Querier, plans []ledger.NoticePlan, now time.Time, t *ledger.NoticeTally) error {
	var items, docs, events [][]any
	for _, p := range plans {
		n := p.Notice
		for _, it := range p.Items {
			items = append(items, []any{n.ID, it.DueID, it.Due.Year, int64(it.Capital), int64(it.Sanction), it.Settlement})
		}
		d := ledger.NoticeDocument(n)
		docs = append(docs, []any{d.NaturalKey, d.PositionID, d.Kind, d.Title, d.RefID, d.IssuedOn, now.UTC()})
		e := ledger.NoticeEvent(n, p.Position.Number)
		events = append(events, []any{e.NaturalKey, e.Kind, e.PositionID, e.RefID, e.Payload, now.UTC()})
	}
	n, err := execRows(ctx, q, `INSERT INTO notice_items (notice_id, due_id, due_year, capital, sanction, settlement_eligible) VALUES `,
		items, "")
	if err != nil {
		return fmt.Errorf("insert notice items: %w", err)
	}
	t.Items += n
	if _, err := execRows(ctx, q, `INSERT INTO documents (natural_key, position_id, kind, title, ref_id, issued_on, created_at) VALUES `,
		docs, " ON CONFLICT (natural_key) DO NOTHING"); err != nil {
		return fmt.Errorf("insert documents: %w", err)
	}
	if _, err := execRows(ctx, q, `INSERT INTO events (natural_key, kind, position_id, ref_id, payload, created_at) VALUES `,
		events, " ON CONFLICT (natural_key) DO NOTHING"); err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	return nil
}
