// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

func conflict(code string) error {
	return &alicloud.APIError{Code: code, Message: "still has dependants", HTTPStatus: 409, Class: alicloud.ClassConflict}
}

// fastConflictWaits are the default waits shrunk to test scale.
var fastConflictWaits = conflictWaits{timeout: 2 * time.Second, patience: 100 * time.Millisecond, firstDelay: 5 * time.Millisecond}

// Dependants on their way out (fewer each time, then none listed while the
// delete still lags): the delete is retried until it succeeds.
func TestDeleteWaitingRidesOutDependantsGoing(t *testing.T) {
	t.Parallel()
	calls := 0
	deps := [][]string{{"a", "b"}, {"a"}, {}, {}}
	err := fastConflictWaits.wait(context.Background(), "RAM user \"x\"",
		func(context.Context) error {
			calls++
			if calls <= len(deps) {
				return conflict("DeleteConflict.User.Group")
			}
			return nil
		},
		func(context.Context) ([]string, error) { return deps[min(calls, len(deps))-1], nil })
	if err != nil || calls != len(deps)+1 {
		t.Fatalf("after %d calls: %v", calls, err)
	}
}

// Dependants nobody removes: it gives up after the patience, not the
// whole timeout, names them, and stays a conflict for the caller's advice.
func TestDeleteWaitingNamesStuckDependants(t *testing.T) {
	t.Parallel()
	start := time.Now()
	err := fastConflictWaits.wait(context.Background(), "RAM role \"r\"",
		func(context.Context) error { return conflict("DeleteConflict.Role.Policy") },
		func(context.Context) ([]string, error) {
			return []string{`attached System policy "AliyunMSEFullAccess"`}, nil
		})
	if !alicloud.IsConflict(err) || !strings.Contains(err.Error(), `RAM role "r" still has dependants`) ||
		!strings.Contains(err.Error(), "AliyunMSEFullAccess") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v; unchanged dependants must end the wait after the patience", d)
	}
}

// A conflict that never clears and lists nothing is bounded by the
// timeout, and by the caller's context.
func TestDeleteWaitingIsBounded(t *testing.T) {
	t.Parallel()
	w := fastConflictWaits
	w.timeout = 200 * time.Millisecond
	start := time.Now()
	err := w.wait(context.Background(), "RAM group \"g\"",
		func(context.Context) error { return conflict("DeleteConflict.Group.User") },
		func(context.Context) ([]string, error) { return nil, errors.New("listing failed") })
	if !alicloud.IsConflict(err) || !strings.Contains(err.Error(), "none could be listed") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

// Other answers pass through untouched.
func TestDeleteWaitingPassesOtherErrors(t *testing.T) {
	nf := &alicloud.APIError{Code: "EntityNotExist.User", Class: alicloud.ClassNotFound}
	calls := 0
	err := deleteWaiting(context.Background(), "x", func(context.Context) error { calls++; return nf },
		func(context.Context) ([]string, error) { t.Fatal("dependants listed"); return nil, nil })
	if !errors.Is(err, nf) || calls != 1 {
		t.Fatalf("%d calls: %v", calls, err)
	}
}

func TestCreatedTooEarly(t *testing.T) {
	sent := time.Date(2026, 5, 1, 8, 0, 0, 500_000_000, time.UTC)
	for _, c := range []struct {
		created string
		ok      bool
	}{
		{"2026-05-01T08:00:00Z", true},  // same second, truncated
		{"2026-05-01T07:59:56Z", true},  // within the clock skew
		{"2026-05-01T08:03:00Z", true},  // later
		{"2026-05-01T07:59:50Z", false}, // before the request was sent
		{"2025-01-01T00:00:00Z", false},
		{"yesterday", false},
	} {
		if why := createdTooEarly(c.created, sent); (why == "") != c.ok {
			t.Errorf("created %s, sent %s: %q", c.created, sent.Format(time.RFC3339Nano), why)
		}
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{5 * time.Minute: "5m", time.Hour: "1h", 90 * time.Second: "1m30s"} {
		if got := shortDuration(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}
