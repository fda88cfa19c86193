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

type groupMembershipResource struct{ base }

// NewGroupMembershipResource is the constructor the provider registers for
// mseram_group_membership.
func NewGroupMembershipResource() resource.Resource {
	return &groupMembershipResource{base: base{typeName: "group_membership"}}
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

func (m groupMembershipModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the membership m names to the shared lifecycle
// (ram_object.go). It has no creation date: see Create.
func (r *groupMembershipResource) object(m *groupMembershipModel) ramObject[struct{}] {
	group, user := m.GroupName.ValueString(), m.UserName.ValueString()
	return ramObject[struct{}]{
		noun:   "RAM group membership",
		object: fmt.Sprintf("membership of RAM user %q in RAM group %q", user, group),
		fields: map[string]any{"group_name": group, "user_name": user},
		// The user's groups come in one call; a group not in the list (or a
		// user that is gone) is a not-found, so a fresh membership is waited for.
		get:           func(ctx context.Context) (struct{}, error) { return struct{}{}, r.findMember(ctx, group, user) },
		del:           func(ctx context.Context) error { return r.client.RemoveUserFromGroup(ctx, group, user) },
		deleteSummary: "Unable to remove RAM user from group",
	}
}

func (r *groupMembershipResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Puts one RAM user in one RAM group, so the user gets the group's policies. " +
			"Other members of the group, added elsewhere, are left alone.\n\n" +
			"Both arguments change in place. RAM keeps a user's memberships when the user or the group is renamed, so " +
			"renaming either keeps the membership; moving it to another user or group adds the new membership before " +
			"removing the old one.",
		Attributes: map[string]schema.Attribute{
			"id": derivedID("`<group_name>:<user_name>`.", "", "group_name", "user_name"),
			"group_name": schema.StringAttribute{
				MarkdownDescription: "Name of the RAM group, e.g. a `mseram_group`'s `name`.",
				Required:            true,
				Validators:          framework.GroupName(),
			},
			"user_name": schema.StringAttribute{
				MarkdownDescription: "Logon name of the RAM user, e.g. a `mseram_user`'s `name`.",
				Required:            true,
				Validators:          framework.UserName(),
			},
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *groupMembershipResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupMembershipModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	group, user := plan.GroupName.ValueString(), plan.UserName.ValueString()
	id := membershipID(group, user)
	o := r.object(&plan)
	// A membership is the pair (group, user) with nothing else to compare
	// and no creation date to check: found in place after a request whose
	// answer was lost, it is exactly what was asked for, so adopting it is
	// safe (state matches configuration and account; destroy removes it as
	// it would have had the answer arrived).
	_, err := o.create(ctx, resp, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, r.client.AddUserToGroup(ctx, group, user)
	},
		func(struct{}, map[string]string) string { return "" })
	if err != nil {
		hint := ""
		switch {
		case alicloud.IsAlreadyExists(err):
			hint = fmt.Sprintf("User %q is already a member of group %q (added outside this Terraform state). To manage the membership, import it:\n"+
				"  terraform import <address of this mseram_group_membership> %s\nor add an import block with id = %q.", user, group, id, id)
		case alicloud.IsNotFound(err):
			hint = "Check that the user and the group exist; if Terraform creates them, reference their `name` attributes so they are created first."
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to add RAM user to group", o.object, err, hint))
		return
	}
	tflog.Info(ctx, "added RAM user to group", map[string]any{"group_name": group, "user_name": user})
	plan.ID = types.StringValue(id)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupMembershipResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, func(m *groupMembershipModel, _ struct{}, _ map[string]string) diag.Diagnostics {
		m.ID = types.StringValue(membershipID(m.GroupName.ValueString(), m.UserName.ValueString()))
		return nil
	})
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

// Update moves the membership to the new user or group name: see moveLink.
func (r *groupMembershipResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupMembershipModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	group, user := plan.GroupName.ValueString(), plan.UserName.ValueString()
	added, err := moveLink(ctx, plan.GroupName.Equal(state.GroupName) && plan.UserName.Equal(state.UserName),
		func(ctx context.Context) error { return r.client.AddUserToGroup(ctx, group, user) },
		func(ctx context.Context) error {
			return r.client.RemoveUserFromGroup(ctx, state.GroupName.ValueString(), state.UserName.ValueString())
		})
	if err != nil {
		if added {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to remove RAM user from group", r.object(&state).object, err,
				fmt.Sprintf("User %q is a member of group %q now; the old membership is still there too. Apply again, or remove it in the RAM console.", user, group)))
			return
		}
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = "Check that the user and the group exist; if Terraform creates or renames them, reference their `name` attributes so that happens first."
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to add RAM user to group", r.object(&plan).object, err, hint))
		return
	}
	tflog.Info(ctx, "moved RAM group membership", map[string]any{"from": state.ID.ValueString(), "to": membershipID(group, user)})
	// The membership under the new names may not be listed yet.
	markRenamed(ctx, resp)
	plan.ID = types.StringValue(membershipID(group, user))
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupMembershipResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
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
