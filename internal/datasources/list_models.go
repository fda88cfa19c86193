// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// Parts the list data sources (and mseram_group) share, embedded in each,
// and the steps of a read they share.

// apiDataSource is embedded by these data sources: it holds the
// provider's API client, which its Configure takes.
type apiDataSource struct {
	client *alicloud.Client
}

func (d *apiDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

// listOutputsModel is the id and names every list data source computes.
type listOutputsModel struct {
	ID    types.String `tfsdk:"id"`
	Names types.List   `tfsdk:"names"`
}

func (o *listOutputsModel) set(ctx context.Context, id string, names []string) diag.Diagnostics {
	o.ID = types.StringValue(id)
	var diags diag.Diagnostics
	o.Names, diags = stringList(ctx, names)
	return diags
}

// listIDsModel is the ids output of the lists whose objects have IDs.
type listIDsModel struct {
	IDs types.List `tfsdk:"ids"`
}

func (o *listIDsModel) set(ctx context.Context, ids []string) diag.Diagnostics {
	var diags diag.Diagnostics
	o.IDs, diags = stringList(ctx, ids)
	return diags
}

// attachedPolicyModel is the policy_name/policy_type filter of the
// principal lists.
type attachedPolicyModel struct {
	PolicyName types.String `tfsdk:"policy_name"`
	PolicyType types.String `tfsdk:"policy_type"`
}

// principals lists who the filter's policy is attached to
// (ListEntitiesForPolicy); nil when the filter is unset.
func (f attachedPolicyModel) principals(ctx context.Context, c *alicloud.Client) (*alicloud.PolicyEntities, diag.Diagnostics) {
	var diags diag.Diagnostics
	if f.PolicyName.IsNull() {
		return nil, diags
	}
	e, err := c.ListEntitiesForPolicy(ctx, f.PolicyName.ValueString(), f.PolicyType.ValueString())
	if err != nil {
		diags.Append(attachedPolicyDiag(f.PolicyName, f.PolicyType, err))
	}
	return e, diags
}

// readList is the Read of a list data source: it reads the configuration
// into a model, lets fill list and set the outputs, and saves the state.
func readList[M any](ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse, fill func(*M) diag.Diagnostics) {
	var m M
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(fill(&m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// collect lists every object with list, unless skip (a filter allows
// nothing already), and returns those keeps allows, sorted by name, with
// how many were listed.
func collect[T any](skip bool, list func() ([]T, error), keeps func(T) bool, name func(T) string) (found []T, listed int, err error) {
	if skip {
		return nil, 0, nil
	}
	all, err := list()
	if err != nil {
		return nil, 0, err
	}
	for _, x := range all {
		if keeps(x) {
			found = append(found, x)
		}
	}
	sortBy(found, name)
	return found, len(all), nil
}

// computedString is a computed string attribute of a listed object.
func computedString(desc string) schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
}

// objectList is the computed list of the objects found, built from their
// attribute values; attrs, the nested object's schema, gives the types. The
// framework's reflection over a slice of structs would take more than a
// second a read for the thousands of objects an account can hold.
func objectList(attrs map[string]schema.Attribute, items []map[string]attr.Value, diags *diag.Diagnostics) types.List {
	attrTypes := make(map[string]attr.Type, len(attrs))
	for name, a := range attrs {
		attrTypes[name] = a.GetType()
	}
	elems := make([]attr.Value, 0, len(items))
	for _, it := range items {
		o, d := types.ObjectValue(attrTypes, it)
		diags.Append(d...)
		elems = append(elems, o)
	}
	list, d := types.ListValue(types.ObjectType{AttrTypes: attrTypes}, elems)
	diags.Append(d...)
	return list
}
