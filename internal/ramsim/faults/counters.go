// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"maps"
	"sync"
)

// Counters are the request counts since the server started or the last
// ResetCounters, per action and in total. Every API request is counted,
// faulted ones included; admin requests are not.
type Counters struct {
	Actions map[string]ActionCounters `json:"actions"` // by Action ("-" when the request names none)
	Total   ActionCounters            `json:"total"`
}

// ActionCounters are the counts of one action. Received = OK + Errors +
// the requests whose connection was dropped (Faults["lost"] +
// Faults["reset"]), once all answers are written.
type ActionCounters struct {
	Received int64 `json:"received"`
	OK       int64 `json:"ok"`     // answered 200
	Errors   int64 `json:"errors"` // answered with an error, injected ones included
	// Throttled are the Throttling.User answers: injected (throttle) or
	// over the qps limit.
	Throttled int64 `json:"throttled"`
	// Faults are the injected faults by kind: throttle, qps, 5xx, lost,
	// Reset, latency (a delayed answer, counted besides the other kinds).
	Faults map[string]int64 `json:"faults"`
}

// CounterSet holds the live counts; mu guards them.
type CounterSet struct {
	mu      sync.Mutex
	actions map[string]*ActionCounters
}

func (c *CounterSet) update(action string, f func(a *ActionCounters)) {
	if action == "" {
		action = "-"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.actions == nil {
		c.actions = map[string]*ActionCounters{}
	}
	a := c.actions[action]
	if a == nil {
		a = &ActionCounters{Faults: map[string]int64{}}
		c.actions[action] = a
	}
	f(a)
}

// Received counts a request for action as it arrives.
func (c *CounterSet) Received(action string) {
	c.update(action, func(a *ActionCounters) { a.Received++ })
}

// Fault counts a fault of kind injected into a request for action.
func (c *CounterSet) Fault(action, kind string) {
	c.update(action, func(a *ActionCounters) {
		a.Faults[kind]++
		if kind == Throttle || kind == QPS {
			a.Throttled++
		}
	})
}

// Answered counts the answer to a request for action: ok, or an error.
func (c *CounterSet) Answered(action string, ok bool) {
	c.update(action, func(a *ActionCounters) {
		if ok {
			a.OK++
		} else {
			a.Errors++
		}
	})
}

// Snapshot returns a copy of the counts.
func (c *CounterSet) Snapshot() Counters {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.snapshotLocked()
}

func (c *CounterSet) snapshotLocked() Counters {
	out := Counters{Actions: map[string]ActionCounters{}, Total: ActionCounters{Faults: map[string]int64{}}}
	for name, a := range c.actions {
		cp := *a
		cp.Faults = maps.Clone(a.Faults)
		out.Actions[name] = cp
		out.Total.Received += a.Received
		out.Total.OK += a.OK
		out.Total.Errors += a.Errors
		out.Total.Throttled += a.Throttled
		for k, n := range a.Faults {
			out.Total.Faults[k] += n
		}
	}
	return out
}

// Reset zeroes the counts, returning them as they were.
func (c *CounterSet) Reset() Counters {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.snapshotLocked()
	c.actions = nil
	return out
}
