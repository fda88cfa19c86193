// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// The three attachment resources differ only in the principal they attach
// to, so one implementation serves them, parameterised by principalSpec.
type principalSpec struct {
	kind      alicloud.PrincipalKind
	prefix    string // of the import ID, as the alicloud provider writes it
	attribute string // user_name, group_name, role_name
	noun      string // "RAM user", ...
	example   string
	validate  []validator.String
	// renamable principals keep their policies when renamed in place, so
	// the attachment follows a change of the principal's name in place
	// (link_move.go). A role cannot be renamed: a new role name is a new
	// role, and the attachment is replaced with it.
	renamable bool
}

var (
	userPrincipal = principalSpec{alicloud.PrincipalUser, "user", "user_name", "RAM user", "mse-ops", framework.UserName(), true}
	// Group and role names follow the same character rules as their
	// resources; RAM checks them again, so a light check suffices here.
	groupPrincipal = principalSpec{alicloud.PrincipalGroup, "group", "group_name", "RAM group", "mse-developers", framework.UserName(), true}
	rolePrincipal  = principalSpec{alicloud.PrincipalRole, "role", "role_name", "RAM role", "KubernetesWorkerRole-abc123", framework.RoleName(), false}
)

var (
	_ resource.ResourceWithConfigure   = (*policyAttachmentResource)(nil)
	_ resource.ResourceWithImportState = (*policyAttachmentResource)(nil)
)

type policyAttachmentResource struct {
	base
	spec principalSpec
}

// NewUserPolicyAttachmentResource registers mseram_user_policy_attachment.
func NewUserPolicyAttachmentResource() resource.Resource {
	return &policyAttachmentResource{base: base{typeName: "user_policy_attachment"}, spec: userPrincipal}
}

// NewGroupPolicyAttachmentResource registers mseram_group_policy_attachment.
func NewGroupPolicyAttachmentResource() resource.Resource {
	return &policyAttachmentResource{base: base{typeName: "group_policy_attachment"}, spec: groupPrincipal}
}

// NewRolePolicyAttachmentResource registers mseram_role_policy_attachment.
func NewRolePolicyAttachmentResource() resource.Resource {
	return &policyAttachmentResource{base: base{typeName: "role_policy_attachment"}, spec: rolePrincipal}
}

// policyAttachment is the model. The principal's attribute name differs per
// type, and struct tags cannot, so it is read and written attribute by
// attribute.
type policyAttachment struct {
	PolicyName, PolicyType, Principal string
	Timeouts                          timeouts.Value
}

// errAttachmentNotFound stands for "the principal exists but the policy is
// not attached": a not-found, like the API's EntityNotExist codes.
var errAttachmentNotFound = &alicloud.APIError{Code: "EntityNotExist.Attachment", Message: "the policy is not attached", Class: alicloud.ClassNotFound}

func (a policyAttachment) importID(spec principalSpec) string {
	return strings.Join([]string{spec.prefix, a.PolicyName, a.PolicyType, a.Principal}, ":")
}

func (r *policyAttachmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	principal, changes, update := replace, "Every argument forces a new attachment.", opTimeouts{Create: defaultTimeout, Delete: defaultTimeout}
	if r.spec.renamable {
		principal = nil
		changes = fmt.Sprintf("A new `policy_name` or `policy_type` forces a new attachment. A new `%[1]s` changes it in place: "+
			"RAM keeps a %[2]s's policies when the %[2]s is renamed, so renaming the %[2]s keeps the attachment, and moving the "+
			"attachment to another %[2]s attaches the policy there before detaching it from the first one.", r.spec.attribute, strings.TrimPrefix(r.spec.noun, "RAM "))
		update.Update = defaultTimeout
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: fmt.Sprintf("Attaches a system or custom RAM policy to a %s, e.g. `AliyunMSEFullAccess` for an O&M engineer "+
			"or a least-privilege custom policy. %s", r.spec.noun, changes),
		Attributes: map[string]schema.Attribute{
			"id": derivedID(fmt.Sprintf("`%s:<policy_name>:<policy_type>:<%s>`, the alicloud provider's format.", r.spec.prefix, r.spec.attribute),
				r.spec.prefix, "policy_name", "policy_type", r.spec.attribute),
			"policy_name": schema.StringAttribute{
				MarkdownDescription: "Name of the policy, e.g. `AliyunMSEReadOnlyAccess` or a `mseram_policy`'s name.",
				Required:            true,
				Validators:          framework.PolicyName(),
				PlanModifiers:       replace,
			},
			"policy_type": schema.StringAttribute{
				MarkdownDescription: "`System` for Alibaba Cloud's policies, `Custom` for the account's own.",
				Required:            true,
				Validators:          framework.PolicyType(),
				PlanModifiers:       replace,
			},
			r.spec.attribute: schema.StringAttribute{
				MarkdownDescription: fmt.Sprintf("Name of the %s.", r.spec.noun),
				Required:            true,
				Validators:          r.spec.validate,
				PlanModifiers:       principal,
			},
			"timeouts": timeoutsAttribute(ctx, update),
		},
	}
}

// attrGetter is Plan.GetAttribute or State.GetAttribute.
type attrGetter func(context.Context, path.Path, any) diag.Diagnostics

// attrSetter is State.SetAttribute.
type attrSetter func(context.Context, path.Path, any) diag.Diagnostics

func (r *policyAttachmentResource) read(ctx context.Context, get attrGetter) (policyAttachment, diag.Diagnostics) {
	var a policyAttachment
	var diags diag.Diagnostics
	for attr, dst := range map[string]*string{"policy_name": &a.PolicyName, "policy_type": &a.PolicyType, r.spec.attribute: &a.Principal} {
		var v types.String
		diags.Append(get(ctx, path.Root(attr), &v)...)
		*dst = v.ValueString()
	}
	diags.Append(get(ctx, path.Root("timeouts"), &a.Timeouts)...)
	return a, diags
}

func (r *policyAttachmentResource) write(ctx context.Context, set attrSetter, a policyAttachment) diag.Diagnostics {
	var diags diag.Diagnostics
	for attr, v := range map[string]string{"id": a.importID(r.spec), "policy_name": a.PolicyName, "policy_type": a.PolicyType, r.spec.attribute: a.Principal} {
		diags.Append(set(ctx, path.Root(attr), v)...)
	}
	return diags
}

// object describes attachment a to the shared lifecycle (ram_object.go).
// It has no creation date: see Create.
func (r *policyAttachmentResource) object(a policyAttachment) ramObject[struct{}] {
	return ramObject[struct{}]{
		noun:   "RAM policy attachment",
		object: fmt.Sprintf("%s policy %q attached to %s %q", a.PolicyType, a.PolicyName, r.spec.noun, a.Principal),
		fields: map[string]any{"id": a.importID(r.spec)},
		// RAM lists a principal's policies in one call; an attachment not in
		// the list is treated like a not-found, so a fresh one is waited for.
		get: func(ctx context.Context) (struct{}, error) { return struct{}{}, r.findAttached(ctx, a) },
		del: func(ctx context.Context) error {
			return r.client.DetachPolicy(ctx, r.spec.kind, a.Principal, a.PolicyName, a.PolicyType)
		},
		deleteSummary: "Unable to detach RAM policy",
	}
}

func (r *policyAttachmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	a, diags := r.read(ctx, req.Plan.GetAttribute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, ok := bounded(ctx, &resp.Diagnostics, a.Timeouts.Create)
	defer cancel()
	if !ok {
		return
	}
	o := r.object(a)
	// An attachment has no attributes of its own and no creation date to
	// check: it is the pair (policy, principal), and found in place after a
	// request whose answer was lost, it is exactly what this resource asked
	// for. Adopting it is therefore safe: state then matches both the
	// configuration and the account, and destroying the resource detaches
	// it, as it would have had the answer arrived. (Had someone else
	// attached the same policy in those seconds, both wanted the same thing.)
	_, err := o.create(ctx, resp,
		func(ctx context.Context) (struct{}, error) {
			return struct{}{}, r.client.AttachPolicy(ctx, r.spec.kind, a.Principal, a.PolicyName, a.PolicyType)
		},
		func(struct{}, map[string]string) string { return "" })
	if err != nil {
		hint := ""
		switch {
		case alicloud.IsAlreadyExists(err):
			hint = fmt.Sprintf("The policy is already attached (outside this Terraform state). To manage the attachment, import it:\n"+
				"  terraform import <address of this resource> %s", a.importID(r.spec))
		case alicloud.IsNotFound(err):
			hint = fmt.Sprintf("Check that the %s and the %s policy exist; if Terraform creates them, reference their attributes so they are created first.", r.spec.noun, strings.ToLower(a.PolicyType))
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to attach RAM policy", o.object, err, hint))
		return
	}
	tflog.Info(ctx, "attached RAM policy", map[string]any{"policy_name": a.PolicyName, "policy_type": a.PolicyType, r.spec.attribute: a.Principal})
	resp.Diagnostics.Append(r.write(ctx, resp.State.SetAttribute, a)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), a.Timeouts)...)
}

func (r *policyAttachmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := context.WithTimeout(ctx, readTimeout)
	defer cancel()
	a, diags := r.read(ctx, req.State.GetAttribute)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, _, ok := r.object(a).read(ctx, req, resp); !ok {
		return
	}
	resp.Diagnostics.Append(r.write(ctx, resp.State.SetAttribute, a)...)
}

// findAttached returns nil when the policy is attached to the principal,
// errAttachmentNotFound when it is not, or the API's error.
func (r *policyAttachmentResource) findAttached(ctx context.Context, a policyAttachment) error {
	attached, err := r.client.ListPoliciesFor(ctx, r.spec.kind, a.Principal)
	if err != nil {
		return err
	}
	for _, p := range attached {
		if p.PolicyName == a.PolicyName && strings.EqualFold(p.PolicyType, a.PolicyType) {
			return nil
		}
	}
	return errAttachmentNotFound
}

// Update moves the attachment to the principal's new name (only the
// principal of a renamable kind changes in place): see moveLink.
func (r *policyAttachmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan, diags := r.read(ctx, req.Plan.GetAttribute)
	resp.Diagnostics.Append(diags...)
	prior, diags := r.read(ctx, req.State.GetAttribute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, ok := bounded(ctx, &resp.Diagnostics, plan.Timeouts.Update)
	defer cancel()
	if !ok {
		return
	}
	added, err := moveLink(ctx, plan.Principal == prior.Principal,
		func(ctx context.Context) error {
			return r.client.AttachPolicy(ctx, r.spec.kind, plan.Principal, plan.PolicyName, plan.PolicyType)
		},
		func(ctx context.Context) error {
			return r.client.DetachPolicy(ctx, r.spec.kind, prior.Principal, prior.PolicyName, prior.PolicyType)
		})
	if err != nil {
		if added {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to detach RAM policy", r.object(prior).object, err,
				fmt.Sprintf("The policy is attached to %s %q now; it is still attached to %q too. Apply again, or detach it there in the RAM console.",
					r.spec.noun, plan.Principal, prior.Principal)))
			return
		}
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = fmt.Sprintf("Check that %s %q exists; if Terraform creates or renames it, reference its name attribute so that happens first.", r.spec.noun, plan.Principal)
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to attach RAM policy", r.object(plan).object, err, hint))
		return
	}
	tflog.Info(ctx, "moved RAM policy attachment", map[string]any{"policy_name": plan.PolicyName, "from": prior.Principal, "to": plan.Principal})
	// The attachment under the new name may not be listed yet.
	markRenamed(ctx, resp)
	resp.Diagnostics.Append(r.write(ctx, resp.State.SetAttribute, plan)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("timeouts"), plan.Timeouts)...)
}

func (r *policyAttachmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	a, diags := r.read(ctx, req.State.GetAttribute)
	resp.Diagnostics.Append(diags...)
	ctx, cancel, ok := bounded(ctx, &resp.Diagnostics, a.Timeouts.Delete)
	defer cancel()
	if !ok {
		return
	}
	r.object(a).delete(ctx, &resp.Diagnostics)
}

// ImportState takes `<kind>:<policy_name>:<policy_type>:<principal>`, the
// alicloud provider's attachment ID, so migrated state keeps its IDs.
func (r *policyAttachmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	parts := strings.Split(req.ID, ":")
	if len(parts) != 4 || parts[0] != r.spec.prefix || parts[1] == "" || parts[3] == "" || (parts[2] != "System" && parts[2] != "Custom") {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import this attachment as %s:<policy_name>:<System|Custom>:<%s>, e.g. %s:AliyunMSEFullAccess:System:%s; got %q.",
				r.spec.prefix, r.spec.attribute, r.spec.prefix, r.spec.example, req.ID))
		return
	}
	resp.Diagnostics.Append(r.write(ctx, resp.State.SetAttribute, policyAttachment{PolicyName: parts[1], PolicyType: parts[2], Principal: parts[3]})...)
}
