// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"testing"
	"time"
)

// A nonce is refused while its timestamp is in the window, and forgotten
// once the window has passed, so the cache does not grow without bound.
func TestNonceCachePurge(t *testing.T) {
	var c NonceCache
	now := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	if !c.use("k\nn1", now.Add(timeWindow), now) {
		t.Fatal("first use refused")
	}
	if c.use("k\nn1", now.Add(timeWindow), now.Add(time.Minute)) {
		t.Fatal("reuse inside the window accepted")
	}
	later := now.Add(2 * timeWindow)
	if !c.use("k\nn2", later.Add(timeWindow), later) {
		t.Fatal("fresh nonce refused")
	}
	if n := len(c.expires); n != 1 {
		t.Fatalf("cache holds %d entries after the window passed, want 1", n)
	}
}
