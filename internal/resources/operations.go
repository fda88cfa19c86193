// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

// The start of every operation
//
// creating, reading, updating and deleting read a resource's model from the
// request and bound the context: by the operation's entry of `timeouts`
// (else defaultTimeout), or by readTimeout for a refresh, which has no
// entry. The cancel func they return is never nil, so the caller defers it
// at once; ok is false when a diagnostic already ends the operation:
//
//	var plan userModel
//	ctx, cancel, ok := creating(ctx, req, resp, &plan)
//	defer cancel()
//	if !ok {
//		return
//	}

// timed is a model with a `timeouts` attribute (timeoutsAttribute).
type timed interface {
	timeoutsValue() timeouts.Value
}

// timeoutFunc is one entry of timeouts.Value, e.g. its Create method.
type timeoutFunc func(context.Context, time.Duration) (time.Duration, diag.Diagnostics)

func creating[M timed](ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse, plan *M) (context.Context, context.CancelFunc, bool) {
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	return bounded(ctx, &resp.Diagnostics, (*plan).timeoutsValue().Create)
}

// updating reads the plan and the prior state; the plan's update entry
// bounds the context.
func updating[M timed](ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse, plan, state *M) (context.Context, context.CancelFunc, bool) {
	resp.Diagnostics.Append(req.Plan.Get(ctx, plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	return bounded(ctx, &resp.Diagnostics, (*plan).timeoutsValue().Update)
}

func deleting[M timed](ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse, state *M) (context.Context, context.CancelFunc, bool) {
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	return bounded(ctx, &resp.Diagnostics, (*state).timeoutsValue().Delete)
}

// reading takes any model: a refresh is bounded by readTimeout.
func reading[M any](ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse, state *M) (context.Context, context.CancelFunc, bool) {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	resp.Diagnostics.Append(req.State.Get(ctx, state)...)
	return ctx, cancel, !resp.Diagnostics.HasError()
}

// bounded bounds ctx by limit, unless diags already holds an error.
func bounded(ctx context.Context, diags *diag.Diagnostics, limit timeoutFunc) (context.Context, context.CancelFunc, bool) {
	if diags.HasError() {
		return ctx, func() {}, false
	}
	d, more := limit(ctx, defaultTimeout)
	diags.Append(more...)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, !diags.HasError()
}
