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
	if match, ok := wildcardMatchASCII(pattern, s, fold); ok {
		return match
	}
	return wildcardMatchRunes(pattern, s, fold)
}

// wildcardMatchASCII is wildcardMatch step for step on bytes, for the
// common case of ASCII actions, ARNs and patterns: no rune decoding. It
// gives up (ok false) at the first non-ASCII byte it reads, before that
// byte could make it differ from wildcardMatchRunes; every decision it took
// until then was on ASCII bytes, which are whole runes, so when it does
// answer, the answer is wildcardMatchRunes's.
func wildcardMatchASCII(pattern, s string, fold bool) (match, ok bool) {
	p, i := 0, 0
	// The literal head of the pattern (up to its first wildcard), byte by
	// byte while the bytes agree; where they do not, the loop below decides
	// (folding case, or handing a non-ASCII byte to the rune matcher).
	// Equal bytes decode to equal runes, so both matchers walk this head
	// alike, and no backtracking returns into it.
	for p < len(pattern) && i < len(s) {
		if c := pattern[p]; c == '*' || c == '?' || c != s[i] {
			break
		}
		p++
		i++
	}
	starP, starI := -1, 0
	for i < len(s) {
		r := s[i]
		if r >= utf8.RuneSelf {
			return false, false
		}
		if p < len(pattern) {
			c := pattern[p]
			if c >= utf8.RuneSelf {
				return false, false
			}
			switch {
			case c == '*':
				if p+1 == len(pattern) {
					return true, true // a trailing '*' takes whatever is left
				}
				starP, starI = p, i
				p++
				continue
			case c == '?' || c == r || fold && lowerASCII(c) == lowerASCII(r):
				p++
				i++
				continue
			}
		}
		if starP < 0 {
			return false, true
		}
		// Let the last '*' swallow one more byte (s[starI] was read above,
		// so it is ASCII: one byte, one rune).
		starI++
		i = starI
		p = starP + 1
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern), true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// wildcardMatchRunes is the general matcher, rune by rune.
func wildcardMatchRunes(pattern, s string, fold bool) bool {
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
