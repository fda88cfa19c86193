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
	NameRegex        types.String    `tfsdk:"name_regex"`
	Tags             types.Map       `tfsdk:"tags"`
	IncludeDocuments types.Bool      `tfsdk:"include_documents"`
	Roles            []rolesItemData `tfsdk:"roles"`
}

type rolesItemData struct {
	ID                       types.String `tfsdk:"id"`
	Name                     types.String `tfsdk:"name"`
	Arn                      types.String `tfsdk:"arn"`
	Description              types.String `tfsdk:"description"`
	MaxSessionDuration       types.Int64  `tfsdk:"max_session_duration"`
	CreateDate               types.String `tfsdk:"create_date"`
	UpdateDate               types.String `tfsdk:"update_date"`
	Tags                     types.Map    `tfsdk:"tags"`
	AssumeRolePolicyDocument types.String `tfsdk:"assume_role_policy_document"`
}

func (d *rolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_roles"
}

func (d *rolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	policyName, policyType := attachedPolicyAttributes("roles")
	attrs := listOutputs("roles", true)
	attrs["name_regex"] = nameRegexAttribute("roles", "KubernetesWorkerRole-")
	attrs["policy_name"], attrs["policy_type"] = policyName, policyType
	attrs["tags"] = tagsFilterAttribute("roles", ramrules.RAMTagValueMaxLen)
	attrs["include_documents"] = includeDocumentsAttribute("each role's trust policy", "GetRole", "assume_role_policy_document")
	attrs["roles"] = schema.ListNestedAttribute{
		MarkdownDescription: "The roles found, sorted by name, service-linked roles included.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":          computed("The role's ID (`RoleId`)."),
			"name":        computed("Name of the role."),
			"arn":         computed("The role's ARN, `acs:ram::<account id>:role/<name>`."),
			"description": computed("Description; empty when not set."),
			"max_session_duration": schema.Int64Attribute{
				MarkdownDescription: "Longest session, in seconds, that assuming the role may give.",
				Computed:            true,
			},
			"create_date": computed("When the role was created (UTC, RFC 3339)."),
			"update_date": computed("When the role was last changed (UTC, RFC 3339)."),
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the role.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"assume_role_policy_document": computed("The trust policy (JSON, as RAM returns it) with `include_documents = true`; " +
				"null otherwise, since `ListRoles` does not return it."),
		}},
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
		m.Roles = []rolesItemData{}
		for _, r := range roles {
			names, ids = append(names, r.RoleName), append(ids, r.RoleID)
			tags, d := types.MapValueFrom(ctx, types.StringType, tagMap(r.Tags))
			diags.Append(d...)
			m.Roles = append(m.Roles, rolesItemData{
				ID: types.StringValue(r.RoleID), Name: types.StringValue(r.RoleName), Arn: types.StringValue(r.Arn),
				Description: types.StringValue(r.Description), MaxSessionDuration: types.Int64Value(r.MaxSessionDuration),
				CreateDate: types.StringValue(r.CreateDate), UpdateDate: types.StringValue(r.UpdateDate), Tags: tags,
				AssumeRolePolicyDocument: documentValue(m.IncludeDocuments, docs, r.RoleName),
			})
		}
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
