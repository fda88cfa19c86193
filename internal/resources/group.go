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
	_ resource.ResourceWithConfigure   = (*groupResource)(nil)
	_ resource.ResourceWithImportState = (*groupResource)(nil)
)

type groupResource struct{ base }

// NewGroupResource is the constructor the provider registers for
// mseram_group.
func NewGroupResource() resource.Resource {
	return &groupResource{base{typeName: "group"}}
}

type groupModel struct {
	ID           types.String   `tfsdk:"id"`
	Name         types.String   `tfsdk:"name"`
	Comments     types.String   `tfsdk:"comments"`
	ForceDestroy types.Bool     `tfsdk:"force_destroy"`
	GroupID      types.String   `tfsdk:"group_id"`
	CreateDate   types.String   `tfsdk:"create_date"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

func (m groupModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the RAM group m names to the shared lifecycle
// (ram_object.go).
func (r *groupResource) object(m *groupModel) ramObject[*alicloud.Group] {
	name := m.Name.ValueString()
	return ramObject[*alicloud.Group]{
		noun: "RAM group", object: fmt.Sprintf("RAM group %q", name), fields: map[string]any{"group_name": name},
		get:        func(ctx context.Context) (*alicloud.Group, error) { return r.client.GetGroup(ctx, name) },
		created:    func(g *alicloud.Group) string { return g.CreateDate },
		del:        func(ctx context.Context) error { return r.client.DeleteGroup(ctx, name) },
		dependants: groupDependants(r.client, name),
		conflictHint: "The group still has members or policies (the error code says which). Remove them first " +
			"(their mseram_group_membership and mseram_group_policy_attachment resources), " +
			"or set force_destroy = true on this mseram_group, apply, then destroy.",
		force:            m.ForceDestroy.ValueBool(),
		removeDependants: func(ctx context.Context) error { return r.removeDependants(ctx, name) },
		removing:         "Unable to empty RAM group before deleting it",
	}
}

func (r *groupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A RAM user group: users who share access, e.g. every developer of an MSE instance. " +
			"Add users with `mseram_group_membership` and give the group access with `mseram_group_policy_attachment`.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The group's ID (`GroupId`), stable across renames."),
			"name": schema.StringAttribute{
				MarkdownDescription: "Group name: 1–64 letters, digits, `.`, `-` or `_`, unique in the account. " +
					"Changing it renames the group in place; its members and policies stay.",
				Required:   true,
				Validators: framework.GroupName(),
			},
			"comments": schema.StringAttribute{
				MarkdownDescription: "Free-text comments, 1–128 characters. Removing it clears it.",
				Optional:            true,
				Validators:          framework.GroupComments(),
			},
			"force_destroy": defaultFalse("When `true`, destroying the group first removes its members and detaches its policies. " +
				"Default `false`: deletion fails while the group has members (`DeleteConflict.Group.User`) or policies (`DeleteConflict.Group.Policy`)."),
			"group_id":    stableComputed("The group's ID (`GroupId`), the same value as `id`."),
			"create_date": stableComputed("When the group was created (UTC, RFC 3339)."),
			"timeouts":    timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	name, comments := plan.Name.ValueString(), plan.Comments.ValueString()
	o := r.object(&plan)
	group, err := o.create(ctx, resp, func(ctx context.Context) (*alicloud.Group, error) { return r.client.CreateGroup(ctx, name, comments) },
		func(g *alicloud.Group, _ map[string]string) string { return plan.differences(g).String() })
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM group", o.object, err, importAdvice(err, "mseram_group", name)))
		return
	}
	tflog.Info(ctx, "created RAM group", map[string]any{"group_name": name, "group_id": group.GroupID})
	setGroupComputed(&plan, group)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// differences lists how a group the API returned differs from the model's
// attributes.
func (m groupModel) differences(g *alicloud.Group) differ {
	var d differ
	d.str("comments", g.Comments, m.Comments.ValueString())
	return d
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, func(m *groupModel, g *alicloud.Group, _ map[string]string) diag.Diagnostics {
		setGroupComputed(m, g)
		m.Name = types.StringValue(g.GroupName)
		m.Comments = optionalString(g.Comments)
		if m.ForceDestroy.IsNull() {
			m.ForceDestroy = types.BoolValue(false) // after import
		}
		return nil
	})
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	// The ID and creation date survive a rename.
	plan.ID, plan.GroupID, plan.CreateDate = state.ID, state.GroupID, state.CreateDate
	newName, newComments := changed(state.Name, plan.Name), changed(state.Comments, plan.Comments)
	if newName == nil && newComments == nil {
		// Only force_destroy or timeouts changed: nothing to send.
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	_, err := r.object(&plan).update(ctx, resp, newName != nil,
		func(ctx context.Context) (*alicloud.Group, error) {
			return r.client.UpdateGroup(ctx, state.Name.ValueString(), newName, newComments)
		},
		func(g *alicloud.Group) string {
			d := plan.differences(g)
			d.str("group_id", g.GroupID, state.GroupID.ValueString())
			return d.String()
		})
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update RAM group", r.object(&state).object, err,
			renameAdvice(err, "RAM group", plan.Name)))
		return
	}
	tflog.Info(ctx, "updated RAM group", map[string]any{"group_name": state.Name.ValueString(), "new_group_name": plan.Name.ValueString()})
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
}

// removeDependants takes every user out of the group and detaches its
// policies, what RAM refuses to delete a group with (force_destroy).
func (r *groupResource) removeDependants(ctx context.Context, name string) error {
	users, err := r.client.ListUsersForGroup(ctx, name)
	if err != nil {
		return ignoreNotFound(err)
	}
	for _, u := range users {
		if err := ignoreNotFound(r.client.RemoveUserFromGroup(ctx, name, u.UserName)); err != nil {
			return err
		}
	}
	policies, err := detachAllPolicies(ctx, r.client, alicloud.PrincipalGroup, name)
	if err != nil {
		return err
	}
	tflog.Info(ctx, "removed RAM group's members and policies before deleting it",
		map[string]any{"group_name": name, "members": len(users), "policies": policies})
	return nil
}

// ImportState takes the group's name, as `terraform import` and import
// blocks give it.
func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByName(ctx, req, resp, ramrules.GroupName,
		`Import mseram_group by the group's name (1–64 letters, digits, '.', '-' or '_'), e.g. "mse-developers"`, "name")
}

// setGroupComputed copies what only the API knows into the model.
func setGroupComputed(m *groupModel, g *alicloud.Group) {
	m.ID = types.StringValue(g.GroupID)
	m.GroupID = types.StringValue(g.GroupID)
	m.CreateDate = types.StringValue(g.CreateDate)
}
