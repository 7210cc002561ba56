package contrib

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

func TestDayNumbersAgreeWithTheTimePackage(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	for range 100_000 {
		tm := time.Unix(r.Int64N(2*253402300799)-253402300799/2, 0).UTC()
		d := civil.Date{Year: tm.Year(), Month: tm.Month(), Day: tm.Day()}
		want := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400
		if got := dayNumber(d); got != want {
			t.Fatalf("dayNumber(%v) = %d, want %d", d, got, want)
		}
		if back := fromDayNumber(want); back != d {
			t.Fatalf("fromDayNumber(%d) = %v, want %v", want, back, d)
		}
		if w := weekday(d); w != tm.Weekday() {
			t.Fatalf("weekday(%v) = %v, want %v", d, w, tm.Weekday())
		}
	}
}
