// Package cases is the two-way channel between a contributor (or the
// intermediary he delegated with scope full) and the office: a case
// (pratica) opened on a position with a topic, a subject, a text and safe
// zip attachments. It gets a protocol number per office and year, gapless,
// goes to the office competent for the position (or to the office a routing
// rule names for its topic), and moves aperta → in carico → chiusa; every
// change by staff carries a comment, closing an esito and a text; the
// requester may reopen a closed case within a configured number of days.
// Staff may also put a case in attesa del contribuente with a question to
// the requester (notified as case.waiting); his answer takes it back in
// charge by itself (a change entry after his message), or staff do it by
// hand; a case in attesa may be closed.
//
// The service-level clock (clock.go) counts calendar days from the
// opening, less the time in attesa and the time closed before a
// reopening; it is kept in the case's own columns, updated in the
// transaction of each change, so the office's queue sorts by it.
// Messages are kept for good; internal notes are never shown to the
// contributor. Every change is audited and written to the events outbox in
// the transaction of the change.
//
// The office may also open a case itself (Kind Communication, M33): a
// communication to a position, with the office's protocol, in charge of
// its author, which the contributor reads and answers like any case.
//
// A case has a Kind and a typed Payload, so the typed requests (istanze:
// instalments, refunds, reductions) of a later issue ride on the same
// protocol, routing, states, thread and attachments.
package cases
