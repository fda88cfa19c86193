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

var _ datasource.DataSourceWithConfigure = (*rolesDataSource)(nil)

type rolesDataSource struct {
	apiDataSource
}

// NewRolesDataSource is the constructor the provider registers for the
// mseram_roles data source.
func NewRolesDataSource() datasource.DataSource {
	return &rolesDataSource{}
}

type rolesDataModel struct {
	listOutputsModel
	listIDsModel
	attachedPolicyModel
	NameRegex        types.String `tfsdk:"name_regex"`
	Tags             types.Map    `tfsdk:"tags"`
	IncludeDocuments types.Bool   `tfsdk:"include_documents"`
	Roles            types.List   `tfsdk:"roles"`
}

// rolesItem is the schema of one element of roles.
func rolesItem() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":          computedString("The role's ID (`RoleId`)."),
		"name":        computedString("Name of the role."),
		"arn":         computedString("The role's ARN, `acs:ram::<account id>:role/<name>`."),
		"description": computedString("Description; empty when not set."),
		"max_session_duration": schema.Int64Attribute{
			MarkdownDescription: "Longest session, in seconds, that assuming the role may give.",
			Computed:            true,
		},
		"create_date": computedString("When the role was created (UTC, RFC 3339)."),
		"update_date": computedString("When the role was last changed (UTC, RFC 3339)."),
		"tags": schema.MapAttribute{
			MarkdownDescription: "Tags on the role.",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"assume_role_policy_document": computedString("The trust policy (JSON, as RAM returns it) with `include_documents = true`; " +
			"null otherwise, since `ListRoles` does not return it."),
	}
}

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles"
}

func (d *rolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	policyName, policyType := attachedPolicyAttributes("roles")
	attrs := listOutputs("roles", true)
	attrs["name_regex"] = nameRegexAttribute("roles", "KubernetesWorkerRole-")
	attrs["policy_name"], attrs["policy_type"] = policyName, policyType
	attrs["tags"] = tagsFilterAttribute("roles", ramrules.RAMTagValueMaxLen)
	attrs["include_documents"] = includeDocumentsAttribute("each role's trust policy", "GetRole", "assume_role_policy_document")
	attrs["roles"] = schema.ListNestedAttribute{
		MarkdownDescription: "The roles found, sorted by name, service-linked roles included.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: rolesItem()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's RAM roles, all of them or those the filters keep: by name, attached policy " +
			"and tags. Reads every page of `ListRoles` (1,000 roles a call; the tag filter is sent with it), plus one call for " +
			"the policy filter. " + listFilterNote,
		Attributes: attrs,
	}
}

func (d *rolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readList(ctx, req, resp, func(m *rolesDataModel) diag.Diagnostics {
		roles, docs, diags := listRoles(ctx, d.client, m)
		if diags.HasError() {
			return diags
		}
		var names, ids []string
		items := make([]map[string]attr.Value, 0, len(roles))
		for _, r := range roles {
			names, ids = append(names, r.RoleName), append(ids, r.RoleID)
			items = append(items, map[string]attr.Value{
				"id": types.StringValue(r.RoleID), "name": types.StringValue(r.RoleName), "arn": types.StringValue(r.Arn),
				"description": types.StringValue(r.Description), "max_session_duration": types.Int64Value(r.MaxSessionDuration),
				"create_date": types.StringValue(r.CreateDate), "update_date": types.StringValue(r.UpdateDate),
				"tags":                        tagsValue(r.Tags, &diags),
				"assume_role_policy_document": documentValue(m.IncludeDocuments, docs, r.RoleName),
			})
		}
		m.Roles = objectList(rolesItem(), items, &diags)
		diags.Append(m.listOutputsModel.set(ctx, filterID(ctx, arg("name_regex", m.NameRegex), arg("policy_type", m.PolicyType),
			arg("policy_name", m.PolicyName), arg("tags", m.Tags), arg("include_documents", m.IncludeDocuments)), names)...)
		diags.Append(m.listIDsModel.set(ctx, ids)...)
		return diags
	})
}

// listRoles makes the policy filter's call, then lists every role carrying
// the tags (unless the policy filter already allows none), keeps those
// every filter allows and, with include_documents, reads their trust
// policies (by name). RAM filters by tag; the tags are checked here too,
// since the answer carries them.
func listRoles(ctx context.Context, c *alicloud.Client, m *rolesDataModel) ([]alicloud.TaggedRole, map[string]string, diag.Diagnostics) {
	ctx, calls := alicloud.CountCalls(ctx)
	keep, diags := newNameFilter(m.NameRegex)
	tags, d := tagsFilter(ctx, m.Tags)
	diags.Append(d...)
	if diags.HasError() {
		return nil, nil, diags
	}
	entities, d := m.principals(ctx, c)
	if diags.Append(d...); diags.HasError() {
		return nil, nil, diags
	}
	if entities != nil {
		keep.only(entities.Roles)
	}
	found, listed, err := collect(keep.none(), func() ([]alicloud.TaggedRole, error) { return c.ListRolesTagged(ctx, tags) },
		func(r alicloud.TaggedRole) bool {
			return keep.keeps(r.RoleName, r.RoleName) && hasTags(tagMap(r.Tags), tags)
		},
		func(r alicloud.TaggedRole) string { return r.RoleName })
	if err != nil {
		diags.Append(framework.APIErrorDiag("Unable to list RAM roles", "the account's roles", err, ""))
		return nil, nil, diags
	}
	docs := map[string]string{}
	if m.IncludeDocuments.ValueBool() {
		for _, r := range found {
			role, err := c.GetRole(ctx, r.RoleName)
			if err != nil {
				diags.Append(framework.APIErrorDiag("Unable to read RAM role", fmt.Sprintf("RAM role %q", r.RoleName), err, ""))
				return nil, nil, diags
			}
			docs[r.RoleName] = role.AssumeRolePolicyDocument
		}
	}
	logListed(ctx, "roles", calls, listed, len(found))
	return found, docs, diags
}
