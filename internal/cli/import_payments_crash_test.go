package cli_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/batch/batchtest"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestImportPaymentsSurvivesKill9 kills "cassetto import payments" once its
// first chunk is committed, runs it again, and expects exactly the totals
// of a clean run on an identically prepared database.
func TestImportPaymentsSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := batchtest.Binary(t)
	crashed, clean := payDB(t, 1500), payDB(t, 1500)
	file := payFile(t, crashed, 12_000, false)
	env := func(url string) []string { return []string{"CASSETTO_DATABASE_URL=" + url} }
	args := []string{"import", "payments", file, "--chunk", "200"}

	db, err := store.Open(context.Background(), crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	batchtest.KillWhen(t, bin, env(crashed), func() bool {
		var n int64
		err := db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM payments`).Scan(&n)
		return err == nil && n > 0
	}, args...)
	half := readPayTotals(t, crashed)
	if half.Payments == 0 || half.Payments >= 11_000 || half.Unreconciled != 0 {
		t.Fatalf("after the kill: %+v; want some whole chunks, all reconciled", half)
	}
	batchtest.Run(t, bin, env(crashed), args...)
	batchtest.Run(t, bin, env(clean), args...)
	if got, want := readPayTotals(t, crashed), readPayTotals(t, clean); got != want {
		t.Fatalf("killed and re-run: %+v\nclean run:          %+v", got, want)
	}
}
