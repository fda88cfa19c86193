// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	_ resource.ResourceWithConfigure   = (*groupMembershipResource)(nil)
	_ resource.ResourceWithImportState = (*groupMembershipResource)(nil)
)

type groupMembershipResource struct {
	client *alicloud.Client
}

// NewGroupMembershipResource is the constructor the provider registers for
// mseram_group_membership.
func NewGroupMembershipResource() resource.Resource {
	return &groupMembershipResource{}
}

type groupMembershipModel struct {
	ID        types.String   `tfsdk:"id"`
	GroupName types.String   `tfsdk:"group_name"`
	UserName  types.String   `tfsdk:"user_name"`
	Timeouts  timeouts.Value `tfsdk:"timeouts"`
}

// errNotMember stands for "the user and the group exist but the user is not
// in the group": a not-found, like the API's EntityNotExist codes.
var errNotMember = &alicloud.APIError{Code: "EntityNotExist.User.Group", Message: "the user is not a member of the group", Class: alicloud.ClassNotFound}

// membershipID is the resource's ID and import ID.
func membershipID(group, user string) string {
	return group + ":" + user
}

func (r *groupMembershipResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_membership"
}

func (r *groupMembershipResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Puts one RAM user in one RAM group, so the user gets the group's policies. " +
			"Other members of the group, added elsewhere, are left alone. Every argument forces a new membership.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<group_name>:<user_name>`.",
				Computed:            true,
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"group_name": schema.StringAttribute{
				MarkdownDescription: "Name of the RAM group, e.g. a `mseram_group`'s `name`.",
				Required:            true,
				Validators:          framework.GroupName(),
				PlanModifiers:       replace,
			},
			"user_name": schema.StringAttribute{
				MarkdownDescription: "Logon name of the RAM user, e.g. a `mseram_user`'s `name`.",
				Required:            true,
				Validators:          framework.UserName(),
				PlanModifiers:       replace,
			},
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *groupMembershipResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	r.client = client
}

func membershipObject(m groupMembershipModel) string {
	return fmt.Sprintf("membership of RAM user %q in RAM group %q", m.UserName.ValueString(), m.GroupName.ValueString())
}

func (r *groupMembershipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupMembershipModel
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
	group, user := plan.GroupName.ValueString(), plan.UserName.ValueString()
	id := membershipID(group, user)
	// A membership is the pair (group, user) with nothing else to compare
	// and no creation date to check: found in place after a request whose
	// answer was lost, it is exactly what was asked for, so adopting it is
	// safe (state matches configuration and account; destroy removes it as
	// it would have had the answer arrived).
	_, err := createAdopting(ctx, creation[struct{}]{
		object: membershipObject(plan),
		create: func(ctx context.Context) (struct{}, error) {
			return struct{}{}, r.client.AddUserToGroup(ctx, group, user)
		},
		lookup:  func(ctx context.Context) (struct{}, error) { return struct{}{}, r.findMember(ctx, group, user) },
		differs: func(struct{}) string { return "" },
	})
	if err != nil {
		hint := ""
		switch {
		case alicloud.IsAlreadyExists(err):
			hint = fmt.Sprintf("User %q is already a member of group %q (added outside this Terraform state). To manage the membership, import it:\n"+
				"  terraform import <address of this mseram_group_membership> %s\nor add an import block with id = %q.", user, group, id, id)
		case alicloud.IsNotFound(err):
			hint = "Check that the user and the group exist; if Terraform creates them, reference their `name` attributes so they are created first."
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to add RAM user to group", membershipObject(plan), err, hint))
		return
	}
	tflog.Info(ctx, "added RAM user to group", map[string]any{"group_name": group, "user_name": user})
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	markUnconfirmed(ctx, resp)
}

func (r *groupMembershipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := withReadTimeout(ctx)
	defer cancel()
	var state groupMembershipModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	group, user := state.GroupName.ValueString(), state.UserName.ValueString()
	// The user's groups come in one call; a group not in the list (or a user
	// that is gone) is a not-found, so a fresh membership is waited for.
	_, err := readConfirming(ctx, req, membershipObject(state), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, r.findMember(ctx, group, user)
	})
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, "RAM group membership is gone; removing it from state", map[string]any{"group_name": group, "user_name": user})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM group membership", membershipObject(state), err, ""))
		return
	}
	state.ID = types.StringValue(membershipID(group, user))
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	confirm(ctx, resp)
}

// findMember returns nil when user is in group, errNotMember when not, or
// the API's error.
func (r *groupMembershipResource) findMember(ctx context.Context, group, user string) error {
	groups, err := r.client.ListGroupsForUser(ctx, user)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if g.GroupName == group {
			return nil
		}
	}
	return errNotMember
}

// Update is never called: every argument forces replacement.
func (r *groupMembershipResource) Update(context.Context, resource.UpdateRequest, *resource.UpdateResponse) {
}

func (r *groupMembershipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupMembershipModel
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
	err := r.client.RemoveUserFromGroup(ctx, state.GroupName.ValueString(), state.UserName.ValueString())
	if err != nil && !alicloud.IsNotFound(err) {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to remove RAM user from group", membershipObject(state), err, ""))
	}
}

// ImportState takes `<group_name>:<user_name>`. Neither name may contain a
// colon, so the ID splits unambiguously.
func (r *groupMembershipResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	group, user, ok := strings.Cut(req.ID, ":")
	if !ok || !ramrules.GroupName.Valid(group) || !ramrules.UserName.Valid(user) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_group_membership as <group_name>:<user_name>, e.g. \"mse-developers:dev-zhang\"; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), membershipID(group, user))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("group_name"), group)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_name"), user)...)
}
