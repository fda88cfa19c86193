// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/mseram/terraform-provider-mseram/internal/functions"
)

var _ provider.ProviderWithFunctions = (*mseramProvider)(nil)

// Functions lists the provider-defined functions (Terraform 1.8 and later),
// called as provider::mseram::<name>(...).
func (p *mseramProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		functions.NewPolicyAllowsFunction,
		functions.NewMSEResourceARNFunction,
	}
}
