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
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var _ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)

type usersDataSource struct {
	apiDataSource
}

// NewUsersDataSource is the constructor the provider registers for the
// mseram_users data source.
func NewUsersDataSource() datasource.DataSource {
	return &usersDataSource{}
}

type usersDataModel struct {
	listOutputsModel
	listIDsModel
	attachedPolicyModel
	NameRegex types.String `tfsdk:"name_regex"`
	GroupName types.String `tfsdk:"group_name"`
	Tags      types.Map    `tfsdk:"tags"`
	Users     types.List   `tfsdk:"users"`
}

// usersItem is the schema of one element of users.
func usersItem() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":           computedString("The user's ID (`UserId`)."),
		"name":         computedString("Logon name."),
		"display_name": computedString("Display name; empty when not set."),
		"comments":     computedString("Comments; empty when not set."),
		"create_date":  computedString("When the user was created (UTC, RFC 3339)."),
		"update_date":  computedString("When the user was last changed (UTC, RFC 3339)."),
	}
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	policyName, policyType := attachedPolicyAttributes("users")
	attrs := listOutputs("users", true)
	attrs["name_regex"] = nameRegexAttribute("users", "svc-")
	attrs["group_name"] = schema.StringAttribute{
		MarkdownDescription: "Keep only members of this group (`ListUsersForGroup`). Unset: group membership does not matter.",
		Optional:            true,
		Validators:          framework.GroupName(),
	}
	attrs["policy_name"], attrs["policy_type"] = policyName, policyType
	attrs["tags"] = tagsFilterAttribute("users", ramrules.UserTagValueMaxLen)
	attrs["users"] = schema.ListNestedAttribute{
		MarkdownDescription: "The users found, sorted by name. Tags, e-mail, mobile phone and last logon are not listed by RAM; " +
			"read them with `mseram_user`.",
		Computed:     true,
		NestedObject: schema.NestedAttributeObject{Attributes: usersItem()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's RAM users, all of them or those the filters keep: by name, group membership, " +
			"attached policy and tags. Reads every page of `ListUsers` (1,000 users a call), plus one call per filter " +
			"(for the tag filter, one IMS `ListTagResources` call per 100 tags of the users carrying them). " + listFilterNote,
		Attributes: attrs,
	}
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readList(ctx, req, resp, func(m *usersDataModel) diag.Diagnostics {
		users, diags := listUsers(ctx, d.client, m)
		if diags.HasError() {
			return diags
		}
		var names, ids []string
		items := make([]map[string]attr.Value, 0, len(users))
		for _, u := range users {
			names, ids = append(names, u.UserName), append(ids, u.UserID)
			items = append(items, map[string]attr.Value{
				"id": types.StringValue(u.UserID), "name": types.StringValue(u.UserName), "display_name": types.StringValue(u.DisplayName),
				"comments": types.StringValue(u.Comments), "create_date": types.StringValue(u.CreateDate), "update_date": types.StringValue(u.UpdateDate),
			})
		}
		m.Users = objectList(usersItem(), items, &diags)
		diags.Append(m.listOutputsModel.set(ctx, filterID(ctx, arg("name_regex", m.NameRegex), arg("group_name", m.GroupName),
			arg("policy_type", m.PolicyType), arg("policy_name", m.PolicyName), arg("tags", m.Tags)), names)...)
		diags.Append(m.listIDsModel.set(ctx, ids)...)
		return diags
	})
}

// listUsers makes the filters' calls, then lists every user (unless a
// filter already allows none) and keeps those every filter allows.
func listUsers(ctx context.Context, c *alicloud.Client, m *usersDataModel) ([]alicloud.User, diag.Diagnostics) {
	ctx, calls := alicloud.CountCalls(ctx)
	keep, diags := newNameFilter(m.NameRegex)
	tags, d := tagsFilter(ctx, m.Tags)
	diags.Append(d...)
	if diags.HasError() {
		return nil, diags
	}
	if !m.GroupName.IsNull() {
		members, err := c.ListUsersForGroup(ctx, m.GroupName.ValueString())
		if err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list the members of RAM group", fmt.Sprintf("group %q (group_name)", m.GroupName.ValueString()), err,
				notFoundHint(err, "Check group_name: RAM group names are case-sensitive.")))
			return nil, diags
		}
		keep.only(userNames(members))
	}
	entities, d := m.principals(ctx, c)
	if diags.Append(d...); diags.HasError() {
		return nil, diags
	}
	if entities != nil {
		keep.only(entities.Users)
	}
	var tagged map[string]bool
	if tags != nil {
		var err error
		if tagged, err = c.UserIDsTagged(ctx, tags); err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list RAM users by tag", "users with the tags of the tags filter", err, ""))
			return nil, diags
		}
	}
	found, listed, err := collect(keep.none() || (tags != nil && len(tagged) == 0), func() ([]alicloud.User, error) { return c.ListAllUsers(ctx) },
		func(u alicloud.User) bool {
			return keep.keeps(u.UserName, u.UserName) && (tags == nil || tagged[u.UserID])
		},
		func(u alicloud.User) string { return u.UserName })
	if err != nil {
		diags.Append(framework.APIErrorDiag("Unable to list RAM users", "the account's users", err, ""))
		return nil, diags
	}
	logListed(ctx, "users", calls, listed, len(found))
	return found, diags
}

func userNames(users []alicloud.User) []string {
	names := make([]string, 0, len(users))
	for _, u := range users {
		names = append(names, u.UserName)
	}
	return names
}
