// Package ledger is the contributor's account: dues (what is owed, per
// person, year and kind), payments (F24 sezione INPS lines), allocations of
// payments to dues, incomes, notices (avvisi bonari, avvisi di addebito),
// the documents issued and the events for notifications.
//
// Dues, payments and allocations are append-only records. Every figure the
// portal shows — the situazione debitoria/creditoria, the estratto conto, the
// quote dovute — is computed from them and traceable to them; a correction
// is a new record with a reason, never an edit. Every batch writes records
// with a natural key, so that running it again, or again after a crash,
// adds nothing twice.
package ledger
