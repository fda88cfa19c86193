// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// shouldRetry: throttling, 5xx and connection failures may pass on their
// own; everything else (validation, not found, conflicts) will not.
func shouldRetry(err error) bool {
	c := ClassOf(err)
	return c == ClassThrottled || c == ClassRetryable
}

// delay is the full-jitter backoff before attempt+1: uniform in
// [0, min(MaxDelay, BaseDelay*2^(attempt-1))], so parallel callers that were
// throttled together do not come back together.
func (p RetryPolicy) delay(attempt int) time.Duration {
	ceiling := p.BaseDelay
	for i := 1; i < attempt && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	return rand.N(min(ceiling, p.MaxDelay) + 1)
}

// outcomeUnknown reports a failed attempt that may still have been carried
// out: no answer came back (the request may have been committed before the
// connection dropped), or a 5xx, which the real service may send after a
// partial commit. Throttling is decided before anything runs.
func outcomeUnknown(err error) bool {
	return ClassOf(err) == ClassRetryable
}

// withRetry runs call until it succeeds, fails for good, or runs out of
// budget. The budget is the context's deadline when it has one (every
// resource operation runs under its `timeouts`), else MaxAttempts. Every
// attempt, the first included, waits for the client's rate limiter, which
// learns from the answers. It never sleeps past the deadline: when the next
// attempt could not start in time it gives up at once.
func (c *Client) withRetry(ctx context.Context, p Product, action string, call func(context.Context) (map[string]any, error)) (map[string]any, error) {
	log, _ := ctx.Value(attemptLogKey{}).(*AttemptLog)
	_, bounded := ctx.Deadline()
	var last error
	for attempt := 1; ; attempt++ {
		if err := c.limiter.wait(ctx); err != nil {
			if last == nil {
				return nil, fmt.Errorf("%s %s: waiting for the client-side rate limit: %w", p, action, err)
			}
			return nil, stopped(last, attempt-1, err)
		}
		log.sending()
		sent := time.Now()
		body, err := call(ctx)
		c.observe(ctx, sent, err)
		if err == nil || !shouldRetry(err) {
			return body, err
		}
		if outcomeUnknown(err) {
			log.lost()
		}
		if !bounded && attempt >= c.retry.MaxAttempts {
			if attempt > 1 {
				err = fmt.Errorf("%w (gave up after %d attempts)", err, attempt)
			}
			return nil, err
		}
		wait := c.retry.delay(attempt)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return nil, stopped(err, attempt, context.DeadlineExceeded)
		}
		// Only names and codes are logged: parameter values may be secrets.
		fields := map[string]any{"product": string(p), "action": action, "attempt": attempt, "delay": wait.String(), "class": ClassOf(err).String()}
		var ae *APIError
		if errors.As(err, &ae) {
			fields["code"], fields["request_id"] = ae.Code, ae.RequestID
		}
		tflog.Debug(ctx, "retrying Alibaba Cloud API call", fields)

		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, stopped(err, attempt, ctx.Err())
		case <-timer.C:
		}
		last = err
	}
}

// observe feeds an attempt's outcome to the rate limiter and logs the
// changes of rate it reports (numbers only).
func (c *Client) observe(ctx context.Context, sent time.Time, err error) {
	ch := c.limiter.update(sent, ClassOf(err) == ClassThrottled)
	if ch == nil {
		return
	}
	fields := map[string]any{"cause": "recovering", "requests_per_second": ch.to, "measured_per_second": ch.measured}
	if ch.throttled {
		fields["cause"] = "throttled"
	}
	if ch.from > 0 { // 0: there was no limit yet
		fields["previous_per_second"] = ch.from
	}
	tflog.Debug(ctx, "adjusted the client-side request rate", fields)
}

// stopped keeps both the last API failure and the context's reason
// reachable with errors.As / errors.Is.
func stopped(last error, attempts int, reason error) error {
	return fmt.Errorf("%w (stopped retrying after %d attempts: %w)", last, attempts, reason)
}

// AttemptLog records what happened to the attempts of the API calls made
// with a context from WithAttemptLog. Call retries a request whose answer
// was lost; for a non-idempotent action (a create) the retry's answer then
// depends on what the lost attempt did: "already exists" may mean "your
// first attempt worked". The log lets the caller, which knows what it asked
// for, tell the two apart (internal/resources, createAdopting). It is safe
// for concurrent use; a nil *AttemptLog records nothing.
type AttemptLog struct {
	mu        sync.Mutex
	firstSent time.Time
	attempts  int
	unknowns  int
}

type attemptLogKey struct{}

// WithAttemptLog returns a context whose calls record their attempts in the
// returned log.
func WithAttemptLog(ctx context.Context) (context.Context, *AttemptLog) {
	l := &AttemptLog{}
	return context.WithValue(ctx, attemptLogKey{}, l), l
}

func (l *AttemptLog) sending() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.attempts == 0 {
		l.firstSent = time.Now()
	}
	l.attempts++
}

func (l *AttemptLog) lost() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.unknowns++
}

// FirstSent is when the first attempt was sent (zero before any).
func (l *AttemptLog) FirstSent() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.firstSent
}

// Attempts is how many attempts were sent.
func (l *AttemptLog) Attempts() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.attempts
}

// Unknown is how many attempts failed without a trustworthy answer (no
// response, or a 5xx): each may have been carried out.
func (l *AttemptLog) Unknown() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.unknowns
}
