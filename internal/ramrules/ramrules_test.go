// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramrules

import (
	"strings"
	"testing"
)

func TestNames(t *testing.T) {
	for _, c := range []struct {
		rule Name
		v    string
		want Problem
	}{
		{UserName, "dev-zhang_1.x", OK},
		{UserName, "", BadLength},
		{UserName, strings.Repeat("a", 65), BadLength},
		{UserName, strings.Repeat("é", 65), BadLength}, // characters, not bytes
		{UserName, "dev zhang", BadChars},
		{GroupName, "mse.devs", OK},
		{RoleName, "mse-ops.1", OK},
		{RoleName, "mse_ops", BadChars},
		{PolicyName, "mse-readonly", OK},
		{PolicyName, "mse.readonly", BadChars},
		{PolicyName, strings.Repeat("p", 128), OK},
		{PolicyName, strings.Repeat("p", 129), BadLength},
		{PolicyName, strings.Repeat("!", 129), BadLength}, // length first, as RAM reports it
	} {
		if got := c.rule.Check(c.v); got != c.want {
			t.Errorf("Check(%q) = %d, want %d", c.v, got, c.want)
		}
	}
}

func TestTags(t *testing.T) {
	for key, bad := range map[string]bool{
		"team": false, "aliyun:x": true, "Aliyun-x": true, "ACS:y": true, "acsx": false,
		"": true, strings.Repeat("k", 129): true, "see-http://x": true,
	} {
		if got := TagKeyProblem(key) != ""; got != bad {
			t.Errorf("TagKeyProblem(%q) = %q", key, TagKeyProblem(key))
		}
	}
	if TagValueProblem(strings.Repeat("v", 129), UserTagValueMaxLen) == "" || TagValueProblem(strings.Repeat("v", 129), RAMTagValueMaxLen) != "" {
		t.Error("value limits: 128 on users, 256 on roles and policies")
	}
	if TagValueProblem("https://x", RAMTagValueMaxLen) == "" || TagValueProblem("", UserTagValueMaxLen) != "" {
		t.Error("value URL rule")
	}
}
