package cases

import (
	"context"
	"slices"
	"time"

	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Post is a text with attachments: a message, a reply, a note or the
// comment of a change.
type Post struct {
	Text    string
	Uploads []Upload
}

// Reply adds the requester's message to a case that is not closed. On a
// case in attesa it is the answer the office waits for: the case goes
// back in charge of the office, with a change entry after the message.
func (s *Service) Reply(ctx context.Context, who Author, c Case, p Post) error {
	if c.State == Chiusa {
		return invalid("text", MsgClosed)
	}
	ch := change{kind: FromRequester, field: "text", msg: MsgText}
	if c.State == Attesa {
		ch.to, ch.follow = InCarico, "resume_reply"
	}
	return s.apply(ctx, who, c, p, ch)
}

// Wait puts the case in attesa del contribuente: the comment is the
// question to the requester, who sees it and is notified; the clock
// pauses until he answers or the office takes the case back. A case
// nobody had is put in charge of the author.
func (s *Service) Wait(ctx context.Context, who Author, c Case, question string) error {
	if c.State != Aperta && c.State != InCarico {
		return invalid("comment", MsgNotWaitable)
	}
	if c.AssigneeID == 0 {
		c.AssigneeID = who.ID
	}
	return s.apply(ctx, who, c, Post{Text: question}, change{kind: Change, field: "comment", msg: MsgComment,
		to: Attesa, action: "wait", event: "case.waiting"})
}

// Resume takes a case in attesa back in charge by hand, with a comment,
// without waiting for the requester's answer.
func (s *Service) Resume(ctx context.Context, who Author, c Case, comment string) error {
	if c.State != Attesa {
		return invalid("comment", MsgNotWaiting)
	}
	if c.AssigneeID == 0 {
		c.AssigneeID = who.ID
	}
	return s.apply(ctx, who, c, Post{Text: comment}, change{kind: Change, field: "comment", msg: MsgComment,
		to: InCarico, action: "resume"})
}

// Reopen reopens a closed case with the requester's new message, within
// the configured days from its closing.
func (s *Service) Reopen(ctx context.Context, who Author, c Case, p Post) error {
	if c.State != Chiusa {
		return invalid("text", MsgNotClosed)
	}
	if !s.CanReopen(c) {
		return invalid("text", MsgReopenLate)
	}
	c.Waited += max(0, s.Now().UTC().Sub(c.ClosedAt)) // the time closed is a pause of the clock
	c.Esito, c.ClosedAt, c.AssigneeID = "", time.Time{}, 0
	return s.apply(ctx, who, c, p, change{kind: FromRequester, field: "text", msg: MsgText,
		to: Aperta, action: "reopen", event: "case.reopened"})
}

// CanReopen reports whether the requester may still reopen c.
func (s *Service) CanReopen(c Case) bool {
	return c.State == Chiusa && !s.Now().After(c.ClosedAt.AddDate(0, 0, s.Config.ReopenDays))
}

// ReopenUntil is the last instant c may be reopened.
func (s *Service) ReopenUntil(c Case) time.Time { return c.ClosedAt.AddDate(0, 0, s.Config.ReopenDays) }

// StaffReply adds the office's reply, visible to the requester.
func (s *Service) StaffReply(ctx context.Context, who Author, c Case, p Post) error {
	if c.State == Chiusa {
		return invalid("text", MsgClosed)
	}
	return s.apply(ctx, who, c, p, change{kind: FromOffice, field: "text", msg: MsgText, event: "case.reply"})
}

// AddNote adds an internal note, never shown to the requester.
func (s *Service) AddNote(ctx context.Context, who Author, c Case, p Post) error {
	return s.apply(ctx, who, c, p, change{kind: Note, field: "note", msg: MsgText})
}

// Take puts the case in charge of assigneeID (the author himself or a
// colleague of the case's office, checked by the caller) with a comment.
func (s *Service) Take(ctx context.Context, who Author, c Case, assigneeID int64, comment string) error {
	if c.State == Chiusa {
		return invalid("comment", MsgClosed)
	}
	if assigneeID == 0 {
		return invalid("assignee", MsgAssignee)
	}
	action := "take"
	if assigneeID != who.ID {
		action = "assign"
	}
	c.AssigneeID = assigneeID
	return s.apply(ctx, who, c, Post{Text: comment}, change{kind: Change, field: "comment", msg: MsgComment,
		to: InCarico, action: action, event: "case.taken"})
}

// Close closes the case with an esito of the fixed list and a text for the requester.
func (s *Service) Close(ctx context.Context, who Author, c Case, esito string, p Post) error {
	v := &errs.Validation{}
	if !slices.Contains(Esiti, esito) {
		v.Add("esito", MsgEsito)
	}
	checkText(v, "text", p.Text, MsgText)
	if c.State == Chiusa {
		v.Add("esito", MsgClosed)
	}
	if err := v.Err(); err != nil {
		return err
	}
	c.Esito, c.ClosedAt = esito, s.Now().UTC()
	return s.apply(ctx, who, c, p, change{kind: Change, field: "text", msg: MsgText,
		to: Chiusa, action: "close", esito: esito, event: "case.closed"})
}

// Transfer moves the case to another office with a reason; it is open
// again there, in charge of nobody.
func (s *Service) Transfer(ctx context.Context, who Author, c Case, office, reason string, offices []string) error {
	v := &errs.Validation{}
	if office == c.OfficeCode || !slices.Contains(offices, office) {
		v.Add("office", MsgOffice)
	}
	checkText(v, "reason", reason, MsgComment)
	if c.State == Chiusa {
		v.Add("office", MsgClosed)
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.apply(ctx, who, c, Post{Text: reason}, change{kind: Change, field: "reason", msg: MsgComment,
		to: Aperta, office: office, action: "transfer", event: "case.routed"})
}

// change describes one step of the lifecycle.
type change struct {
	kind       MessageKind
	field, msg string // the form field of the text and its problem when empty
	to         State  // "": the state does not change
	office     string // "": the office does not change
	action     string
	esito      string
	event      string
	follow     string // the action of a change entry written after the message (its state change)
}

// apply checks the text and attachments, stores the attachments and then
// the change with its thread entry.
func (s *Service) apply(ctx context.Context, who Author, c Case, p Post, ch change) error {
	v := &errs.Validation{}
	checkText(v, ch.field, p.Text, ch.msg)
	if err := s.checkUploads(v, p.Uploads); err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	atts, err := s.store(ctx, p.Uploads)
	if err != nil {
		return err
	}
	from, fromOffice := c.State, c.OfficeCode
	if ch.office != "" {
		c.OfficeCode, c.AssigneeID = ch.office, 0
	}
	now := s.Now().UTC()
	if ch.to != "" {
		c.pause(from, ch.to, now)
		c.State = ch.to
	}
	if ch.kind != Note {
		c.UpdatedAt = now
	}
	if ch.kind == FromRequester || ch.kind == FromOffice || ch.action == "wait" {
		c.LastReplyAt = now
	}
	m := Message{CaseID: c.ID, At: now, Kind: ch.kind, Author: who, Body: p.Text, Action: ch.action,
		Esito: ch.esito, Attachments: atts}
	u := Update{Case: c, From: from, FromOffice: fromOffice, Message: m, Event: ch.event, AuditDetail: auditDetail(c, ch)}
	switch {
	case ch.follow != "":
		u.Extra = []Message{{CaseID: c.ID, At: now, Kind: Change, Author: who, FromState: from, ToState: ch.to, Action: ch.follow}}
	case ch.to != "":
		u.Message.FromState, u.Message.ToState = from, ch.to
	}
	return s.Store.Apply(ctx, u)
}

func auditDetail(c Case, ch change) string {
	what := map[MessageKind]string{FromRequester: "messaggio", FromOffice: "risposta", Note: "nota interna", Change: "cambio"}[ch.kind]
	if ch.action != "" {
		what = ch.action
	}
	return "pratica " + c.Protocol + ": " + what
}

func invalid(field, msg string) error {
	v := &errs.Validation{}
	v.Add(field, msg)
	return v.Err()
}
