// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"context"
	"math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Fault kinds, as counted in ActionCounters.Faults.
const (
	faultThrottle = "throttle" // injected Throttling.User
	faultQPS      = "qps"      // Throttling.User from the per-AccessKey limit
	fault5xx      = "5xx"      // injected InternalError or ServiceUnavailable
	faultLost     = "lost"     // handler ran, connection closed without an answer
	faultReset    = "reset"    // connection closed before the handler ran
	faultLatency  = "latency"  // answer delayed (latency and/or jitter)
)

// faultState is the fault injector of one server: the spec, and the seeded
// random source and token buckets it draws from. mu guards every field;
// it is never held while a request sleeps or a handler runs.
type faultState struct {
	mu      sync.Mutex
	spec    faultSpec
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

// faultDecision is what the injector does to one request.
type faultDecision struct {
	kind   string // "" (none), faultThrottle, faultQPS, fault5xx, faultLost or faultReset
	status int    // for fault5xx: 500 or 503
	delay  time.Duration
}

// set replaces the spec and restarts the random sequence from seed, with
// empty token buckets.
func (f *faultState) set(sp faultSpec, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.spec, f.seed = sp, seed
	f.rng = rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15))
	f.buckets = map[string]*tokenBucket{}
}

func (f *faultState) get() (faultSpec, int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.spec, f.seed
}

// consistency is the visibility delay of creations and deletions.
func (f *faultState) consistency() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.spec.consistency
}

// decide draws the fault of one request for action by accessKeyID at now.
// A request in scope always consumes exactly three random numbers, whatever
// the rates, so the same seed and request sequence give the same faults.
func (f *faultState) decide(action, accessKeyID string, now time.Time) faultDecision {
	f.mu.Lock()
	defer f.mu.Unlock()
	sp := f.spec
	if f.rng == nil || !sp.injects() || !sp.scoped(action) {
		return faultDecision{}
	}
	u, pick, spread := f.rng.Float64(), f.rng.Float64(), f.rng.Float64()
	d := faultDecision{delay: sp.latency + time.Duration(spread*float64(sp.jitter))}
	if sp.qps > 0 && !f.take(accessKeyID, now, sp.qps) {
		d.kind = faultQPS
		return d
	}
	switch {
	case u < sp.throttle:
		d.kind = faultThrottle
	case u < sp.throttle+sp.fiveXX:
		d.kind, d.status = fault5xx, http.StatusInternalServerError
		if pick >= 0.5 {
			d.status = http.StatusServiceUnavailable
		}
	case u < sp.throttle+sp.fiveXX+sp.lost:
		d.kind = faultLost
	case u < sp.throttle+sp.fiveXX+sp.lost+sp.reset:
		d.kind = faultReset
	}
	return d
}

// take spends a token of key's bucket, reporting false when it is empty.
func (f *faultState) take(key string, now time.Time, qps float64) bool {
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

// SetFaults replaces the fault specification (syntax: the package doc,
// section "Faults"; "" turns faults off) and restarts the random sequence
// from seed. A bad spec changes nothing and is reported with the key and
// the rule it breaks.
func (s *Server) SetFaults(spec string, seed int64) error {
	sp, err := parseFaultSpec(spec)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults.set(sp, seed)
	if sp.consistency == 0 {
		s.lag = nil
	}
	return nil
}

// Faults returns the current specification in canonical form and its seed.
func (s *Server) Faults() (spec string, seed int64) {
	sp, seed := s.faults.get()
	return sp.String(), seed
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

// injectedError is the answer of a throttle, qps or 5xx decision.
func (d faultDecision) injectedError() *wire.Error {
	switch d.kind {
	case faultThrottle, faultQPS:
		return errThrottled()
	case fault5xx:
		if d.status == http.StatusServiceUnavailable {
			return errUnavailable()
		}
		return wire.Internal()
	}
	return nil
}

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// dropConnection closes the client connection without an answer. With
// rst the close discards unsent data and sends a TCP RST (a "connection
// reset by peer"); otherwise it is an orderly close (the client reads EOF).
// A writer that cannot be hijacked (HTTP/2, httptest.ResponseRecorder) is
// aborted with http.ErrAbortHandler, which net/http turns into a dropped
// connection or stream.
func dropConnection(w http.ResponseWriter, rst bool) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok && rst {
		_ = tc.SetLinger(0)
	}
	conn.Close()
}
