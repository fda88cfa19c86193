// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command noop is the benchmark's floor for any plugin: a
// terraform-plugin-framework provider (registry.terraform.io/mseram/noop)
// whose resources noop_user, noop_policy and noop_user_policy_attachment
// have the attributes of mseram_user, mseram_policy and
// mseram_user_policy_attachment but make no API call. Create copies the
// plan into state (filling the computed attributes from the name), Read
// and Update echo, Delete forgets. It is built by the harness
// (bench/harness) only, never shipped.
package main

import (
	"context"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func main() {
	err := providerserver.Serve(context.Background(), func() provider.Provider { return noopProvider{} }, providerserver.ServeOpts{
		Address: "registry.terraform.io/mseram/noop",
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}

type noopProvider struct{}

func (noopProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "noop"
}

func (noopProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = pschema.Schema{}
}

func (noopProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (noopProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (noopProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		func() resource.Resource { return &noopResource{kind: "user"} },
		func() resource.Resource { return &noopResource{kind: "policy"} },
		func() resource.Resource { return &noopResource{kind: "user_policy_attachment"} },
	}
}

// noopResource is one of the three types; kind selects the schema and the
// computed values.
type noopResource struct{ kind string }

func (r *noopResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.kind
}

// timeoutsAttr mirrors the timeouts nested attribute of mseram's user and
// policy (create, update, delete), without its validators.
func timeoutsAttr() schema.Attribute {
	return schema.SingleNestedAttribute{
		Optional: true,
		Attributes: map[string]schema.Attribute{
			"create": schema.StringAttribute{Optional: true},
			"update": schema.StringAttribute{Optional: true},
			"delete": schema.StringAttribute{Optional: true},
		},
	}
}

func (r *noopResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	switch r.kind {
	case "user":
		resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
			"id":            schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"name":          schema.StringAttribute{Required: true},
			"display_name":  schema.StringAttribute{Optional: true},
			"mobile_phone":  schema.StringAttribute{Optional: true},
			"email":         schema.StringAttribute{Optional: true},
			"comments":      schema.StringAttribute{Optional: true},
			"tags":          schema.MapAttribute{ElementType: types.StringType, Optional: true},
			"force_destroy": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
			"user_id":       schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"create_date":   schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"timeouts":      timeoutsAttr(),
		}}
	case "policy":
		resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
			"id":               schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"name":             schema.StringAttribute{Required: true, PlanModifiers: replace},
			"description":      schema.StringAttribute{Optional: true},
			"policy_document":  schema.StringAttribute{Required: true},
			"tags":             schema.MapAttribute{ElementType: types.StringType, Optional: true},
			"force_destroy":    schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
			"default_version":  schema.StringAttribute{Computed: true},
			"attachment_count": schema.Int64Attribute{Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"create_date":      schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"timeouts":         timeoutsAttr(),
		}}
	default:
		resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{Computed: true, PlanModifiers: keep},
			"policy_name": schema.StringAttribute{Required: true, PlanModifiers: replace},
			"policy_type": schema.StringAttribute{Required: true, PlanModifiers: replace},
			"user_name":   schema.StringAttribute{Required: true, PlanModifiers: replace},
		}}
	}
}

// computed fills the computed attributes the way the real resource would
// after its API call, from values already in the plan.
func (r *noopResource) computed(ctx context.Context, plan resource.CreateRequest, resp *resource.CreateResponse) {
	var name types.String
	switch r.kind {
	case "user":
		resp.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
		id := types.StringValue("2" + name.ValueString())
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), id)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("create_date"), "2026-01-01T00:00:00Z")...)
	case "policy":
		resp.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("name"), &name)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), name)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("default_version"), "v1")...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("attachment_count"), int64(0))...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("create_date"), "2026-01-01T00:00:00Z")...)
	default:
		var pn, pt, un types.String
		resp.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("policy_name"), &pn)...)
		resp.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("policy_type"), &pt)...)
		resp.Diagnostics.Append(plan.Plan.GetAttribute(ctx, path.Root("user_name"), &un)...)
		id := "user:" + pn.ValueString() + ":" + pt.ValueString() + ":" + un.ValueString()
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	}
}

func (r *noopResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	resp.State.Raw = req.Plan.Raw.Copy()
	r.computed(ctx, req, resp)
}

func (r *noopResource) Read(_ context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	resp.State.Raw = req.State.Raw.Copy()
}

func (r *noopResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw.Copy()
	if r.kind == "policy" {
		// A changed document is a new default version, unknown in the plan.
		var v types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("default_version"), &v)...)
		if v.IsUnknown() {
			resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("default_version"), "v2")...)
		}
	}
}

func (r *noopResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
