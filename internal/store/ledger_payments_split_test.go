package store_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/civil"
	"github.com/cassetto-dev/cassetto/internal/contrib"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/ledger/paymentgen"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestTwoWritersWriteWhatOneWrites: on PostgreSQL a large chunk of the
// payments import is written by two writers at once. The same file
// imported into two identical databases, once with two writers and once
// with one, leaves the same payments, allocations, sanctions and ledger
// versions, and the same counts.
func TestTwoWritersWriteWhatOneWrites(t *testing.T) {
	ctx := context.Background()
	one, two := payGenDB(t, 7, 300), payGenDB(t, 7, 300)
	if one.Dialect != store.Postgres {
		t.Skip("two writers are PostgreSQL's")
	}
	var file bytes.Buffer
	if _, err := paymentgen.Write(ctx, one, &file, paymentgen.Options{Lines: 2500, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	imp := func(db *store.DB, splitFrom int) (ledger.ImportResult, int) {
		w := store.NewPayments(db, ledger.Reconciler{Params: contrib.Default()}, payClock)
		w.SplitFrom(splitFrom)
		r, err := ledger.NewF24Reader(bytes.NewReader(file.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		res, err := ledger.ImportPayments(ctx, r, w, ledger.ImportOptions{Source: "split.csv", Chunk: 1000,
			Today: civil.MustParse("2026-11-01")})
		if err != nil {
			t.Fatal(err)
		}
		return res, w.Splits()
	}
	resOne, splitsOne := imp(one, 1<<30)
	resTwo, splitsTwo := imp(two, 1)
	if splitsOne != 0 || splitsTwo < 2 {
		t.Fatalf("chunks written by two writers: %d with one writer asked, %d with two", splitsOne, splitsTwo)
	}
	if resOne != resTwo {
		t.Errorf("import with one writer %+v, with two %+v", resOne, resTwo)
	}
	if resTwo.Reconcile.Sanctions == 0 || resTwo.Reconcile.ByMatchCount == 0 || resTwo.Reconcile.CreditCount == 0 {
		t.Fatalf("the file lacks late, matched or overpaid lines: %+v", resTwo.Reconcile)
	}
	for _, q := range splitFingerprints {
		a, b := splitRows(t, one, q), splitRows(t, two, q)
		if !slices.Equal(a, b) {
			t.Errorf("%s\n%d rows with one writer, %d with two; first difference: %s", q, len(a), len(b), splitFirstDiff(a, b))
		}
	}
}

// splitFingerprints read what an import leaves, in an order that does not
// depend on which writer wrote a row.
var splitFingerprints = []string{
	`SELECT line_key, COALESCE(person_id, 0), COALESCE(position_id, 0), debit, reconciled_at IS NOT NULL FROM payments ORDER BY line_key`,
	`SELECT p.line_key, d.natural_key, a.amount, a.method FROM allocations a JOIN payments p ON p.id = a.payment_id
		JOIN dues d ON d.id = a.due_id ORDER BY 1, 2, 3`,
	`SELECT s.natural_key, s.amount, s.reason, d.natural_key FROM dues s JOIN dues d ON d.id = s.parent_id
		WHERE s.kind = 'sanction' ORDER BY 1`,
	`SELECT position_id, version FROM ledger_versions ORDER BY 1`,
}

// splitRows returns the rows of q, each as one string.
func splitRows(t *testing.T, db *store.DB, q string) []string {
	t.Helper()
	rows, err := db.R().Query(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.TrimSpace(fmt.Sprintln(vals...)))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func splitFirstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " ≠ " + b[i]
		}
	}
	return "one is a prefix of the other"
}
