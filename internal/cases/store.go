package cases

import (
	"context"
	"time"
)

// Store is the storage the cases need (store.Cases).
type Store interface {
	// Topics returns the active topics with their sub-topics, in order.
	Topics(ctx context.Context) ([]Topic, error)
	// RouteOf returns the office a routing rule names for topic, "" when none.
	RouteOf(ctx context.Context, topic string) (string, error)
	// Create gives c its protocol (the next number of its office and year,
	// in the same transaction), stores it with its first message and that
	// message's attachments, the audit entry and one event:
	// case.registered for a request (its routing is part of it;
	// case.routed is only written on a transfer), case.office_message for a
	// communication of the office. It fills c.ID, c.Protocol and m.ID.
	Create(ctx context.Context, c *Case, m *Message) error
	// Apply stores a change of c (its state, assignee, office, esito and
	// times as u.Case says), with its thread entry, audit entry and event,
	// when the case is still in u.From at office u.FromOffice;
	// errs.Conflict otherwise.
	Apply(ctx context.Context, u Update) error
	// Get returns a case; errs.NotFound when there is none.
	Get(ctx context.Context, id int64) (Case, error)
	// Thread returns the case's entries, oldest first, with attachments;
	// internal notes only when withNotes.
	Thread(ctx context.Context, caseID int64, withNotes bool) ([]Message, error)
	// Attachment returns an attachment of a case; errs.NotFound when the
	// case has none with that id, or it belongs to a note and !withNotes.
	Attachment(ctx context.Context, caseID, id int64, withNotes bool) (Attachment, error)
	// List returns a page of cases matching f and the total count.
	List(ctx context.Context, f Filter) ([]Case, int, error)
}

// Update is one change of a case.
type Update struct {
	Case        Case   // the case after the change
	From        State  // the state the change starts from
	FromOffice  string // the office the case is at before the change
	Message     Message
	Extra       []Message // entries written after Message: the state change a requester's answer makes
	Event       string    // the event kind for the outbox; "" for none (internal notes)
	AuditDetail string
}

// Filter selects cases for the history and the office's queue; zero
// fields match everything.
type Filter struct {
	PositionID   int64
	OfficeCode   string
	Text         string // in the subject or the protocol
	State        State
	Topic        string
	AssigneeID   int64 // -1: nobody
	OpenedFrom   time.Time
	OpenedTo     time.Time // exclusive
	UpdatedFrom  time.Time
	UpdatedTo    time.Time // exclusive
	OpenedBefore time.Time // age: opened before this instant
	Sort         string    // opened, -opened, updated, -updated, protocol, -protocol, state; the queue also -clock, clock, reply
	Now          time.Time // the instant the clock sorts are computed at
	Offset       int
	Limit        int
}

// Sorts are the accepted sort keys.
var Sorts = []string{"-updated", "updated", "-opened", "opened", "protocol", "-protocol", "state"}

// QueueSorts are the office queue's sort keys: by opening, by the
// service-level clock (longest first, or shortest), by the last reply
// (the longest silence first), by last update.
var QueueSorts = []string{"opened", "-opened", "-clock", "clock", "reply", "-updated"}
