package store

import (
	"context"
	"strings"
)

// insertReturningIDs runs a multi-row INSERT returning (natural_key, id).
func insertReturningIDs(ctx context.Context, q Querier, head string, rows [][]any, tail string) (map[string]int64, error) {
	query, args := multiRow(head, rows, tail)
	res, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	ids := make(map[string]int64, len(rows))
	for res.Next() {
		var key string
		var id int64
		if err := res.Scan(&key, &id); err != nil {
			return nil, err
		}
		ids[key] = id
	}
	return ids, res.Err()
}

// multiRow builds "head (?, …), (?, …) tail" for rows.
func multiRow(head string, rows [][]any, tail string) (string, []any) {
	var sb strings.Builder
	sb.WriteString(head)
	var args []any
	for i, r := range rows {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("(" + Placeholders(len(r)) + ")")
		args = append(args, r...)
	}
	sb.WriteString(tail)
	return sb.String(), args
}

// execRows runs head (rows) tail in statements of at most maxRowsPerInsert
// rows and returns the rows affected.
func execRows(ctx context.Context, q Querier, head string, rows [][]any, tail string) (int64, error) {
	var n int64
	for start := 0; start < len(rows); start += maxRowsPerInsert {
		query, args := multiRow(head, rows[start:min(start+maxRowsPerInsert, len(rows))], tail)
		res, err := q.Exec(ctx, query, args...)
		if err != nil {
			return n, err
		}
		k, err := res.RowsAffected()
		if err != nil {
			return n, err
		}
		n += k
	}
	return n, nil
}
