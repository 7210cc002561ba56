// Package workspace is the intermediary's workspace: every position
// delegated to him now, each with the figures of its situazione (debt and
// the overdue part), its next deadline, its open notices and its unread
// communications, filtered, searched, sorted and paged. The figures come
// from the same ledger read models as the position's own pages
// (ledger.NewSituation, deadlines.Upcoming, ledger.NoticeSummaries), so
// the workspace and a client's dashboard cannot disagree. Records are read
// for all the clients at once (store.LedgerReader.DeadlineRecords: a fixed
// number of indexed queries per 500 positions).
package workspace
