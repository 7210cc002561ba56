package ledger_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// memoryWriter stores payments by line key, as the database does.
type memoryWriter struct {
	keys   map[string]bool
	chunks []int
}

func (w *memoryWriter) WritePayments(_ context.Context, chunk []ledger.Payment) (ledger.ChunkResult, error) {
	w.chunks = append(w.chunks, len(chunk))
	var r ledger.ChunkResult
	for _, p := range chunk {
		if w.keys[p.LineKey] {
			r.Skipped++
			continue
		}
		w.keys[p.LineKey] = true
		r.Created++
		r.Amount += p.Debit
	}
	return r, nil
}

func importFile(t *testing.T, w *memoryWriter, file string, chunk int) (ledger.ImportResult, []ledger.PaymentLineError) {
	t.Helper()
	r, err := ledger.NewF24Reader(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	var rejects []ledger.PaymentLineError
	res, err := ledger.ImportPayments(context.Background(), r, w, ledger.ImportOptions{Source: "f.csv", Chunk: chunk, Today: today,
		Reject: func(le ledger.PaymentLineError) { rejects = append(rejects, le) }})
	if err != nil {
		t.Fatal(err)
	}
	return res, rejects
}

func TestImportPaymentsChunksRejectsAndSkipsWhatIsThere(t *testing.T) {
	c := code(t, 1, 113743)
	line := func(amount string) string {
		return fmt.Sprintf("2025-05-16,%s,1300,AF,%s,01/2025,03/2025,%s,0\n", testCF, c, amount)
	}
	file := ledger.F24Header + "\n" + line("1137.43") + line("1137.43") + line("bad") + line("10.00") + line("11.00")
	w := &memoryWriter{keys: map[string]bool{}}
	res, rejects := importFile(t, w, file, 2)
	if res.Read != 5 || res.Created != 4 || res.Skipped != 0 || res.Rejected != 1 || res.Amount != 113743*2+1000+1100 {
		t.Fatalf("first import %+v", res)
	}
	if len(rejects) != 1 || rejects[0].Line != 4 || rejects[0].Field != "importo_debito" {
		t.Fatalf("rejects %+v", rejects)
	}
	if fmt.Sprint(w.chunks) != "[2 1 1]" {
		t.Fatalf("chunks %v, want lines in chunks of 2 (a refused line takes its place)", w.chunks)
	}
	res, _ = importFile(t, w, file+line("12.00"), 100)
	if res.Created != 1 || res.Skipped != 4 || res.Amount != 1200 {
		t.Fatalf("overlapping import %+v, want only the new line", res)
	}
}
