// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"regexp"
	"strings"
)

// HCLString quotes s as an HCL string literal: quotes and backslashes
// escaped, template introducers (${ and %{) doubled, control characters
// written as \uNNNN. Go's %q would write \x01, which HCL does not know.
func HCLString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case (r == '$' || r == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteRune(r)
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ErrorContainsAll matches text holding every fragment, in any order (the
// diagnostics of one plan come out in no fixed order), a space in a
// fragment matching any whitespace (Terraform wraps diagnostics). At most
// four fragments: the pattern lists every order.
func ErrorContainsAll(fragments ...string) *regexp.Regexp {
	if len(fragments) > 4 {
		panic("ErrorContainsAll: at most four fragments")
	}
	parts := make([]string, len(fragments))
	for i, f := range fragments {
		parts[i] = strings.ReplaceAll(regexp.QuoteMeta(f), " ", `\s+`)
	}
	var alts []string
	var permute func(prefix, rest []string)
	permute = func(prefix, rest []string) {
		if len(rest) == 0 {
			alts = append(alts, strings.Join(prefix, ".*"))
			return
		}
		for i := range rest {
			next := append(append([]string{}, rest[:i]...), rest[i+1:]...)
			permute(append(append([]string{}, prefix...), rest[i]), next)
		}
	}
	permute(nil, parts)
	return regexp.MustCompile(`(?s)(?:` + strings.Join(alts, "|") + `)`)
}
