// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
)

// defaultTimeout bounds a create, update or delete whose `timeouts` entry
// is not set: long enough for RAM's eventual consistency and for retries
// under throttling, short enough that a stuck apply ends with an error.
// Service-linked role deletion, which waits for an asynchronous task, has
// its own.
const defaultTimeout = 5 * time.Minute

// readTimeout bounds a refresh. Reads have no `timeouts` entry; without a
// deadline the client would give up after a fixed number of attempts, with
// one it retries throttling and failures until the deadline, as the other
// operations do.
const readTimeout = 5 * time.Minute

// opTimeouts are the defaults of one resource's `timeouts`. A zero Update
// means the resource has no in-place update that calls the API (the entry
// is still accepted, for uniformity, and documented as unused).
type opTimeouts struct {
	Create, Update, Delete time.Duration
	// UpdateNote replaces the update entry's text (zero Update only).
	UpdateNote string
}

// timeoutsAttribute is the `timeouts` attribute (terraform-plugin-framework-
// timeouts) with create, update and delete, each entry documenting its
// default and what it bounds.
func timeoutsAttribute(ctx context.Context, d opTimeouts) schema.Attribute {
	const what = " It bounds the whole operation: retries of throttled or failed API calls (jittered exponential backoff) and " +
		"waits for RAM's eventual consistency count against it. A duration such as `30s`, `10m` or `1h`."
	entry := func(op string, def time.Duration) string {
		return fmt.Sprintf("How long %s may take; default `%s`.", op, shortDuration(def)) + what
	}
	update := entry("an in-place update", d.Update)
	if d.Update == 0 {
		update = d.UpdateNote
		if update == "" {
			update = "Accepted for uniformity and unused: every argument of this resource forces a replacement, so there is no in-place update to bound."
		}
	}
	a := timeouts.Attributes(ctx, timeouts.Opts{
		Create: true, Update: true, Delete: true,
		CreateDescription: entry("creating", d.Create),
		UpdateDescription: update,
		DeleteDescription: entry("destroying", d.Delete),
	})
	if n, ok := a.(schema.SingleNestedAttribute); ok {
		n.MarkdownDescription = fmt.Sprintf("Time limits of the operations. Defaults: create `%s`, %sdelete `%s`.",
			shortDuration(d.Create), updateDefault(d), shortDuration(d.Delete))
		return n
	}
	return a
}

func updateDefault(d opTimeouts) string {
	if d.Update == 0 {
		return ""
	}
	return fmt.Sprintf("update `%s`, ", shortDuration(d.Update))
}

// shortDuration writes 5m0s as 5m and 1h0m0s as 1h.
func shortDuration(d time.Duration) string {
	switch {
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
