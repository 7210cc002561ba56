package bench

import (
	"fmt"
	"slices"
)

// clonedTables are the tables a copy of the template writes, parents
// first: the registry, the ledger and the documents the pages read.
// Sessions, the audit log, events and notifications, caught mail, seed
// runs, staff, offices, news and cases keep the template's rows only.
var clonedTables = []string{"persons", "positions", "members", "contacts", "intermediaries", "delegations",
	"incomes", "dues", "payments", "allocations", "notices", "notice_items", "documents"}

// tableHasID reports whether t has an id primary key (the other two are
// keyed by their parents).
func tableHasID(t string) bool {
	return !slices.Contains([]string{"intermediaries", "notice_items"}, t)
}

// cloneBlock is one copy of the template: block k adds k × (largest id + 1)
// to every id of each table and to every reference to it.
type cloneBlock struct {
	k           int64
	off         map[string]int64 // per table
	maxID       map[string]int64 // the template's largest ids
	partial     bool             // only the template positions up to cut
	cut         int64
	fixedShift  int64 // added to the fixed positions' numbers
	randShift   int64 // added to the random positions' numbers
	noticeShift int64 // added to the sequence of notice numbers
	fixedLo     int64 // the template's range of fixed position numbers
	fixedHi     int64
	randLo      int64 // the template's range of random position numbers
	randHi      int64
}

// cloneTable is the copy of one table: the expressions of the columns
// that change (the others are copied as they are), the bound that selects
// the template's rows, and the filter of a partial copy.
type cloneTable struct {
	name    string
	cols    map[string]string
	bound   string
	partial string
}

// cloneTables returns the copy of every table of clonedTables for b.
func cloneTables(b cloneBlock) []cloneTable {
	persons := fmt.Sprintf(`(SELECT titolare_id FROM positions WHERE id <= %[1]d
		UNION SELECT person_id FROM members WHERE position_id <= %[1]d
		UNION SELECT intermediary_id FROM delegations WHERE position_id <= %[1]d)`, b.cut)
	pos := fmt.Sprintf("position_id <= %d", b.cut)
	payments := fmt.Sprintf("(position_id <= %d OR position_id IS NULL AND person_id IS NOT NULL) AND (person_id IS NULL OR person_id IN %s)",
		b.cut, persons)
	dues := fmt.Sprintf("due_id IN (SELECT id FROM dues WHERE %s)", pos)
	return []cloneTable{
		{"persons", map[string]string{"id": b.id("id", "persons"),
			"codice_fiscale": cfExpr("codice_fiscale", b.id("id", "persons"))}, b.bound("id", "persons"), "id IN " + persons},
		{"positions", map[string]string{"id": b.id("id", "positions"), "number": b.number("number"),
			"titolare_id": b.id("titolare_id", "persons")}, b.bound("id", "positions"), fmt.Sprintf("id <= %d", b.cut)},
		{"members", b.ids("id", "members", "position_id", "positions", "person_id", "persons"), b.bound("id", "members"), pos},
		{"contacts", b.ids("id", "contacts", "person_id", "persons"), b.bound("id", "contacts"), "person_id IN " + persons},
		{"intermediaries", b.ids("person_id", "persons"), b.bound("person_id", "persons"), "person_id IN " + persons},
		{"delegations", b.ids("id", "delegations", "position_id", "positions", "intermediary_id", "persons"),
			b.bound("id", "delegations"), pos},
		{"incomes", b.ids("id", "incomes", "person_id", "persons"), b.bound("id", "incomes"), "person_id IN " + persons},
		{"dues", b.with(b.ids("id", "dues", "position_id", "positions", "person_id", "persons", "parent_id", "dues"),
			"natural_key", b.suffix("natural_key"), "codeline", b.codeline("codeline")), b.bound("id", "dues"), pos},
		{"payments", b.with(b.ids("id", "payments", "position_id", "positions", "person_id", "persons"),
			"line_key", b.suffix("line_key"), "codice_inps", b.codeline("codice_inps"),
			"codice_fiscale", fmt.Sprintf("CASE WHEN person_id IS NULL THEN codice_fiscale ELSE %s END",
				cfExpr("codice_fiscale", b.id("person_id", "persons")))), b.bound("id", "payments"), payments},
		{"allocations", b.ids("id", "allocations", "payment_id", "payments", "due_id", "dues"), b.bound("id", "allocations"),
			dues + " AND payment_id IN (SELECT id FROM payments WHERE " + payments + ")"},
		{"notices", b.with(b.ids("id", "notices", "position_id", "positions", "parent_id", "notices"),
			"natural_key", b.suffix("natural_key"), "number", b.noticeNumber("number")), b.bound("id", "notices"), pos},
		{"notice_items", b.ids("notice_id", "notices", "due_id", "dues"), b.bound("notice_id", "notices"),
			dues + fmt.Sprintf(" AND notice_id IN (SELECT id FROM notices WHERE %s)", pos)},
		{"documents", b.with(b.ids("id", "documents", "position_id", "positions"), "natural_key", b.suffix("natural_key"),
			// the notices batch writes every document: ref_id is its notice
			"ref_id", fmt.Sprintf("CASE WHEN ref_id > 0 THEN %s ELSE ref_id END", b.id("ref_id", "notices"))),
			b.bound("id", "documents"), pos},
	}
}

// id is column col, an id of table t, moved to the block.
func (b cloneBlock) id(col, t string) string { return fmt.Sprintf("%s + %d", col, b.off[t]) }

// ids maps pairs of column and table to their moved ids.
func (b cloneBlock) ids(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = b.id(pairs[i], pairs[i+1])
	}
	return m
}

// with adds pairs of column and expression to m.
func (b cloneBlock) with(m map[string]string, pairs ...string) map[string]string {
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// bound selects the template's rows: col, an id of t, at most its largest.
func (b cloneBlock) bound(col, t string) string { return fmt.Sprintf("%s <= %d", col, b.maxID[t]) }

// suffix keeps a unique text key unique: the block's number appended.
func (b cloneBlock) suffix(col string) string { return fmt.Sprintf("%s || '#%d'", col, b.k) }
