package cases

import "time"

// The service-level clock of a case counts the time the office has it:
// from its opening, less the pauses — the time in attesa (the office waits
// for the contributor) and the time it stayed closed before a reopening.
// It stops while the case is in attesa and when it is closed. Days are
// calendar days: whole periods of 24 hours, weekends and holidays included.

// Day is one day of the clock.
const Day = 24 * time.Hour

// Clock returns the time the office has had c at now, pauses excluded.
func (c Case) Clock(now time.Time) time.Duration {
	end := now
	switch {
	case c.State == Attesa && !c.WaitingSince.IsZero():
		end = c.WaitingSince
	case c.State == Chiusa && !c.ClosedAt.IsZero():
		end = c.ClosedAt
	}
	return max(0, end.Sub(c.OpenedAt)-c.Waited)
}

// ClockDays is the clock in whole calendar days.
func (c Case) ClockDays(now time.Time) int { return int(c.Clock(now) / Day) }

// Paused reports whether the clock stands still: the case is in attesa or closed.
func (c Case) Paused() bool { return c.State == Attesa || c.State == Chiusa }

// LastReply is the last message of either side, the opening one at least.
func (c Case) LastReply() time.Time {
	if c.LastReplyAt.IsZero() {
		return c.OpenedAt
	}
	return c.LastReplyAt
}

// DaysSinceReply is the number of whole calendar days from the last
// message of either side to now.
func (c Case) DaysSinceReply(now time.Time) int { return int(max(0, now.Sub(c.LastReply())) / Day) }

// ClockStart is the instant the clock would have started from had it
// never paused: the opening plus the pauses. While the clock runs, the
// clock at now is now - ClockStart; the store sorts by it.
func (c Case) ClockStart() time.Time { return c.OpenedAt.Add(c.Waited) }

// ClockStop is the instant the clock stopped (the start of the attesa,
// or the closing), zero while it runs.
func (c Case) ClockStop() time.Time {
	switch c.State {
	case Attesa:
		return c.WaitingSince
	case Chiusa:
		return c.ClosedAt
	}
	return time.Time{}
}

// pause updates the clock's fields for a change from state from to
// state to at now: leaving attesa adds the wait to Waited; entering it
// marks its start. (A reopening adds the time closed itself.)
func (c *Case) pause(from, to State, now time.Time) {
	if from == to {
		return
	}
	if from == Attesa && !c.WaitingSince.IsZero() {
		c.Waited += now.Sub(c.WaitingSince)
		c.WaitingSince = time.Time{}
	}
	if to == Attesa {
		c.WaitingSince = now
	}
}
