package ledger_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// BenchmarkParseAndKeyF24Lines measures the CPU side of an import: reading
// a CSV line, validating it (codice fiscale, codeline check digits, …) and
// computing its line key.
func BenchmarkParseAndKeyF24Lines(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(ledger.F24Header + "\n")
	c := code(b, 1, 113743)
	for i := range 10_000 {
		fmt.Fprintf(&sb, "2025-05-%02d,%s,1300,AF,%s,01/2025,03/2025,%d.%02d,0\n", 1+i%28, testCF, c, 1000+i/100, i%100)
	}
	file := sb.String()
	b.ResetTimer()
	for range b.N {
		r, err := ledger.NewF24Reader(strings.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
		keys := ledger.NewLineKeyer()
		for {
			rec, err := r.Next()
			if err != nil {
				break
			}
			p, err := ledger.ParseF24Line(rec.Line, rec.Fields, false, today)
			if err != nil {
				b.Fatal(err)
			}
			p.LineKey = keys.Key(p)
		}
	}
	b.ReportMetric(float64(10_000*b.N)/b.Elapsed().Seconds(), "lines/s")
}
