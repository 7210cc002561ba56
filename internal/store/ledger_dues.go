package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// dueColumns are the columns InsertDues writes, in order.
const dueColumns = `natural_key, position_id, person_id, subject_code, year, kind, causale, period_from, period_to,
	due_date, amount, maternity, codeline, parent_id, reason, settlement_eligible, created_at`

const dueColumnCount = 17

// dueConflict ends an INSERT of dues: a natural key already stored is
// skipped. No conflict target, so that it reads the same on SQLite (unique
// natural_key) and on PostgreSQL, whose partitioned dues are unique by
// (natural_key, year) — the same thing, since a natural key names its year.
const dueConflict = "ON CONFLICT DO NOTHING"

// InsertDues writes dues in multi-row statements, skipping any whose natural
// key is already stored (ON CONFLICT DO NOTHING on both dialects), and
// returns how many it created. It runs on q: call it inside a transaction
// so that a chunk is written whole or not at all.
func InsertDues(ctx context.Context, q Querier, dues []ledger.Due, now time.Time) (int64, error) {
	if err := checkDues(dues); err != nil {
		return 0, err
	}
	const perStatement = 500 // 500 × 17 parameters stays under SQLite's and PostgreSQL's limits
	var created int64
	for start := 0; start < len(dues); start += perStatement {
		end := min(start+perStatement, len(dues))
		n, err := insertDueRows(ctx, q, dues[start:end], now)
		if err != nil {
			return created, err
		}
		created += n
	}
	return created, nil
}

// checkDues refuses dues whose period is not within their year
// (ledger.Due.PeriodInYear), or whose codeline is not a code of their
// year: reconciliation reads only the dues of the years of a payment's
// period, or of its code.
func checkDues(dues []ledger.Due) error {
	for i := range dues {
		d := &dues[i]
		if !d.PeriodInYear() {
			return fmt.Errorf("store: due %s: its period %s–%s is not within its year %d", d.NaturalKey, d.PeriodFrom, d.PeriodTo, d.Year)
		}
		if d.Codeline == "" {
			continue
		}
		if f, err := codeline.Parse(d.Codeline); err != nil || f.Year != d.Year {
			return fmt.Errorf("store: due %s: its codeline %s is not a code of its year %d", d.NaturalKey, d.Codeline, d.Year)
		}
	}
	return nil
}

func insertDueRows(ctx context.Context, q Querier, dues []ledger.Due, now time.Time) (int64, error) {
	var sb strings.Builder
	sb.WriteString("INSERT INTO dues (" + dueColumns + ") VALUES ")
	row := "(" + Placeholders(dueColumnCount) + ")"
	args := make([]any, 0, len(dues)*dueColumnCount)
	at := timeArg(q.Dialect(), now.UTC())
	for i, d := range dues {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(row)
		var parent any
		if d.ParentID != 0 {
			parent = d.ParentID
		}
		args = append(args, d.NaturalKey, d.PositionID, d.PersonID, d.SubjectCode, d.Year, string(d.Kind), d.Causale,
			d.PeriodFrom.String(), d.PeriodTo.String(), d.DueDate, int64(d.Amount), int64(d.Maternity), d.Codeline,
			parent, d.Reason, d.Settlement, at)
	}
	sb.WriteString(" " + dueConflict)
	res, err := q.Exec(ctx, sb.String(), args...)
	if err != nil {
		return 0, fmt.Errorf("store: insert dues: %w", err)
	}
	return res.RowsAffected()
}

// DueSelect is the column list that ScanDue reads, for queries on dues d.
const DueSelect = `d.id, d.natural_key, d.position_id, d.person_id, d.subject_code, d.year, d.kind, d.causale,
	d.period_from, d.period_to, d.due_date, d.amount, d.maternity, d.codeline, COALESCE(d.parent_id, 0),
	d.reason, d.settlement_eligible, d.created_at`

// ScanDue reads a row selected with DueSelect.
func ScanDue(sc interface{ Scan(...any) error }) (ledger.Due, error) {
	var d ledger.Due
	var kind, from, to string
	var amount, maternity int64
	err := sc.Scan(&d.ID, &d.NaturalKey, &d.PositionID, &d.PersonID, &d.SubjectCode, &d.Year, &kind, &d.Causale,
		&from, &to, &d.DueDate, &amount, &maternity, &d.Codeline, &d.ParentID, &d.Reason, &d.Settlement, &d.CreatedAt)
	if err != nil {
		return d, err
	}
	d.Kind, d.Amount, d.Maternity = ledger.Kind(kind), moneyOf(amount), moneyOf(maternity)
	if d.PeriodFrom, err = contrib.ParseYearMonth(from); err != nil {
		return d, fmt.Errorf("store: due %d period: %w", d.ID, err)
	}
	if d.PeriodTo, err = contrib.ParseYearMonth(to); err != nil {
		return d, fmt.Errorf("store: due %d period: %w", d.ID, err)
	}
	return d, nil
}
