package cases

import (
	"fmt"
	"time"
)

// State is the state of a case.
type State string

// The states of a case.
const (
	Aperta   State = "aperta"
	InCarico State = "in_carico"
	Attesa   State = "attesa" // in attesa del contribuente: the office asked him something
	Chiusa   State = "chiusa"
)

// States lists the states in their order.
var States = []State{Aperta, InCarico, Attesa, Chiusa}

// Valid reports whether s is a known state.
func (s State) Valid() bool { return s == Aperta || s == InCarico || s == Attesa || s == Chiusa }

// Kind is the kind of a case: a free request now, typed istanze later.
type Kind string

// The kinds of case.
const (
	Request       Kind = "richiesta"     // the free request of a contributor
	Communication Kind = "comunicazione" // a communication the office opens to a position (M33)
)

// Esiti is the fixed list of outcomes a case is closed with.
var Esiti = []string{"accolta", "accolta_parzialmente", "respinta", "informazioni_fornite", "non_di_competenza", "archiviata"}

// MessageKind tells what a thread entry is.
type MessageKind string

// The kinds of thread entries.
const (
	FromRequester MessageKind = "message" // written by the titolare or his intermediary
	FromOffice    MessageKind = "reply"   // a reply of the office
	Note          MessageKind = "note"    // an internal note: staff only
	Change        MessageKind = "change"  // a change of state, assignee or office, with its comment
)

// Topic is a topic (ambito) or, with a Parent, a sub-topic.
type Topic struct {
	Code   string
	Parent string
	NameIT string
	NameEN string
	Subs   []Topic
}

// Name returns the topic's name in lang.
func (t Topic) Name(lang string) string {
	if lang == "en" {
		return t.NameEN
	}
	return t.NameIT
}

// Case is a request and its back-office state.
type Case struct {
	ID           int64
	Protocol     string
	PositionID   int64
	Position     string // the position number, filled by reads
	OfficeCode   string
	Kind         Kind
	Payload      string // JSON of the typed request; "{}" for a free request
	Topic        string
	Subtopic     string
	Subject      string
	State        State
	AssigneeID   int64
	AssigneeName string // filled by reads
	Esito        string
	OpenedBy     Author
	OpenedAt     time.Time
	UpdatedAt    time.Time
	ClosedAt     time.Time
	WaitingSince time.Time     // when it entered attesa; zero unless in attesa
	Waited       time.Duration // the time spent in attesa or closed before now: the clock's pauses
	LastReplyAt  time.Time     // the last message of the requester or of the office (reply or question)
}

// Author is who wrote a message or made a change.
type Author struct {
	Kind     string // citizen or staff
	ID       int64  // person id or staff id
	Name     string // name as shown in the thread
	Label    string // description for the audit log (name and codice fiscale, or username)
	ActingAs string // self, intermediary, operator, admin
	IP       string
}

// IsStaff reports whether the author is office staff.
func (a Author) IsStaff() bool { return a.Kind == "staff" }

// Message is one entry of a case's thread.
type Message struct {
	ID          int64
	CaseID      int64
	At          time.Time
	Kind        MessageKind
	Author      Author
	Body        string
	FromState   State
	ToState     State
	Action      string // for changes: take, assign, wait, resume, resume_reply, transfer, close, reopen
	Esito       string
	Attachments []Attachment
}

// Attachment is a zip file stored by content hash.
type Attachment struct {
	ID        int64
	MessageID int64
	Name      string
	SHA256    string
	Size      int64
}

// OfficeInitiated reports whether the office opened the case: a
// communication to the position rather than a request from it.
func (c Case) OfficeInitiated() bool { return c.Kind == Communication }

// FormatProtocol writes the protocol number of the seq-th case of office in year.
func FormatProtocol(office string, year, seq int) string {
	return fmt.Sprintf("%s-%d-%07d", office, year, seq)
}
