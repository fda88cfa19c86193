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

var _ datasource.DataSourceWithConfigure = (*policyDataSource)(nil)

type policyDataSource struct {
	client *alicloud.Client
}

// NewPolicyDataSource is the constructor the provider registers for the
// mseram_policy data source.
func NewPolicyDataSource() datasource.DataSource {
	return &policyDataSource{}
}

type policyDataModel struct {
	ID              types.String `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	Type            types.String `tfsdk:"type"`
	Description     types.String `tfsdk:"description"`
	PolicyDocument  types.String `tfsdk:"policy_document"`
	DefaultVersion  types.String `tfsdk:"default_version"`
	AttachmentCount types.Int64  `tfsdk:"attachment_count"`
	CreateDate      types.String `tfsdk:"create_date"`
	UpdateDate      types.String `tfsdk:"update_date"`
}

func (d *policyDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy"
}

func (d *policyDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up a system or custom RAM policy by name, e.g. `AliyunMSEFullAccess`, with its default version's document. One `GetPolicy` call.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the policy.",
				Required:            true,
				Validators:          framework.PolicyName(),
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "`System` (Alibaba Cloud's policies, the default) or `Custom` (the account's own).",
				Optional:            true,
				Computed:            true,
				Validators:          framework.PolicyType(),
			},
			"id":              computed("`<type>:<name>`."),
			"description":     computed("Description of the policy."),
			"policy_document": computed("The default version's document (JSON, as the API returns it)."),
			"default_version": computed("The default version, e.g. `v1`."),
			"attachment_count": schema.Int64Attribute{
				MarkdownDescription: "How many users, groups and roles the policy is attached to.",
				Computed:            true,
			},
			"create_date": computed("When the policy was created (UTC, RFC 3339)."),
			"update_date": computed("When the policy was last changed (UTC, RFC 3339)."),
		},
	}
}

func (d *policyDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *policyDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m policyDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	typ := m.Type.ValueString()
	if typ == "" {
		typ = "System"
	}
	name := m.Name.ValueString()
	p, v, err := d.client.GetPolicy(ctx, name, typ)
	if err != nil {
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = `Check the name (case-sensitive) and type: system policies need type = "System", the account's own type = "Custom".`
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM policy", fmt.Sprintf("%s policy %q", typ, name), err, hint))
		return
	}
	m.ID = types.StringValue(typ + ":" + name)
	m.Type = types.StringValue(typ)
	m.Description = types.StringValue(p.Description)
	m.DefaultVersion = types.StringValue(p.DefaultVersion)
	m.AttachmentCount = types.Int64Value(int64(p.AttachmentCount))
	m.CreateDate = types.StringValue(p.CreateDate)
	m.UpdateDate = types.StringValue(p.UpdateDate)
	m.PolicyDocument = types.StringValue("")
	if v != nil {
		m.PolicyDocument = types.StringValue(v.PolicyDocument)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
