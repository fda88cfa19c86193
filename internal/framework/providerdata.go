// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// ClientFrom extracts the API client that the provider's Configure handed
// over. It returns nil without error while the provider is not configured
// yet (Terraform validates configurations before configuring providers).
func ClientFrom(providerData any) (*alicloud.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	if providerData == nil {
		return nil, diags
	}
	client, ok := providerData.(*alicloud.Client)
	if !ok {
		diags.AddError("Unexpected provider data type",
			fmt.Sprintf("Expected *alicloud.Client, got %T. This is always a bug in the provider; please report it.", providerData))
		return nil, diags
	}
	return client, diags
}
