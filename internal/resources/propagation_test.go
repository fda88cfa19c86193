// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

var errNotFound = &alicloud.APIError{Code: "EntityNotExist.User", HTTPStatus: 404, Class: alicloud.ClassNotFound}

func TestRetryWhileNotFoundWaitsForPropagation(t *testing.T) {
	calls := 0
	got, err := retryWhileNotFound(context.Background(), "user", func(context.Context) (string, error) {
		calls++
		if calls < 3 {
			return "", errNotFound
		}
		return "visible", nil
	})
	if err != nil || got != "visible" || calls != 3 {
		t.Fatalf("got (%q, %v) after %d calls; want visible after 3", got, err, calls)
	}
}

func TestRetryWhileNotFoundStopsOnOtherErrors(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	_, err := retryWhileNotFound(context.Background(), "user", func(context.Context) (string, error) {
		calls++
		return "", boom
	})
	if !errors.Is(err, boom) || calls != 1 {
		t.Fatalf("got %v after %d calls; want boom after 1", err, calls)
	}
}

func TestRetryWhileNotFoundHonoursDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 600*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := retryWhileNotFound(ctx, "user", func(context.Context) (string, error) { return "", errNotFound })
	if !alicloud.IsNotFound(err) {
		t.Fatalf("want the last not-found error, got %v", err)
	}
	if elapsed := time.Since(start); elapsed > 5*time.Second {
		t.Fatalf("retried for %s, past the 600ms deadline", elapsed)
	}
}
