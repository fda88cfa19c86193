// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"unicode"
	"unicode/utf8"
)

// MatchAction reports whether an Action pattern covers an action. RAM
// action names are case-insensitive ("In most cases the Action value is not
// case-sensitive"); '*' matches any run of characters, '?' exactly one.
func MatchAction(pattern, action string) bool {
	return wildcardMatch(pattern, action, true)
}

// wildcardMatch matches s against pattern, where '*' matches zero or more
// characters and '?' exactly one (a character is a rune, not a byte). It is
// the classic linear-space backtracking matcher: on a mismatch it returns to
// the last '*' and lets it swallow one more character, which is O(len(p)·len(s))
// at worst and linear for the patterns policies use.
func wildcardMatch(pattern, s string, fold bool) bool {
	p, i := 0, 0
	starP, starI := -1, 0
	for i < len(s) {
		r, rs := utf8.DecodeRuneInString(s[i:])
		if p < len(pattern) {
			c, cs := utf8.DecodeRuneInString(pattern[p:])
			switch {
			case c == '*':
				starP, starI = p, i
				p += cs
				continue
			case c == '?' || c == r || fold && equalFold(c, r):
				p += cs
				i += rs
				continue
			}
		}
		if starP < 0 {
			return false
		}
		// Let the last '*' swallow one more character and retry after it.
		_, ss := utf8.DecodeRuneInString(s[starI:])
		starI += ss
		i = starI
		p = starP + 1
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

func equalFold(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	return unicode.ToLower(a) == unicode.ToLower(b) || unicode.ToUpper(a) == unicode.ToUpper(b)
}
