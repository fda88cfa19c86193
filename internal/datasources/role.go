// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*roleDataSource)(nil)

type roleDataSource struct {
	client *alicloud.Client
}

// NewRoleDataSource is the constructor the provider registers for the
// mseram_role data source.
func NewRoleDataSource() datasource.DataSource {
	return &roleDataSource{}
}

type roleDataModel struct {
	ID                       types.String `tfsdk:"id"`
	Name                     types.String `tfsdk:"name"`
	RoleID                   types.String `tfsdk:"role_id"`
	Arn                      types.String `tfsdk:"arn"`
	Description              types.String `tfsdk:"description"`
	AssumeRolePolicyDocument types.String `tfsdk:"assume_role_policy_document"`
	MaxSessionDuration       types.Int64  `tfsdk:"max_session_duration"`
	CreateDate               types.String `tfsdk:"create_date"`
	Tags                     types.Map    `tfsdk:"tags"`
}

func (d *roleDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_role"
}

func (d *roleDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an existing RAM role by name, with one `GetRole` call and one tag lookup, " +
			"e.g. the worker role of an ACK cluster (`KubernetesWorkerRole-<uuid>`) to attach MSE policies to it. Fails if the role does not exist.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the role to look up (case-sensitive).",
				Required:            true,
				Validators:          framework.RoleName(),
			},
			"id":                          computed("The role name."),
			"role_id":                     computed("The role's ID (`RoleId`)."),
			"arn":                         computed("The role's ARN, `acs:ram::<account id>:role/<name>`."),
			"description":                 computed("Description; empty when not set."),
			"assume_role_policy_document": computed("The trust policy (JSON) as RAM returns it."),
			"max_session_duration": schema.Int64Attribute{
				MarkdownDescription: "Longest session, in seconds, that assuming the role may give.",
				Computed:            true,
			},
			"create_date": computed("When the role was created (UTC, RFC 3339)."),
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the role.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *roleDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *roleDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m roleDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := m.Name.ValueString()
	object := fmt.Sprintf("RAM role %q", name)
	role, err := d.client.GetRole(ctx, name)
	if err != nil {
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = "Check the name: RAM role names are case-sensitive. An ACK cluster's worker role is named KubernetesWorkerRole-<uuid>."
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM role", object, err, hint))
		return
	}
	tags, err := d.client.ListResourceTags(ctx, alicloud.RAMResourceRole, name)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the tags of RAM role", object, err, ""))
		return
	}
	m.ID = types.StringValue(role.RoleName)
	m.RoleID = types.StringValue(role.RoleID)
	m.Arn = types.StringValue(role.Arn)
	m.Description = types.StringValue(role.Description)
	m.AssumeRolePolicyDocument = types.StringValue(role.AssumeRolePolicyDocument)
	m.MaxSessionDuration = types.Int64Value(role.MaxSessionDuration)
	m.CreateDate = types.StringValue(role.CreateDate)
	tagMap, diags := types.MapValueFrom(ctx, types.StringType, tags)
	resp.Diagnostics.Append(diags...)
	m.Tags = tagMap
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
