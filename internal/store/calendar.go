package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// CalendarFeed is a person's secret iCal feed: only the SHA-256 of its
// token is stored, so the URL is shown once, when created.
type CalendarFeed struct {
	ID         int64
	PersonID   int64
	Lang       string // the language of the events' text
	CreatedAt  time.Time
	LastUsedAt time.Time // zero: never used
}

// CalendarFeeds stores the calendar feeds.
type CalendarFeeds struct {
	db  *DB
	now func() time.Time
}

// NewCalendarFeeds returns the feed storage on db; now stamps what it writes.
func NewCalendarFeeds(db *DB, now func() time.Time) *CalendarFeeds {
	return &CalendarFeeds{db: db, now: now}
}

const calendarFeedColumns = `id, person_id, lang, created_at, last_used_at`

func scanCalendarFeed(sc interface{ Scan(...any) error }) (CalendarFeed, error) {
	var f CalendarFeed
	var used sql.NullTime
	err := sc.Scan(&f.ID, &f.PersonID, &f.Lang, &f.CreatedAt, &used)
	if used.Valid {
		f.LastUsedAt = used.Time
	}
	return f, err
}

// Create revokes the person's feed in force, if any, and stores a new one
// with tokenHash, in one transaction.
func (s *CalendarFeeds) Create(ctx context.Context, personID int64, tokenHash, lang string) (CalendarFeed, error) {
	now := s.now().UTC()
	f := CalendarFeed{PersonID: personID, Lang: lang, CreatedAt: now}
	err := s.db.InTx(ctx, func(q Querier) error {
		if _, err := q.Exec(ctx, `UPDATE calendar_feeds SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL`,
			now, personID); err != nil {
			return err
		}
		return q.QueryRow(ctx, `INSERT INTO calendar_feeds (person_id, token_hash, lang, created_at)
			VALUES (?, ?, ?, ?) RETURNING id`, personID, tokenHash, lang, now).Scan(&f.ID)
	})
	if err != nil {
		return f, fmt.Errorf("store: create calendar feed: %w", err)
	}
	return f, nil
}

// Revoke revokes the person's feed in force; it reports whether there was one.
func (s *CalendarFeeds) Revoke(ctx context.Context, personID int64) (bool, error) {
	res, err := s.db.W().Exec(ctx, `UPDATE calendar_feeds SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL`,
		s.now().UTC(), personID)
	if err != nil {
		return false, fmt.Errorf("store: revoke calendar feed: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// calendarFeedOfPersonQuery is the feed in force of a person.
const calendarFeedOfPersonQuery = `SELECT ` + calendarFeedColumns + ` FROM calendar_feeds
	WHERE person_id = ? AND revoked_at IS NULL`

// Active returns the person's feed in force; ok is false when there is none.
func (s *CalendarFeeds) Active(ctx context.Context, personID int64) (f CalendarFeed, ok bool, err error) {
	f, err = scanCalendarFeed(s.db.W().QueryRow(ctx, calendarFeedOfPersonQuery, personID))
	if IsNoRows(err) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("store: calendar feed: %w", err)
	}
	return f, true, nil
}

// calendarFeedByHashQuery is the feed in force with a token hash.
const calendarFeedByHashQuery = `SELECT ` + calendarFeedColumns + ` FROM calendar_feeds
	WHERE token_hash = ? AND revoked_at IS NULL`

// Use returns the feed in force whose token has tokenHash and records its
// use; ok is false when there is none (unknown or revoked: the caller
// answers 404). It reads from the writer, so a revocation holds at once.
func (s *CalendarFeeds) Use(ctx context.Context, tokenHash string) (f CalendarFeed, ok bool, err error) {
	f, err = scanCalendarFeed(s.db.W().QueryRow(ctx, calendarFeedByHashQuery, tokenHash))
	if IsNoRows(err) {
		return f, false, nil
	}
	if err != nil {
		return f, false, fmt.Errorf("store: calendar feed: %w", err)
	}
	now := s.now().UTC()
	if _, err := s.db.W().Exec(ctx, `UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?`, now, f.ID); err != nil {
		return f, false, fmt.Errorf("store: calendar feed use: %w", err)
	}
	f.LastUsedAt = now
	return f, true, nil
}
