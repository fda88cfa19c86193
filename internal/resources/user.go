// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	_ resource.ResourceWithConfigure   = (*userResource)(nil)
	_ resource.ResourceWithImportState = (*userResource)(nil)
)

type userResource struct{ base }

// NewUserResource is the constructor the provider registers for mseram_user.
func NewUserResource() resource.Resource {
	return &userResource{base{typeName: "user"}}
}

type userModel struct {
	ID           types.String   `tfsdk:"id"`
	Name         types.String   `tfsdk:"name"`
	DisplayName  types.String   `tfsdk:"display_name"`
	MobilePhone  types.String   `tfsdk:"mobile_phone"`
	Email        types.String   `tfsdk:"email"`
	Comments     types.String   `tfsdk:"comments"`
	Tags         types.Map      `tfsdk:"tags"`
	ForceDestroy types.Bool     `tfsdk:"force_destroy"`
	UserID       types.String   `tfsdk:"user_id"`
	CreateDate   types.String   `tfsdk:"create_date"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (m userModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the RAM user m names to the shared lifecycle
// (ram_object.go).
func (r *userResource) object(m *userModel) ramObject[*alicloud.User] {
	name := m.Name.ValueString()
	return ramObject[*alicloud.User]{
		noun: "RAM user", object: fmt.Sprintf("RAM user %q", name), fields: map[string]any{"user_name": name},
		get: func(ctx context.Context) (*alicloud.User, error) { return r.client.GetUser(ctx, name) },
		tags: func(ctx context.Context, u *alicloud.User) (map[string]string, error) {
			return r.client.ListUserTags(ctx, u.UserID)
		},
		tagging:    userTagAPI(r.client, m.UserID.ValueString()),
		created:    func(u *alicloud.User) string { return u.CreateDate },
		del:        func(ctx context.Context) error { return r.client.DeleteUser(ctx, name) },
		dependants: userDependants(r.client, name),
		conflictHint: "Something still belongs to the user (the error code says what). Remove it first, " +
			"or set force_destroy = true on this mseram_user, apply, then destroy.",
		force:            m.ForceDestroy.ValueBool(),
		removeDependants: func(ctx context.Context) error { return r.removeDependants(ctx, name) },
		removing:         "Unable to remove what belongs to RAM user before deleting it",
	}
}

func (r *userResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A RAM user: a person or an application that signs in to the console or calls MSE's API. " +
			"Give it access with policy attachments, console access with a login profile, API access with an access key.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The user's ID (`UserId`), stable across renames."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Logon name: 1–64 letters, digits, `.`, `-` or `_`, unique in the account. Changing it renames the user in place.",
				Required:            true,
				Validators:          framework.UserName(),
			},
			"display_name": schema.StringAttribute{
				MarkdownDescription: "Display name, 1–128 characters. Removing it from the configuration clears it.",
				Optional:            true,
				Validators:          framework.DisplayName(),
			},
			"mobile_phone": schema.StringAttribute{
				MarkdownDescription: "Mobile phone as `<country code>-<number>`, e.g. `86-18600008888` (China site only). Removing it clears it.",
				Optional:            true,
				Validators:          framework.MobilePhone(),
			},
			"email": schema.StringAttribute{
				MarkdownDescription: "E-mail address, at most 128 characters (China site only). Removing it clears it.",
				Optional:            true,
				Validators:          framework.Email(),
			},
			"comments": schema.StringAttribute{
				MarkdownDescription: "Free-text comments, 1–128 characters. Removing it clears it.",
				Optional:            true,
				Validators:          framework.Comments(),
			},
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the user, at most 20. Keys are 1–128 characters and must not start with `aliyun` or `acs:`; values are at most 128 characters.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          framework.UserTags(),
			},
			"force_destroy": defaultFalse("When `true`, destroying the user first removes what would block the deletion: it deletes the user's " +
				"access keys (including ones not managed by Terraform) and login profile, detaches its policies and removes it from its groups. " +
				"Default `false`: deletion fails and names what blocks it."),
			"user_id":     stableComputed("The user's ID (`UserId`), the same value as `id`."),
			"create_date": stableComputed("When the user was created (UTC, RFC 3339)."),
			"timeouts":    timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	name := plan.Name.ValueString()
	o := r.object(&plan)
	in := alicloud.CreateUserInput{
		UserName:    name,
		DisplayName: plan.DisplayName.ValueString(),
		MobilePhone: plan.MobilePhone.ValueString(),
		Email:       plan.Email.ValueString(),
		Comments:    plan.Comments.ValueString(),
	}
	// Tags are set after the create, so a user found after a lost answer
	// has none yet: only its attributes are compared.
	user, err := o.create(ctx, resp, func(ctx context.Context) (*alicloud.User, error) { return r.client.CreateUser(ctx, in) },
		func(u *alicloud.User, _ map[string]string) string { return plan.differences(u).String() })
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM user", o.object, err, importAdvice(err, "mseram_user", name)))
		return
	}
	tflog.Info(ctx, "created RAM user", map[string]any{"user_name": name, "user_id": user.UserID})

	// The user exists from here on: record it, untagged, before tagging, so
	// a tagging failure leaves a tracked user whose state is true, never an
	// orphan.
	setUserComputed(&plan, user)
	planned := plan.Tags
	plan.Tags = types.MapNull(types.StringType)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if resp.Diagnostics.HasError() {
		return
	}

	tags, diags := tagsFromMap(ctx, planned)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.TagUser(ctx, user.UserID, tags); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to tag RAM user", o.object, err,
			"The user was created without its tags and Terraform marks it tainted, so the next apply replaces it. "+
				"To keep the user and only retry the tags, run `terraform untaint` on it first."))
		return
	}
	plan.Tags = planned
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// differences lists how a user the API returned differs from the model's
// attributes.
func (m userModel) differences(u *alicloud.User) differ {
	var d differ
	d.str("display_name", u.DisplayName, m.DisplayName.ValueString())
	d.str("mobile_phone", u.MobilePhone, m.MobilePhone.ValueString())
	d.str("email", u.Email, m.Email.ValueString())
	d.str("comments", u.Comments, m.Comments.ValueString())
	return d
}

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, setUserFromAPI)
}

func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	in := alicloud.UpdateUserInput{
		UserName:       state.Name.ValueString(),
		NewUserName:    changed(state.Name, plan.Name),
		NewDisplayName: changed(state.DisplayName, plan.DisplayName),
		NewMobilePhone: changed(state.MobilePhone, plan.MobilePhone),
		NewEmail:       changed(state.Email, plan.Email),
		NewComments:    changed(state.Comments, plan.Comments),
	}
	if in.NewUserName != nil || in.NewDisplayName != nil || in.NewMobilePhone != nil || in.NewEmail != nil || in.NewComments != nil {
		user, err := r.object(&plan).update(ctx, resp, in.NewUserName != nil,
			func(ctx context.Context) (*alicloud.User, error) { return r.client.UpdateUser(ctx, in) },
			func(u *alicloud.User) string {
				d := plan.differences(u)
				d.str("user_id", u.UserID, state.UserID.ValueString())
				return d.String()
			})
		if err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update RAM user", r.object(&state).object, err, renameAdvice(err, "RAM user", plan.Name)))
			return
		}
		setUserComputed(&plan, user)
	} else {
		plan.ID, plan.UserID, plan.CreateDate = state.ID, state.UserID, state.CreateDate
	}

	resp.Diagnostics.Append(r.object(&plan).updateTags(ctx, state.Tags, plan.Tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
}

// removeDependants deletes the user's access keys and login profile,
// detaches its policies and takes it out of its groups: what RAM refuses to
// delete a user with (force_destroy).
func (r *userResource) removeDependants(ctx context.Context, name string) error {
	keys, err := r.client.ListAccessKeys(ctx, name)
	if err != nil {
		return ignoreNotFound(err)
	}
	for _, k := range keys {
		if err := ignoreNotFound(r.client.DeleteAccessKey(ctx, name, k.AccessKeyID)); err != nil {
			return err
		}
	}
	if err := ignoreNotFound(r.client.DeleteLoginProfile(ctx, name)); err != nil {
		return err
	}
	policies, err := detachAllPolicies(ctx, r.client, alicloud.PrincipalUser, name)
	if err != nil {
		return err
	}
	groups, err := r.client.ListGroupsForUser(ctx, name)
	if err != nil {
		return ignoreNotFound(err)
	}
	for _, g := range groups {
		if err := ignoreNotFound(r.client.RemoveUserFromGroup(ctx, g.GroupName, name)); err != nil {
			return err
		}
	}
	tflog.Info(ctx, "removed RAM user's access keys, login profile, policies and group memberships before deleting it",
		map[string]any{"user_name": name, "access_keys": len(keys), "policies": policies, "groups": len(groups)})
	return nil
}

// ImportState takes the user's logon name, as `terraform import` and import
// blocks give it.
func (r *userResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	// A UserId (all digits) is also a valid name, so the read would only say
	// "non-existent remote object"; say what import takes instead.
	if ramrules.UserName.Valid(req.ID) && looksLikeUserID(req.ID) {
		if _, err := r.client.GetUser(ctx, req.ID); alicloud.IsNotFound(err) {
			resp.Diagnostics.AddError("Import takes the user name, not its UserId",
				fmt.Sprintf("No RAM user is named %q, and it looks like a UserId. Import mseram_user by the user's logon name "+
					"(the part before the @ of its UserPrincipalName, e.g. \"alice\"), which the RAM console and ListUsers show.", req.ID))
			return
		}
	}
	importByName(ctx, req, resp, ramrules.UserName,
		`Import mseram_user by the user's logon name (1–64 letters, digits, '.', '-' or '_'), e.g. "alice"`, "name")
}

// looksLikeUserID reports an ID of UserId's shape: 10 or more digits and
// nothing else.
func looksLikeUserID(id string) bool {
	if len(id) < 10 {
		return false
	}
	for _, c := range id {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// setUserComputed copies what only the API knows into the model.
func setUserComputed(m *userModel, u *alicloud.User) {
	m.ID = types.StringValue(u.UserID)
	m.UserID = types.StringValue(u.UserID)
	m.CreateDate = types.StringValue(u.CreateDate)
}

// setUserFromAPI replaces the model's API-owned attributes with what the API
// returned, so out-of-band changes show up as drift.
func setUserFromAPI(m *userModel, u *alicloud.User, tags map[string]string) diag.Diagnostics {
	setUserComputed(m, u)
	m.Name = types.StringValue(u.UserName)
	m.DisplayName = optionalString(u.DisplayName)
	m.MobilePhone = optionalString(u.MobilePhone)
	m.Email = optionalString(u.Email)
	m.Comments = optionalString(u.Comments)
	if m.ForceDestroy.IsNull() {
		m.ForceDestroy = types.BoolValue(false) // after import
	}
	var diags diag.Diagnostics
	m.Tags, diags = tagsToMap(tags, m.Tags)
	return diags
}
