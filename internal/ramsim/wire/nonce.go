// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"sync"
	"time"
)

// NonceCache remembers signature nonces until the timestamp they came with
// leaves the time window; after that the timestamp check alone rejects a
// replay, so the entry can go.
type NonceCache struct {
	mu        sync.Mutex
	expires   map[string]time.Time
	lastPurge time.Time
}

// use records key and reports whether it was unused. Expired entries are
// purged at most once a minute to keep the cost per request flat.
func (c *NonceCache) use(key string, expires, now time.Time) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.expires == nil {
		c.expires = make(map[string]time.Time)
	}
	if now.Sub(c.lastPurge) > time.Minute {
		for k, exp := range c.expires {
			if now.After(exp) {
				delete(c.expires, k)
			}
		}
		c.lastPurge = now
	}
	if exp, ok := c.expires[key]; ok && !now.After(exp) {
		return false
	}
	c.expires[key] = expires
	return true
}
