// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*groupDataSource)(nil)

type groupDataSource struct {
	apiDataSource
}

// NewGroupDataSource is the constructor the provider registers for the
// mseram_group data source.
func NewGroupDataSource() datasource.DataSource {
	return &groupDataSource{}
}

type groupDataModel struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	GroupID    types.String `tfsdk:"group_id"`
	Comments   types.String `tfsdk:"comments"`
	CreateDate types.String `tfsdk:"create_date"`
	UpdateDate types.String `tfsdk:"update_date"`
}

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an existing RAM user group by name, with one `GetGroup` call, e.g. to add members to a " +
			"group another team manages. Fails if the group does not exist. List its members with `mseram_users` and `group_name`.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Name of the group to look up (case-sensitive).",
				Required:            true,
				Validators:          framework.GroupName(),
			},
			"id":          computed("The group's ID (`GroupId`), as the `mseram_group` resource's `id`."),
			"group_id":    computed("The group's ID (`GroupId`), the same value as `id`."),
			"comments":    computed("Comments; empty when not set."),
			"create_date": computed("When the group was created (UTC, RFC 3339)."),
			"update_date": computed("When the group was last changed (UTC, RFC 3339)."),
		},
	}
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m groupDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := m.Name.ValueString()
	g, err := d.client.GetGroup(ctx, name)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM group", fmt.Sprintf("RAM group %q", name), err,
			notFoundHint(err, "Check the name: RAM group names are case-sensitive.")))
		return
	}
	m.ID = types.StringValue(g.GroupID)
	m.GroupID = types.StringValue(g.GroupID)
	m.Comments = types.StringValue(g.Comments)
	m.CreateDate = types.StringValue(g.CreateDate)
	m.UpdateDate = types.StringValue(g.UpdateDate)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
