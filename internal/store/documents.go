package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// Documents reads the atti emessi of a position (table documents, written
// by the notices batch) and records when the contributor read one.
type Documents struct {
	db *DB
}

// NewDocuments returns the atti emessi store on db.
func NewDocuments(db *DB) *Documents { return &Documents{db: db} }

const documentColumns = `id, natural_key, position_id, kind, title, ref_id, issued_on, read_at`

// documentsOfPositionQuery goes through the index documents_position.
const documentsOfPositionQuery = `SELECT ` + documentColumns + ` FROM documents
	WHERE position_id = ? ORDER BY issued_on DESC, id DESC`

// documentQuery reads one document by its primary key, of one position.
const documentQuery = `SELECT ` + documentColumns + ` FROM documents WHERE id = ? AND position_id = ?`

// markReadQuery writes read_at once: a second opening changes nothing.
const markReadQuery = `UPDATE documents SET read_at = ? WHERE id = ? AND position_id = ? AND read_at IS NULL`

// OfPosition lists the documents of position positionID, newest first:
// one indexed query.
func (s *Documents) OfPosition(ctx context.Context, positionID int64) ([]ledger.Document, error) {
	rows, err := s.db.R().Query(ctx, documentsOfPositionQuery, positionID)
	if err != nil {
		return nil, fmt.Errorf("store: documents of position %d: %w", positionID, err)
	}
	defer rows.Close()
	out := []ledger.Document{}
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, fmt.Errorf("store: documents of position %d: %w", positionID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Get returns document id of position positionID; an errs.NotFound error
// when the position has no such document.
func (s *Documents) Get(ctx context.Context, positionID, id int64) (ledger.Document, error) {
	d, err := scanDocument(s.db.R().QueryRow(ctx, documentQuery, id, positionID))
	if IsNoRows(err) {
		return d, notFound("document", err)
	}
	if err != nil {
		return d, fmt.Errorf("store: document %d: %w", id, err)
	}
	return d, nil
}

// MarkRead records that document id of position positionID was read at
// when it has not been read before; it reports whether it wrote.
func (s *Documents) MarkRead(ctx context.Context, positionID, id int64, at time.Time) (bool, error) {
	res, err := s.db.W().Exec(ctx, markReadQuery, at.UTC(), id, positionID)
	if err != nil {
		return false, fmt.Errorf("store: mark document %d read: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func scanDocument(sc interface{ Scan(...any) error }) (ledger.Document, error) {
	var d ledger.Document
	var readAt sql.NullTime
	err := sc.Scan(&d.ID, &d.NaturalKey, &d.PositionID, &d.Kind, &d.Title, &d.RefID, &d.IssuedOn, &readAt)
	if readAt.Valid {
		d.ReadAt = readAt.Time
	}
	return d, err
}
