package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cassetto-dev/cassetto/internal/news"
)

// toolQueries are the queries of the news, the calendar feeds, the
// deadlines and the calculator, with example arguments.
func toolQueries() map[string][]any {
	in := Placeholders(3)
	ids := []any{1, 2, 3}
	out := map[string][]any{
		newsAllQuery:              {21, 0},
		calendarFeedOfPersonQuery: {1},
		calendarFeedByHashQuery:   {"h"},
		`SELECT ` + newsColumns + ` FROM news n WHERE n.id = ?`:     {1},
		fmt.Sprintf(deadlinePositionsQuery, in):                     ids,
		fmt.Sprintf(deadlinePersonsQuery, in):                       append(append([]any{}, ids...), ids...),
		fmt.Sprintf(deadlineDuesQuery, in):                          ids,
		fmt.Sprintf(deadlineAllocationsQuery, sqliteIn("a.due_id")): {"[1,2,3]"},
		fmt.Sprintf(deadlineNoticesQuery, in):                       ids,
		fmt.Sprintf(latestIncomesQuery, in):                         append(append([]any{}, ids...), 2026),
	}
	for _, f := range []news.Filter{{}, {Gestione: news.Artigiani}, {Kind: news.Circolare}, {Gestione: news.Commercianti, Kind: news.Messaggio}} {
		q, args := publishedNewsQuery(f)
		out[q] = append(args, 11, 0)
	}
	return out
}

// TestToolQueriesUseIndexes fails when SQLite plans a full scan of a table
// (a scan that walks an index in the order asked for is a bounded page, not
// a full scan) or sorts the news lists in a temporary tree.
func TestToolQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	for query, args := range toolQueries() {
		for _, step := range planSteps(t, db, query, args) {
			fullScan := strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, " USING ") && !strings.HasPrefix(step, "SCAN CONSTANT") &&
				!scansList(step)
			sorted := strings.Contains(query, "FROM news") && strings.Contains(step, "TEMP B-TREE")
			if fullScan || sorted {
				t.Errorf("plan step %q in\n%s", step, query)
			}
		}
	}
}
