// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRetryThrottledThenSuccess(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		if n <= 2 {
			apiError(w, 400, "Throttling.User", "Request was denied due to user flow control.")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "User": map[string]any{"UserName": "alice"}})
	})
	u, err := testClient(t, f.URL).GetUser(context.Background(), "alice")
	if err != nil || u.UserName != "alice" {
		t.Fatalf("GetUser = %+v, %v", u, err)
	}
	if f.count() != 3 {
		t.Errorf("%d attempts, want 3", f.count())
	}
}

func TestRetry5xxExhausted(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		apiError(w, 503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
	})
	err := testClient(t, f.URL).DeleteUser(context.Background(), "alice")
	if !IsRetryable(err) || ErrorCode(err) != "ServiceUnavailable" || !strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("err = %v", err)
	}
	if f.count() != fastRetry.MaxAttempts {
		t.Errorf("%d attempts, want %d", f.count(), fastRetry.MaxAttempts)
	}
}

func TestNoRetryOn4xx(t *testing.T) {
	for _, code := range []string{"EntityNotExist.User", "InvalidParameter.UserName.Length", "DeleteConflict.User.Group"} {
		f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) { apiError(w, 400, code, "no") })
		if err := testClient(t, f.URL).DeleteUser(context.Background(), "alice"); ErrorCode(err) != code {
			t.Errorf("%s: %v", code, err)
		}
		if f.count() != 1 {
			t.Errorf("%s: %d attempts, want 1", code, f.count())
		}
	}
}

func TestRetryStopsAtContextDeadline(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) { apiError(w, 500, "InternalError", "oops") })
	c := testClient(t, f.URL, func(cfg *Config) {
		cfg.Retry = RetryPolicy{MaxAttempts: 100, BaseDelay: 10 * time.Second, MaxDelay: 10 * time.Second}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.GetUser(ctx, "alice")
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("took %v; must not sleep past the deadline", elapsed)
	}
	if !errors.Is(err, context.DeadlineExceeded) || ErrorCode(err) != "InternalError" {
		t.Fatalf("err = %v; want the last API error and the deadline", err)
	}
}

func TestRetryStopsWhenContextCanceled(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) { apiError(w, 400, "Throttling.User", "slow down") })
	c := testClient(t, f.URL, func(cfg *Config) {
		cfg.Retry = RetryPolicy{MaxAttempts: 5, BaseDelay: 5 * time.Second, MaxDelay: 5 * time.Second}
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	time.AfterFunc(100*time.Millisecond, cancel) // the caller gives up while we back off
	start := time.Now()
	_, err := c.GetUser(ctx, "alice")
	// Full jitter may pick a delay under 100ms, so a second attempt is possible.
	if time.Since(start) > 2*time.Second || !errors.Is(err, context.Canceled) || !IsThrottled(err) || f.count() > 2 {
		t.Fatalf("after %v, %d attempts: %v", time.Since(start), f.count(), err)
	}
}

func TestConnectionRefusedRetried(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close() // nothing listens there now
	_, err = testClient(t, "http://"+addr).GetUser(context.Background(), "alice")
	var te *TransportError
	if !errors.As(err, &te) || te.Product != "ram" || te.Action != "GetUser" || !IsRetryable(err) ||
		!strings.Contains(err.Error(), "gave up after 4 attempts") {
		t.Fatalf("err = %v", err)
	}
	var ae *APIError
	if errors.As(err, &ae) {
		t.Error("a connection failure is not an APIError")
	}
}

func TestConnectionResetRetried(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Close() })
	var accepted atomic.Int32
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			accepted.Add(1)
			_ = conn.Close() // hang up before answering
		}
	}()
	_, err = testClient(t, "http://"+l.Addr().String()).GetUser(context.Background(), "alice")
	if !IsRetryable(err) {
		t.Fatalf("err = %v", err)
	}
	if accepted.Load() != int32(fastRetry.MaxAttempts) {
		t.Errorf("%d attempts, want %d", accepted.Load(), fastRetry.MaxAttempts)
	}
}

func TestBackoffBounds(t *testing.T) {
	p := RetryPolicy{}.withDefaults()
	if p.MaxAttempts != 8 || p.BaseDelay != 200*time.Millisecond || p.MaxDelay != 5*time.Second {
		t.Fatalf("defaults %+v", p)
	}
	for attempt := 1; attempt <= 40; attempt++ {
		ceiling := min(p.BaseDelay<<min(attempt-1, 10), p.MaxDelay)
		for range 50 {
			if d := p.delay(attempt); d < 0 || d > ceiling {
				t.Fatalf("attempt %d: delay %v outside [0, %v]", attempt, d, ceiling)
			}
		}
	}
}

// With a deadline the budget is the deadline, not MaxAttempts: an operation
// keeps riding out throttling for as long as its timeout allows.
func TestRetryWithDeadlineOutlastsMaxAttempts(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		if n <= 3*fastRetry.MaxAttempts {
			apiError(w, 400, "Throttling.User", "Request was denied due to user flow control.")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "User": map[string]any{"UserName": "alice"}})
	})
	// The deadline is far above what the attempts need (well under a second
	// with fastRetry's delays): the test ends when the call succeeds, and a
	// loaded machine must not turn the deadline into the limit under test.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := testClient(t, f.URL).GetUser(ctx, "alice"); err != nil {
		t.Fatalf("GetUser: %v", err)
	}
	if f.count() != 3*fastRetry.MaxAttempts+1 {
		t.Errorf("%d attempts, want %d", f.count(), 3*fastRetry.MaxAttempts+1)
	}
}

// The attempt log tells a caller that a create's "already exists" follows
// an attempt whose answer was lost, and when the first attempt was sent.
func TestAttemptLogRecordsUnansweredAttempts(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		switch n {
		case 1:
			apiError(w, 400, "Throttling.User", "slow down") // not carried out
		case 2:
			// Carried out, answer lost.
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					_ = conn.Close()
				}
			}
		default:
			apiError(w, 409, "EntityAlreadyExists.User", "The user already exists.")
		}
	})
	before := time.Now()
	ctx, log := WithAttemptLog(context.Background())
	_, err := testClient(t, f.URL).CreateUser(ctx, CreateUserInput{UserName: "alice"})
	if !IsAlreadyExists(err) {
		t.Fatalf("err = %v", err)
	}
	if log.Attempts() != 3 || log.Unknown() != 1 {
		t.Errorf("attempts %d, unknown %d; want 3 and 1", log.Attempts(), log.Unknown())
	}
	if s := log.FirstSent(); s.Before(before) || s.After(time.Now()) {
		t.Errorf("first sent %v, not within the call", s)
	}
	// Calls without a log are unaffected, and a nil log is inert.
	if _, err := testClient(t, f.URL).GetUser(context.Background(), "x"); err == nil {
		t.Error("want the fake's error")
	}
}
