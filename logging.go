// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"strings"
)

// The plugin's loggers (terraform-plugin-log: the SDK's, the framework's,
// the protocol's and the provider's own) default to TRACE and format every
// line as JSON on stderr, for Terraform to filter. Terraform shows provider
// logs only when TF_LOG or TF_LOG_PROVIDER is set, and otherwise drops
// them, so with neither set every line is formatted for nobody: on a
// 300-resource plan that is most of the plugin's own time. quietUnreadLogs
// turns those loggers off in that case only, leaving any level the user set
// for the plugin (TF_LOG_SDK, TF_LOG_SDK_FRAMEWORK, ...) as it is;
// TF_LOG=trace still shows every log.

// logLevelVars are the plugin's logger levels that quietUnreadLogs sets.
var logLevelVars = []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER_MSERAM"}

// logsUnread reports whether Terraform will drop this plugin's logs:
// neither TF_LOG nor TF_LOG_PROVIDER, the two settings that make it keep
// them, is set.
func logsUnread(environ []string) bool {
	for _, kv := range environ {
		name, value, _ := strings.Cut(kv, "=")
		if (name == "TF_LOG" || name == "TF_LOG_PROVIDER") && value != "" {
			return false
		}
	}
	return true
}

// quietUnreadLogs sets the plugin's unset log levels to OFF when
// logsUnread.
func quietUnreadLogs() {
	if !logsUnread(os.Environ()) {
		return
	}
	for _, v := range logLevelVars {
		if os.Getenv(v) == "" {
			_ = os.Setenv(v, "OFF")
		}
	}
}
