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
	client *alicloud.Client
}

// NewRolesDataSource is the constructor the provider registers for the
// mseram_roles data source.
func NewRolesDataSource() datasource.DataSource {
	return &rolesDataSource{}
}

type rolesDataModel struct {
	ID               types.String    `tfsdk:"id"`
	NameRegex        types.String    `tfsdk:"name_regex"`
	PolicyName       types.String    `tfsdk:"policy_name"`
	PolicyType       types.String    `tfsdk:"policy_type"`
	Tags             types.Map       `tfsdk:"tags"`
	IncludeDocuments types.Bool      `tfsdk:"include_documents"`
	Names            types.List      `tfsdk:"names"`
	IDs              types.List      `tfsdk:"ids"`
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

func (d *rolesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *rolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m rolesDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	roles, docs, diags := listRoles(ctx, d.client, &m)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	var names, ids []string
	m.Roles = []rolesItemData{}
	for _, r := range roles {
		names, ids = append(names, r.RoleName), append(ids, r.RoleID)
		tags, diags := types.MapValueFrom(ctx, types.StringType, tagMap(r.Tags))
		resp.Diagnostics.Append(diags...)
		m.Roles = append(m.Roles, rolesItemData{
			ID: types.StringValue(r.RoleID), Name: types.StringValue(r.RoleName), Arn: types.StringValue(r.Arn),
			Description: types.StringValue(r.Description), MaxSessionDuration: types.Int64Value(r.MaxSessionDuration),
			CreateDate: types.StringValue(r.CreateDate), UpdateDate: types.StringValue(r.UpdateDate), Tags: tags,
			AssumeRolePolicyDocument: documentValue(m.IncludeDocuments, docs, r.RoleName),
		})
	}
	m.ID = types.StringValue(filterID(ctx, "name_regex", m.NameRegex, "policy_type", m.PolicyType, "policy_name", m.PolicyName,
		"tags", m.Tags, "include_documents", m.IncludeDocuments))
	m.Names, diags = stringList(ctx, names)
	resp.Diagnostics.Append(diags...)
	m.IDs, diags = stringList(ctx, ids)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
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
	entities, err := policyEntities(ctx, c, m.PolicyName, m.PolicyType)
	if err != nil {
		diags.Append(attachedPolicyDiag(m.PolicyName, m.PolicyType, err))
		return nil, nil, diags
	}
	if entities != nil {
		keep.only(entities.Roles)
	}
	var all, found []alicloud.TaggedRole
	if !keep.none() {
		if all, err = c.ListRolesTagged(ctx, tags); err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list RAM roles", "the account's roles", err, ""))
			return nil, nil, diags
		}
	}
	for _, r := range all {
		if keep.keeps(r.RoleName, r.RoleName) && hasTags(tagMap(r.Tags), tags) {
			found = append(found, r)
		}
	}
	sortBy(found, func(r alicloud.TaggedRole) string { return r.RoleName })
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
	logListed(ctx, "roles", calls, len(all), len(found))
	return found, docs, diags
}
