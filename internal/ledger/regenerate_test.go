package ledger_test

import (
	"testing"

	"github.com/cassetto-dev/cassetto/internal/contrib/codeline"
	"github.com/cassetto-dev/cassetto/internal/ledger"
	"github.com/cassetto-dev/cassetto/internal/money"
)

func TestRegenerateTakesTheNextSequenceAndVerifiesForTheNewAmount(t *testing.T) {
	code, err := codeline.Make(codeline.Fields{Position: 12345678, Subject: 10, Rata: 2, Year: 2025, Seq: 1}, "1300", 113743)
	if err != nil {
		t.Fatal(err)
	}
	d := ledger.Due{ID: 7, Codeline: code, Amount: 113743}
	got, err := ledger.Regenerate(d, "1300", 50000)
	if err != nil {
		t.Fatal(err)
	}
	f, err := codeline.Verify(got, "1300", 50000)
	if err != nil {
		t.Fatalf("regenerated code %s does not verify for 500.00: %v", got, err)
	}
	if f.Seq != 2 || f.Rata != 2 || f.Position != 12345678 || f.Year != 2025 {
		t.Errorf("fields %+v, want the rate's fields with sequence 2", f)
	}
	if _, err := codeline.Verify(got, "1300", 113743); err == nil {
		t.Error("the regenerated code also verifies for the whole rate")
	}
	same, err := ledger.Regenerate(d, "1300", 113799)
	if err != nil || same != code {
		t.Errorf("same whole euros: got %s, %v; want the rate's own code %s", same, err, code)
	}
	for _, bad := range []money.Cents{0, -5} {
		if _, err := ledger.Regenerate(d, "1300", bad); err == nil {
			t.Errorf("amount %d accepted", bad)
		}
	}
	if _, err := ledger.Regenerate(ledger.Due{ID: 8}, "1300", 100); err == nil {
		t.Error("a due without codeline was regenerated")
	}
}
