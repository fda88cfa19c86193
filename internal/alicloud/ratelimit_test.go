// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"bytes"
	"context"
	"errors"
	"math"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// fakeClock is a settable clock for the limiter.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestLimiter() (*rateLimiter, *fakeClock) {
	clock := &fakeClock{t: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	return newRateLimiter(clock.now), clock
}

// sendAt answers n requests at perSecond, each answered as it is sent,
// and returns the change the last answer reported.
func sendAt(l *rateLimiter, clock *fakeClock, perSecond float64, n int) *rateChange {
	var ch *rateChange
	for range n {
		clock.advance(time.Duration(float64(time.Second) / perSecond))
		ch = l.update(clock.now(), false)
	}
	return ch
}

func near(got, want float64) bool { return math.Abs(got-want) <= 0.02*want }

func TestRateLimiterUnlimitedUntilThrottled(t *testing.T) {
	l, clock := newTestLimiter()
	if ch := sendAt(l, clock, 200, 400); ch != nil {
		t.Errorf("successes alone changed the rate: %+v", ch)
	}
	for i := range 1000 {
		if d, ok := l.take(); !ok {
			t.Fatalf("request %d delayed %v before any throttle", i, d)
		}
	}
}

func TestRateLimiterThrottleCutsRate(t *testing.T) {
	l, clock := newTestLimiter()
	sendAt(l, clock, 20, 40) // two seconds at 20/s
	ch := l.update(clock.now(), true)
	if ch == nil || !ch.throttled || !near(ch.measured, 20) || !near(ch.to, 14) {
		t.Fatalf("first throttle: %+v; want the measured 20/s cut to 14/s", ch)
	}
	if !near(l.lastMax, 20) {
		t.Errorf("last max %v, want 20", l.lastMax)
	}

	// Answers to requests sent before the cut were paced at the old rate:
	// they do not cut again.
	clock.advance(10 * time.Millisecond)
	if ch := l.update(clock.now().Add(-20*time.Millisecond), true); ch != nil || !near(l.rate, 14) {
		t.Fatalf("a throttle sent before the cut changed the rate to %v (%+v)", l.rate, ch)
	}
	// One sent after it does: from the lower of the measured and the
	// current rate.
	ch = l.update(clock.now(), true)
	if ch == nil || !near(ch.to, 0.7*14) || !near(l.lastMax, 14) {
		t.Fatalf("second throttle: %+v, last max %v; want 9.8/s from 14", ch, l.lastMax)
	}
}

// The first answers of a run come in a burst, before any measurement
// window is complete: the rate seen so far stands in for the measurement,
// rather than zero (which would drop to the 0.5/s floor).
func TestRateLimiterFirstThrottleInBurst(t *testing.T) {
	l, clock := newTestLimiter()
	sendAt(l, clock, 1000, 20) // sent and answered 1ms apart, from 1ms on
	clock.advance(time.Millisecond)
	if ch := l.update(clock.now(), true); ch == nil || !near(ch.measured, 21/0.020) || !near(ch.to, 0.7*21/0.020) {
		t.Fatalf("first throttle in a burst: %+v", ch)
	}
}

func TestRateLimiterRecoversCubically(t *testing.T) {
	l, clock := newTestLimiter()
	sendAt(l, clock, 20, 40)
	l.update(clock.now(), true) // 20/s cut to 14/s
	k := math.Cbrt(20 * (1 - cubicBeta) / cubicScale)

	// Sending as fast as allowed, the rate climbs back to the last
	// maximum at K, and concave before it (fast first, flattening).
	var rates []float64
	for step := 1; step <= 8; step++ {
		sendAt(l, clock, l.rate, int(math.Ceil(l.rate*k/8)))
		rates = append(rates, l.rate)
	}
	for i := 1; i < len(rates); i++ {
		if rates[i] < rates[i-1] {
			t.Fatalf("rate fell while recovering: %v", rates)
		}
	}
	if rates[0]-14 < rates[len(rates)-1]-rates[len(rates)-2] {
		t.Errorf("growth not concave below the last max: %v", rates)
	}
	if got := l.rate; got < 19 || got > 21 {
		t.Errorf("rate %v at about K = %.2fs after the cut, want about the last max 20", got, k)
	}
	// Past K it probes beyond the old maximum, ever faster.
	sendAt(l, clock, l.rate, int(2*l.rate))
	if l.rate <= 21 {
		t.Errorf("rate %v two seconds past K, want above the last max", l.rate)
	}
}

// A rate that is not being used says nothing about the limit: it never
// rises past twice the measured send rate.
func TestRateLimiterCappedByTwiceTheSendRate(t *testing.T) {
	l, clock := newTestLimiter()
	sendAt(l, clock, 20, 40)
	l.update(clock.now(), true)
	sendAt(l, clock, 2, 20) // ten quiet seconds
	if !near(l.measured, 2) || l.rate > 2*l.measured {
		t.Fatalf("rate %v with a send rate of %v", l.rate, l.measured)
	}
}

func TestRateLimiterBucketBlocks(t *testing.T) {
	l, clock := newTestLimiter()
	sendAt(l, clock, 20, 40)
	l.update(clock.now(), true) // 14/s, empty bucket
	d, ok := l.take()
	if ok || d <= 0 || d > time.Second/14+time.Millisecond {
		t.Fatalf("take from an empty bucket = %v, %v; want a wait of 1/14 s", d, ok)
	}
	clock.advance(d)
	if _, ok := l.take(); !ok {
		t.Fatal("no token after the announced wait")
	}
	// After a long pause the bucket holds one second of tokens, no more.
	clock.advance(time.Minute)
	taken := 0
	for {
		if _, ok := l.take(); !ok {
			break
		}
		taken++
	}
	if taken != 14 {
		t.Errorf("burst of %d after a pause, want 14 (one second)", taken)
	}
}

// throttledLimiter is a real-time limiter cut to its floor: one request
// in ten seconds, throttled. The next token is two seconds away.
func throttledLimiter() *rateLimiter {
	l := newRateLimiter(time.Now)
	l.update(time.Now().Add(-10*time.Second), true)
	return l
}

func TestRateLimiterWaitRespectsDeadline(t *testing.T) {
	l := throttledLimiter()
	if l.rate != minRate {
		t.Fatalf("rate %v, want the floor %v", l.rate, minRate)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := l.wait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("wait = %v", err)
	}
	if elapsed := time.Since(start); elapsed > 100*time.Millisecond {
		t.Errorf("waited %v for a token due after the deadline; want to give up at once", elapsed)
	}

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if err := l.wait(ctx); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Fatalf("wait = %v after %v; want canceled soon", err, time.Since(start))
	}
}

// A call whose token would come after its deadline is not sent.
func TestCallDoesNotWaitPastDeadlineForToken(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": map[string]any{"UserName": "alice"}}))
	c := testClient(t, f.URL)
	c.limiter = throttledLimiter()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetUser(ctx, "alice")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 100*time.Millisecond {
		t.Fatalf("GetUser = %v after %v", err, time.Since(start))
	}
	if f.count() != 0 {
		t.Errorf("%d requests sent", f.count())
	}
}

// A retry whose token would come after the deadline is not sent either:
// the call fails at once with the throttling answer and the deadline.
func TestRetryDoesNotWaitPastDeadlineForToken(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		apiError(w, 400, "Throttling.User", "Request was denied due to user flow control.")
	})
	c := testClient(t, f.URL)
	c.limiter = throttledLimiter()
	c.limiter.tokens = 1 // for the first attempt only
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetUser(ctx, "alice")
	if !IsThrottled(err) || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "after 1 attempts") {
		t.Fatalf("GetUser = %v", err)
	}
	if elapsed := time.Since(start); elapsed > 200*time.Millisecond || f.count() != 1 {
		t.Errorf("%d requests in %v; want 1 and no wait for a token due after the deadline", f.count(), elapsed)
	}
}

// serverBucket admits perSecond requests a second with bursts of as many,
// like ramsim's qps limit.
type serverBucket struct {
	mu        sync.Mutex
	perSecond float64
	tokens    float64
	last      time.Time
}

func (b *serverBucket) admit() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	if b.last.IsZero() {
		b.tokens = b.perSecond
	} else {
		b.tokens = min(b.perSecond, b.tokens+now.Sub(b.last).Seconds()*b.perSecond)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// Against a server that throttles above 100 requests/s, 10 goroutines
// making 400 calls send at most 1.2 requests per call, and every call
// succeeds.
func TestRateLimiterLearnsServerLimit(t *testing.T) {
	t.Parallel() // about three seconds of real time
	const limit, calls, workers = 100, 400, 10
	bucket := &serverBucket{perSecond: limit}
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		if !bucket.admit() {
			apiError(w, 400, "Throttling.User", "Request was denied due to user flow control.")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "User": map[string]any{"UserName": "alice"}})
	})
	c := testClient(t, f.URL)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var next atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, calls)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= calls {
				if _, err := c.GetUser(ctx, "alice"); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("GetUser: %v", err)
	}
	elapsed := time.Since(start)
	perCall := float64(f.count()) / calls
	t.Logf("%d calls: %d requests (%.3f a call) in %v; ideal %.1fs", calls, f.count(), perCall, elapsed, float64(calls-limit)/limit)
	if perCall > 1.2 {
		t.Errorf("%.3f requests a call, want at most 1.2", perCall)
	}
}

// A cut is logged at debug level, with numbers and no request data.
func TestRateChangeLogged(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		if n == 1 {
			apiError(w, 400, "Throttling.User", "Request was denied due to user flow control.")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "User": map[string]any{"UserName": "alice"}})
	})
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if _, err := testClient(t, f.URL).GetUser(ctx, "alice"); err != nil {
		t.Fatal(err)
	}
	text := logs.String()
	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var cuts []map[string]any
	for _, e := range entries {
		if e["@message"] == "adjusted the client-side request rate" {
			cuts = append(cuts, e)
		}
	}
	if len(cuts) != 1 || cuts[0]["@level"] != "debug" || cuts[0]["cause"] != "throttled" {
		t.Fatalf("rate log entries %v", cuts)
	}
	if r, ok := cuts[0]["requests_per_second"].(float64); !ok || r < minRate {
		t.Errorf("requests_per_second = %v", cuts[0]["requests_per_second"])
	}
	if _, ok := cuts[0]["previous_per_second"]; ok {
		t.Error("a first limit has no previous rate")
	}
	if !strings.Contains(text, "Throttling.User") || strings.Contains(text, "alice") {
		// The retry line names the code; nothing names the user.
		t.Errorf("log:\n%s", text)
	}
}
