// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

var (
	_ datasource.DataSourceWithConfigure        = (*principalAccessDataSource)(nil)
	_ datasource.DataSourceWithValidateConfig   = (*principalAccessDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*principalAccessDataSource)(nil)
)

// principalAccessDataSource answers "what may this principal do?" by
// reading the policies RAM applies to a user, group or role and
// evaluating requests against them with internal/policy, the evaluator
// mseram_access_check uses. RAM has no policy simulator API, so the
// evaluation is client-side.
type principalAccessDataSource struct {
	client *alicloud.Client
}

// NewPrincipalAccessDataSource is the constructor the provider registers
// for the mseram_principal_access data source.
func NewPrincipalAccessDataSource() datasource.DataSource {
	return &principalAccessDataSource{}
}

func (d *principalAccessDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_principal_access"
}

// principalAccessLimits is what the data source does not see, in the
// description and the documentation.
const principalAccessLimits = "### What it does not see\n\n" +
	"* **Resource-group-scoped attachments.** A policy can be attached to a principal within one resource group " +
	"(Resource Management's `AttachPolicy` with a resource group ID as `ResourceGroupId`). RAM's " +
	"`ListPoliciesForUser`, `ListPoliciesForGroup` and `ListPoliciesForRole` list only the policies attached at the " +
	"account level, and so does this data source: a permission granted (or denied) only within a resource group is " +
	"missing from the answer.\n" +
	"* **Control policies.** The guardrails of a Resource Directory, evaluated before any RAM policy for the members " +
	"of a directory, are not read: a request this data source allows may still be refused by one.\n" +
	"* **Resource-based policies**, such as an OSS bucket policy, are not read: they can allow or deny a request " +
	"on their own resource whatever the identity policies say.\n" +
	"* **Condition keys** are only those a request's `context` supplies. RAM fills in `acs:SourceIp`, " +
	"`acs:CurrentTime`, `acs:SecureTransport`, `acs:MFAPresent` and the keys an action defines (such as " +
	"`ram:ServiceName`) from the real call; here a key left out is absent.\n" +
	"* **Session policies** only when `session_policy` gives one: the data source cannot see the `Policy` an " +
	"application passed to `AssumeRole` for credentials already issued.\n" +
	"* **Trust policies.** For a role, only what the role may do is answered, not who may assume it.\n"

func (d *principalAccessDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	principalAttr := func(desc string, validators []validator.String) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Optional: true, Validators: validators}
	}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Answers \"may this RAM user, group or role do this action on this resource?\" from the " +
			"policies RAM applies to it. RAM has no policy simulator API, so the data source reads the policies and " +
			"evaluates them itself, with the evaluator of `mseram_access_check`: for a user, the policies attached to " +
			"it and to each of its groups; for a group or a role, those attached to it. System and Custom policies " +
			"alike, each in its default version. `extra_policy_documents` adds documents (a policy about to be " +
			"attached), and `session_policy` narrows a role as the `Policy` parameter of STS `AssumeRole` does.\n\n" +
			"Each result names the policy, version and statement that decided, so a refusal can be traced to the " +
			"`Deny` that caused it, or to the absence of any `Allow`. An explicit `Deny` in any document wins; " +
			"otherwise an `Allow` allows, and with a session policy both the identity policies and the session " +
			"policy must allow.\n\n" +
			"Reading needs `ram:ListPoliciesForUser` (or `ForGroup`, `ForRole`), `ram:ListGroupsForUser` for a user and " +
			"`ram:GetPolicy`: one list call per principal and group, and one `GetPolicy` per distinct policy. " +
			"Requests are written as for `mseram_access_check` (a raw ARN or typed MSE fields).\n\n" +
			principalAccessLimits + "\n" + ramActionsMarkdown(),
		Attributes: map[string]schema.Attribute{
			"user_name": principalAttr("The RAM user whose access to evaluate, e.g. `mse-developer`: its own policies "+
				"and those of every group it belongs to. Exactly one of `user_name`, `group_name` and `role_name`.",
				framework.UserName()),
			"group_name": principalAttr("The RAM user group whose access to evaluate: the policies attached to the group "+
				"(what every member gets from it, not a member's own policies). Exactly one of `user_name`, "+
				"`group_name` and `role_name`.", framework.GroupName()),
			"role_name": principalAttr("The RAM role whose access to evaluate, e.g. an ACK cluster's "+
				"`KubernetesWorkerRole-<uuid>`: the policies attached to the role, as credentials from `AssumeRole` "+
				"carry them. Exactly one of `user_name`, `group_name` and `role_name`.", framework.RoleName()),
			"extra_policy_documents": schema.ListAttribute{
				MarkdownDescription: "Identity policy documents (JSON) to evaluate as if they were attached too, e.g. " +
					"a policy about to be attached, to see what the principal could do then. Each is validated with " +
					"RAM's policy rules; results name them `extra_policy_documents[<index>]` with type `extra`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators: []validator.List{
					listvalidator.NoNullValues(),
					listvalidator.ValueStringsAre(identityDocument{}),
				},
			},
			"session_policy": schema.StringAttribute{
				MarkdownDescription: "A session policy (JSON), as passed in the `Policy` parameter of STS `AssumeRole`: " +
					"a request is then allowed only if the principal's policies and the session policy both allow it, " +
					"and an explicit `Deny` in either refuses it. Meant with `role_name`; results name it `session_policy` " +
					"with type `session`.",
				Optional:   true,
				Validators: []validator.String{identityDocument{}},
			},
			"id": computed("A SHA-256 hash (hex) of the principal, the documents evaluated and the requests."),
			"all_allowed": schema.BoolAttribute{
				MarkdownDescription: "`true` when every request is allowed (every `results[*].allowed` is `true`).",
				Computed:            true,
			},
			"policies": schema.ListNestedAttribute{
				MarkdownDescription: "The policies RAM applies to the principal, as read: first those attached to it, " +
					"then, for a user, those of each group in the order RAM lists the groups. A policy attached both " +
					"directly and through a group appears once for each attachment.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":         computed("The policy's name, e.g. `AliyunMSEReadOnlyAccess`."),
					"type":         computed("`System` or `Custom`."),
					"version":      computed("The default version evaluated, e.g. `v3`."),
					"attached_via": computed("`direct` when attached to the principal itself, `group:<name>` when through a group of the user."),
				}},
			},
			"results": schema.ListNestedAttribute{
				MarkdownDescription: "One result per `request` block, in the order of the blocks.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"action": computed("The request's `action`, as given."),
					"resource": computed("The resource decided for: the request's `resource` as given, or the ARN its " +
						"typed fields build."),
					"decision": computed("`Allow`, `ExplicitDeny` (a `Deny` statement matched) or `ImplicitDeny` (nothing " +
						"allowed it; with a session policy, also when the session policy does not allow what the " +
						"identity policies allow)."),
					"allowed": schema.BoolAttribute{MarkdownDescription: "`true` when `decision` is `Allow`.", Computed: true},
					"decided_by_policy": computed("The policy that decided: a RAM policy's name, " +
						"`extra_policy_documents[<index>]` or `session_policy`. For `Allow`, the first allowing statement's " +
						"policy. Null for an `ImplicitDeny` that no policy decided."),
					"decided_by_policy_type": computed("`System`, `Custom`, `extra` or `session`; null when " +
						"`decided_by_policy` is."),
					"decided_by_version": computed("The version of the deciding RAM policy (its default version), e.g. " +
						"`v2`; null for `extra` and `session` documents."),
					"decided_by_statement": schema.Int64Attribute{
						MarkdownDescription: "The index (0-based, in the order written) of the deciding statement in its " +
							"policy. Null when no statement decided: an `ImplicitDeny`, including one by a session policy " +
							"that allows nothing of the request.",
						Computed: true,
					},
					"decided_by_sid": computed("The deciding statement's `Sid`; null when it has none or no statement decided."),
					"via_hierarchy": schema.BoolAttribute{
						MarkdownDescription: "`true` when the deciding statement matched the resource only through MSE's " +
							"resource hierarchy (see `mseram_access_check`).",
						Computed: true,
					},
					"notes": schema.ListAttribute{
						MarkdownDescription: "Why RAM's answer for the real call may differ, one sentence each, as " +
							"`mseram_access_check` gives them (a `*` region or account, a RAM action asked about the " +
							"wrong resource, a condition key RAM fills in).",
						ElementType: types.StringType,
						Computed:    true,
					},
				}},
			},
		},
		Blocks: map[string]schema.Block{"request": requestBlock()},
	}
}

func (d *principalAccessDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		datasourcevalidator.ExactlyOneOf(path.MatchRoot("user_name"), path.MatchRoot("group_name"), path.MatchRoot("role_name")),
	}
}

func (d *principalAccessDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	validateRequestTargets(ctx, req.Config, &resp.Diagnostics)
}

func (d *principalAccessDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *principalAccessDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m principalAccessDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	requests, typed := policyRequests(ctx, m.Requests, &resp.Diagnostics)
	extra, session := configuredDocuments(ctx, m, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}

	p := principalOf(m)
	tflog.Debug(ctx, "Reading the policies of a RAM principal", map[string]any{"kind": string(p.kind), "name": p.name})
	attached, identity := d.readPolicies(ctx, p, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	identity = append(identity, extra...)
	tflog.Debug(ctx, "Evaluating requests", map[string]any{
		"policies": len(attached), "extra_documents": len(extra), "session_policy": session != nil, "requests": len(requests),
	})

	docs := make([]*policy.Document, 0, len(identity)+1)
	hashed := []string{string(p.kind) + ":" + p.name}
	for _, s := range identity {
		docs = append(docs, s.doc)
		hashed = append(hashed, s.policyType+":"+s.name+":"+s.version+":"+s.doc.CanonicalJSON())
	}
	if session != nil {
		docs = append(docs, session.doc)
		hashed = append(hashed, policyTypeSession+":"+session.doc.CanonicalJSON())
	}

	m.Policies = attached
	m.Results = make([]principalAccessResultModel, len(requests))
	allAllowed := true
	for i, r := range requests {
		dec := decideAccess(identity, session, r)
		notes, diags := types.ListValueFrom(ctx, types.StringType, requestNotes(docs, r, typed[i]))
		resp.Diagnostics.Append(diags...)
		m.Results[i] = dec.resultModel(r, notes)
		allAllowed = allAllowed && dec.result.Decision == policy.Allow
	}
	m.AllAllowed = types.BoolValue(allAllowed)
	m.ID = types.StringValue(accessCheckID(hashed, requests))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// configuredDocuments parses extra_policy_documents and session_policy
// (validated at plan time too, but a value unknown then is checked here).
func configuredDocuments(ctx context.Context, m principalAccessDataModel, diags *diag.Diagnostics) (extra []policySource, session *policySource) {
	var texts []string
	if !m.ExtraPolicyDocuments.IsNull() {
		diags.Append(m.ExtraPolicyDocuments.ElementsAs(ctx, &texts, false)...)
	}
	for i, text := range texts {
		p := path.Root("extra_policy_documents").AtListIndex(i)
		doc, err := policy.Parse(framework.CompactJSON(text))
		if err != nil {
			addDocumentErrors(diags, p, err)
			continue
		}
		extra = append(extra, policySource{name: p.String(), policyType: policyTypeExtra, doc: doc})
	}
	if m.SessionPolicy.IsNull() {
		return extra, nil
	}
	doc, err := policy.Parse(framework.CompactJSON(m.SessionPolicy.ValueString()))
	if err != nil {
		addDocumentErrors(diags, path.Root("session_policy"), err)
		return extra, nil
	}
	return extra, &policySource{name: "session_policy", policyType: policyTypeSession, doc: doc}
}

// principal is the RAM principal a configuration names, with the
// attribute that names it (for errors) and what to call it in messages.
type principal struct {
	kind  alicloud.PrincipalKind
	name  string
	attr  string
	label string
}

func principalOf(m principalAccessDataModel) principal {
	switch {
	case !m.UserName.IsNull():
		return principal{alicloud.PrincipalUser, m.UserName.ValueString(), "user_name", "RAM user"}
	case !m.GroupName.IsNull():
		return principal{alicloud.PrincipalGroup, m.GroupName.ValueString(), "group_name", "RAM user group"}
	}
	return principal{alicloud.PrincipalRole, m.RoleName.ValueString(), "role_name", "RAM role"}
}

// readPolicies lists the policies RAM applies to p (for a user, its own
// and its groups') and reads each one's default version once.
func (d *principalAccessDataSource) readPolicies(ctx context.Context, p principal, diags *diag.Diagnostics) ([]principalPolicyModel, []policySource) {
	object := fmt.Sprintf("%s %q", p.label, p.name)
	direct, err := d.client.ListPoliciesFor(ctx, p.kind, p.name)
	if err != nil {
		if alicloud.IsNotFound(err) {
			diags.AddAttributeError(path.Root(p.attr), p.label+" not found",
				fmt.Sprintf("%s: %s does not exist in this account (%s). Check %s: names are case-sensitive, and the "+
					"principal must exist before its access can be evaluated.", p.attr, object, err, p.attr))
			return nil, nil
		}
		diags.Append(framework.APIErrorDiag("Unable to list the policies of "+p.label, object, err, readHint))
		return nil, nil
	}
	type attachment struct {
		alicloud.AttachedPolicy
		via string
	}
	var all []attachment
	for _, a := range direct {
		all = append(all, attachment{a, "direct"})
	}
	if p.kind == alicloud.PrincipalUser {
		groups, err := d.client.ListGroupsForUser(ctx, p.name)
		if err != nil {
			diags.Append(framework.APIErrorDiag("Unable to list the groups of RAM user", object, err, readHint))
			return nil, nil
		}
		for _, g := range groups {
			gp, err := d.client.ListPoliciesFor(ctx, alicloud.PrincipalGroup, g.GroupName)
			if err != nil {
				diags.Append(framework.APIErrorDiag("Unable to list the policies of RAM user group",
					fmt.Sprintf("RAM user group %q (a group of %s)", g.GroupName, object), err, readHint))
				return nil, nil
			}
			for _, a := range gp {
				all = append(all, attachment{a, "group:" + g.GroupName})
			}
		}
	}

	read := map[string]policySource{} // by type and name: each policy is read once
	models := make([]principalPolicyModel, 0, len(all))
	sources := make([]policySource, 0, len(all))
	for _, a := range all {
		key := a.PolicyType + ":" + a.PolicyName
		src, ok := read[key]
		if !ok {
			if src, ok = d.readPolicy(ctx, a.PolicyName, a.PolicyType, a.via, object, diags); !ok {
				return nil, nil
			}
			read[key] = src
		}
		models = append(models, principalPolicyModel{
			Name: types.StringValue(src.name), Type: types.StringValue(src.policyType),
			Version: types.StringValue(src.version), AttachedVia: types.StringValue(a.via),
		})
		sources = append(sources, src)
	}
	return models, sources
}

// readHint says what the provider's credentials need to read a principal's
// policies.
const readHint = "The provider's credentials need ram:ListPoliciesForUser, ram:ListPoliciesForGroup, ram:ListPoliciesForRole, " +
	"ram:ListGroupsForUser and ram:GetPolicy (the system policy AliyunRAMReadOnlyAccess grants them)."

// readPolicy reads and parses the default version of one attached policy.
func (d *principalAccessDataSource) readPolicy(ctx context.Context, name, policyType, via, object string, diags *diag.Diagnostics) (policySource, bool) {
	what := fmt.Sprintf("%s policy %q (attached to %s, %s)", policyType, name, object, via)
	_, version, err := d.client.GetPolicy(ctx, name, policyType)
	if err != nil {
		hint := readHint
		if alicloud.IsNotFound(err) {
			hint = "The policy was listed as attached but is gone: it was probably detached and deleted meanwhile. Run again."
		}
		diags.Append(framework.APIErrorDiag("Unable to read an attached policy", what, err, hint))
		return policySource{}, false
	}
	if version == nil {
		diags.AddError("Unable to read an attached policy", what+": GetPolicy answered without the default version's "+
			"document, so the policy cannot be evaluated. Run again; if it persists, report it.")
		return policySource{}, false
	}
	doc, err := policy.Parse(framework.CompactJSON(version.PolicyDocument))
	if err != nil {
		// An answer based on some of the policies could allow what RAM
		// refuses, so the data source refuses to answer instead.
		diags.AddError("Unable to evaluate an attached policy", fmt.Sprintf("%s, version %s: the document does not parse "+
			"with this provider's policy rules, so no answer would be reliable: %s. Please report it with the policy's name.",
			what, version.VersionID, err))
		return policySource{}, false
	}
	return policySource{name: name, policyType: policyType, version: version.VersionID, doc: doc}, true
}
