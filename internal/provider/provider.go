// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package provider is the mseram provider: its schema, Configure (credential
// chain and endpoints) and the lists of resources and data sources.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/mseram/terraform-provider-mseram/internal/datasources"
	"github.com/mseram/terraform-provider-mseram/internal/resources"
)

var _ provider.Provider = (*mseramProvider)(nil)

type mseramProvider struct {
	version string
}

// New returns a constructor for the provider at the given version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &mseramProvider{version: version}
	}
}

func (p *mseramProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "mseram"
	resp.Version = p.version
}

func (p *mseramProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		resources.NewUserResource,
		resources.NewPolicyResource,
		resources.NewUserPolicyAttachmentResource,
		resources.NewGroupPolicyAttachmentResource,
		resources.NewRolePolicyAttachmentResource,
		resources.NewUserPolicyAttachmentsExclusiveResource,
		resources.NewGroupPolicyAttachmentsExclusiveResource,
		resources.NewRolePolicyAttachmentsExclusiveResource,
		resources.NewRoleResource,
		resources.NewGroupResource,
		resources.NewGroupMembershipResource,
		resources.NewGroupMembershipExclusiveResource,
		resources.NewLoginProfileResource,
		resources.NewAccessKeyResource,
		resources.NewServiceLinkedRoleResource,
		resources.NewAccountPasswordPolicyResource,
		resources.NewAccountSecurityPreferenceResource,
	}
}

func (p *mseramProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		datasources.NewUserDataSource,
		datasources.NewCallerIdentityDataSource,
		datasources.NewPolicyDataSource,
		datasources.NewRoleDataSource,
		datasources.NewServiceLinkedRolesDataSource,
		datasources.NewAccessCheckDataSource,
		datasources.NewPrincipalAccessDataSource,
		datasources.NewPolicyDocumentDataSource,
		datasources.NewMSEActionsDataSource,
		datasources.NewUsersDataSource,
		datasources.NewGroupsDataSource,
		datasources.NewRolesDataSource,
		datasources.NewPoliciesDataSource,
		datasources.NewGroupDataSource,
	}
}
