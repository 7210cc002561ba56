package cli_test

import (
	"context"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/batch/batchtest"
	"github.com/cassetto-dev/cassetto/internal/store"
)

// TestNoticesSurviveKill9 kills "cassetto notices" once its first chunk
// of notices is committed, runs it again, and expects exactly what a clean
// run writes on an identically prepared database: the same notices with
// the same numbers, items, sanctions, documents and events.
func TestNoticesSurviveKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	const positions = 20_000
	bin := batchtest.Binary(t)
	crashed, clean := noticesDB(t, positions), noticesDB(t, positions)
	env := func(url string) []string { return []string{"CASSETTO_DATABASE_URL=" + url} }
	args := []string{"notices", "--as-of", asOfDay.String(), "--chunk", "200"}

	db, err := store.Open(context.Background(), crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	batchtest.KillWhen(t, bin, env(crashed), func() bool {
		var n int64
		err := db.R().QueryRow(context.Background(), `SELECT COUNT(*) FROM notices`).Scan(&n)
		return err == nil && n > 0
	}, args...)
	half := readNoticesTotals(t, crashed)
	if half.Notices == 0 || half.Notices >= positions || half.Documents != half.Notices || half.Events != half.Notices {
		t.Fatalf("after the kill: %+v; want some whole chunks", half)
	}
	batchtest.Run(t, bin, env(crashed), args...)
	batchtest.Run(t, bin, env(clean), args...)
	got, want := readNoticesTotals(t, crashed), readNoticesTotals(t, clean)
	if got != want {
		t.Fatalf("killed and re-run: %d notices, %d items, %d sanctions, capital %d, charged %d\nclean run:          %d notices, %d items, %d sanctions, capital %d, charged %d",
			got.Notices, got.Items, got.Sanctions, got.Capital, got.Charged, want.Notices, want.Items, want.Sanctions, want.Capital, want.Charged)
	}
	if want.Notices < positions || want.Items != 3*want.Notices || want.Charged != want.SanctionDues || want.Charged != want.ItemsSanctions {
		t.Fatalf("clean run: %+v", want)
	}
}
