// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// RAM is eventually consistent: an object just created may be missing from
// reads for a short while. Reads of an object this provider has created but
// not yet seen again retry not-found for up to propagationTimeout; once the
// object has been read back, not-found means it is really gone.
const propagationTimeout = 2 * time.Minute

// privateUnconfirmed is the private-state key Create sets and the first
// successful Read clears.
const privateUnconfirmed = "unconfirmed"

// markUnconfirmed records that the object was created by this apply and has
// not been read back yet.
func markUnconfirmed(ctx context.Context, resp *resource.CreateResponse) {
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateUnconfirmed, []byte("true"))...)
}

// markRenamed is markUnconfirmed for an update that renamed the object:
// reads by the new name may not find it for a while either. (In-place
// attribute changes are not marked: the object stays visible.)
func markRenamed(ctx context.Context, resp *resource.UpdateResponse) {
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateUnconfirmed, []byte("true"))...)
}

// isUnconfirmed reports whether Read should wait out propagation delays.
func isUnconfirmed(ctx context.Context, req resource.ReadRequest) bool {
	b, diags := req.Private.GetKey(ctx, privateUnconfirmed)
	return !diags.HasError() && string(b) == "true"
}

// confirm clears the unconfirmed mark after a successful read.
func confirm(ctx context.Context, resp *resource.ReadResponse) {
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateUnconfirmed, nil)...)
}

// readConfirming reads an object for Read: while it is unconfirmed (created
// by this provider, not read back yet) not-found is waited out.
func readConfirming[T any](ctx context.Context, req resource.ReadRequest, what string, get func(context.Context) (T, error)) (T, error) {
	if isUnconfirmed(ctx, req) {
		return retryWhileNotFound(ctx, what, get)
	}
	return get(ctx)
}

// retryWhileNotFound calls get until it succeeds, fails with something other
// than not-found, or propagationTimeout (bounded by ctx) runs out.
func retryWhileNotFound[T any](ctx context.Context, what string, get func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, propagationTimeout)
	defer cancel()
	b := backoff{delay: 250 * time.Millisecond, max: 5 * time.Second}
	for {
		v, err := get(ctx)
		if err == nil || !alicloud.IsNotFound(err) {
			return v, err
		}
		tflog.Debug(ctx, "object not visible yet after create; waiting for propagation", map[string]any{"object": what, "delay": b.delay.String()})
		if !b.wait(ctx) {
			return v, err
		}
	}
}

// backoff is the doubling, capped delay of the provider's polling loops
// (propagation, delete conflicts, deletion tasks). The API client has its
// own retry policy for transport errors; these loops wait on the state of
// an object, which the client cannot know about.
type backoff struct {
	delay, max time.Duration
}

// wait sleeps for the current delay and doubles it, up to max. It reports
// false, at once, when ctx ends first.
func (b *backoff) wait(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return false
	case <-time.After(b.delay):
	}
	b.delay = min(b.delay*2, b.max)
	return true
}
