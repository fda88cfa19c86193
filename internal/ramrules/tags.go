// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramrules

import (
	"strings"
	"unicode/utf8"
)

// Tag rules. Keys are 1-128 characters, do not start with "aliyun" or
// "acs:" and contain no "http://" or "https://"; values follow the same
// URL rule and are at most UserTagValueMaxLen characters on users (IMS) and
// RAMTagValueMaxLen on roles and policies (RAM). The references write the
// reserved prefixes in lower case and do not say whether "Aliyun" or "ACS:"
// are reserved too: no document decides, and the rule refuses them in any
// case, so that a key RAM might keep for itself is caught at plan time.
const (
	TagKeyMaxLen       = 128
	UserTagValueMaxLen = 128
	RAMTagValueMaxLen  = 256
	MaxTagsPerResource = 20
)

// TagKeyProblem says what is wrong with a tag key, "" when nothing.
func TagKeyProblem(key string) string {
	switch {
	case utf8.RuneCountInString(key) < 1 || utf8.RuneCountInString(key) > TagKeyMaxLen:
		return "must be 1 to 128 characters long"
	case hasPrefixFold(key, "aliyun") || hasPrefixFold(key, "acs:"):
		return `must not start with "aliyun" or "acs:", prefixes Alibaba Cloud reserves for its own tags`
	case HasURL(key):
		return `must not contain "http://" or "https://"`
	}
	return ""
}

// TagValueProblem says what is wrong with a tag value of at most maxLen
// characters, "" when nothing.
func TagValueProblem(value string, maxLen int) string {
	switch {
	case utf8.RuneCountInString(value) > maxLen:
		return "is longer than the limit"
	case HasURL(value):
		return `must not contain "http://" or "https://"`
	}
	return ""
}

// HasURL reports whether s contains "http://" or "https://".
func HasURL(s string) bool {
	return strings.Contains(s, "http://") || strings.Contains(s, "https://")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
