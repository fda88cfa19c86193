// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

type groupsDataSource struct {
	apiDataSource
}

// NewGroupsDataSource is the constructor the provider registers for the
// mseram_groups data source.
func NewGroupsDataSource() datasource.DataSource {
	return &groupsDataSource{}
}

type groupsDataModel struct {
	listOutputsModel
	listIDsModel
	attachedPolicyModel
	NameRegex types.String `tfsdk:"name_regex"`
	UserName  types.String `tfsdk:"user_name"`
	Groups    types.List   `tfsdk:"groups"`
}

// groupsItem is the schema of one element of groups.
func groupsItem() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":          computedString("The group's ID (`GroupId`)."),
		"name":        computedString("Name of the group."),
		"comments":    computedString("Comments; empty when not set."),
		"create_date": computedString("When the group was created (UTC, RFC 3339)."),
		"update_date": computedString("When the group was last changed (UTC, RFC 3339)."),
	}
}

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_groups"
}

func (d *groupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	policyName, policyType := attachedPolicyAttributes("groups")
	attrs := listOutputs("groups", true)
	attrs["name_regex"] = nameRegexAttribute("groups", "mse-")
	attrs["user_name"] = schema.StringAttribute{
		MarkdownDescription: "Keep only the groups this user belongs to (`ListGroupsForUser`). Unset: members do not matter.",
		Optional:            true,
		Validators:          framework.UserName(),
	}
	attrs["policy_name"], attrs["policy_type"] = policyName, policyType
	// No tags filter: RAM tags roles and policies (TagResources' ResourceType
	// is role or policy) and IMS tags users, but nothing tags groups:
	// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-tagresources
	attrs["groups"] = schema.ListNestedAttribute{
		MarkdownDescription: "The groups found, sorted by name. List members with `mseram_users` and `group_name`.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: groupsItem()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's RAM user groups, all of them or those the filters keep: by name, member and " +
			"attached policy. RAM groups carry no tags. Reads every page of `ListGroups` (1,000 groups a call), plus one call " +
			"per filter. " + listFilterNote,
		Attributes: attrs,
	}
}

func (d *groupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readList(ctx, req, resp, func(m *groupsDataModel) diag.Diagnostics {
		groups, diags := listGroups(ctx, d.client, m)
		if diags.HasError() {
			return diags
		}
		var names, ids []string
		items := make([]map[string]attr.Value, 0, len(groups))
		for _, g := range groups {
			names, ids = append(names, g.GroupName), append(ids, g.GroupID)
			items = append(items, map[string]attr.Value{
				"id": types.StringValue(g.GroupID), "name": types.StringValue(g.GroupName), "comments": types.StringValue(g.Comments),
				"create_date": types.StringValue(g.CreateDate), "update_date": types.StringValue(g.UpdateDate),
			})
		}
		m.Groups = objectList(groupsItem(), items, &diags)
		diags.Append(m.listOutputsModel.set(ctx, filterID(ctx, arg("name_regex", m.NameRegex), arg("user_name", m.UserName),
			arg("policy_type", m.PolicyType), arg("policy_name", m.PolicyName)), names)...)
		diags.Append(m.listIDsModel.set(ctx, ids)...)
		return diags
	})
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
	entities, d := m.principals(ctx, c)
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}
	if entities != nil {
		keep.only(entities.Groups)
	}
	found, listed, err := collect(keep.none(), func() ([]alicloud.Group, error) { return c.ListGroups(ctx) },
		func(g alicloud.Group) bool { return keep.keeps(g.GroupName, g.GroupName) },
		func(g alicloud.Group) string { return g.GroupName })
	if err != nil {
		diags.Append(framework.APIErrorDiag("Unable to list RAM groups", "the account's groups", err, ""))
		return nil, diags
	}
	logListed(ctx, "groups", calls, listed, len(found))
	return found, diags
}
