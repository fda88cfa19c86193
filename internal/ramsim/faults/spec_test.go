// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"strings"
	"testing"
)

// testActions stands for the emulated products' actions in spec tests.
func testActions(a string) bool { return a == "CreateUser" || a == "GetUser" }

func TestParseFaultSpec(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{" , ", ""},
		{"throttle=0.2,5xx=0.05,lost=0.02,reset=0.01,latency=50ms,jitter=10ms,qps=20,consistency=1s",
			"throttle=0.2,5xx=0.05,lost=0.02,reset=0.01,latency=50ms,jitter=10ms,qps=20,consistency=1s"},
		{" consistency = 2s , throttle=1 ", "throttle=1,consistency=2s"},
		{"throttle=0,latency=0s", ""},
		{"qps=0.5,actions=GetUser|CreateUser", "qps=0.5,actions=CreateUser|GetUser"},
		{"throttle=0.5,5xx=0.5", "throttle=0.5,5xx=0.5"},
	} {
		sp, err := Parse(tc.in, testActions)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if got := sp.String(); got != tc.want {
			t.Errorf("%q: String() = %q, want %q", tc.in, got, tc.want)
		}
		if again, err := Parse(sp.String(), testActions); err != nil || again.String() != sp.String() {
			t.Errorf("%q: round trip: %q %v", tc.in, again.String(), err)
		}
	}
	for _, tc := range []struct{ in, key, rule string }{
		{"throttle=2", `"throttle"`, "between 0 and 1"},
		{"throttle=-0.1", `"throttle"`, "between 0 and 1"},
		{"5xx=lots", `"5xx"`, "probability"},
		{"lost=NaN", `"lost"`, "probability"},
		{"latency=fast", `"latency"`, "duration"},
		{"jitter=-5ms", `"jitter"`, "duration"},
		{"consistency=1", `"consistency"`, "duration"},
		{"qps=0", `"qps"`, "greater than 0"},
		{"qps=x", `"qps"`, "greater than 0"},
		{"actions=", `"actions"`, "action names"},
		{"actions=CreateUser|Nope", `"actions"`, "no action"},
		{"bogus=1", `"bogus"`, "unknown key"},
		{"throttle", `"throttle"`, "key=value"},
		{"throttle=0.1,throttle=0.2", `"throttle"`, "more than once"},
		{"throttle=0.6,5xx=0.3,reset=0.2", `"throttle"`, "more than 1"},
	} {
		_, err := Parse(tc.in, testActions)
		if err == nil || !strings.Contains(err.Error(), tc.key) || !strings.Contains(err.Error(), tc.rule) {
			t.Errorf("%q: err = %v, want one naming %s and %q", tc.in, err, tc.key, tc.rule)
		}
	}
}
