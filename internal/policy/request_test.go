// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "testing"

func TestIsRequestActionAndResource(t *testing.T) {
	for a, want := range map[string]bool{
		"mse:GetNacosConfig": true, "ram:CreateUser": true, "log:Get-Thing_2": true,
		"mse:Get*": false, "mse:Get?": false, "GetNacosConfig": false, ":Get": false, "mse:": false,
		"ms e:Get": false, "mse:Get Config": false, "mse:a:b": false, "mse:Get\x7f": false, "mße:Get": false,
	} {
		if got := IsRequestAction(a); got != want {
			t.Errorf("IsRequestAction(%q) = %v, want %v", a, got, want)
		}
	}
	for r, want := range map[string]bool{
		"*": true, "acs:mse:*:*:instance/mse-cn-1": true, "acs:ram::123:user/dev": true,
		"acs:mse:*:*:": false, "acs::*:*:x": false, "arn:mse:*:*:x": false, "acs:ms e:*:*:x": false,
		"acs:mse/x:*:*:x": false, " acs:mse:*:*:x": false, "acs:mse:*:*": false, "": false,
	} {
		if got := IsRequestResource(r); got != want {
			t.Errorf("IsRequestResource(%q) = %v, want %v", r, got, want)
		}
	}
}
