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
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var _ datasource.DataSourceWithConfigure = (*policiesDataSource)(nil)

type policiesDataSource struct {
	apiDataSource
}

// NewPoliciesDataSource is the constructor the provider registers for the
// mseram_policies data source.
func NewPoliciesDataSource() datasource.DataSource {
	return &policiesDataSource{}
}

type policiesDataModel struct {
	listOutputsModel
	NameRegex        types.String `tfsdk:"name_regex"`
	PolicyType       types.String `tfsdk:"policy_type"`
	Tags             types.Map    `tfsdk:"tags"`
	UserName         types.String `tfsdk:"user_name"`
	GroupName        types.String `tfsdk:"group_name"`
	RoleName         types.String `tfsdk:"role_name"`
	IncludeDocuments types.Bool   `tfsdk:"include_documents"`
	Policies         types.List   `tfsdk:"policies"`
}

// policiesItem is the schema of one element of policies.
func policiesItem() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name":            computedString("Name of the policy."),
		"policy_type":     computedString("`System` or `Custom`."),
		"description":     computedString("Description; empty when not set."),
		"default_version": computedString("The default version, e.g. `v1`."),
		"attachment_count": schema.Int64Attribute{
			MarkdownDescription: "How many users, groups and roles the policy is attached to.",
			Computed:            true,
		},
		"create_date": computedString("When the policy was created (UTC, RFC 3339)."),
		"update_date": computedString("When the policy was last changed (UTC, RFC 3339)."),
		"tags": schema.MapAttribute{
			MarkdownDescription: "Tags on the policy (system policies have none).",
			ElementType:         types.StringType,
			Computed:            true,
		},
		"policy_document": computedString("The default version's document (JSON, as the API returns it) with `include_documents = true`; null otherwise."),
	}
}

func (d *policiesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policies"
}

func (d *policiesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	principal := func(kind string, validators []validator.String) schema.StringAttribute {
		return schema.StringAttribute{
			MarkdownDescription: fmt.Sprintf("Keep only the policies attached directly to this %s (`ListPoliciesFor%s`; for a user, "+
				"not those of its groups). Unset: attachments to %ss do not matter.", kind, principalKinds[kind], kind),
			Optional:   true,
			Validators: validators,
		}
	}
	attrs := listOutputs("policies", false)
	attrs["name_regex"] = nameRegexAttribute("policies", "AliyunMSE")
	attrs["policy_type"] = schema.StringAttribute{
		MarkdownDescription: "Keep only `System` policies (Alibaba Cloud's, e.g. `AliyunMSEFullAccess`) or only `Custom` ones " +
			"(the account's own). Unset: both.",
		Optional:   true,
		Validators: framework.PolicyType(),
	}
	attrs["tags"] = tagsFilterAttribute("policies", ramrules.RAMTagValueMaxLen)
	attrs["user_name"] = principal("user", framework.UserName())
	attrs["group_name"] = principal("group", framework.GroupName())
	attrs["role_name"] = principal("role", framework.RoleName())
	attrs["include_documents"] = includeDocumentsAttribute("each policy's default version document", "GetPolicy", "policy_document")
	attrs["policies"] = schema.ListNestedAttribute{
		MarkdownDescription: "The policies found, sorted by name.",
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: policiesItem()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists RAM policies, Alibaba Cloud's system policies and the account's custom ones, all of them or " +
			"those the filters keep: by name (e.g. `^AliyunMSE` for MSE's system policies), type, tags and the user, group or " +
			"role they are attached to. Reads every page of `ListPolicies` (1,000 policies a call; the type and tag filters are " +
			"sent with it), plus one call per principal filter. " + listFilterNote,
		Attributes: attrs,
	}
}

// principalKinds is the action spelling of each principal kind.
var principalKinds = map[string]alicloud.PrincipalKind{"user": alicloud.PrincipalUser, "group": alicloud.PrincipalGroup, "role": alicloud.PrincipalRole}

func (d *policiesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	readList(ctx, req, resp, func(m *policiesDataModel) diag.Diagnostics {
		policies, docs, diags := listPolicies(ctx, d.client, m)
		if diags.HasError() {
			return diags
		}
		var names []string
		items := make([]map[string]attr.Value, 0, len(policies))
		for _, p := range policies {
			names = append(names, p.PolicyName)
			items = append(items, map[string]attr.Value{
				"name": types.StringValue(p.PolicyName), "policy_type": types.StringValue(p.PolicyType),
				"description": types.StringValue(p.Description), "default_version": types.StringValue(p.DefaultVersion),
				"attachment_count": types.Int64Value(int64(p.AttachmentCount)), "create_date": types.StringValue(p.CreateDate),
				"update_date": types.StringValue(p.UpdateDate), "tags": tagsValue(p.Tags, &diags),
				"policy_document": documentValue(m.IncludeDocuments, docs, policyKey(p.PolicyType, p.PolicyName)),
			})
		}
		m.Policies = objectList(policiesItem(), items, &diags)
		diags.Append(m.listOutputsModel.set(ctx, filterID(ctx, arg("name_regex", m.NameRegex), arg("policy_type", m.PolicyType),
			arg("tags", m.Tags), arg("user_name", m.UserName), arg("group_name", m.GroupName), arg("role_name", m.RoleName),
			arg("include_documents", m.IncludeDocuments)), names)...)
		return diags
	})
}

// policyKey tells a system policy from a custom one of the same name.
func policyKey(typ, name string) string { return typ + ":" + name }

// listPolicies makes the principal filters' calls, then lists every policy
// of the type carrying the tags (unless a filter already allows none),
// keeps those every filter allows and, with include_documents, reads their
// documents (by policyKey). RAM filters by type and tag; both are checked
// here too, since the answer carries them.
func listPolicies(ctx context.Context, c *alicloud.Client, m *policiesDataModel) ([]alicloud.Policy, map[string]string, diag.Diagnostics) {
	ctx, calls := alicloud.CountCalls(ctx)
	keep, diags := newNameFilter(m.NameRegex)
	tags, d := tagsFilter(ctx, m.Tags)
	diags.Append(d...)
	if diags.HasError() {
		return nil, nil, diags
	}
	for _, f := range []struct {
		attr string
		name types.String
	}{{"user", m.UserName}, {"group", m.GroupName}, {"role", m.RoleName}} {
		if f.name.IsNull() {
			continue
		}
		attached, err := c.ListPoliciesFor(ctx, principalKinds[f.attr], f.name.ValueString())
		if err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list the policies attached to RAM "+f.attr,
				fmt.Sprintf("%s %q (%s_name)", f.attr, f.name.ValueString(), f.attr), err,
				notFoundHint(err, fmt.Sprintf("Check %s_name: RAM %s names are case-sensitive.", f.attr, f.attr))))
			return nil, nil, diags
		}
		keys := make([]string, 0, len(attached))
		for _, a := range attached {
			keys = append(keys, policyKey(a.PolicyType, a.PolicyName))
		}
		keep.only(keys)
	}
	found, listed, err := collect(keep.none(),
		func() ([]alicloud.Policy, error) { return c.ListPoliciesTagged(ctx, m.PolicyType.ValueString(), tags) },
		func(p alicloud.Policy) bool {
			return keep.keeps(p.PolicyName, policyKey(p.PolicyType, p.PolicyName)) && hasTags(tagMap(p.Tags), tags) &&
				(m.PolicyType.IsNull() || p.PolicyType == m.PolicyType.ValueString())
		},
		func(p alicloud.Policy) string { return p.PolicyName + "\x00" + p.PolicyType })
	if err != nil {
		diags.Append(framework.APIErrorDiag("Unable to list RAM policies", "the policies", err, ""))
		return nil, nil, diags
	}
	docs := map[string]string{}
	if m.IncludeDocuments.ValueBool() {
		for _, p := range found {
			_, v, err := c.GetPolicy(ctx, p.PolicyName, p.PolicyType)
			if err != nil {
				diags.Append(framework.APIErrorDiag("Unable to read RAM policy", fmt.Sprintf("%s policy %q", p.PolicyType, p.PolicyName), err, ""))
				return nil, nil, diags
			}
			if v != nil {
				docs[policyKey(p.PolicyType, p.PolicyName)] = v.PolicyDocument
			}
		}
	}
	logListed(ctx, "policies", calls, listed, len(found))
	return found, docs, diags
}
