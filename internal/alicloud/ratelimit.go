// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"math"
	"sync"
	"time"
)

// rateLimiter paces a Client's requests once the API has throttled it, so
// that a busy apply sends about as many requests as the account's limit
// admits instead of twice as many and retrying half. It is the client-side
// rate limiting of the AWS SDKs' "adaptive" retry mode
// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html;
// the algorithm as aws-sdk-go-v2 implements it in aws/retry/adaptive_ratelimit.go):
//
//   - Requests take a token from a bucket before they are sent. The bucket
//     holds at most one second of tokens and is filled at the current rate.
//     Until the first throttling answer there is no bucket: nothing is known
//     about the limit, so nothing is delayed.
//   - The client measures the rate at which it gets answers (its send rate),
//     in half-second windows, smoothed.
//   - A throttling answer sets the rate to β = 0.7 times the send rate at
//     that moment (or the current rate, if lower) and remembers the rate
//     it cut from as the last maximum. Any other answer sets the rate to
//     the CUBIC curve (TCP CUBIC's window growth, RFC 9438, section 4.2)
//     through that point: C·(t−K)³ + last maximum, t seconds after the
//     throttle, where K is when the curve is back at the last maximum. The
//     rate climbs fast, flattens near the old limit, then probes past it.
//   - The rate never exceeds twice the measured send rate (a limit that
//     is not being used tells nothing) nor falls under 0.5 requests/s.
//
// Two departures, both for a client whose first requests arrive in a
// burst (Terraform starts -parallelism operations at once, in a new
// provider process each run): a throttling answer to a request sent before
// the last cut does not cut again (the request was paced at the old rate,
// already cut for; TCP's NewReno, RFC 6582, likewise avoids cutting its
// window again for each segment lost in one window), and before the first
// half-second window is complete the send rate is the rate seen so far
// rather than zero (which would drop the rate to the 0.5/s floor and take
// seconds to climb back).
//
// The limiter is shared by every call of a Client, so by every resource of
// a provider instance: what it learns is the rate the client's credential
// may use. Alibaba Cloud sets its quotas per API operation
// (https://www.alibabacloud.com/help/en/openapi/throttling-and-quota-management),
// so a throttled action slows the others too, as the AWS documentation
// warns for its adaptive mode; the client then runs at the total rate at
// which the most constrained action stays within its quota. Throttling that
// does not follow the client's own rate (a quota shared with other users,
// or an emulator throttling a fixed share of requests) keeps cutting the
// rate: with a fifth of all answers throttled the client settles at a few
// requests a second. Slowing down is all a client can do for a busy quota.
type rateLimiter struct {
	mu  sync.Mutex
	now func() time.Time

	limited bool // false until the first throttling answer

	// The token bucket: rate tokens a second, at most capacity held. A few
	// lines by hand, as golang.org/x/time/rate is not in the module graph.
	rate, tokens, capacity float64
	refilled               time.Time

	// The measured send rate: answers per second over windows of
	// rateWindow, smoothed; zero until the first window is complete.
	measured    float64
	windowStart time.Time
	windowCount int

	// CUBIC: the measured rate at the last throttle, and when it was cut.
	lastMax float64
	lastCut time.Time

	logged float64 // the rate last reported by update
}

const (
	cubicBeta    = 0.7                    // fraction of the rate kept after a throttle
	cubicScale   = 0.4                    // C, in requests/s per s³
	rateWindow   = 500 * time.Millisecond // measurement window of the send rate
	rateSmooth   = 0.8                    // weight of the newest window
	minRate      = 0.5                    // requests/s: never stop sending altogether
	logRateShift = 1.25                   // report a climb once the rate has grown by this factor
)

func newRateLimiter(now func() time.Time) *rateLimiter {
	return &rateLimiter{now: now}
}

// wait blocks until a token is available and takes it. It gives up at once,
// with context.DeadlineExceeded, when the token would come after ctx's
// deadline, and with ctx.Err() when ctx ends while it waits.
func (l *rateLimiter) wait(ctx context.Context) error {
	for {
		d, ok := l.take()
		if ok {
			return nil
		}
		if deadline, bounded := ctx.Deadline(); bounded && time.Until(deadline) < d {
			return context.DeadlineExceeded
		}
		timer := time.NewTimer(d)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
			// Another waiter may have taken the token: try again.
		}
	}
}

// take takes a token if one is available, else says how long until the next
// one is due.
func (l *rateLimiter) take() (time.Duration, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.limited {
		return 0, true
	}
	l.refill(l.now())
	if l.tokens >= 1 {
		l.tokens--
		return 0, true
	}
	return seconds((1 - l.tokens) / l.rate), false
}

// rateChange is a change of rate worth a log line: every cut, and a climb
// by logRateShift since the last one reported.
type rateChange struct {
	from, to, measured float64
	throttled          bool
}

// update feeds the answer to a request sent at sent into the rate; it
// returns the change to report, if any.
func (l *rateLimiter) update(sent time.Time, throttled bool) *rateChange {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	measured := l.measure(sent, now)
	var target float64
	switch {
	case throttled && sent.Before(l.lastCut):
		return nil
	case throttled:
		l.lastMax = measured
		if l.limited {
			l.lastMax = min(measured, l.rate)
		}
		l.lastCut = now
		l.limited = true
		target = cubicBeta * l.lastMax
	case !l.limited:
		return nil
	default:
		// K: the time the curve takes from β·lastMax back to lastMax.
		k := math.Cbrt(l.lastMax * (1 - cubicBeta) / cubicScale)
		target = cubicScale*math.Pow(now.Sub(l.lastCut).Seconds()-k, 3) + l.lastMax
	}
	from := l.rate
	l.refill(now)
	l.rate = max(min(target, 2*measured), minRate)
	l.capacity = max(l.rate, 1)
	l.tokens = min(l.tokens, l.capacity)
	if !throttled && l.rate < l.logged*logRateShift {
		return nil
	}
	l.logged = l.rate
	return &rateChange{from: from, to: l.rate, measured: measured, throttled: throttled}
}

// measure counts an answer and returns the send rate: the smoothed rate of
// the past windows, or the rate so far while the first window is open.
func (l *rateLimiter) measure(sent, now time.Time) float64 {
	if l.windowStart.IsZero() {
		l.windowStart = sent
	}
	l.windowCount++
	elapsed := max(now.Sub(l.windowStart), time.Millisecond)
	current := float64(l.windowCount) / elapsed.Seconds()
	if elapsed >= rateWindow {
		if l.measured == 0 {
			l.measured = current
		} else {
			l.measured = rateSmooth*current + (1-rateSmooth)*l.measured
		}
		l.windowStart, l.windowCount = now, 0
	}
	if l.measured == 0 {
		return current
	}
	return l.measured
}

// refill adds the tokens earned since the last refill.
func (l *rateLimiter) refill(now time.Time) {
	if !l.refilled.IsZero() {
		l.tokens = min(l.capacity, l.tokens+now.Sub(l.refilled).Seconds()*l.rate)
	}
	l.refilled = now
}

// seconds rounds up, so that a wait of seconds(n/rate) earns n tokens.
func seconds(s float64) time.Duration { return time.Duration(math.Ceil(s * float64(time.Second))) }
