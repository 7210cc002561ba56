// Package association holds the rules of the deleghe indirette: a trade
// association (an intermediary of kind associazione di categoria) registers
// delegations for its members' positions with the signed mandate, keeps a
// list of its staff, and assigns its delegations to them. A staff member
// acts under an assigned delegation of his association; removing him, the
// assignment or the delegation ends his access at once (the store's access
// facts read the current rows on every request).
package association
