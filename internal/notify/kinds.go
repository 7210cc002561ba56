package notify

import (
	"strings"

	"github.com/cassetto-dev/cassetto/internal/ledger"
)

// The event kinds of the cases (issue 6). Their payload carries at least
// "protocol" and "subject".
const (
	CaseRegistered    = "case.registered"
	CaseRouted        = "case.routed"
	CaseTaken         = "case.taken"
	CaseReply         = "case.reply"
	CaseClosed        = "case.closed"
	CaseReopened      = "case.reopened"
	CaseOfficeMessage = "case.office_message"
)

// NoticeIssued is the kind of the event of a new avviso bonario.
const NoticeIssued = ledger.EventNoticeIssued

// TopicDelegation is the preference topic of every delegation.* event.
const TopicDelegation = "delegation"

// Topics are the subjects of a preference, in the order the preferences
// page lists them: one per case event kind, the notices, the delegations.
var Topics = []string{CaseRegistered, CaseRouted, CaseTaken, CaseReply, CaseClosed, CaseReopened,
	CaseOfficeMessage, NoticeIssued, TopicDelegation}

// TopicOf returns the preference topic of an event kind, or "" when the
// kind is not notified.
func TopicOf(kind string) string {
	if strings.HasPrefix(kind, TopicDelegation+".") {
		return TopicDelegation
	}
	if kind == CaseWaiting {
		return CaseReply
	}
	for _, t := range Topics {
		if t == kind {
			return t
		}
	}
	return ""
}

// IsCase reports whether kind is an event of a case: only intermediaries
// with a full-scope delegation hear of those.
func IsCase(kind string) bool { return strings.HasPrefix(kind, "case.") }

// Channel is how a recipient wants to hear of an event.
type Channel string

// The channels. None still leaves the in-app notification.
const (
	Email Channel = "email"
	SMS   Channel = "sms"
	None  Channel = "none"
)

// DefaultChannel is the channel of a topic the person never chose: e-mail.
const DefaultChannel = Email

// ParseChannel returns the channel named s, and whether it is one.
func ParseChannel(s string) (Channel, bool) {
	switch c := Channel(s); c {
	case Email, SMS, None:
		return c, true
	}
	return "", false
}
