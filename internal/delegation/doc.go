// Package delegation is the lifecycle of a delegation (delega) from a
// titolare to an intermediary: the titolare grants it on the portal, or an
// office registers one received on paper; the intermediary accepts or
// rejects the invitation; either side ends it (revoked by the titolare,
// renounced by the intermediary); invitations and fixed-term delegations
// expire. The rules are pure functions over a Delegation (rules.go); the
// Service applies them through a Store that writes, in one transaction, the
// new state, a history row, an audit entry and an event for notifications.
//
// Expiry needs no batch: it is evaluated whenever a delegation is read
// (Effective) and recorded the first time the Service touches it.
package delegation
