// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The decisions, every kind included, are a function of the seed.
func TestDecisionsReplay(t *testing.T) {
	decide := func(seed int64) string {
		var f Injector
		sp, _ := Parse("throttle=0.2,5xx=0.2,lost=0.2,reset=0.2,jitter=10ms", testActions)
		f.Set(sp, seed)
		var sb strings.Builder
		for range 200 {
			d := f.Decide("CreateUser", "k", time.Unix(0, 0))
			fmt.Fprintf(&sb, "%s/%d/%d ", d.Kind, d.status, d.Delay)
		}
		return sb.String()
	}
	first, again := decide(7), decide(7)
	if first != again || first == decide(8) {
		t.Fatal("decisions are not a function of the seed")
	}
}
