package cases

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cassetto-dev/cassetto/internal/blob"
	"github.com/cassetto-dev/cassetto/internal/errs"
)

// Config are the settings of the cases.
type Config struct {
	ReopenDays int // a closed case may be reopened by its requester this many days after closing
	Limits     Limits
}

// DefaultConfig is 30 days to reopen and the default attachment limits.
var DefaultConfig = Config{ReopenDays: 30, Limits: DefaultLimits}

// Service runs the lifecycle of cases.
type Service struct {
	Store  Store
	Blobs  blob.Store // nil: attachments are refused
	Now    func() time.Time
	Config Config
}

// The field problems of the forms.
const (
	MsgTopic       = "cases.error.topic"
	MsgSubtopic    = "cases.error.subtopic"
	MsgSubject     = "cases.error.subject"
	MsgText        = "cases.error.text"
	MsgTextLong    = "cases.error.text_long"
	MsgComment     = "cases.error.comment"
	MsgEsito       = "cases.error.esito"
	MsgOffice      = "cases.error.office"
	MsgAssignee    = "cases.error.assignee"
	MsgClosed      = "cases.error.closed"
	MsgNotClosed   = "cases.error.not_closed"
	MsgReopenLate  = "cases.error.reopen_late"
	MsgChanged     = "cases.error.changed"
	MsgNotWaitable = "cases.error.not_waitable"
	MsgNotWaiting  = "cases.error.not_waiting"
	MsgNoBlobs     = "cases.attach.unavailable"
	MaxSubjectLen  = 200
	MaxTextLen     = 10000
	FieldFiles     = "attachments"
)

// OpenInput is a new request.
type OpenInput struct {
	PositionID     int64
	PositionOffice string // the office of the position: competent unless a rule says otherwise
	Kind           Kind
	Payload        string
	Topic          string
	Subtopic       string
	Subject        string
	Text           string
	Uploads        []Upload
}

// checkNew checks what opening a case needs — topic, sub-topic, subject,
// text and attachments — and returns the subject as it will be stored; a
// field problem is an errs validation error.
func (s *Service) checkNew(ctx context.Context, topic, subtopic, subject, text string, uploads []Upload) (string, error) {
	topics, err := s.Store.Topics(ctx)
	if err != nil {
		return "", err
	}
	v := &errs.Validation{}
	subject = checkOpening(v, topics, topic, subtopic, subject, text)
	if err := s.checkUploads(v, uploads); err != nil {
		return "", err
	}
	return subject, v.Err()
}

// Open checks a request and stores it with its protocol; nothing is stored
// when any field is wrong.
func (s *Service) Open(ctx context.Context, who Author, in OpenInput) (Case, error) {
	subject, err := s.checkNew(ctx, in.Topic, in.Subtopic, in.Subject, in.Text, in.Uploads)
	if err != nil {
		return Case{}, err
	}
	in.Subject = subject
	office, err := s.Store.RouteOf(ctx, in.Topic)
	if err != nil {
		return Case{}, err
	}
	if office == "" {
		office = in.PositionOffice
	}
	now := s.Now().UTC()
	c := Case{PositionID: in.PositionID, OfficeCode: office, Kind: in.Kind, Payload: in.Payload, Topic: in.Topic,
		Subtopic: in.Subtopic, Subject: in.Subject, State: Aperta, OpenedBy: who, OpenedAt: now, UpdatedAt: now, LastReplyAt: now}
	if c.Kind == "" {
		c.Kind, c.Payload = Request, "{}"
	}
	m := Message{At: now, Kind: FromRequester, Author: who, Body: in.Text, ToState: Aperta}
	if m.Attachments, err = s.store(ctx, in.Uploads); err != nil {
		return Case{}, err
	}
	if err := s.Store.Create(ctx, &c, &m); err != nil {
		return Case{}, err
	}
	return c, nil
}

// checkOpening checks the first entry of a case: topic, sub-topic,
// subject (returned trimmed) and text.
func checkOpening(v *errs.Validation, topics []Topic, topic, sub, subject, text string) string {
	checkTopic(v, topics, topic, sub)
	subject = strings.TrimSpace(subject)
	if subject == "" || utf8.RuneCountInString(subject) > MaxSubjectLen {
		v.Add("subject", MsgSubject)
	}
	checkText(v, "text", text, MsgText)
	return subject
}

func checkTopic(v *errs.Validation, topics []Topic, topic, sub string) {
	for _, t := range topics {
		if t.Code != topic {
			continue
		}
		if len(t.Subs) == 0 && sub == "" {
			return
		}
		for _, st := range t.Subs {
			if st.Code == sub {
				return
			}
		}
		v.Add("subtopic", MsgSubtopic)
		return
	}
	v.Add("topic", MsgTopic)
}

func checkText(v *errs.Validation, field, text, msg string) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		v.Add(field, msg)
	case utf8.RuneCountInString(text) > MaxTextLen:
		v.Add(field, MsgTextLong)
	}
}

// checkUploads adds the attachment problem to v; the returned error is an
// AttachmentError wrapped as invalid so the page can name rule and file.
func (s *Service) checkUploads(v *errs.Validation, ups []Upload) error {
	if len(ups) == 0 {
		return nil
	}
	if s.Blobs == nil {
		v.Add(FieldFiles, MsgNoBlobs)
		return nil
	}
	err := CheckAll(ups, s.Config.Limits)
	var ae *AttachmentError
	if errors.As(err, &ae) {
		fields := append(errs.Fields(v.Err()), errs.FieldError{Field: FieldFiles, Message: ae.Rule})
		return &errs.Error{Code: errs.Invalid, Message: "error.invalid_input", Fields: fields, Err: ae}
	}
	return err
}

// store puts checked uploads in the blob store. A blob whose case is then
// not stored stays as unreferenced content: harmless, named by its hash.
func (s *Service) store(ctx context.Context, ups []Upload) ([]Attachment, error) {
	var out []Attachment
	for _, u := range ups {
		sum, size, err := s.Blobs.Put(ctx, bytes.NewReader(u.Content))
		if err != nil {
			return nil, err
		}
		out = append(out, Attachment{Name: CleanFileName(u.Name), SHA256: sum, Size: size})
	}
	return out, nil
}
