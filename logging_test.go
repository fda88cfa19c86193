// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"testing"
)

func TestLogsUnread(t *testing.T) {
	for _, c := range []struct {
		env    []string
		unread bool
	}{
		{nil, true},
		{[]string{"PATH=/bin", "TF_LOG_PATH=/tmp/tf.log", "TF_LOG_CORE=trace"}, true},
		{[]string{"TF_LOG="}, true},
		{[]string{"TF_LOG=trace"}, false},
		{[]string{"TF_LOG=json"}, false},
		{[]string{"TF_LOG_PROVIDER=debug"}, false},
		{[]string{"TF_LOG_SDK_FRAMEWORK=trace"}, true}, // Terraform drops it all the same
		{[]string{"TF_LOG_PROVIDER_MSERAM=info"}, true},
	} {
		if got := logsUnread(c.env); got != c.unread {
			t.Errorf("logsUnread(%q) = %v, want %v", c.env, got, c.unread)
		}
	}
}

// With TF_LOG set, nothing is changed; with no TF_LOG* setting, every
// plugin logger is turned off.
func TestQuietUnreadLogs(t *testing.T) {
	for _, v := range append([]string{"TF_LOG", "TF_LOG_PROVIDER"}, logLevelVars...) {
		t.Setenv(v, "")
		_ = os.Unsetenv(v)
	}
	t.Setenv("TF_LOG", "trace")
	quietUnreadLogs()
	for _, v := range logLevelVars {
		if got := os.Getenv(v); got != "" {
			t.Fatalf("TF_LOG=trace: %s=%q, want unset", v, got)
		}
	}
	_ = os.Unsetenv("TF_LOG")
	t.Setenv("TF_LOG_SDK", "debug") // a level the user set is kept
	quietUnreadLogs()
	for _, v := range logLevelVars {
		want := "OFF"
		if v == "TF_LOG_SDK" {
			want = "debug"
		}
		if got := os.Getenv(v); got != want {
			t.Fatalf("no TF_LOG: %s=%q, want %q", v, got, want)
		}
	}
}
