package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// sendDue claims and sends the deliveries due, a batch at a time.
func (w *Worker) sendDue(ctx context.Context, st *Stats) error {
	var channels []Channel
	if w.Mailer != nil {
		channels = append(channels, Email)
	}
	if w.SMS != nil {
		channels = append(channels, SMS)
	}
	if len(channels) == 0 {
		return nil
	}
	for {
		now := w.Now()
		ds, err := w.Store.ClaimDeliveries(ctx, channels, now, now.Add(w.Lease), w.Batch)
		if err != nil {
			return err
		}
		for _, d := range ds {
			if err := w.send(ctx, d, st); err != nil {
				return err
			}
		}
		if len(ds) < w.Batch {
			return nil
		}
	}
}

// send makes one attempt at d and records its outcome. Only a failure to
// record is returned: a failed send is the delivery's business.
func (w *Worker) send(ctx context.Context, d Delivery, st *Stats) error {
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err := w.attempt(sctx, d)
	cancel()
	if err == nil {
		st.Sent++
		return w.Store.MarkSent(ctx, d, w.Now())
	}
	dead := d.Attempts >= w.MaxAttempts
	if dead {
		st.Dead++
	} else {
		st.Failed++
	}
	w.Logger.Warn("notification not delivered", "delivery", d.ID, "channel", d.Channel, "attempt", d.Attempts, "dead", dead, "err", err)
	return w.Store.MarkFailed(ctx, d, w.Now().Add(w.Backoff(d.Attempts)), dead, truncate(err.Error(), 500))
}

func (w *Worker) attempt(ctx context.Context, d Delivery) error {
	switch d.Channel {
	case Email:
		return w.Mailer.Send(ctx, Mail{MessageID: MessageID(d.ID), To: d.Address, Subject: d.Subject, Text: d.Text, HTML: d.HTML})
	case SMS:
		return w.SMS.SendSMS(ctx, d.Address, d.Text, "delivery-"+strconv.FormatInt(d.ID, 10))
	}
	return fmt.Errorf("unknown channel %q", d.Channel)
}

// Backoff is the wait after the given failed attempt: BaseDelay doubled for
// each earlier attempt, at most MaxDelay.
func (w *Worker) Backoff(attempt int) time.Duration {
	w.defaults()
	d := w.BaseDelay
	for i := 1; i < attempt && d < w.MaxDelay; i++ {
		d *= 2
	}
	return min(d, w.MaxDelay)
}

// MessageID is the Message-ID (without angle brackets) of the e-mail of delivery id: the same on
// every attempt.
func MessageID(id int64) string { return fmt.Sprintf("delivery-%d@cassetto.notify", id) }

func payloadInt(payload, key string) int64 {
	var p map[string]any
	if json.Unmarshal([]byte(payload), &p) != nil {
		return 0
	}
	f, _ := p[key].(float64)
	return int64(f)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
