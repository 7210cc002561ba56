package store

import (
	"encoding/json"
	"fmt"
)

// payIn returns the condition "col is one of values" and its one argument,
// however many the values: on SQLite col IN (SELECT value FROM json_each(?))
// with a JSON array, on PostgreSQL col = ANY(?) with an array. values is a
// []string or an []int64.
func payIn(d Dialect, col string, values any) (string, any, error) {
	if d == Postgres {
		return col + " = ANY(?)", values, nil
	}
	b, err := json.Marshal(values)
	if err != nil {
		return "", nil, fmt.Errorf("store: encode list: %w", err)
	}
	return col + " IN (SELECT value FROM json_each(?))", string(b), nil
}

// payDistinct returns the distinct non-zero values key gives for items, in
// first-seen order.
func payDistinct[T any, K comparable](items []T, key func(T) K) []K {
	var zero K
	seen := make(map[K]bool, len(items))
	out := make([]K, 0, len(items))
	for _, it := range items {
		k := key(it)
		if k == zero || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}
