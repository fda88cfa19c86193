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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
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

type userResource struct {
	client *alicloud.Client
}

// NewUserResource is the constructor the provider registers for mseram_user.
func NewUserResource() resource.Resource {
	return &userResource{}
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

func (r *userResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (r *userResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A RAM user: a person or an application that signs in to the console or calls MSE's API. " +
			"Give it access with policy attachments, console access with a login profile, API access with an access key.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The user's ID (`UserId`), stable across renames.",
				Computed:            true,
				PlanModifiers:       keep,
			},
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
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the user first removes what would block the deletion: it deletes the user's " +
					"access keys (including ones not managed by Terraform) and login profile, detaches its policies and removes it from its groups. " +
					"Default `false`: deletion fails and names what blocks it.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"user_id": schema.StringAttribute{
				MarkdownDescription: "The user's ID (`UserId`), the same value as `id`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"create_date": schema.StringAttribute{
				MarkdownDescription: "When the user was created (UTC, RFC 3339).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *userResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	r.client = client
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userModel
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
	object := fmt.Sprintf("RAM user %q", name)
	in := alicloud.CreateUserInput{
		UserName:    name,
		DisplayName: plan.DisplayName.ValueString(),
		MobilePhone: plan.MobilePhone.ValueString(),
		Email:       plan.Email.ValueString(),
		Comments:    plan.Comments.ValueString(),
	}
	user, err := createAdopting(ctx, creation[*alicloud.User]{
		object: object,
		create: func(ctx context.Context) (*alicloud.User, error) { return r.client.CreateUser(ctx, in) },
		lookup: func(ctx context.Context) (*alicloud.User, error) { return r.client.GetUser(ctx, name) },
		differs: func(u *alicloud.User) string {
			var d differ
			d.str("display_name", u.DisplayName, in.DisplayName)
			d.str("mobile_phone", u.MobilePhone, in.MobilePhone)
			d.str("email", u.Email, in.Email)
			d.str("comments", u.Comments, in.Comments)
			return d.String()
		},
		created: func(u *alicloud.User) string { return u.CreateDate },
	})
	if err != nil {
		hint := ""
		if alicloud.IsAlreadyExists(err) {
			hint = importHint("mseram_user", name)
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM user", object, err, hint))
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
	markUnconfirmed(ctx, resp)
	if resp.Diagnostics.HasError() {
		return
	}

	tags, diags := tagsFromMap(ctx, planned)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.TagUser(ctx, user.UserID, tags); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to tag RAM user", object, err,
			"The user was created without its tags and Terraform marks it tainted, so the next apply replaces it. "+
				"To keep the user and only retry the tags, run `terraform untaint` on it first."))
		return
	}
	plan.Tags = planned
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := withReadTimeout(ctx)
	defer cancel()
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	user, err := readConfirming(ctx, req, "RAM user "+name, func(ctx context.Context) (*alicloud.User, error) {
		return r.client.GetUser(ctx, name)
	})
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, "RAM user is gone; removing it from state", map[string]any{"user_name": name})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM user", fmt.Sprintf("RAM user %q", name), err, ""))
		return
	}
	tags, err := r.client.ListUserTags(ctx, user.UserID)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the tags of RAM user", fmt.Sprintf("RAM user %q", name), err, ""))
		return
	}
	resp.Diagnostics.Append(setUserFromAPI(&state, user, tags)...)
	if state.ForceDestroy.IsNull() {
		state.ForceDestroy = types.BoolValue(false) // after import
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	confirm(ctx, resp)
}

func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userModel
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

	object := fmt.Sprintf("RAM user %q", state.Name.ValueString())
	in := alicloud.UpdateUserInput{
		UserName:       state.Name.ValueString(),
		NewUserName:    changed(state.Name, plan.Name),
		NewDisplayName: changed(state.DisplayName, plan.DisplayName),
		NewMobilePhone: changed(state.MobilePhone, plan.MobilePhone),
		NewEmail:       changed(state.Email, plan.Email),
		NewComments:    changed(state.Comments, plan.Comments),
	}
	if in.NewUserName != nil || in.NewDisplayName != nil || in.NewMobilePhone != nil || in.NewEmail != nil || in.NewComments != nil {
		update := func(ctx context.Context) (*alicloud.User, error) { return r.client.UpdateUser(ctx, in) }
		if in.NewUserName != nil {
			newName := *in.NewUserName
			update = func(ctx context.Context) (*alicloud.User, error) {
				return renameRecovering(ctx, fmt.Sprintf("RAM user %q", newName),
					func(ctx context.Context) (*alicloud.User, error) { return r.client.UpdateUser(ctx, in) },
					func(ctx context.Context) (*alicloud.User, error) { return r.client.GetUser(ctx, newName) },
					func(u *alicloud.User) string {
						var d differ
						d.str("display_name", u.DisplayName, plan.DisplayName.ValueString())
						d.str("mobile_phone", u.MobilePhone, plan.MobilePhone.ValueString())
						d.str("email", u.Email, plan.Email.ValueString())
						d.str("comments", u.Comments, plan.Comments.ValueString())
						if u.UserID != state.UserID.ValueString() {
							d = append(d, fmt.Sprintf("user_id is %q, want %q", u.UserID, state.UserID.ValueString()))
						}
						return d.String()
					})
			}
			markRenamed(ctx, resp)
		}
		user, err := update(ctx)
		if err != nil {
			hint := ""
			if alicloud.IsAlreadyExists(err) {
				hint = fmt.Sprintf("Another RAM user is already named %q. Choose another name.", plan.Name.ValueString())
			}
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update RAM user", object, err, hint))
			return
		}
		setUserComputed(&plan, user)
		object = fmt.Sprintf("RAM user %q", plan.Name.ValueString())
	} else {
		plan.ID, plan.UserID, plan.CreateDate = state.ID, state.UserID, state.CreateDate
	}

	resp.Diagnostics.Append(userTagAPI(r.client, plan.UserID.ValueString()).update(ctx, "RAM user", object, state.Tags, plan.Tags)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userModel
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
	if state.ForceDestroy.ValueBool() {
		if err := r.removeDependants(ctx, name); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to remove what belongs to RAM user before deleting it", fmt.Sprintf("RAM user %q", name), err, ""))
			return
		}
	}
	err := deleteWaiting(ctx, fmt.Sprintf("RAM user %q", name), func(ctx context.Context) error { return r.client.DeleteUser(ctx, name) },
		userDependants(r.client, name))
	if err == nil || alicloud.IsNotFound(err) {
		return
	}
	hint := ""
	if alicloud.IsConflict(err) && !state.ForceDestroy.ValueBool() {
		hint = "Something still belongs to the user (the error code says what). Remove it first, or set force_destroy = true on this mseram_user, apply, then destroy."
	}
	resp.Diagnostics.Append(framework.APIErrorDiag("Unable to delete RAM user", fmt.Sprintf("RAM user %q", name), err, hint))
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
	if req.ID == "" || !ramrules.UserName.Valid(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_user by the user's logon name (1–64 letters, digits, '.', '-' or '_'), e.g. \"alice\"; got %q.", req.ID))
		return
	}
	// A UserId (all digits) is also a valid name, so the read would only say
	// "non-existent remote object"; say what import takes instead.
	if looksLikeUserID(req.ID) {
		if _, err := r.client.GetUser(ctx, req.ID); alicloud.IsNotFound(err) {
			resp.Diagnostics.AddError("Import takes the user name, not its UserId",
				fmt.Sprintf("No RAM user is named %q, and it looks like a UserId. Import mseram_user by the user's logon name "+
					"(the part before the @ of its UserPrincipalName, e.g. \"alice\"), which the RAM console and ListUsers show.", req.ID))
			return
		}
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("force_destroy"), false)...)
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
	var diags diag.Diagnostics
	m.Tags, diags = tagsToMap(tags, m.Tags)
	return diags
}
