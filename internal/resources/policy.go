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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
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

type policyResource struct {
	client *alicloud.Client
	lint   framework.LintSettings
}

// NewPolicyResource is the constructor the provider registers for
// mseram_policy.
func NewPolicyResource() resource.Resource {
	return &policyResource{}
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

func (r *policyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_policy"
}

func (r *policyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A custom RAM policy. Changing `policy_document` creates a new default version; the provider removes the " +
			"oldest non-default version when RAM's limit of five is reached, so updates never fail on it. Documents are compared by meaning, " +
			"so the API's reformatting (whitespace, key and list order, a string versus a one-element list) never shows as a change.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The policy name.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
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
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the policy first detaches it from every user, group and role. Default `false`: " +
					"deletion fails while it is attached and names the principals.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
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
			"create_date": schema.StringAttribute{
				MarkdownDescription: "When the policy was created (UTC, RFC 3339).",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *policyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	r.client = client
	r.lint = framework.LintFrom(req.ProviderData)
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
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := withTimeout(ctx, plan.Timeouts.Create)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()

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
	type found struct {
		p        *alicloud.Policy
		document string
		tags     map[string]string
	}
	f, err := createAdopting(ctx, creation[found]{
		object: fmt.Sprintf("RAM policy %q", name),
		create: func(ctx context.Context) (found, error) {
			p, err := r.client.CreatePolicy(ctx, in)
			return found{p: p}, err
		},
		lookup: func(ctx context.Context) (found, error) {
			p, v, err := r.client.GetPolicy(ctx, name, policyTypeCustom)
			if err != nil {
				return found{}, err
			}
			tags, err := r.client.PolicyTagsOf(ctx, p)
			doc := ""
			if v != nil {
				doc = v.PolicyDocument
			}
			return found{p, doc, tags}, err
		},
		differs: func(f found) string {
			var d differ
			d.document("policy_document", f.document, in.PolicyDocument)
			d.str("description", f.p.Description, in.Description)
			d.tags(f.tags, in.Tags)
			return d.String()
		},
		created: func(f found) string { return f.p.CreateDate },
	})
	p := f.p
	if err != nil {
		hint := ""
		if alicloud.IsAlreadyExists(err) {
			hint = importHint("mseram_policy", name)
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM policy", fmt.Sprintf("RAM policy %q", name), err, hint))
		return
	}
	tflog.Info(ctx, "created RAM policy", map[string]any{"policy_name": name})
	plan.ID = types.StringValue(name)
	plan.DefaultVersion = types.StringValue(p.DefaultVersion)
	plan.AttachmentCount = types.Int64Value(int64(p.AttachmentCount))
	plan.CreateDate = types.StringValue(p.CreateDate)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	markUnconfirmed(ctx, resp)
}

func (r *policyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := withReadTimeout(ctx)
	defer cancel()
	var state policyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	type found struct {
		p *alicloud.Policy
		v *alicloud.PolicyVersion
	}
	f, err := readConfirming(ctx, req, "RAM policy "+name, func(ctx context.Context) (found, error) {
		p, v, err := r.client.GetPolicy(ctx, name, policyTypeCustom)
		return found{p, v}, err
	})
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, "RAM policy is gone; removing it from state", map[string]any{"policy_name": name})
		resp.State.RemoveResource(ctx)
		return
	}
	object := fmt.Sprintf("RAM policy %q", name)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM policy", object, err, ""))
		return
	}
	tags, err := r.client.PolicyTagsOf(ctx, f.p)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the tags of RAM policy", object, err, ""))
		return
	}
	state.ID = types.StringValue(f.p.PolicyName)
	state.Name = types.StringValue(f.p.PolicyName)
	state.Description = optionalString(f.p.Description)
	state.DefaultVersion = types.StringValue(f.p.DefaultVersion)
	state.Type = types.StringValue(policyTypeCustom)
	state.AttachmentCount = types.Int64Value(int64(f.p.AttachmentCount))
	state.CreateDate = types.StringValue(f.p.CreateDate)
	if f.v != nil {
		// The framework keeps the prior text when this one is equivalent.
		state.PolicyDocument = framework.NewPolicyDocument(f.v.PolicyDocument)
	}
	tagMap, diags := tagsToMap(tags, state.Tags)
	resp.Diagnostics.Append(diags...)
	state.Tags = tagMap
	if state.ForceDestroy.IsNull() {
		state.ForceDestroy = types.BoolValue(false) // after import
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	confirm(ctx, resp)
}

func (r *policyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state policyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := withTimeout(ctx, plan.Timeouts.Update)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()
	name := state.Name.ValueString()
	object := fmt.Sprintf("RAM policy %q", name)

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

	resp.Diagnostics.Append(ramTagAPI(r.client, alicloud.RAMResourcePolicy, name).update(ctx, "RAM policy", object, state.Tags, plan.Tags)...)
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
	var state policyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel, diags := withTimeout(ctx, state.Timeouts.Delete)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	defer cancel()
	name := state.Name.ValueString()
	object := fmt.Sprintf("RAM policy %q", name)

	if state.ForceDestroy.ValueBool() {
		if err := r.detachEverywhere(ctx, name); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to detach RAM policy before deleting it", object, err, ""))
			return
		}
	}
	// CascadingDelete removes the non-default versions this resource made.
	err := deleteWaiting(ctx, object, func(ctx context.Context) error { return r.client.DeletePolicy(ctx, name, true) }, policyEntities(r.client, name))
	if err == nil || alicloud.IsNotFound(err) {
		return
	}
	hint := ""
	if alicloud.IsConflict(err) {
		hint = "The policy is still attached to the principal the error code names. Remove those attachments first, " +
			"or set force_destroy = true on this mseram_policy, apply, then destroy."
	}
	resp.Diagnostics.Append(framework.APIErrorDiag("Unable to delete RAM policy", object, err, hint))
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
	if !ramrules.PolicyName.Valid(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_policy by the custom policy's name (1–128 letters, digits or hyphens), e.g. \"mse-config-readers\"; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("force_destroy"), false)...)
}
