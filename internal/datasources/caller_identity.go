// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*callerIdentityDataSource)(nil)

type callerIdentityDataSource struct {
	client *alicloud.Client
}

// NewCallerIdentityDataSource is the constructor the provider registers for
// mseram_caller_identity.
func NewCallerIdentityDataSource() datasource.DataSource {
	return &callerIdentityDataSource{}
}

type callerIdentityModel struct {
	ID           types.String `tfsdk:"id"`
	AccountID    types.String `tfsdk:"account_id"`
	ARN          types.String `tfsdk:"arn"`
	IdentityType types.String `tfsdk:"identity_type"`
	UserID       types.String `tfsdk:"user_id"`
	PrincipalID  types.String `tfsdk:"principal_id"`
	RoleID       types.String `tfsdk:"role_id"`
}

func (d *callerIdentityDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_caller_identity"
}

func (d *callerIdentityDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Who the provider's credentials belong to, from STS `GetCallerIdentity`: the account ID to build ARNs with, and the caller's own ARN.",
		Attributes: map[string]schema.Attribute{
			"id":            computed("The caller's ARN."),
			"account_id":    computed("ID of the Alibaba Cloud account (16 digits)."),
			"arn":           computed("ARN of the caller: `acs:ram::<account>:root`, `...:user/<name>` or `...:assumed-role/<role>/<session>`."),
			"identity_type": computed("`Account` (root credentials), `RAMUser` or `AssumedRoleUser`."),
			"user_id":       computed("ID of the caller: the account ID for root credentials, the RAM user's ID for a user; empty for a role session, for which STS answers no `UserId` (use `principal_id` or `role_id`)."),
			"principal_id":  computed("Principal ID of the caller."),
			"role_id":       computed("ID of the assumed role; empty unless `identity_type` is `AssumedRoleUser`."),
		},
	}
}

func (d *callerIdentityDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *callerIdentityDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	id, err := d.client.GetCallerIdentity(ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the caller identity", "STS GetCallerIdentity", err, ""))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, callerIdentityModel{
		ID:           types.StringValue(id.ARN),
		AccountID:    types.StringValue(id.AccountID),
		ARN:          types.StringValue(id.ARN),
		IdentityType: types.StringValue(id.IdentityType),
		UserID:       types.StringValue(id.UserID),
		PrincipalID:  types.StringValue(id.PrincipalID),
		RoleID:       types.StringValue(id.RoleID),
	})...)
}
