// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
)

// Every service of the catalog (internal/mse's, which the emulator uses as
// its own) attaches a system policy the emulator ships.
func TestServiceCatalogPoliciesExist(t *testing.T) {
	entries := mse.ServiceLinkedRoles()
	if len(entries) < 4 {
		t.Fatalf("catalog has %d entries, want at least the MSE and MSS roles", len(entries))
	}
	for _, e := range entries {
		if ram.SystemPolicies[e.PolicyName] == nil {
			t.Errorf("%s: system policy %s is not in the emulator", e.ServiceName, e.PolicyName)
		}
	}
}
