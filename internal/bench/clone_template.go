package bench

import (
	"context"
	"fmt"
	"strings"

	"github.com/cassetto-dev/cassetto/internal/store"
)

// Position numbers: the fixed identities' are below randomNumbers, the
// random positions' from it (internal/demo/numbers.go); all have 8 digits.
const (
	randomNumbers = 20_000_000
	maxNumber     = 99_999_999
	// noticeSeqMax is the largest sequence of a notice number (7 digits).
	noticeSeqMax = 9_999_999
)

// template is what the copies of a template need to know about it: its
// size, the largest id of each table, the ranges of its position numbers
// and the columns of each table.
type template struct {
	positions        int64
	maxID            map[string]int64 // per table with an id column
	fixedLo, fixedHi int64            // position numbers below randomNumbers (0, 0 when none)
	randLo, randHi   int64            // position numbers from randomNumbers (0, 0 when none)
	noticeSeq        int64            // the largest sequence of a notice number
	cols             map[string][]string
	dialect          store.Dialect
}

// readTemplate reads the template: the database as the seed and the
// history left it.
func readTemplate(ctx context.Context, db *store.DB) (*template, error) {
	tp := &template{maxID: map[string]int64{}, cols: map[string][]string{}, dialect: db.Dialect}
	r := db.R()
	err := r.QueryRow(ctx, `SELECT COUNT(*),
		COALESCE(MIN(CASE WHEN number < '20000000' THEN CAST(number AS BIGINT) END), 0),
		COALESCE(MAX(CASE WHEN number < '20000000' THEN CAST(number AS BIGINT) END), 0),
		COALESCE(MIN(CASE WHEN number >= '20000000' THEN CAST(number AS BIGINT) END), 0),
		COALESCE(MAX(CASE WHEN number >= '20000000' THEN CAST(number AS BIGINT) END), 0) FROM positions`).
		Scan(&tp.positions, &tp.fixedLo, &tp.fixedHi, &tp.randLo, &tp.randHi)
	if err != nil {
		return nil, fmt.Errorf("clone: template positions: %w", err)
	}
	if tp.positions == 0 {
		return nil, fmt.Errorf("clone: the template has no positions")
	}
	err = r.QueryRow(ctx, `SELECT COALESCE(MAX(CAST(substr(number, length(number) - 6) AS BIGINT)), 0) FROM notices`).
		Scan(&tp.noticeSeq)
	if err != nil {
		return nil, fmt.Errorf("clone: template notice numbers: %w", err)
	}
	for _, t := range clonedTables {
		if err := tp.readTable(ctx, db, t); err != nil {
			return nil, err
		}
	}
	return tp, nil
}

// readTable reads the columns of t and, when it has an id, its largest.
func (tp *template) readTable(ctx context.Context, db *store.DB, t string) error {
	q := "SELECT name FROM pragma_table_info(?) ORDER BY cid"
	if db.Dialect == store.Postgres {
		q = `SELECT column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`
	}
	rows, err := db.R().Query(ctx, q, t)
	if err != nil {
		return fmt.Errorf("clone: columns of %s: %w", t, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return fmt.Errorf("clone: columns of %s: %w", t, err)
		}
		tp.cols[t] = append(tp.cols[t], c)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("clone: columns of %s: %w", t, err)
	}
	if len(tp.cols[t]) == 0 {
		return fmt.Errorf("clone: table %s has no columns", t)
	}
	if !tableHasID(t) {
		return nil
	}
	var m int64
	if err := db.R().QueryRow(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+t).Scan(&m); err != nil {
		return fmt.Errorf("clone: largest id of %s: %w", t, err)
	}
	tp.maxID[t] = m
	return nil
}

// checkRanges fails when b copies would leave the formats: 8-digit
// position numbers (the fixed ones below the random ones), the codici
// fiscali the person ids encode, 7-digit notice sequences.
func (tp *template) checkRanges(b int64) error {
	var bad []string
	if tp.fixedHi > 0 && tp.fixedHi+b*span(tp.fixedLo, tp.fixedHi) >= randomNumbers {
		bad = append(bad, "fixed position numbers")
	}
	if tp.randHi > 0 && tp.randHi+b*span(tp.randLo, tp.randHi) > maxNumber {
		bad = append(bad, "random position numbers")
	}
	if (b+1)*(tp.maxID["persons"]+1) > cfCapacity {
		bad = append(bad, "codici fiscali")
	}
	if tp.noticeSeq+b*(tp.noticeSeq+1) > noticeSeqMax {
		bad = append(bad, "notice numbers")
	}
	if len(bad) > 0 {
		return fmt.Errorf("clone: %d copies of the template overflow the %s", b, strings.Join(bad, ", "))
	}
	return nil
}

// span is the width of the number range lo–hi.
func span(lo, hi int64) int64 { return hi - lo + 1 }

// block returns the k-th copy; cut is the last template position it
// copies (the largest id for a whole copy).
func (tp *template) block(k, cut int64) cloneBlock {
	b := cloneBlock{k: k, off: map[string]int64{}, maxID: tp.maxID, partial: cut < tp.maxID["positions"], cut: cut,
		fixedShift: k * span(tp.fixedLo, tp.fixedHi), randShift: k * span(tp.randLo, tp.randHi),
		noticeShift: k * (tp.noticeSeq + 1), fixedLo: tp.fixedLo, fixedHi: tp.fixedHi, randLo: tp.randLo, randHi: tp.randHi}
	for t, m := range tp.maxID {
		b.off[t] = k * (m + 1)
	}
	return b
}

// insert is the INSERT … SELECT of table ct for block b.
func (tp *template) insert(ct cloneTable, b cloneBlock) string {
	cols := tp.cols[ct.name]
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = c
		if e, ok := ct.cols[c]; ok {
			exprs[i] = e
		}
	}
	where := ct.bound
	if b.partial {
		where += " AND " + ct.partial
	}
	return fmt.Sprintf("INSERT INTO %s (%s) SELECT %s FROM %s WHERE %s", ct.name, strings.Join(cols, ", "),
		strings.Join(exprs, ", "), ct.name, where)
}
