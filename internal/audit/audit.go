// Package audit is the append-only access log: every read or change of a
// position's data by anyone but its titolare is recorded with who, acting as
// whom, which position, what, when and from which address. The titolare
// reads the entries of his positions; staff search them.
package audit

import (
	"context"
	"time"
)

// Entry is one record of the access log.
type Entry struct {
	ID             int64
	At             time.Time
	ActorKind      string // citizen or staff
	ActorID        int64  // person id or staff id
	ActorLabel     string // name and codice fiscale or username, as shown to the titolare
	ActingAs       string // intermediary, collaboratore, operator, admin
	PositionID     int64
	PositionNumber string // filled by reads
	Action         string // the route's action, e.g. position.view
	Detail         string // what was read or changed, e.g. "anagrafica"
	IP             string
}

// Filter selects entries for staff searches; zero fields match everything.
type Filter struct {
	PositionNumber string
	OfficeCode     string // only positions of this office (an operator's searches)
	ActorLabel     string // substring
	From, To       time.Time
	BeforeID       int64 // keyset pagination: entries with a smaller id
	Limit          int
}

// Store is the storage of the access log.
type Store interface {
	// Append records e; it never updates or deletes.
	Append(ctx context.Context, e Entry) error
	// AppendAll records every entry of es in one transaction: all or none.
	AppendAll(ctx context.Context, es []Entry) error
	// ForPosition returns the newest entries of a position, before beforeID when not zero.
	ForPosition(ctx context.Context, positionID int64, beforeID int64, limit int) ([]Entry, error)
	// Search returns the newest entries matching f.
	Search(ctx context.Context, f Filter) ([]Entry, error)
}
