// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
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

// withRetry runs call until it succeeds, fails for good, runs out of
// attempts or would outlive ctx. It never sleeps past the context deadline:
// when the next attempt could not start in time it gives up at once.
func (c *Client) withRetry(ctx context.Context, p Product, action string, call func(context.Context) (map[string]any, error)) (map[string]any, error) {
	for attempt := 1; ; attempt++ {
		body, err := call(ctx)
		if err == nil || !shouldRetry(err) {
			return body, err
		}
		if attempt >= c.retry.MaxAttempts {
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
	}
}

// stopped keeps both the last API failure and the context's reason
// reachable with errors.As / errors.Is.
func stopped(last error, attempts int, reason error) error {
	return fmt.Errorf("%w (stopped retrying after %d attempts: %w)", last, attempts, reason)
}
