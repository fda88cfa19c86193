// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"math/rand/v2"
	"testing"
)

// The ASCII fast path of wildcardMatch must answer exactly as the rune
// matcher does, for every pattern and subject, ASCII or not, valid UTF-8
// or not.
func TestWildcardMatchASCIIAgreesWithRunes(t *testing.T) {
	alphabet := []string{"a", "b", "A", "B", "*", "?", "/", ":", "é", "É", "中", "\xff", "\xe4\xb8", "K", "k", "\u212a"}
	rng := rand.New(rand.NewPCG(1, 2))
	gen := func(n int) string {
		s := ""
		for range rng.IntN(n + 1) {
			s += alphabet[rng.IntN(len(alphabet))]
		}
		return s
	}
	fixed := [][2]string{
		{"", ""}, {"*", ""}, {"", "a"}, {"**", "abc"}, {"a*", "a"}, {"a*b", "ab"}, {"a*b", "aXXb"}, {"?", "中"}, {"?", "\xff"},
		{"\ufffd", "\xff"}, {"acs:mse:*:*:instance/x", "acs:mse:cn:1:instance/x"}, {"mse:get*", "MSE:GetNacosConfig"},
		{"mse:*NacosConfig*", "mse:UpdateNacosConfig"}, {"é*", "É"}, {"k", "\u212a"},
	}
	check := func(p, s string) {
		for _, fold := range []bool{false, true} {
			if got, want := wildcardMatch(p, s, fold), wildcardMatchRunes(p, s, fold); got != want {
				t.Fatalf("wildcardMatch(%q, %q, %v) = %v, rune matcher %v", p, s, fold, got, want)
			}
		}
	}
	for _, c := range fixed {
		check(c[0], c[1])
	}
	for range 200000 {
		check(gen(6), gen(8))
	}
}
