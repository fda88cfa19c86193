// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	_ resource.ResourceWithConfigure   = (*policyResource)(nil)
	_ resource.ResourceWithImportState = (*policyResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*policyResource)(nil)
)

const (
	// maxPolicyVersions is RAM's limit of versions kept per custom policy.
	maxPolicyVersions = 5
	rotateOldest      = "DeleteOldestNonDefaultVersionWhenLimitExceeded"
)

type policyResource struct{ linting }

// NewPolicyResource is the constructor the provider registers for
// mseram_policy.
func NewPolicyResource() resource.Resource {
	return &policyResource{linting{base: base{typeName: "policy"}}}
}

// policyTypeCustom is the PolicyType of every policy this resource manages.
const policyTypeCustom = "Custom"

type policyModel struct {
	ID              types.String             `tfsdk:"id"`
	Name            types.String             `tfsdk:"name"`
	Description     types.String             `tfsdk:"description"`
	PolicyDocument  framework.PolicyDocument `tfsdk:"policy_document"`
	Tags            types.Map                `tfsdk:"tags"`
	ForceDestroy    types.Bool               `tfsdk:"force_destroy"`
	DefaultVersion  types.String             `tfsdk:"default_version"`
	Type            types.String             `tfsdk:"type"`
	AttachmentCount types.Int64              `tfsdk:"attachment_count"`
	CreateDate      types.String             `tfsdk:"create_date"`
	Timeouts        timeouts.Value           `tfsdk:"timeouts"`
}

func (m policyModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// policyFound is a custom policy as the API returns it, with its default
// version (nil when the answer had none).
type policyFound struct {
	p *alicloud.Policy
	v *alicloud.PolicyVersion
}

// object describes the custom policy m names to the shared lifecycle
// (ram_object.go).
func (r *policyResource) object(m *policyModel) ramObject[policyFound] {
	name := m.Name.ValueString()
	return ramObject[policyFound]{
		noun: "RAM policy", object: fmt.Sprintf("RAM policy %q", name), fields: map[string]any{"policy_name": name},
		get: func(ctx context.Context) (policyFound, error) {
			p, v, err := r.client.GetPolicy(ctx, name, policyTypeCustom)
			return policyFound{p, v}, err
		},
		tags: func(ctx context.Context, f policyFound) (map[string]string, error) {
			return r.client.PolicyTagsOf(ctx, f.p)
		},
		tagging: ramTagAPI(r.client, alicloud.RAMResourcePolicy, name),
		created: func(f policyFound) string { return f.p.CreateDate },
		// CascadingDelete removes the non-default versions this resource made.
		del:        func(ctx context.Context) error { return r.client.DeletePolicy(ctx, name, true) },
		dependants: policyEntities(r.client, name),
		conflictHint: "The policy is still attached to the principal the error code names. Remove those attachments first, " +
			"or set force_destroy = true on this mseram_policy, apply, then destroy.",
		force:            m.ForceDestroy.ValueBool(),
		removeDependants: func(ctx context.Context) error { return r.detachEverywhere(ctx, name) },
		removing:         "Unable to detach RAM policy before deleting it",
	}
}

func (r *policyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom RAM policy. Changing `policy_document` creates a new default version; the provider removes the " +
			"oldest non-default version when RAM's limit of five is reached, so updates never fail on it. Documents are compared by meaning, " +
			"so the API's reformatting (whitespace, key and list order, a string versus a one-element list) never shows as a change.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The policy name."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Policy name: 1–128 letters, digits or hyphens, unique among the account's policies. Changing it replaces the policy.",
				Required:            true,
				Validators:          framework.PolicyName(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, 1–1024 characters. Changed in place; removing it clears it.",
				Optional:            true,
				Validators:          framework.Description(),
			},
			"policy_document": schema.StringAttribute{
				MarkdownDescription: "The policy document (JSON), at most 6144 characters without insignificant whitespace. Checked at plan time " +
					"against RAM's policy language; use the `mseram_policy_document` data source or `jsonencode()` to build it.",
				Required:      true,
				CustomType:    framework.PolicyDocumentType{},
				PlanModifiers: []planmodifier.String{framework.KeepEquivalentDocument()},
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the policy, at most 20. Keys are 1–128 characters and must not start with `aliyun` or `acs:`; values are at most 256 characters.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          framework.RAMTags(),
			},
			"force_destroy": defaultFalse("When `true`, destroying the policy first detaches it from every user, group and role. Default `false`: " +
				"deletion fails while it is attached and names the principals."),
			"default_version": schema.StringAttribute{
				MarkdownDescription: "The default (effective) version, e.g. `v3`.",
				Computed:            true,
			},
			"type": schema.StringAttribute{
				MarkdownDescription: "Always `Custom`: the `policy_type` to use when attaching this policy " +
					"(`policy_type = mseram_policy.x.type`, as `alicloud_ram_policy.x.type` is used).",
				Computed: true,
				Default:  stringdefault.StaticString(policyTypeCustom),
			},
			"attachment_count": schema.Int64Attribute{
				MarkdownDescription: "How many users, groups and roles the policy is attached to.",
				Computed:            true,
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"create_date": stableComputed("When the policy was created (UTC, RFC 3339)."),
			"timeouts":    timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

// ModifyPlan lints a document that is about to be sent (lint findings are
// plan warnings, or errors with strict_lint), and keeps default_version
// known when the document does not change (by meaning), so only a real
// document change shows "(known after apply)".
func (r *policyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, state policyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.PolicyDocument.IsUnknown() {
		return
	}
	same := false
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		var diags diag.Diagnostics
		same, diags = state.PolicyDocument.StringSemanticEquals(ctx, plan.PolicyDocument)
		resp.Diagnostics.Append(diags...)
	}
	if same {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("default_version"), state.DefaultVersion)...)
		return
	}
	framework.LintDocument(&resp.Diagnostics, r.lint, fmt.Sprintf("mseram_policy %q", plan.Name.ValueString()),
		path.Root("policy_document"), plan.PolicyDocument.ValueString(), false)
}

func (r *policyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan policyModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	tags, diags := tagsFromMap(ctx, plan.Tags)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Tags travel with CreatePolicy: one call, and no untagged policy if it fails.
	in := alicloud.CreatePolicyInput{
		PolicyName:     name,
		PolicyDocument: framework.CompactJSON(plan.PolicyDocument.ValueString()),
		Description:    plan.Description.ValueString(),
		Tags:           tags,
	}
	o := r.object(&plan)
	f, err := o.create(ctx, resp,
		func(ctx context.Context) (policyFound, error) {
			p, err := r.client.CreatePolicy(ctx, in)
			return policyFound{p: p}, err
		},
		func(f policyFound, tags map[string]string) string {
			var d differ
			doc := ""
			if f.v != nil {
				doc = f.v.PolicyDocument
			}
			d.document("policy_document", doc, in.PolicyDocument)
			d.str("description", f.p.Description, in.Description)
			d.tags(tags, in.Tags)
			return d.String()
		})
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM policy", o.object, err, importAdvice(err, "mseram_policy", name)))
		return
	}
	tflog.Info(ctx, "created RAM policy", map[string]any{"policy_name": name})
	plan.ID = types.StringValue(name)
	plan.DefaultVersion = types.StringValue(f.p.DefaultVersion)
	plan.AttachmentCount = types.Int64Value(int64(f.p.AttachmentCount))
	plan.CreateDate = types.StringValue(f.p.CreateDate)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *policyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, setPolicyFromAPI)
}

// setPolicyFromAPI replaces the model's API-owned attributes with what the
// API returned, so out-of-band changes show up as drift.
func setPolicyFromAPI(m *policyModel, f policyFound, tags map[string]string) diag.Diagnostics {
	m.ID = types.StringValue(f.p.PolicyName)
	m.Name = types.StringValue(f.p.PolicyName)
	m.Description = optionalString(f.p.Description)
	m.DefaultVersion = types.StringValue(f.p.DefaultVersion)
	m.Type = types.StringValue(policyTypeCustom)
	m.AttachmentCount = types.Int64Value(int64(f.p.AttachmentCount))
	m.CreateDate = types.StringValue(f.p.CreateDate)
	if f.v != nil {
		// The framework keeps the prior text when this one is equivalent.
		m.PolicyDocument = framework.NewPolicyDocument(f.v.PolicyDocument)
	}
	if m.ForceDestroy.IsNull() {
		m.ForceDestroy = types.BoolValue(false) // after import
	}
	var diags diag.Diagnostics
	m.Tags, diags = tagsToMap(tags, m.Tags)
	return diags
}

func (r *policyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state policyModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	name, object := state.Name.ValueString(), r.object(&state).object
	if d := changed(state.Description, plan.Description); d != nil {
		if _, err := r.client.UpdatePolicyDescription(ctx, name, *d); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update the description of RAM policy", object, err, ""))
			return
		}
	}

	plan.DefaultVersion = state.DefaultVersion
	same, diags := state.PolicyDocument.StringSemanticEquals(ctx, plan.PolicyDocument)
	resp.Diagnostics.Append(diags...)
	if !same {
		v, err := r.newDefaultVersion(ctx, name, framework.CompactJSON(plan.PolicyDocument.ValueString()))
		if err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update the document of RAM policy", object, err, ""))
			return
		}
		plan.DefaultVersion = types.StringValue(v.VersionID)
	}

	resp.Diagnostics.Append(r.object(&plan).updateTags(ctx, state.Tags, plan.Tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.CreateDate, plan.AttachmentCount = state.ID, state.CreateDate, state.AttachmentCount
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// newDefaultVersion makes document the policy's default version. RAM keeps
// at most five versions; RotateStrategy asks it to drop the oldest
// non-default one itself (one call). Should the limit still be hit, the
// provider prunes that version and tries once more, so an update never
// fails on the limit.
//
// CreatePolicyVersion is not idempotent: a lost answer that the client
// resends leaves an extra version with the same document. Those copies
// (non-default, same document, created since the first attempt) are
// deleted again, so they do not eat into the five-version limit.
func (r *policyResource) newDefaultVersion(ctx context.Context, name, document string) (*alicloud.PolicyVersion, error) {
	lctx, log := alicloud.WithAttemptLog(ctx)
	v, err := r.newDefaultVersionOnce(lctx, name, document)
	if err == nil && log.Unknown() > 0 {
		r.deleteVersionCopies(ctx, name, v, log.FirstSent())
	}
	return v, err
}

// deleteVersionCopies deletes the non-default versions of name that a lost
// CreatePolicyVersion answer left behind: equivalent to v and created no
// earlier than sent (less clockSkew). Failing is not fatal: a copy is
// harmless, and the policy's deletion removes it.
func (r *policyResource) deleteVersionCopies(ctx context.Context, name string, v *alicloud.PolicyVersion, sent time.Time) {
	versions, err := r.client.ListPolicyVersions(ctx, name, "Custom")
	if err != nil {
		tflog.Warn(ctx, "could not list policy versions to remove copies left by a lost answer", map[string]any{"policy_name": name, "error": err.Error()})
		return
	}
	for _, o := range versions {
		if o.IsDefaultVersion || o.VersionID == v.VersionID || createdTooEarly(o.CreateDate, sent) != "" {
			continue
		}
		if same, err := policy.Equivalent(o.PolicyDocument, v.PolicyDocument); err != nil || !same {
			continue
		}
		if err := ignoreNotFound(r.client.DeletePolicyVersion(ctx, name, o.VersionID)); err != nil {
			tflog.Warn(ctx, "could not delete a policy version copy left by a lost answer", map[string]any{"policy_name": name, "version": o.VersionID, "error": err.Error()})
			continue
		}
		tflog.Info(ctx, "deleted a policy version copy left by a lost answer", map[string]any{"policy_name": name, "version": o.VersionID})
	}
}

func (r *policyResource) newDefaultVersionOnce(ctx context.Context, name, document string) (*alicloud.PolicyVersion, error) {
	v, err := r.client.CreatePolicyVersion(ctx, name, document, true, rotateOldest)
	if alicloud.ErrorCode(err) != "LimitExceeded.Policy.Version" {
		return v, err
	}
	versions, lerr := r.client.ListPolicyVersions(ctx, name, "Custom")
	if lerr != nil {
		return nil, lerr
	}
	if oldest := oldestNonDefault(versions); oldest != "" && len(versions) >= maxPolicyVersions {
		tflog.Info(ctx, "pruning the oldest policy version to stay within RAM's limit", map[string]any{"policy_name": name, "version": oldest})
		if derr := r.client.DeletePolicyVersion(ctx, name, oldest); derr != nil && !alicloud.IsNotFound(derr) {
			return nil, derr
		}
	}
	return r.client.CreatePolicyVersion(ctx, name, document, true, "")
}

// oldestNonDefault returns the id of the earliest created non-default
// version, "" if there is none.
func oldestNonDefault(versions []alicloud.PolicyVersion) string {
	oldest := ""
	var oldestAt string
	for _, v := range versions {
		if v.IsDefaultVersion {
			continue
		}
		// RFC 3339 UTC timestamps order as strings; ties keep the first listed.
		if oldest == "" || v.CreateDate < oldestAt {
			oldest, oldestAt = v.VersionID, v.CreateDate
		}
	}
	return oldest
}

func (r *policyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
}

// detachEverywhere detaches the custom policy from every principal.
func (r *policyResource) detachEverywhere(ctx context.Context, name string) error {
	entities, err := r.client.ListEntitiesForPolicy(ctx, name, "Custom")
	if err != nil {
		return ignoreNotFound(err)
	}
	for kind, principals := range map[alicloud.PrincipalKind][]string{
		alicloud.PrincipalUser: entities.Users, alicloud.PrincipalGroup: entities.Groups, alicloud.PrincipalRole: entities.Roles,
	} {
		for _, p := range principals {
			if err := ignoreNotFound(r.client.DetachPolicy(ctx, kind, p, name, "Custom")); err != nil {
				return err
			}
		}
	}
	return nil
}

// ImportState takes the policy name.
func (r *policyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByName(ctx, req, resp, ramrules.PolicyName,
		`Import mseram_policy by the custom policy's name (1–128 letters, digits or hyphens), e.g. "mse-config-readers"`, "name")
}
