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

	Batch       int           // events or deliveries per round (default 20)
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
		evs, err := w.Store.PendingEvents(ctx, w.Batch)
		if err != nil {
			return st, err
		}
		for _, ev := range evs {
			if err := w.process(ctx, ev); err != nil {
				return st, fmt.Errorf("notify: event %d: %w", ev.ID, err)
			}
			st.Events++
		}
		if len(evs) < w.Batch {
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

// process resolves the recipients of ev and records its notifications and
// deliveries. An event nobody is to hear of is recorded as processed.
func (w *Worker) process(ctx context.Context, ev Event) error {
	if ev.Kind == ContactVerify {
		return w.sendCode(ctx, ev) // verify.go
	}
	topic := TopicOf(ev.Kind)
	if topic == "" || ev.PositionID == 0 {
		return w.Store.RecordEvent(ctx, ev, nil, nil, w.Now())
	}
	aud := Audience{FullScopeOnly: IsCase(ev.Kind)}
	if topic == TopicDelegation {
		aud.IntermediaryID = payloadInt(ev.Payload, "intermediary_id")
	}
	rcpts, err := w.Store.Recipients(ctx, ev, aud, civil.Of(w.Now()))
	if err != nil {
		return err
	}
	var inApp []int64
	var out []Delivery
	for _, r := range rcpts {
		inApp = append(inApp, r.PersonID)
		if d, ok := w.delivery(ev, r, topic); ok {
			out = append(out, d)
		}
	}
	return w.Store.RecordEvent(ctx, ev, inApp, out, w.Now())
}

// delivery is the message to r on the channel he chose, if he has the
// contact data it needs.
func (w *Worker) delivery(ev Event, r Recipient, topic string) (Delivery, bool) {
	m := w.Renderer.Render(ev, r.Lang)
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
