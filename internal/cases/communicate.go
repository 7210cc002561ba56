package cases

import (
	"context"
)

// CommunicationInput is a communication the office opens to a position.
type CommunicationInput struct {
	PositionID int64
	OfficeCode string // the office that writes: the position's office
	Topic      string
	Subtopic   string
	Subject    string
	Text       string
	Uploads    []Upload
}

// Communicate opens a communication of the office to a position (M33):
// it gets the protocol of the office, is in charge of its author and its
// first entry is the office's message, visible to the contributor, who
// may reply like on any case. Nothing is stored when a field is wrong.
func (s *Service) Communicate(ctx context.Context, who Author, in CommunicationInput) (Case, error) {
	subject, err := s.checkNew(ctx, in.Topic, in.Subtopic, in.Subject, in.Text, in.Uploads)
	if err != nil {
		return Case{}, err
	}
	in.Subject = subject
	now := s.Now().UTC()
	c := Case{PositionID: in.PositionID, OfficeCode: in.OfficeCode, Kind: Communication, Payload: "{}",
		Topic: in.Topic, Subtopic: in.Subtopic, Subject: in.Subject, State: InCarico, AssigneeID: who.ID,
		OpenedBy: who, OpenedAt: now, UpdatedAt: now, LastReplyAt: now}
	m := Message{At: now, Kind: FromOffice, Author: who, Body: in.Text, ToState: InCarico}
	if m.Attachments, err = s.store(ctx, in.Uploads); err != nil {
		return Case{}, err
	}
	if err := s.Store.Create(ctx, &c, &m); err != nil {
		return Case{}, err
	}
	return c, nil
}
