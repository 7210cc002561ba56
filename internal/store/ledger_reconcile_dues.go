package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// recOpenDueSelect reads what reconciliation needs of a due d, and what is
// still owed on it (as the situazione counts it): its amount less its
// allocations, plus each of its corrections less the allocations to that
// correction (children by parent_id and year: see capitalColumns).
const recOpenDueSelect = `d.id, d.position_id, d.person_id, d.subject_code, d.year, d.kind, d.causale, d.period_from,
	d.period_to, d.due_date, d.amount, d.codeline, d.settlement_eligible,
	d.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.due_id = d.id), 0)
		+ COALESCE((SELECT SUM(c.amount - COALESCE((SELECT SUM(x.amount) FROM allocations x WHERE x.due_id = c.id), 0))
			FROM dues c WHERE c.parent_id = d.id AND c.year = d.year AND c.kind = 'correction'), 0)`

// recScanOpenDue reads a row of recOpenDueSelect.
func recScanOpenDue(sc interface{ Scan(...any) error }) (ledger.OpenDue, error) {
	var d ledger.OpenDue
	var kind, from, to string
	var amount, residual int64
	err := sc.Scan(&d.ID, &d.PositionID, &d.PersonID, &d.SubjectCode, &d.Year, &kind, &d.Causale, &from, &to,
		&d.DueDate, &amount, &d.Codeline, &d.Settlement, &residual)
	if err != nil {
		return d, fmt.Errorf("store: scan due: %w", err)
	}
	d.Kind, d.Amount, d.Residual = ledger.Kind(kind), moneyOf(amount), moneyOf(residual)
	if d.PeriodFrom, err = contrib.ParseYearMonth(from); err == nil {
		d.PeriodTo, err = contrib.ParseYearMonth(to)
	}
	if err != nil {
		return d, fmt.Errorf("store: due %d period: %w", d.ID, err)
	}
	return d, nil
}

// recDuesByCodeline reads the dues with the codelines given. A due's
// codeline carries its year (checkDues), so the query names the years of
// the codes too: on PostgreSQL it then probes the codeline index of those
// years' partitions only, instead of every year's.
func recDuesByCodeline(ctx context.Context, q Querier, codes []string) ([]ledger.OpenDue, error) {
	if len(codes) == 0 {
		return nil, nil
	}
	cond, arg, err := payIn(q.Dialect(), "d.codeline", codes)
	if err != nil {
		return nil, err
	}
	inYears, years, err := payIn(q.Dialect(), "d.year", codeYears(codes))
	if err != nil {
		return nil, err
	}
	// codeline <> '' lets the planner use the partial index dues_codeline.
	return recScanOpenDues(ctx, q, `SELECT `+recOpenDueSelect+` FROM dues d WHERE `+cond+` AND d.codeline <> '' AND `+inYears,
		arg, years)
}

// codeYears returns the distinct contribution years of codes (those that
// parse; the others name no due).
func codeYears(codes []string) []int64 {
	return payDistinct(codes, func(c string) int64 {
		f, err := codeline.Parse(c)
		if err != nil {
			return 0
		}
		return int64(f.Year)
	})
}

// recByPrefixQuery reads the dues whose codeline begins with one of a list
// of codeline.PrefixLen-digit prefixes: a range of the partial index
// dues_codeline per prefix (every code is digits, so "0000"–"9999" after
// the prefix spans them all). %s is the list: a JSON array through json_each
// on SQLite, an array through unnest on PostgreSQL.
const recByPrefixQuery = `SELECT ` + recOpenDueSelect + ` FROM %s
	JOIN dues d ON d.codeline >= j.prefix || '0000' AND d.codeline <= j.prefix || '9999' AND d.codeline <> ''`

// recDuesByPrefix reads the dues whose codeline begins with one of
// prefixes: those codes re-generated for another amount pay.
func recDuesByPrefix(ctx context.Context, q Querier, prefixes []string) ([]ledger.OpenDue, error) {
	if len(prefixes) == 0 {
		return nil, nil
	}
	if q.Dialect() == Postgres {
		return recScanOpenDues(ctx, q, fmt.Sprintf(recByPrefixQuery, `unnest(?::text[]) AS j(prefix)`), prefixes)
	}
	b, err := json.Marshal(prefixes)
	if err != nil {
		return nil, fmt.Errorf("store: encode list: %w", err)
	}
	return recScanOpenDues(ctx, q, fmt.Sprintf(recByPrefixQuery, `(SELECT value AS prefix FROM json_each(?)) j`), string(b))
}

// recMatch is what a payment to be matched looks for: dues of a person and
// causale whose period overlaps from–to (ISO months). Such a due's year is
// between the years of from and to, since every due's period lies within
// its year (ledger.Due.PeriodInYear): the query reads only those years of
// the person's dues (index dues_person), not the whole history.
type recMatch struct {
	Person           int64
	Causale          string
	From, To         string
	FromYear, ToYear int
}

// recDuesByMatch reads the dues, corrections aside (sanctions included:
// a matched payment pays them after the capital), that one of wanted looks for: one query, the list passed as a JSON array
// on SQLite and as four arrays on PostgreSQL.
func recDuesByMatch(ctx context.Context, q Querier, wanted []recMatch) ([]ledger.OpenDue, error) {
	if len(wanted) == 0 {
		return nil, nil
	}
	const on = ` d.person_id = j.person AND d.year BETWEEN j.yfrom AND j.yto AND d.causale = j.causale
		AND d.period_from <= j.pto AND d.period_to >= j.pfrom AND d.kind <> 'correction'`
	if q.Dialect() == Postgres {
		return recScanOpenDues(ctx, q, `SELECT `+recOpenDueSelect+`
			FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[]) AS j(person, causale, pfrom, pto, yfrom, yto)
			JOIN dues d ON`+on, recMatchArrays(wanted)...)
	}
	rows := make([][6]any, len(wanted))
	for i, w := range wanted {
		rows[i] = [6]any{w.Person, w.Causale, w.From, w.To, w.FromYear, w.ToYear}
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return nil, fmt.Errorf("store: encode list: %w", err)
	}
	return recScanOpenDues(ctx, q, `SELECT `+recOpenDueSelect+`
		FROM (SELECT value ->> 0 AS person, value ->> 1 AS causale, value ->> 2 AS pfrom, value ->> 3 AS pto,
			value ->> 4 AS yfrom, value ->> 5 AS yto FROM json_each(?)) j
		JOIN dues d ON`+on, string(b))
}

// recMatchArrays returns wanted as the six arrays of the PostgreSQL query
// of recDuesByMatch, one per field.
func recMatchArrays(wanted []recMatch) []any {
	n := len(wanted)
	persons, causali, froms, tos, fromYears, toYears := make([]int64, n), make([]string, n), make([]string, n),
		make([]string, n), make([]int32, n), make([]int32, n)
	for i, w := range wanted {
		persons[i], causali[i], froms[i], tos[i] = w.Person, w.Causale, w.From, w.To
		fromYears[i], toYears[i] = int32(w.FromYear), int32(w.ToYear)
	}
	return []any{persons, causali, froms, tos, fromYears, toYears}
}

// recScanOpenDues runs a query of recOpenDueSelect.
func recScanOpenDues(ctx context.Context, q Querier, query string, args ...any) ([]ledger.OpenDue, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("store: dues of payments: %w", err)
	}
	defer rows.Close()
	var out []ledger.OpenDue
	for rows.Next() {
		d, err := recScanOpenDue(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
