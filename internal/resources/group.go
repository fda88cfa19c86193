// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
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
	_ resource.ResourceWithConfigure   = (*groupResource)(nil)
	_ resource.ResourceWithImportState = (*groupResource)(nil)
)

type groupResource struct {
	client *alicloud.Client
}

// NewGroupResource is the constructor the provider registers for
// mseram_group.
func NewGroupResource() resource.Resource {
	return &groupResource{}
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

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (r *groupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A RAM user group: users who share access, e.g. every developer of an MSE instance. " +
			"Add users with `mseram_group_membership` and give the group access with `mseram_group_policy_attachment`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "The group's ID (`GroupId`), stable across renames.",
				Computed:            true,
				PlanModifiers:       keep,
			},
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
			"force_destroy": schema.BoolAttribute{
				MarkdownDescription: "When `true`, destroying the group first removes its members and detaches its policies. " +
					"Default `false`: deletion fails while the group has members (`DeleteConflict.Group.User`) or policies (`DeleteConflict.Group.Policy`).",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
			},
			"group_id": schema.StringAttribute{
				MarkdownDescription: "The group's ID (`GroupId`), the same value as `id`.",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"create_date": schema.StringAttribute{
				MarkdownDescription: "When the group was created (UTC, RFC 3339).",
				Computed:            true,
				PlanModifiers:       keep,
			},
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

func (r *groupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	r.client = client
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupModel
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
	comments := plan.Comments.ValueString()
	group, err := createAdopting(ctx, creation[*alicloud.Group]{
		object: fmt.Sprintf("RAM group %q", name),
		create: func(ctx context.Context) (*alicloud.Group, error) { return r.client.CreateGroup(ctx, name, comments) },
		lookup: func(ctx context.Context) (*alicloud.Group, error) { return r.client.GetGroup(ctx, name) },
		differs: func(g *alicloud.Group) string {
			var d differ
			d.str("comments", g.Comments, comments)
			return d.String()
		},
		created: func(g *alicloud.Group) string { return g.CreateDate },
	})
	if err != nil {
		hint := ""
		if alicloud.IsAlreadyExists(err) {
			hint = importHint("mseram_group", name)
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create RAM group", fmt.Sprintf("RAM group %q", name), err, hint))
		return
	}
	tflog.Info(ctx, "created RAM group", map[string]any{"group_name": name, "group_id": group.GroupID})
	setGroupComputed(&plan, group)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	markUnconfirmed(ctx, resp)
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	ctx, cancel := withReadTimeout(ctx)
	defer cancel()
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	name := state.Name.ValueString()
	group, err := readConfirming(ctx, req, "RAM group "+name, func(ctx context.Context) (*alicloud.Group, error) {
		return r.client.GetGroup(ctx, name)
	})
	if alicloud.IsNotFound(err) {
		tflog.Warn(ctx, "RAM group is gone; removing it from state", map[string]any{"group_name": name})
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM group", fmt.Sprintf("RAM group %q", name), err, ""))
		return
	}
	setGroupComputed(&state, group)
	state.Name = types.StringValue(group.GroupName)
	state.Comments = optionalString(group.Comments)
	if state.ForceDestroy.IsNull() {
		state.ForceDestroy = types.BoolValue(false) // after import
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	confirm(ctx, resp)
}

func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupModel
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

	// The ID and creation date survive a rename.
	plan.ID, plan.GroupID, plan.CreateDate = state.ID, state.GroupID, state.CreateDate
	newName, newComments := changed(state.Name, plan.Name), changed(state.Comments, plan.Comments)
	if newName == nil && newComments == nil {
		// Only force_destroy or timeouts changed: nothing to send.
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
		return
	}
	update := func(ctx context.Context) (*alicloud.Group, error) {
		return r.client.UpdateGroup(ctx, state.Name.ValueString(), newName, newComments)
	}
	var err error
	if newName != nil {
		markRenamed(ctx, resp)
		_, err = renameRecovering(ctx, fmt.Sprintf("RAM group %q", *newName), update,
			func(ctx context.Context) (*alicloud.Group, error) { return r.client.GetGroup(ctx, *newName) },
			func(g *alicloud.Group) string {
				var d differ
				d.str("comments", g.Comments, plan.Comments.ValueString())
				d.str("group_id", g.GroupID, state.GroupID.ValueString())
				return d.String()
			})
	} else {
		_, err = update(ctx)
	}
	if err != nil {
		hint := ""
		if alicloud.IsAlreadyExists(err) {
			hint = fmt.Sprintf("Another RAM group is already named %q. Choose another name.", plan.Name.ValueString())
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update RAM group", fmt.Sprintf("RAM group %q", state.Name.ValueString()), err, hint))
		return
	}
	tflog.Info(ctx, "updated RAM group", map[string]any{"group_name": state.Name.ValueString(), "new_group_name": plan.Name.ValueString()})
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupModel
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
	object := fmt.Sprintf("RAM group %q", name)
	if state.ForceDestroy.ValueBool() {
		if err := r.removeDependants(ctx, name); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to empty RAM group before deleting it", object, err, ""))
			return
		}
	}
	err := deleteWaiting(ctx, object, func(ctx context.Context) error { return r.client.DeleteGroup(ctx, name) }, groupDependants(r.client, name))
	if err == nil || alicloud.IsNotFound(err) {
		return
	}
	hint := ""
	if alicloud.IsConflict(err) && !state.ForceDestroy.ValueBool() {
		hint = "The group still has members or policies (the error code says which). Remove them first " +
			"(their mseram_group_membership and mseram_group_policy_attachment resources), " +
			"or set force_destroy = true on this mseram_group, apply, then destroy."
	}
	resp.Diagnostics.Append(framework.APIErrorDiag("Unable to delete RAM group", object, err, hint))
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
	if req.ID == "" || !ramrules.GroupName.Valid(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_group by the group's name (1–64 letters, digits, '.', '-' or '_'), e.g. \"mse-developers\"; got %q.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("name"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("force_destroy"), false)...)
}

// setGroupComputed copies what only the API knows into the model.
func setGroupComputed(m *groupModel, g *alicloud.Group) {
	m.ID = types.StringValue(g.GroupID)
	m.GroupID = types.StringValue(g.GroupID)
	m.CreateDate = types.StringValue(g.CreateDate)
}
