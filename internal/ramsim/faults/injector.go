// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"math/rand/v2"
	"net/http"
	"sync"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Fault kinds, as counted in ActionCounters.Faults.
const (
	Throttle = "throttle" // injected Throttling.User
	QPS      = "qps"      // Throttling.User from the per-AccessKey limit
	FiveXX   = "5xx"      // injected InternalError or ServiceUnavailable
	Lost     = "lost"     // handler ran, connection closed without an answer
	Reset    = "reset"    // connection closed before the handler ran
	Latency  = "latency"  // answer delayed (latency and/or jitter)
)

// Injector is the fault injector of one server: the spec, and the seeded
// random source and token buckets it draws from. mu guards every field;
// it is never held while a request sleeps or a handler runs.
type Injector struct {
	mu      sync.Mutex
	spec    Spec
	seed    int64
	rng     *rand.Rand
	buckets map[string]*tokenBucket // by AccessKeyId
}

// tokenBucket is a per-AccessKey request budget: it holds up to
// max(qps, 1) tokens and refills qps tokens a second.
type tokenBucket struct {
	tokens float64
	last   time.Time
}

// Decision is what the injector does to one request.
type Decision struct {
	Kind   string // "" (none), Throttle, QPS, FiveXX, Lost or Reset
	status int    // for FiveXX: 500 or 503
	Delay  time.Duration
}

// Set replaces the spec and restarts the random sequence from seed, with
// empty token buckets.
func (f *Injector) Set(sp Spec, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.spec, f.seed = sp, seed
	f.rng = rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
	f.buckets = map[string]*tokenBucket{}
}

// Get returns the spec and its seed.
func (f *Injector) Get() (Spec, int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.spec, f.seed
}

// Consistency is the visibility delay of creations and deletions.
func (f *Injector) Consistency() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.spec.consistency
}

// Decide draws the fault of one request for action by accessKeyID at now.
// A request in scope always consumes exactly three random numbers, whatever
// the rates, so the same seed and request sequence give the same faults.
func (f *Injector) Decide(action, accessKeyID string, now time.Time) Decision {
	f.mu.Lock()
	defer f.mu.Unlock()
	sp := f.spec
	if f.rng == nil || !sp.injects() || !sp.scoped(action) {
		return Decision{}
	}
	u, pick, spread := f.rng.Float64(), f.rng.Float64(), f.rng.Float64()
	d := Decision{Delay: sp.latency + time.Duration(spread*float64(sp.jitter))}
	if sp.qps > 0 && !f.take(accessKeyID, now, sp.qps) {
		d.Kind = QPS
		return d
	}
	switch {
	case u < sp.throttle:
		d.Kind = Throttle
	case u < sp.throttle+sp.fiveXX:
		d.Kind, d.status = FiveXX, http.StatusInternalServerError
		if pick >= 0.5 {
			d.status = http.StatusServiceUnavailable
		}
	case u < sp.throttle+sp.fiveXX+sp.lost:
		d.Kind = Lost
	case u < sp.throttle+sp.fiveXX+sp.lost+sp.reset:
		d.Kind = Reset
	}
	return d
}

// take spends a token of key's bucket, reporting false when it is empty.
func (f *Injector) take(key string, now time.Time, qps float64) bool {
	capacity := max(qps, 1)
	b := f.buckets[key]
	if b == nil {
		b = &tokenBucket{tokens: capacity, last: now}
		f.buckets[key] = b
	}
	if elapsed := now.Sub(b.last); elapsed > 0 {
		b.tokens = min(capacity, b.tokens+elapsed.Seconds()*qps)
		b.last = now
	}
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// errThrottled is the gateway's flow-control answer (Alibaba Cloud's API throttling documentation).
func errThrottled() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "Throttling.User", "Request was denied due to user flow control.")
}

// errUnavailable: the code and status are real, the message assumed.
func errUnavailable() *wire.Error {
	return wire.NewError(http.StatusServiceUnavailable, "ServiceUnavailable",
		"The request has failed due to a temporary failure of the server.")
}

// InjectedError is the answer of a throttle, qps or 5xx decision.
func (d Decision) InjectedError() *wire.Error {
	switch d.Kind {
	case Throttle, QPS:
		return errThrottled()
	case FiveXX:
		if d.status == http.StatusServiceUnavailable {
			return errUnavailable()
		}
		return wire.Internal()
	}
	return nil
}
