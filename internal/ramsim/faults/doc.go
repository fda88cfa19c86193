// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package faults is ramsim's fault injector and request counters: the
// fault spec (throttle=P,5xx=P,lost=P,reset=P,latency=D,jitter=D,qps=N,
// consistency=D,actions=A|B), the seeded decisions it draws per request so
// that a seed replays the same faults, the per-AccessKey rate limit, the
// dropped connections, and the per-action counts. It holds no product
// state: the server applies a decision around the handler, and package ram
// applies the consistency delay to its store. The ramsim guide
// (docs/guides/ramsim.md) gives the spec syntax for users.
package faults
