package store

import (
	"strings"
	"testing"
)

// TestNotificationQueriesUseIndexes fails when SQLite plans a full scan for
// the unread counts (the header's with the session, the dashboard's with
// the position), the list, the outbox or the delivery queue.
func TestNotificationQueriesUseIndexes(t *testing.T) {
	db := planDB(t)
	queries := map[string][]any{
		notifyUnreadQuery:     {1},
		sessionQuery:          {"token"},
		pagePositionQuery:     {1, "10000001"},
		notifyInboxQuery:      {1, 100},
		pendingEventsQuery:    {20},
		dueDeliveriesQuery(2): {"email", "sms", "2026-01-01", "2026-01-01", 20},
	}
	for query, args := range queries {
		for _, step := range planSteps(t, db, query, args) {
			if strings.HasPrefix(step, "SCAN ") && !strings.Contains(step, " USING ") {
				t.Errorf("plan step %q in\n%s", step, query)
			}
		}
	}
}
