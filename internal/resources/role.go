// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	_ resource.ResourceWithConfigure   = (*roleResource)(nil)
	_ resource.ResourceWithImportState = (*roleResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*roleResource)(nil)
)

type roleResource struct{ linting }

// NewRoleResource is the constructor the provider registers for mseram_role.
func NewRoleResource() resource.Resource {
	return &roleResource{linting{base: base{typeName: "role"}}}
}

type roleModel struct {
	ID                       types.String             `tfsdk:"id"`
	Name                     types.String             `tfsdk:"name"`
	AssumeRolePolicyDocument framework.PolicyDocument `tfsdk:"assume_role_policy_document"`
	Description              types.String             `tfsdk:"description"`
	MaxSessionDuration       types.Int64              `tfsdk:"max_session_duration"`
	Tags                     types.Map                `tfsdk:"tags"`
	ForceDestroy             types.Bool               `tfsdk:"force_destroy"`
	RoleID                   types.String             `tfsdk:"role_id"`
	Arn                      types.String             `tfsdk:"arn"`
	CreateDate               types.String             `tfsdk:"create_date"`
	Timeouts                 timeouts.Value           `tfsdk:"timeouts"`
}

func (m roleModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the RAM role m names to the shared lifecycle
// (ram_object.go).
func (r *roleResource) object(m *roleModel) ramObject[*alicloud.Role] {
	name := m.Name.ValueString()
	return ramObject[*alicloud.Role]{
		noun: "RAM role", object: fmt.Sprintf("RAM role %q", name), fields: map[string]any{"role_name": name},
		get: func(ctx context.Context) (*alicloud.Role, error) { return r.client.GetRole(ctx, name) },
		tags: func(ctx context.Context, _ *alicloud.Role) (map[string]string, error) {
			return r.client.ListResourceTags(ctx, alicloud.RAMResourceRole, name)
		},
		tagging:    ramTagAPI(r.client, alicloud.RAMResourceRole, name),
		created:    func(role *alicloud.Role) string { return role.CreateDate },
		del:        func(ctx context.Context) error { return r.client.DeleteRole(ctx, name) },
		dependants: roleDependants(r.client, name),
		conflictHint: "Policies are still attached to the role. Detach them first (remove their mseram_role_policy_attachment resources), " +
			"or set force_destroy = true on this mseram_role, apply, then destroy.",
		force:            m.ForceDestroy.ValueBool(),
		removeDependants: func(ctx context.Context) error { return r.detachPolicies(ctx, name) },
		removing:         "Unable to detach the policies of RAM role before deleting it",
	}
}

func (r *roleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A RAM role: an identity that trusted principals (an Alibaba Cloud service such as ECS or ACK, " +
			"another account, or an identity provider) assume to get temporary credentials. Give it access with `mseram_role_policy_attachment`. " +
			"The trust policy is compared by meaning, so reformatting it, or the API's reformatting, never shows as a change.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The role name."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Role name: 1–64 letters, digits, `.` or `-`, unique in the account. RAM cannot rename a role, so changing it replaces the role.",
				Required:            true,
				Validators:          framework.RoleName(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"assume_role_policy_document": schema.StringAttribute{
				MarkdownDescription: "The trust policy (JSON): who may assume the role. Every statement needs `\"Action\": \"sts:AssumeRole\"` and a `Principal` " +
					"(`RAM`, `Service` or `Federated`). Checked at plan time against RAM's policy language; changed in place.",
				Required:      true,
				CustomType:    framework.PolicyDocumentType{Trust: true},
				PlanModifiers: []planmodifier.String{framework.KeepEquivalentDocument()},
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description, 1–1024 characters. Changed in place; removing it clears it.",
				Optional:            true,
				Validators:          framework.RoleDescription(),
			},
			"max_session_duration": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("Longest session, in seconds, that assuming the role may give: %d–%d. Default `%d` (one hour).",
					ramrules.MinRoleSessionDuration, ramrules.MaxRoleSessionDuration, ramrules.DefaultRoleSessionDuration),
				Optional:   true,
				Computed:   true,
				Default:    int64default.StaticInt64(ramrules.DefaultRoleSessionDuration),
				Validators: framework.MaxSessionDuration(),
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the role, at most 20. Keys are 1–128 characters and must not start with `aliyun` or `acs:`; values are at most 256 characters.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          framework.RoleTags(),
			},
			"force_destroy": defaultFalse("When `true`, destroying the role first detaches every policy attached to it. " +
				"Default `false`: deletion fails while policies are attached (`DeleteConflict.Role.Policy`)."),
			"role_id":     stableComputed("The role's ID (`RoleId`)."),
			"arn":         stableComputed("The role's ARN, `acs:ram::<account id>:role/<name>`, what a caller passes to `AssumeRole`."),
			"create_date": stableComputed("When the role was created (UTC, RFC 3339)."),
			"timeouts":    timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

// ModifyPlan lints a trust policy that is about to be sent: plan warnings,
// or errors with strict_lint.
func (r *roleResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, state roleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.AssumeRolePolicyDocument.IsUnknown() || plan.AssumeRolePolicyDocument.IsNull() {
		return
	}
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if same, _ := state.AssumeRolePolicyDocument.StringSemanticEquals(ctx, plan.AssumeRolePolicyDocument); same {
			return
		}
	}
	framework.LintDocument(&resp.Diagnostics, r.lint, fmt.Sprintf("mseram_role %q", plan.Name.ValueString()),
		path.Root("assume_role_policy_document"), plan.AssumeRolePolicyDocument.ValueString(), true)
}

func (r *roleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roleModel
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
	// Tags travel with CreateRole: one call, and no untagged role if it fails.
	in := alicloud.CreateRoleInput{
		RoleName:                 name,
		AssumeRolePolicyDocument: framework.CompactJSON(plan.AssumeRolePolicyDocument.ValueString()),
		Description:              plan.Description.ValueString(),
		MaxSessionDuration:       int(plan.MaxSessionDuration.ValueInt64()),
		Tags:                     tags,
	}
	o := r.object(&plan)
	role, err := o.create(ctx, resp, func(ctx context.Context) (*alicloud.Role, error) { return r.client.CreateRole(ctx, in) },
		func(role *alicloud.Role, tags map[string]string) string {
			var d differ
			d.document("assume_role_policy_document", role.AssumeRolePolicyDocument, in.AssumeRolePolicyDocument)
			d.str("description", role.Description, in.Description)
			if in.MaxSessionDuration > 0 && role.MaxSessionDuration != int64(in.MaxSessionDuration) {
				d = append(d, fmt.Sprintf("max_session_duration is %d, want %d", role.MaxSessionDuration, in.MaxSessionDuration))
			}
			d.tags(tags, in.Tags)
			return d.String()
		})
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM role", o.object, err, importAdvice(err, "mseram_role", name)))
		return
	}
	tflog.Info(ctx, "created RAM role", map[string]any{"role_name": name, "role_id": role.RoleID})
	setRoleComputed(&plan, role)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *roleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, setRoleFromAPI)
}

func (r *roleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roleModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	name, object := state.Name.ValueString(), r.object(&state).object
	in := alicloud.UpdateRoleInput{
		RoleName:       name,
		NewDescription: changed(state.Description, plan.Description),
	}
	same, diags := state.AssumeRolePolicyDocument.StringSemanticEquals(ctx, plan.AssumeRolePolicyDocument)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !same {
		doc := framework.CompactJSON(plan.AssumeRolePolicyDocument.ValueString())
		in.NewAssumeRolePolicyDocument = &doc
	}
	if !state.MaxSessionDuration.Equal(plan.MaxSessionDuration) {
		d := int(plan.MaxSessionDuration.ValueInt64())
		in.NewMaxSessionDuration = &d
	}
	if in.NewDescription != nil || in.NewAssumeRolePolicyDocument != nil || in.NewMaxSessionDuration != nil {
		if _, err := r.client.UpdateRole(ctx, in); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update RAM role", object, err, ""))
			return
		}
		tflog.Info(ctx, "updated RAM role", map[string]any{"role_name": name})
	}
	// A role keeps its name, so its ID, ARN and creation date never change.
	plan.ID, plan.RoleID, plan.Arn, plan.CreateDate = state.ID, state.RoleID, state.Arn, state.CreateDate

	resp.Diagnostics.Append(r.object(&plan).updateTags(ctx, state.Tags, plan.Tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *roleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
}

// detachPolicies detaches every policy from the role, what RAM refuses to
// delete a role with (force_destroy).
func (r *roleResource) detachPolicies(ctx context.Context, name string) error {
	n, err := detachAllPolicies(ctx, r.client, alicloud.PrincipalRole, name)
	if err == nil {
		tflog.Info(ctx, "detached RAM role's policies before deleting it", map[string]any{"role_name": name, "policies": n})
	}
	return err
}

// ImportState takes the role name, as `terraform import` and import blocks
// give it.
func (r *roleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByName(ctx, req, resp, ramrules.RoleName,
		`Import mseram_role by the role's name (1–64 letters, digits, '.' or '-'), e.g. "KubernetesWorkerRole-abc123"`, "name")
}

// setRoleComputed copies what only the API knows into the model.
func setRoleComputed(m *roleModel, role *alicloud.Role) {
	m.ID = types.StringValue(role.RoleName)
	m.RoleID = types.StringValue(role.RoleID)
	m.Arn = types.StringValue(role.Arn)
	m.CreateDate = types.StringValue(role.CreateDate)
}

// setRoleFromAPI replaces the model's API-owned attributes with what the API
// returned, so out-of-band changes show up as drift. The framework keeps the
// prior trust-policy text when the returned one is equivalent.
func setRoleFromAPI(m *roleModel, role *alicloud.Role, tags map[string]string) diag.Diagnostics {
	setRoleComputed(m, role)
	m.Name = types.StringValue(role.RoleName)
	m.AssumeRolePolicyDocument = framework.NewTrustPolicyDocument(role.AssumeRolePolicyDocument)
	m.Description = optionalString(role.Description)
	m.MaxSessionDuration = types.Int64Value(role.MaxSessionDuration)
	if m.ForceDestroy.IsNull() {
		m.ForceDestroy = types.BoolValue(false) // after import
	}
	var diags diag.Diagnostics
	m.Tags, diags = tagsToMap(tags, m.Tags)
	return diags
}
