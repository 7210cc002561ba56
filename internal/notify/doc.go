// Package notify delivers the events of the transactional outbox (the
// events table) to the people they concern: the titolare of the position
// and the intermediaries with an active delegation on it. A Worker claims
// pending events in small batches, resolves the recipients and their
// preferences, renders the messages in each recipient's language and
// records, in one transaction per event, an in-app notification per
// recipient and a delivery per recipient and channel. It then sends the
// deliveries that are due (e-mail by SMTP, SMS through an HTTP gateway) with
// retries and exponential backoff, until a delivery is sent or "dead".
//
// Crash safety: a delivery is claimed with a lease before it is sent and
// recorded as sent afterwards. A crash between the send and the record
// leaves the lease to expire, and the delivery is sent again: a message may
// arrive twice in that case (its Message-ID stays the same, so mail
// programs can drop the copy), but it is never lost.
package notify
