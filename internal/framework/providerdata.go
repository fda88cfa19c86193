// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// ProviderData is what the provider's Configure hands to resources, data
// sources and ephemeral resources.
type ProviderData struct {
	Client *alicloud.Client
	Lint   LintSettings
}

// ClientFrom extracts the API client that the provider's Configure handed
// over. It returns nil without error while the provider is not configured
// yet (Terraform validates configurations before configuring providers).
func ClientFrom(providerData any) (*alicloud.Client, diag.Diagnostics) {
	var diags diag.Diagnostics
	if providerData == nil {
		return nil, diags
	}
	pd, ok := providerData.(*ProviderData)
	if !ok {
		diags.AddError("Unexpected provider data type",
			fmt.Sprintf("Expected *framework.ProviderData, got %T. This is always a bug in the provider; please report it.", providerData))
		return nil, diags
	}
	return pd.Client, diags
}

// LintFrom extracts the provider's lint settings; the zero value (warnings,
// nothing ignored) while the provider is not configured.
func LintFrom(providerData any) LintSettings {
	if pd, ok := providerData.(*ProviderData); ok {
		return pd.Lint
	}
	return LintSettings{}
}
