// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

type groupsDataSource struct {
	client *alicloud.Client
}

// NewGroupsDataSource is the constructor the provider registers for the
// mseram_groups data source.
func NewGroupsDataSource() datasource.DataSource {
	return &groupsDataSource{}
}

type groupsDataModel struct {
	ID         types.String     `tfsdk:"id"`
	NameRegex  types.String     `tfsdk:"name_regex"`
	UserName   types.String     `tfsdk:"user_name"`
	PolicyName types.String     `tfsdk:"policy_name"`
	PolicyType types.String     `tfsdk:"policy_type"`
	Names      types.List       `tfsdk:"names"`
	IDs        types.List       `tfsdk:"ids"`
	Groups     []groupsItemData `tfsdk:"groups"`
}

type groupsItemData struct {
	ID         types.String `tfsdk:"id"`
	Name       types.String `tfsdk:"name"`
	Comments   types.String `tfsdk:"comments"`
	CreateDate types.String `tfsdk:"create_date"`
	UpdateDate types.String `tfsdk:"update_date"`
}

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_groups"
}

func (d *groupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	policyName, policyType := attachedPolicyAttributes("groups")
	attrs := listOutputs("groups", true)
	attrs["name_regex"] = nameRegexAttribute("groups", "mse-")
	attrs["user_name"] = schema.StringAttribute{
		MarkdownDescription: "Keep only the groups this user belongs to (`ListGroupsForUser`). Unset: members do not matter.",
		Optional:            true,
		Validators:          framework.UserName(),
	}
	attrs["policy_name"], attrs["policy_type"] = policyName, policyType
	attrs["groups"] = schema.ListNestedAttribute{
		MarkdownDescription: "The groups found, sorted by name. List members with `mseram_users` and `group_name`.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":          computed("The group's ID (`GroupId`)."),
			"name":        computed("Name of the group."),
			"comments":    computed("Comments; empty when not set."),
			"create_date": computed("When the group was created (UTC, RFC 3339)."),
			"update_date": computed("When the group was last changed (UTC, RFC 3339)."),
		}},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's RAM user groups, all of them or those the filters keep: by name, member and " +
			"attached policy. RAM groups carry no tags. Reads every page of `ListGroups` (1,000 groups a call), plus one call " +
			"per filter. " + listFilterNote,
		Attributes: attrs,
	}
}

func (d *groupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *groupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m groupsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	groups, diags := listGroups(ctx, d.client, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var names, ids []string
	m.Groups = []groupsItemData{}
	for _, g := range groups {
		names, ids = append(names, g.GroupName), append(ids, g.GroupID)
		m.Groups = append(m.Groups, groupsItemData{
			ID: types.StringValue(g.GroupID), Name: types.StringValue(g.GroupName), Comments: types.StringValue(g.Comments),
			CreateDate: types.StringValue(g.CreateDate), UpdateDate: types.StringValue(g.UpdateDate),
		})
	}
	m.ID = types.StringValue(filterID(ctx, "name_regex", m.NameRegex, "user_name", m.UserName,
		"policy_type", m.PolicyType, "policy_name", m.PolicyName))
	m.Names, diags = stringList(ctx, names)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = stringList(ctx, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// listGroups makes the filters' calls, then lists every group (unless a
// filter already allows none) and keeps those every filter allows.
func listGroups(ctx context.Context, c *alicloud.Client, m *groupsDataModel) ([]alicloud.Group, diag.Diagnostics) {
	ctx, calls := alicloud.CountCalls(ctx)
	keep, diags := newNameFilter(m.NameRegex)
	if diags.HasError() {
		return nil, diags
	}
	if !m.UserName.IsNull() {
		joined, err := c.ListGroupsForUser(ctx, m.UserName.ValueString())
		if err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list the groups of RAM user", fmt.Sprintf("user %q (user_name)", m.UserName.ValueString()), err,
				notFoundHint(err, "Check user_name: RAM user names are case-sensitive.")))
			return nil, diags
		}
		names := make([]string, 0, len(joined))
		for _, g := range joined {
			names = append(names, g.GroupName)
		}
		keep.only(names)
	}
	entities, err := policyEntities(ctx, c, m.PolicyName, m.PolicyType)
	if err != nil {
		diags.Append(attachedPolicyDiag(m.PolicyName, m.PolicyType, err))
		return nil, diags
	}
	if entities != nil {
		keep.only(entities.Groups)
	}
	var all, found []alicloud.Group
	if !keep.none() {
		if all, err = c.ListGroups(ctx); err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list RAM groups", "the account's groups", err, ""))
			return nil, diags
		}
	}
	for _, g := range all {
		if keep.keeps(g.GroupName, g.GroupName) {
			found = append(found, g)
		}
	}
	sortBy(found, func(g alicloud.Group) string { return g.GroupName })
	logListed(ctx, "groups", calls, len(all), len(found))
	return found, diags
}
