package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// LedgerReader loads the rows the ledger's read models aggregate: the
// situazione, the estratto conto, the quote dovute and the list of
// payments. Every query goes through an index, and a call runs a fixed
// number of queries whatever the number of dues. With a RecordsCache it
// serves a position's records from memory while its ledger version is
// unchanged.
type LedgerReader struct {
	db    *DB
	cache *RecordsCache
}

// NewLedgerReader returns a reader on db, without a cache.
func NewLedgerReader(db *DB) *LedgerReader { return &LedgerReader{db: db} }

// WithCache returns a reader on the same database that keeps records in c
// (nil: none).
func (r *LedgerReader) WithCache(c *RecordsCache) *LedgerReader {
	return &LedgerReader{db: r.db, cache: c}
}

// Cache returns the reader's cache, nil when it has none.
func (r *LedgerReader) Cache() *RecordsCache { return r.cache }

// Records loads the records of position positionID: for year (0 for every
// year) its dues with their allocations, and every payment of the
// position with its allocations, the persons insured on it and the
// notices naming its dues. It runs six indexed queries.
func (r *LedgerReader) Records(ctx context.Context, positionID int64, year int) (ledger.Records, error) {
	pos, err := readPosition(ctx, r.db.R(), positionID)
	if err != nil {
		return ledger.Records{}, err
	}
	return r.RecordsOf(ctx, pos, year)
}

// RecordsOf is Records for a position the caller has read already (the
// portal reads it to check access): five indexed queries, the position is
// not read again. With a cache, the records of every year are one query
// (the persons with the ledger version) while the version is unchanged.
func (r *LedgerReader) RecordsOf(ctx context.Context, pos ledger.PositionInfo, year int) (ledger.Records, error) {
	q := r.db.R()
	if r.cache == nil || year != 0 {
		return readRecords(ctx, q, pos, year)
	}
	persons, version, err := readPersonsAndVersion(ctx, q, pos.ID)
	if err != nil {
		return ledger.Records{}, fmt.Errorf("store: ledger of position %d: %w", pos.ID, err)
	}
	if rec, ok := r.cache.get(pos.ID, version); ok {
		rec.Position, rec.Persons = pos, persons
		return rec, nil
	}
	rec := ledger.Records{Position: pos, Persons: persons}
	if err := readLedgerRows(ctx, q, &rec, 0); err != nil {
		return rec, err
	}
	r.cache.put(pos.ID, version, rec)
	return rec, nil
}

// RecordsAt is RecordsOf for a position the caller has read with its
// ledger version (ReadPagePosition, as the portal's gate
// does): while the cache holds the records under that version it runs no
// query at all. Otherwise it reads them as RecordsOf does, under the
// version read with them.
func (r *LedgerReader) RecordsAt(ctx context.Context, pos ledger.PositionInfo, version int64) (ledger.Records, error) {
	if r.cache != nil {
		if rec, ok := r.cache.get(pos.ID, version); ok {
			rec.Position = pos
			return rec, nil
		}
	}
	return r.RecordsOf(ctx, pos, 0)
}

// readRecords runs the five queries of a position's records.
func readRecords(ctx context.Context, q Querier, pos ledger.PositionInfo, year int) (ledger.Records, error) {
	rec := ledger.Records{Position: pos}
	var err error
	if rec.Persons, err = readPersons(ctx, q, pos.ID); err != nil {
		return rec, fmt.Errorf("store: ledger of position %d: %w", pos.ID, err)
	}
	return rec, readLedgerRows(ctx, q, &rec, year)
}

// readLedgerRows reads the dues, payments, allocations and notices of
// rec's position into rec: four queries. The allocations are those of the
// dues and payments read before them.
func readLedgerRows(ctx context.Context, q Querier, rec *ledger.Records, year int) error {
	positionID := rec.Position.ID
	steps := []func() error{
		func() (err error) { rec.Dues, err = readDues(ctx, q, positionID, year); return },
		func() (err error) { rec.Payments, err = readPayments(ctx, q, positionID); return },
		func() (err error) {
			rec.Allocations, err = readAllocations(ctx, q, payDistinct(rec.Dues, func(d ledger.Due) int64 { return d.ID }),
				payDistinct(rec.Payments, func(p ledger.Payment) int64 { return p.ID }))
			return
		},
		func() (err error) { rec.Notices, err = readNoticeLinks(ctx, q, positionID); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("store: ledger of position %d: %w", positionID, err)
		}
	}
	return nil
}

// Situation returns the situazione of position positionID (see
// ledger.NewSituation).
func (r *LedgerReader) Situation(ctx context.Context, positionID int64, o ledger.SituationOptions) (ledger.Situation, error) {
	rec, err := r.Records(ctx, positionID, o.Year)
	if err != nil {
		return ledger.Situation{}, err
	}
	return ledger.NewSituation(rec, o), nil
}

// Statement returns the estratto conto of position positionID (see
// ledger.NewStatement).
func (r *LedgerReader) Statement(ctx context.Context, positionID int64, params *contrib.Params) (ledger.Statement, error) {
	rec, err := r.Records(ctx, positionID, 0)
	if err != nil {
		return ledger.Statement{}, err
	}
	return ledger.NewStatement(rec, params), nil
}

// QuoteDovute returns the quote dovute of position positionID for year
// (see ledger.QuoteDovute).
func (r *LedgerReader) QuoteDovute(ctx context.Context, positionID int64, year int, o ledger.SituationOptions) (ledger.Quotes, error) {
	rec, err := r.Records(ctx, positionID, year)
	if err != nil {
		return ledger.Quotes{}, err
	}
	return ledger.QuoteDovute(rec, year, o.AsOf), nil
}

const readPositionQuery = `SELECT p.id, p.number, p.gestione, p.office_code FROM positions p WHERE p.id = ?`

func readPosition(ctx context.Context, q Querier, id int64) (ledger.PositionInfo, error) {
	var p ledger.PositionInfo
	var g string
	err := q.QueryRow(ctx, readPositionQuery, id).Scan(&p.ID, &p.Number, &g, &p.Sede)
	if IsNoRows(err) {
		return p, notFound("position", err)
	}
	if err != nil {
		return p, fmt.Errorf("store: position %d: %w", id, err)
	}
	p.Gestione = contrib.Gestione(g)
	return p, nil
}

// readPersonsQuery lists the titolare (subject 10) and the collaboratori,
// with the position's ledger version (0 when nothing was ever written) on
// the titolare's row and 0 on the others: the cached pages' one query
// before the cache.
const readPersonsQuery = `SELECT pe.id, 10, pe.codice_fiscale, pe.given_name, pe.family_name,
	COALESCE((SELECT v.version FROM ledger_versions v WHERE v.position_id = p.id), 0)
	FROM positions p JOIN persons pe ON pe.id = p.titolare_id WHERE p.id = ?
	UNION ALL
	SELECT pe.id, m.subject_code, pe.codice_fiscale, pe.given_name, pe.family_name, 0
	FROM members m JOIN persons pe ON pe.id = m.person_id WHERE m.position_id = ?
	ORDER BY 2`

func readPersons(ctx context.Context, q Querier, positionID int64) ([]ledger.PersonInfo, error) {
	out, _, err := readPersonsAndVersion(ctx, q, positionID)
	return out, err
}

// readPersonsAndVersion returns the persons of the position and its
// ledger version, in one query.
func readPersonsAndVersion(ctx context.Context, q Querier, positionID int64) ([]ledger.PersonInfo, int64, error) {
	rows, err := q.Query(ctx, readPersonsQuery, positionID, positionID)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []ledger.PersonInfo
	var version int64
	for rows.Next() {
		var p ledger.PersonInfo
		var given, family string
		var v int64
		if err := rows.Scan(&p.ID, &p.SubjectCode, &p.CodiceFiscale, &given, &family, &v); err != nil {
			return nil, 0, err
		}
		p.Name, version = given+" "+family, max(version, v)
		out = append(out, p)
	}
	return out, version, rows.Err()
}

// yearFilter returns the condition on d.year and its arguments: none for 0.
func yearFilter(year int) (string, []any) {
	if year == 0 {
		return "", nil
	}
	return " AND d.year = ?", []any{year}
}

const readDuesQuery = `SELECT ` + DueSelect + ` FROM dues d WHERE d.position_id = ?`

func readDues(ctx context.Context, q Querier, positionID int64, year int) ([]ledger.Due, error) {
	cond, args := yearFilter(year)
	rows, err := q.Query(ctx, readDuesQuery+cond+` ORDER BY d.id`, append([]any{positionID}, args...)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ledger.Due
	for rows.Next() {
		d, err := ScanDue(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
