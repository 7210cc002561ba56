package notify

import (
	"context"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Event is a pending row of the events outbox.
type Event struct {
	ID             int64
	Kind           string
	PositionID     int64
	PositionNumber string
	RefID          int64
	Payload        string // JSON
	CreatedAt      time.Time
}

// Recipient is a person an event concerns, with what the worker needs to
// reach him: his language, his contact data and his preferences by topic.
type Recipient struct {
	PersonID int64
	Lang     string             // "it" or "en"
	Email    string             // the verified e-mail (or PEC) of his latest recapiti; "" if none
	Mobile   string             // his verified mobile number; "" if none
	Prefs    map[string]Channel // by topic; a missing topic means DefaultChannel
}

// ChannelFor returns the channel the recipient chose for topic.
func (r Recipient) ChannelFor(topic string) Channel {
	if c, ok := r.Prefs[topic]; ok {
		return c
	}
	return DefaultChannel
}

// Delivery is one message to one recipient on one channel.
type Delivery struct {
	ID       int64
	EventID  int64
	PersonID int64
	Channel  Channel
	Address  string // e-mail address or mobile number
	Subject  string // e-mail only
	Text     string
	HTML     string // e-mail only
	Attempts int    // attempts made, this one included once claimed
}

// Outcome is what one event produced: the persons who see it in the
// portal and the messages that carry it. Both are empty for an event
// nobody is to hear of.
type Outcome struct {
	Event Event
	InApp []int64
	Out   []Delivery
}

// Audience says who hears of an event on a position.
type Audience struct {
	PositionID     int64 // the event's position: its titolare and its intermediaries
	FullScopeOnly  bool  // only intermediaries whose delegation has scope full
	IntermediaryID int64 // delegation events: the intermediary concerned, whatever the delegation's state
}

// Store is the persistence the worker needs (store.Notifications).
type Store interface {
	// PendingEvents returns up to limit events not processed yet, oldest first.
	PendingEvents(ctx context.Context, limit int) ([]Event, error)
	// Recipients returns, for each audience in the order of auds, the
	// titolare of its position and the intermediaries with a delegation
	// active on day (as the audience says).
	Recipients(ctx context.Context, auds []Audience, day civil.Date) ([][]Recipient, error)
	// RecordEvents stores, in one transaction, for each outcome an in-app
	// notification for every person of its InApp and its deliveries, and
	// marks its event processed. Recording an event twice stores nothing
	// more.
	RecordEvents(ctx context.Context, outs []Outcome, now time.Time) error
	// ClaimDeliveries leases up to limit deliveries due at now on the
	// channels, counting the attempt, until leaseUntil.
	ClaimDeliveries(ctx context.Context, channels []Channel, now, leaseUntil time.Time, limit int) ([]Delivery, error)
	// MarkSent records the successful attempt d.Attempts of d.
	MarkSent(ctx context.Context, d Delivery, now time.Time) error
	// MarkFailed records a failed attempt: retry at next, or dead.
	MarkFailed(ctx context.Context, d Delivery, next time.Time, dead bool, msg string) error
	// Lang returns the language of a person's messages ("it" when unset).
	Lang(ctx context.Context, personID int64) (string, error)
	// RecordCode stores, in one transaction, the verification code c
	// (replacing the person's earlier code for that channel), the delivery
	// d that carries it, and marks ev processed.
	RecordCode(ctx context.Context, ev Event, c Code, d Delivery, now time.Time) error
}

// Mail is an e-mail to send.
type Mail struct {
	MessageID string // stable per delivery, so a resent copy can be recognised
	To        string
	Subject   string
	Text      string
	HTML      string
}

// Mailer sends e-mail (SMTPMailer, or the demo's catcher).
type Mailer interface {
	Send(ctx context.Context, m Mail) error
}

// SMSSender sends a text message (HTTPGateway).
type SMSSender interface {
	SendSMS(ctx context.Context, to, text, reference string) error
}
