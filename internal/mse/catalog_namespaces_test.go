// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import "testing"

// The Nacos namespace APIs are authorized on "All Resources" in their
// references (catalog_sdk.go), so no grant can limit them to an instance
// or a namespace.
func TestEngineNamespaceActionsAreAccountScoped(t *testing.T) {
	for _, name := range []string{"CreateEngineNamespace", "UpdateEngineNamespace", "DeleteEngineNamespace",
		"GetEngineNamepace", "ListEngineNamespaces"} {
		a, ok := Lookup(name)
		if !ok || a.Scope != ScopeAccount || a.Area != AreaRegistryConfiguration {
			t.Errorf("%s: %+v, want scope account, area registry_configuration", name, a)
		}
	}
	for _, name := range []string{"GetEngineNamepace", "ListEngineNamespaces"} {
		if a, _ := Lookup(name); !a.ReadOnly {
			t.Errorf("%s is not read-only", name)
		}
	}
}
