package store

import (
	"sync"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// payRegistry remembers what payResolve found in the registry during an
// import, so that each codice fiscale and position is looked up once, not
// once per chunk. Positive answers only: a codice fiscale or number not
// found is looked up again (it may be registered meanwhile). Each map is
// emptied when it reaches payRegistryMax entries.
type payRegistry struct {
	mu       sync.Mutex
	persons  map[string]int64
	byNumber map[string]ledger.PayerPosition
	ofPerson map[int64][]ledger.PayerPosition
}

// payRegistryMax bounds each map of payRegistry.
const payRegistryMax = 1 << 21

func newPayRegistry() *payRegistry {
	return &payRegistry{persons: map[string]int64{}, byNumber: map[string]ledger.PayerPosition{},
		ofPerson: map[int64][]ledger.PayerPosition{}}
}

// payMissing returns the distinct non-zero keys of items that known lacks.
func payMissing[T any, K comparable, V any](items []T, key func(T) K, known map[K]V) []K {
	keys := payDistinct(items, key)
	out := keys[:0]
	for _, k := range keys {
		if _, ok := known[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}

// payBounded empties m when it holds payRegistryMax entries, and returns it.
func payBounded[K comparable, V any](m map[K]V) map[K]V {
	if len(m) >= payRegistryMax {
		clear(m)
	}
	return m
}
