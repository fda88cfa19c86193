// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"os"
	"slices"
	"strings"
)

// sdkDebugFlags are the DEBUG values that make the SDK libraries linked
// into the provider print HTTP traffic to stdout, which Terraform copies
// into its log: "dara" and "tea" (darabonba and tea: request URLs and
// headers, the STS token header included) and "credential" (credentials-go:
// STS requests and answers, temporary secrets included). The libraries read
// DEBUG once, when the plugin starts. The classic SDK's "sdk" flag does
// nothing here: that SDK is not linked.
var sdkDebugFlags = []string{"dara", "tea", "credential"}

// SDKDebugFlags returns the flags of sdkDebugFlags that DEBUG enables, split
// as the libraries split it: on commas, with no trimming.
func SDKDebugFlags() []string {
	var on []string
	for part := range strings.SplitSeq(os.Getenv("DEBUG"), ",") {
		if slices.Contains(sdkDebugFlags, part) && !slices.Contains(on, part) {
			on = append(on, part)
		}
	}
	return on
}
