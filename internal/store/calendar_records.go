package store

import (
	"context"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// deadlinePositionsPerQuery bounds the ids of one IN list.
const deadlinePositionsPerQuery = 500

// Deadline queries: positions, persons, dues, their allocations and the
// notices naming them, for a list of positions (%s: the placeholders; for
// the allocations, the ids of the dues read).
const (
	deadlinePositionsQuery = `SELECT p.id, p.number, p.gestione, p.office_code FROM positions p WHERE p.id IN (%s)`
	deadlinePersonsQuery   = `SELECT p.id, pe.id, 10, pe.given_name, pe.family_name
		FROM positions p JOIN persons pe ON pe.id = p.titolare_id WHERE p.id IN (%[1]s)
		UNION ALL
		SELECT m.position_id, pe.id, m.subject_code, pe.given_name, pe.family_name
		FROM members m JOIN persons pe ON pe.id = m.person_id WHERE m.position_id IN (%[1]s)`
	deadlineDuesQuery        = `SELECT ` + DueSelect + ` FROM dues d WHERE d.position_id IN (%s) ORDER BY d.id`
	deadlineAllocationsQuery = `SELECT ` + allocationColumns + ` FROM allocations a WHERE %s ORDER BY a.id` // %s: payIn of the dues' ids
	deadlineNoticesQuery     = `SELECT n.position_id, n.id, n.kind, n.number, n.issued_on, n.deadline, COALESCE(n.parent_id, 0),
		ni.due_id, ni.capital, ni.sanction, ni.settlement_eligible
		FROM notices n JOIN notice_items ni ON ni.notice_id = n.id WHERE n.position_id IN (%s) ORDER BY n.id, ni.due_id`
)

// DeadlineRecords loads, for each of positionIDs, the records the
// deadlines are computed from: the position, its persons, its dues with
// their allocations and the notices naming them (not its payments: the
// deadlines need no credits). It runs five indexed queries per 500
// positions, whatever the number of dues. Records come in the order of
// positionIDs; an unknown id is left out.
func (r *LedgerReader) DeadlineRecords(ctx context.Context, positionIDs []int64) ([]ledger.Records, error) {
	var out []ledger.Records
	for start := 0; start < len(positionIDs); start += deadlinePositionsPerQuery {
		part := positionIDs[start:min(start+deadlinePositionsPerQuery, len(positionIDs))]
		recs, err := r.deadlineChunk(ctx, part)
		if err != nil {
			return nil, fmt.Errorf("store: deadline records: %w", err)
		}
		for _, id := range part {
			if rec, ok := recs[id]; ok {
				out = append(out, *rec)
			}
		}
	}
	return out, nil
}

func (r *LedgerReader) deadlineChunk(ctx context.Context, ids []int64) (map[int64]*ledger.Records, error) {
	q, in := r.db.R(), Placeholders(len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	recs := make(map[int64]*ledger.Records, len(ids))
	steps := []func() error{
		func() error { return deadlinePositions(ctx, q, fmt.Sprintf(deadlinePositionsQuery, in), args, recs) },
		func() error {
			return deadlinePersons(ctx, q, fmt.Sprintf(deadlinePersonsQuery, in), append(args, args...), recs)
		},
		func() error { return deadlineDues(ctx, q, fmt.Sprintf(deadlineDuesQuery, in), args, recs) },
		func() error { return deadlineAllocations(ctx, q, recs) },
		func() error { return deadlineNotices(ctx, q, fmt.Sprintf(deadlineNoticesQuery, in), args, recs) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// eachRow runs query and calls fn on every row.
func eachRow(ctx context.Context, q Querier, query string, args []any, fn func(sc interface{ Scan(...any) error }) error) error {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func deadlinePositions(ctx context.Context, q Querier, query string, args []any, recs map[int64]*ledger.Records) error {
	return eachRow(ctx, q, query, args, func(sc interface{ Scan(...any) error }) error {
		var p ledger.PositionInfo
		var g string
		if err := sc.Scan(&p.ID, &p.Number, &g, &p.Sede); err != nil {
			return err
		}
		p.Gestione = contrib.Gestione(g)
		recs[p.ID] = &ledger.Records{Position: p}
		return nil
	})
}

func deadlinePersons(ctx context.Context, q Querier, query string, args []any, recs map[int64]*ledger.Records) error {
	return eachRow(ctx, q, query, args, func(sc interface{ Scan(...any) error }) error {
		var posID int64
		var p ledger.PersonInfo
		var given, family string
		if err := sc.Scan(&posID, &p.ID, &p.SubjectCode, &given, &family); err != nil {
			return err
		}
		p.Name = given + " " + family
		if rec := recs[posID]; rec != nil {
			rec.Persons = append(rec.Persons, p)
		}
		return nil
	})
}

func deadlineDues(ctx context.Context, q Querier, query string, args []any, recs map[int64]*ledger.Records) error {
	return eachRow(ctx, q, query, args, func(sc interface{ Scan(...any) error }) error {
		d, err := ScanDue(sc)
		if err != nil {
			return err
		}
		if rec := recs[d.PositionID]; rec != nil {
			rec.Dues = append(rec.Dues, d)
		}
		return nil
	})
}

// deadlineAllocations reads the allocations to the dues recs hold, by the
// dues' ids: the dues are not looked for again in every year's partition.
func deadlineAllocations(ctx context.Context, q Querier, recs map[int64]*ledger.Records) error {
	positionOf := map[int64]int64{}
	var ids []int64
	for posID, rec := range recs {
		for _, d := range rec.Dues {
			positionOf[d.ID] = posID
			ids = append(ids, d.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	in, arg, err := payIn(q.Dialect(), "a.due_id", ids)
	if err != nil {
		return err
	}
	return eachRow(ctx, q, fmt.Sprintf(deadlineAllocationsQuery, in), []any{arg}, func(sc interface{ Scan(...any) error }) error {
		a, err := scanReadAllocation(sc)
		if err != nil {
			return err
		}
		rec := recs[positionOf[a.DueID]]
		rec.Allocations = append(rec.Allocations, a)
		return nil
	})
}

func deadlineNotices(ctx context.Context, q Querier, query string, args []any, recs map[int64]*ledger.Records) error {
	return eachRow(ctx, q, query, args, func(sc interface{ Scan(...any) error }) error {
		var posID, capital, sanction int64
		var l ledger.NoticeLink
		var kind string
		if err := sc.Scan(&posID, &l.NoticeID, &kind, &l.Number, &l.IssuedOn, &l.Deadline, &l.ParentID, &l.DueID,
			&capital, &sanction, &l.Settlement); err != nil {
			return err
		}
		l.Kind, l.Capital, l.Sanction = ledger.NoticeKind(kind), moneyOf(capital), moneyOf(sanction)
		if rec := recs[posID]; rec != nil {
			rec.Notices = append(rec.Notices, l)
		}
		return nil
	})
}
