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
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// An account setting (the password policy, the security preference) is
// one object per Alibaba Cloud account that always exists: there is
// nothing to create or delete, only values to set. Creating the resource
// sets every argument (RAM's default for the ones left out), destroying it
// sets RAM's defaults again, and its ID is the account ID, which import
// takes.

// accountSettingModel is what the lifecycle needs of a setting's model;
// A is the API's form of the setting.
type accountSettingModel[A any] interface {
	setID(id string)
	timeoutsValue() timeouts.Value
	// fromAPI replaces every argument with the API's value, so a change
	// made outside Terraform shows in the plan.
	fromAPI(a *A)
}

// accountSetting describes one setting: how the object is named in messages, its arguments, and how to
// read it, send a model's values (answering the setting as the API now
// holds it) and set RAM's defaults.
type accountSetting[M, A any] struct {
	object      string // "the account's RAM password policy"
	description string
	attributes  func(ctx context.Context) map[string]schema.Attribute
	get         func(c *alicloud.Client, ctx context.Context) (*A, error)
	set         func(c *alicloud.Client, ctx context.Context, m *M) (*A, error)
	reset       func(c *alicloud.Client, ctx context.Context) error
}

// accountSettingResource is the resource of an accountSetting; P is *M.
type accountSettingResource[M timed, A any, P interface {
	*M
	accountSettingModel[A]
}] struct {
	base
	setting accountSetting[M, A]
}

// write sends m and copies the API's answer into it.
func (r *accountSettingResource[M, A, P]) write(ctx context.Context, m *M) error {
	a, err := r.setting.set(r.client, ctx, m)
	if err == nil {
		P(m).fromAPI(a)
	}
	return err
}

func (r *accountSettingResource[M, A, P]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := r.setting.attributes(ctx)
	attrs["id"] = schema.StringAttribute{
		MarkdownDescription: "The Alibaba Cloud account ID the setting belongs to; import takes it.",
		Computed:            true,
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	attrs["timeouts"] = timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout})
	resp.Schema = schema.Schema{MarkdownDescription: r.setting.description, Attributes: attrs}
}

func (r *accountSettingResource[M, A, P]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan M
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	m := P(&plan)

	who, err := r.client.GetCallerIdentity(ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to find the account of the credentials", r.setting.object, err, ""))
		return
	}
	if err := r.write(ctx, &plan); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to set "+r.setting.object, r.setting.object, err, ""))
		return
	}
	m.setID(who.AccountID)
	tflog.Info(ctx, "set "+r.setting.object, map[string]any{"account_id": who.AccountID})
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *accountSettingResource[M, A, P]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	ctx, cancel, ok := reading(ctx, req, resp, &state)
	defer cancel()
	if !ok {
		return
	}
	a, err := r.setting.get(r.client, ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read "+r.setting.object, r.setting.object, err, ""))
		return
	}
	P(&state).fromAPI(a)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *accountSettingResource[M, A, P]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state M
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	if err := r.write(ctx, &plan); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to update "+r.setting.object, r.setting.object, err, ""))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete puts RAM's defaults back: the setting itself cannot be deleted.
func (r *accountSettingResource[M, A, P]) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state M
	ctx, cancel, ok := deleting(ctx, req, resp, &state)
	defer cancel()
	if !ok {
		return
	}
	if err := r.setting.reset(r.client, ctx); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to restore the defaults of "+r.setting.object, r.setting.object, err,
			"Destroying this resource sets RAM's defaults again; the setting itself cannot be deleted. Run the destroy again, "+
				"or use a removed block with destroy = false to stop managing it and keep its values."))
		return
	}
	tflog.Info(ctx, "restored RAM's defaults of "+r.setting.object)
}

// ImportState takes the account ID, and refuses another account's: the
// credentials decide which account's setting is read and written.
func (r *accountSettingResource[M, A, P]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resourceType := "mseram_" + r.typeName
	if req.ID == "" || strings.Trim(req.ID, "0123456789") != "" {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import %s by the Alibaba Cloud account ID (digits only, e.g. \"1234567890123456\"; "+
				"data.mseram_caller_identity gives it); got %q.", resourceType, req.ID))
		return
	}
	who, err := r.client.GetCallerIdentity(ctx)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to find the account of the credentials", r.setting.object, err, ""))
		return
	}
	if who.AccountID != req.ID {
		resp.Diagnostics.AddError("Import ID is another account",
			fmt.Sprintf("The import ID %q is not the account of the provider's credentials (%s). %s can only be imported "+
				"for the account the provider manages: use %q, or configure the provider with credentials of account %s.",
				req.ID, who.AccountID, resourceType, who.AccountID, req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), types.StringValue(req.ID))...)
}

// intSettingAttribute is an optional integer argument with RAM's default,
// which the documentation states.
func intSettingAttribute(description string, def int, valid validator.Int64) schema.Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: fmt.Sprintf("%s Default `%d`.", description, def),
		Optional:            true,
		Computed:            true,
		Default:             int64default.StaticInt64(int64(def)),
		Validators:          []validator.Int64{valid},
	}
}

// boolSettingAttribute is an optional boolean argument with RAM's default.
func boolSettingAttribute(description string, def bool) schema.Attribute {
	return schema.BoolAttribute{
		MarkdownDescription: fmt.Sprintf("%s Default `%t`.", description, def),
		Optional:            true,
		Computed:            true,
		Default:             booldefault.StaticBool(def),
	}
}
