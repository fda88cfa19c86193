// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"sync/atomic"
)

// CallCounter counts the API calls made with a context from CountCalls, so
// that an operation making many calls (a listing of the whole account) can
// say how many it made. Retries of one call are not counted again.
type CallCounter struct{ n atomic.Int64 }

type callCounterKey struct{}

// CountCalls returns a context whose API calls are counted by the returned
// counter. A context derived from it shares the counter.
func CountCalls(ctx context.Context) (context.Context, *CallCounter) {
	c := &CallCounter{}
	return context.WithValue(ctx, callCounterKey{}, c), c
}

// Calls is the number of API calls made so far.
func (c *CallCounter) Calls() int64 { return c.n.Load() }

// countCall adds one to ctx's counter, if it has one.
func countCall(ctx context.Context) {
	if c, ok := ctx.Value(callCounterKey{}).(*CallCounter); ok {
		c.n.Add(1)
	}
}
