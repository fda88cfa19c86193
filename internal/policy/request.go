// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "strings"

// IsRequestAction reports whether a is an action a request can name: one
// concrete <service>:<Action>, no wildcards (those belong in policies),
// the service an ASCII code, the action free of spaces and control
// characters.
func IsRequestAction(a string) bool {
	service, action, ok := strings.Cut(a, ":")
	if !ok || service == "" || action == "" || strings.ContainsAny(a, "*?") || strings.Contains(action, ":") {
		return false
	}
	for _, c := range service {
		if !isServiceRune(c) {
			return false
		}
	}
	for _, c := range action {
		if c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

// isServiceRune reports whether c may appear in a service code: an ASCII
// letter or digit, '-' or '_'.
func isServiceRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// IsRequestResource reports whether r is a resource a request can name:
// "*" or acs:<service>:<region>:<account>:<resource>, as Resource elements
// take them. A '*' inside the ARN is kept as written.
func IsRequestResource(r string) bool {
	if r == "*" {
		return true
	}
	parts := strings.SplitN(r, ":", 5)
	return len(parts) == 5 && parts[0] == "acs" && parts[1] != "" && !strings.ContainsAny(parts[1], " /") &&
		parts[4] != "" && strings.TrimSpace(r) == r
}
