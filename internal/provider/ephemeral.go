// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/mseram/terraform-provider-mseram/internal/resources"
)

var _ provider.ProviderWithEphemeralResources = (*mseramProvider)(nil)

// EphemeralResources lists the ephemeral resources (Terraform 1.10 and
// later): values that live for one plan or apply and never reach state.
// They receive the API client through ConfigureResponse.EphemeralResourceData.
func (p *mseramProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		resources.NewAccessKeyEphemeralResource,
	}
}
