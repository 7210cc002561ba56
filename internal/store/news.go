package store

import (
	"context"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
	"github.com/cassetto-dev/cassetto/internal/news"
)

// News implements news.Store.
type News struct {
	db  *DB
	now func() time.Time
}

// NewNews returns the news storage on db; now stamps what it writes.
func NewNews(db *DB, now func() time.Time) *News { return &News{db: db, now: now} }

var _ news.Store = (*News)(nil)

const newsColumns = `n.id, COALESCE(n.natural_key, ''), n.title, n.body, n.news_date, n.gestione, n.kind,
	n.published, n.updated_by, n.created_at, n.updated_at`

func scanNews(sc interface{ Scan(...any) error }) (news.Item, error) {
	var it news.Item
	var g, k string
	err := sc.Scan(&it.ID, &it.NaturalKey, &it.Title, &it.Body, &it.Date, &g, &k, &it.Published, &it.UpdatedBy,
		&it.CreatedAt, &it.UpdatedAt)
	it.Gestione, it.Kind = news.Audience(g), news.Kind(k)
	return it, err
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Create inserts it and sets its ID. An item with a natural key already
// stored is left as it is (the demo seed runs again): it gets that item's ID.
func (s *News) Create(ctx context.Context, it *news.Item) error {
	now := s.now().UTC()
	err := s.db.W().QueryRow(ctx, `INSERT INTO news (natural_key, title, body, news_date, gestione, kind, published,
		updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (natural_key) DO UPDATE SET natural_key = excluded.natural_key RETURNING id`,
		nullString(it.NaturalKey), it.Title, it.Body, it.Date, string(it.Gestione), string(it.Kind), it.Published,
		it.UpdatedBy, now, now).Scan(&it.ID)
	if err != nil {
		return fmt.Errorf("store: create news: %w", err)
	}
	it.CreatedAt, it.UpdatedAt = now, now
	return nil
}

// Update replaces the fields of item it.ID but its publication.
func (s *News) Update(ctx context.Context, it news.Item) error {
	res, err := s.db.W().Exec(ctx, `UPDATE news SET title = ?, body = ?, news_date = ?, gestione = ?, kind = ?,
		updated_by = ?, updated_at = ? WHERE id = ?`, it.Title, it.Body, it.Date, string(it.Gestione), string(it.Kind),
		it.UpdatedBy, s.now().UTC(), it.ID)
	return oneRow(res, err, "update news")
}

// SetPublished publishes or withdraws item id.
func (s *News) SetPublished(ctx context.Context, id int64, published bool, by string) error {
	res, err := s.db.W().Exec(ctx, `UPDATE news SET published = ?, updated_by = ?, updated_at = ? WHERE id = ?`,
		published, by, s.now().UTC(), id)
	return oneRow(res, err, "publish news")
}

// oneRow turns a write that touched no row into a NotFound error.
func oneRow(res interface{ RowsAffected() (int64, error) }, err error, what string) error {
	if err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errs.Wrap(errs.NotFound, "error.not_found", fmt.Errorf("store: %s: no such item", what))
	}
	return nil
}

// Get returns item id (read from the writer: the back office shows an item
// just saved).
func (s *News) Get(ctx context.Context, id int64) (news.Item, error) {
	it, err := scanNews(s.db.W().QueryRow(ctx, `SELECT `+newsColumns+` FROM news n WHERE n.id = ?`, id))
	if err != nil {
		return it, notFound("news item", err)
	}
	return it, nil
}

// newsAllQuery lists every item for the back office, newest first.
const newsAllQuery = `SELECT ` + newsColumns + ` FROM news n ORDER BY n.news_date DESC, n.id DESC LIMIT ? OFFSET ?`

// All returns a page of every item, newest first.
func (s *News) All(ctx context.Context, page, perPage int) (news.Page, error) {
	page, perPage = max(page, 1), clampLimit(perPage, 20, 100)
	return s.page(ctx, s.db.W(), page, perPage, newsAllQuery, perPage+1, (page-1)*perPage)
}

// publishedNewsQuery returns the query of the published items matching f
// and its arguments (without the page).
func publishedNewsQuery(f news.Filter) (string, []any) {
	q, args := `SELECT `+newsColumns+` FROM news n WHERE n.published = ?`, []any{true}
	if f.Gestione != "" && f.Gestione != news.Both {
		q, args = q+` AND n.gestione IN (?, 'ALL')`, append(args, string(f.Gestione))
	}
	if f.Kind != "" {
		q, args = q+` AND n.kind = ?`, append(args, string(f.Kind))
	}
	return q + ` ORDER BY n.news_date DESC, n.id DESC LIMIT ? OFFSET ?`, args
}

// Published returns a page of the published items matching f.
func (s *News) Published(ctx context.Context, f news.Filter) (news.Page, error) {
	page, perPage := max(f.Page, 1), clampLimit(f.PerPage, 10, 100)
	q, args := publishedNewsQuery(f)
	return s.page(ctx, s.db.R(), page, perPage, q, append(args, perPage+1, (page-1)*perPage)...)
}

func (s *News) page(ctx context.Context, q Querier, page, perPage int, query string, args ...any) (news.Page, error) {
	out := news.Page{Page: page, Items: []news.Item{}}
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return out, fmt.Errorf("store: news: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		it, err := scanNews(rows)
		if err != nil {
			return out, fmt.Errorf("store: news: %w", err)
		}
		out.Items = append(out.Items, it)
	}
	if len(out.Items) > perPage {
		out.Items, out.HasNext = out.Items[:perPage], true
	}
	return out, rows.Err()
}
