package notify

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/cassetto-dev/cassetto/internal/civil"
)

// Worker turns pending events into notifications and deliveries, and sends
// the deliveries that are due. Several workers may run at once: events are
// recorded idempotently and deliveries are leased.
type Worker struct {
	Store    Store
	Mailer   Mailer    // nil: e-mail deliveries wait until one is configured
	SMS      SMSSender // nil: SMS deliveries wait until a gateway is configured
	Renderer Renderer
	Now      func() time.Time
	Logger   *slog.Logger

	EventBatch  int           // events read and recorded together, in one transaction (default 500)
	Batch       int           // deliveries claimed per round (default 20)
	MaxAttempts int           // attempts before a delivery is dead (default 8)
	BaseDelay   time.Duration // delay after the first failure, doubled each time (default 1m)
	MaxDelay    time.Duration // longest delay between attempts (default 6h)
	Lease       time.Duration // how long a claimed delivery is reserved (default 5m)
}

// Stats counts what one RunOnce did.
type Stats struct {
	Events, Sent, Failed, Dead int
}

func (w *Worker) defaults() {
	if w.EventBatch <= 0 {
		w.EventBatch = 500
	}
	if w.Batch <= 0 {
		w.Batch = 20
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 8
	}
	if w.BaseDelay <= 0 {
		w.BaseDelay = time.Minute
	}
	if w.MaxDelay <= 0 {
		w.MaxDelay = 6 * time.Hour
	}
	if w.Lease <= 0 {
		w.Lease = 5 * time.Minute
	}
	if w.Now == nil {
		w.Now = time.Now
	}
	if w.Logger == nil {
		w.Logger = slog.New(slog.DiscardHandler)
	}
}

// RunOnce processes every pending event, then sends every delivery due.
func (w *Worker) RunOnce(ctx context.Context) (Stats, error) {
	w.defaults()
	var st Stats
	for {
		evs, err := w.Store.PendingEvents(ctx, w.EventBatch)
		if err != nil {
			return st, err
		}
		if len(evs) > 0 {
			if err := w.processAll(ctx, evs); err != nil {
				return st, fmt.Errorf("notify: events %d–%d: %w", evs[0].ID, evs[len(evs)-1].ID, err)
			}
		}
		st.Events += len(evs)
		if len(evs) < w.EventBatch {
			break
		}
	}
	return st, w.sendDue(ctx, &st)
}

// Run calls RunOnce every interval until ctx ends; errors are logged.
func (w *Worker) Run(ctx context.Context, every time.Duration) {
	w.defaults()
	if every <= 0 {
		every = 30 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if st, err := w.RunOnce(ctx); err != nil && ctx.Err() == nil {
			w.Logger.Warn("notifications", "err", err)
		} else if st != (Stats{}) {
			w.Logger.Info("notifications", "events", st.Events, "sent", st.Sent, "failed", st.Failed, "dead", st.Dead)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// processAll resolves the recipients of evs and records their
// notifications and deliveries in one transaction. An event nobody is to
// hear of is recorded as processed. A verification code is sent on its own
// (verify.go).
func (w *Worker) processAll(ctx context.Context, evs []Event) error {
	outs := make([]Outcome, 0, len(evs))
	var auds []Audience
	var heard []int // indexes in outs of the events with an audience
	for _, ev := range evs {
		if ev.Kind == ContactVerify {
			if err := w.sendCode(ctx, ev); err != nil {
				return fmt.Errorf("event %d: %w", ev.ID, err)
			}
			continue
		}
		outs = append(outs, Outcome{Event: ev})
		if aud, ok := audienceOf(ev); ok {
			auds, heard = append(auds, aud), append(heard, len(outs)-1)
		}
	}
	if len(outs) == 0 {
		return nil
	}
	now := w.Now()
	rcpts, err := w.Store.Recipients(ctx, auds, civil.Of(now))
	if err != nil {
		return err
	}
	for i, rs := range rcpts {
		w.address(&outs[heard[i]], rs)
	}
	return w.Store.RecordEvents(ctx, outs, now)
}

// audienceOf says who hears of ev; false when nobody does.
func audienceOf(ev Event) (Audience, bool) {
	topic := TopicOf(ev.Kind)
	if topic == "" || ev.PositionID == 0 {
		return Audience{}, false
	}
	aud := Audience{PositionID: ev.PositionID, FullScopeOnly: IsCase(ev.Kind)}
	if topic == TopicDelegation {
		aud.IntermediaryID = payloadInt(ev.Payload, "intermediary_id")
	}
	return aud, true
}

// address fills o with an in-app notification for each recipient and a
// delivery for those who can be reached on the channel they chose. The
// event is rendered once per language.
func (w *Worker) address(o *Outcome, rcpts []Recipient) {
	topic := TopicOf(o.Event.Kind)
	msgs := map[string]Message{}
	for _, r := range rcpts {
		o.InApp = append(o.InApp, r.PersonID)
		m, ok := msgs[r.Lang]
		if !ok {
			m = w.Renderer.Render(o.Event, r.Lang)
			msgs[r.Lang] = m
		}
		if d, ok := delivery(o.Event, r, topic, m); ok {
			o.Out = append(o.Out, d)
		}
	}
}

// delivery is the message m to r on the channel he chose, if he has the
// contact data it needs.
func delivery(ev Event, r Recipient, topic string, m Message) (Delivery, bool) {
	d := Delivery{EventID: ev.ID, PersonID: r.PersonID, Channel: r.ChannelFor(topic)}
	switch {
	case d.Channel == Email && r.Email != "":
		d.Address, d.Subject, d.Text, d.HTML = r.Email, m.Subject, m.Text, m.HTML
	case d.Channel == SMS && r.Mobile != "":
		d.Address, d.Text = strings.Join(strings.Fields(r.Mobile), ""), m.SMS // "+39 333 …" as the gateway wants it
	default:
		return d, false
	}
	return d, true
}
