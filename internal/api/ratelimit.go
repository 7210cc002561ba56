package api

import (
	"math"
	"sync"
	"time"
)

// limiter is a token bucket per access token, in memory: each token may
// make rate requests per minute, in bursts of up to rate.
type limiter struct {
	mu      sync.Mutex
	rate    float64 // requests per second
	burst   float64
	now     func() time.Time
	buckets map[int64]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(perMinute int, now func() time.Time) *limiter {
	return &limiter{rate: float64(perMinute) / 60, burst: float64(perMinute), now: now, buckets: map[int64]*bucket{}}
}

// allow takes one request from the bucket of token id; when empty it
// returns false and how long to wait for the next request.
func (l *limiter) allow(id int64) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[id]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[id] = b
	}
	if elapsed := now.Sub(b.at).Seconds(); elapsed > 0 {
		b.tokens = math.Min(l.burst, b.tokens+elapsed*l.rate)
	}
	b.at = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := (1 - b.tokens) / l.rate
	return false, time.Duration(wait * float64(time.Second))
}

// retryAfter returns the Retry-After seconds for a wait: at least one.
func retryAfter(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}
