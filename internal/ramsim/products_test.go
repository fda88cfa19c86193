// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestMSEProductIsRouted(t *testing.T) {
	if !ramsim.ProductIs(ramsimtest.VMSE, "ListClusters", msesim.API) || msesim.API.Service != "mse" {
		t.Fatalf("%s ListClusters is not routed to MSE", ramsimtest.VMSE)
	}
}
