// Package deadlines lists the upcoming deadlines of positions (M12): the
// fixed rates, the saldo and acconti of the contribution above the minimale
// and the deadlines of avvisi bonari and di addebito, each with what is
// still owed, computed from the ledger's situazione. It also writes them as
// an iCalendar (RFC 5545) feed.
package deadlines
