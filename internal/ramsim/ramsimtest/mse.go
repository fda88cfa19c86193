// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsimtest

// The emulated MSE product version and the ids of the built-in fixtures.
const (
	VMSE       = "2019-05-31"
	SeedNacos  = "mse-cn-0pp1j8om80a"
	SeedNS     = "3fd98c48-a709-4061-bba1-e341d79d681b"
	SeedGW     = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
	SeedRegion = "cn-hangzhou"
)

// MergeParams is base with the name/value pairs kv added or replaced.
func MergeParams(base map[string]string, kv ...string) map[string]string {
	p := map[string]string{}
	for k, v := range base {
		p[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return p
}
