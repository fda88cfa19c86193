// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var _ datasource.DataSource = (*mseActionsDataSource)(nil)

// mseActionsDataSource lists internal/mse's action catalog. No client: it
// works without credentials.
type mseActionsDataSource struct{}

// NewMSEActionsDataSource is the constructor the provider registers for the
// mseram_mse_actions data source.
func NewMSEActionsDataSource() datasource.DataSource {
	return &mseActionsDataSource{}
}

type mseActionsModel struct {
	ReadOnly  types.Bool       `tfsdk:"read_only"`
	Scope     types.String     `tfsdk:"scope"`
	Area      types.String     `tfsdk:"area"`
	NameRegex types.String     `tfsdk:"name_regex"`
	ID        types.String     `tfsdk:"id"`
	Names     types.List       `tfsdk:"names"`
	Actions   []mseActionModel `tfsdk:"actions"`
}

type mseActionModel struct {
	Name        types.String `tfsdk:"name"`
	Description types.String `tfsdk:"description"`
	ReadOnly    types.Bool   `tfsdk:"read_only"`
	Scope       types.String `tfsdk:"scope"`
	Area        types.String `tfsdk:"area"`
	Source      types.String `tfsdk:"source"`
	InSDK       types.Bool   `tfsdk:"in_sdk"`
	Note        types.String `tfsdk:"note"`
}

func (d *mseActionsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_mse_actions"
}

func scopeNames() []string {
	var out []string
	for _, s := range mse.Scopes() {
		out = append(out, string(s))
	}
	return out
}

func areaNames() []string {
	var out []string
	for _, a := range mse.Areas() {
		out = append(out, string(a))
	}
	return out
}

func (d *mseActionsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The catalog of Microservices Engine RAM actions the provider knows: every action of MSE's RAM " +
			"documentation (with its description) and every MSE API (RAM action names equal API names). Each has a read-only " +
			"flag, the finest resource level it can be limited to, and the part of MSE it belongs to. Filters combine with AND. " +
			"Needs no credentials.\n\n" +
			"Read-only follows the documentation where it is right and is corrected where it contradicts itself (`note` says why); " +
			"for actions only the API list knows, it follows the verb (`Get`, `List`, `Query`, `Select`, `Pull`, `Fetch`, `Check` read; " +
			"every other verb writes), with the exceptions the `note` names.",
		Attributes: map[string]schema.Attribute{
			"read_only": schema.BoolAttribute{
				MarkdownDescription: "Keep only read-only actions (`true`) or only writes (`false`).",
				Optional:            true,
			},
			"scope": schema.StringAttribute{
				MarkdownDescription: "Keep only actions of this scope: the finest resource level the action can be limited to " +
					"(`account`, `instance`, `namespace`, `group`, `item`).",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(scopeNames()...)},
			},
			"area": schema.StringAttribute{
				MarkdownDescription: "Keep only actions of this area: `registry_configuration`, `gateway`, `service_source`, `route`, " +
					"`certificate_domain`, `governance` or `other`.",
				Optional:   true,
				Validators: []validator.String{stringvalidator.OneOf(areaNames()...)},
			},
			"name_regex": schema.StringAttribute{
				MarkdownDescription: "Keep only actions whose name (with the `mse:` prefix, e.g. `mse:GetNacosConfig`) matches this " +
					"regular expression (Go RE2 syntax; add `(?i)` to ignore case).",
				Optional:   true,
				Validators: []validator.String{regexValidator{}},
			},
			"id": schema.StringAttribute{
				MarkdownDescription: "The filters, joined; stable for the same filters.",
				Computed:            true,
			},
			"names": schema.ListAttribute{
				MarkdownDescription: "The names of the actions kept, sorted, e.g. for a `statement` block's `actions`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"actions": schema.ListNestedAttribute{
				MarkdownDescription: "The actions kept, sorted by name.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":        schema.StringAttribute{MarkdownDescription: "The RAM action, e.g. `mse:GetNacosConfig`.", Computed: true},
					"description": schema.StringAttribute{MarkdownDescription: "What the action does.", Computed: true},
					"read_only":   schema.BoolAttribute{MarkdownDescription: "`true` when the action changes nothing.", Computed: true},
					"scope": schema.StringAttribute{
						MarkdownDescription: "The finest resource level the action can be limited to in a `Resource` element: `account` " +
							"(only `acs:mse:*:*:*`), `instance`, `namespace`, `group` or `item` (one DataId or service).",
						Computed: true,
					},
					"area": schema.StringAttribute{MarkdownDescription: "The part of MSE the action belongs to.", Computed: true},
					"source": schema.StringAttribute{
						MarkdownDescription: "Where the entry comes from: `seed-001` (MSE RAM guide), `seed-003` (gateway RAM guide) or " +
							"`sdk` (only the API list).",
						Computed: true,
					},
					"in_sdk": schema.BoolAttribute{
						MarkdownDescription: "`true` when MSE has an API of this name; a documented action without one is called only by the console.",
						Computed:            true,
					},
					"note": schema.StringAttribute{
						MarkdownDescription: "Why a classification differs from the documentation or from the verb; empty otherwise.",
						Computed:            true,
					},
				}},
			},
		},
	}
}

func (d *mseActionsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m mseActionsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var re *regexp.Regexp
	if !m.NameRegex.IsNull() {
		var err error
		if re, err = regexp.Compile(m.NameRegex.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
			return
		}
	}
	names := []string{}
	m.Actions = []mseActionModel{}
	for _, a := range mse.Catalog() {
		if !m.ReadOnly.IsNull() && a.ReadOnly != m.ReadOnly.ValueBool() ||
			!m.Scope.IsNull() && string(a.Scope) != m.Scope.ValueString() ||
			!m.Area.IsNull() && string(a.Area) != m.Area.ValueString() ||
			re != nil && !re.MatchString(a.Name) {
			continue
		}
		names = append(names, a.Name)
		m.Actions = append(m.Actions, mseActionModel{
			Name: types.StringValue(a.Name), Description: types.StringValue(a.Description),
			ReadOnly: types.BoolValue(a.ReadOnly), Scope: types.StringValue(string(a.Scope)), Area: types.StringValue(string(a.Area)),
			Source: types.StringValue(a.Source), InSDK: types.BoolValue(a.InSDK), Note: types.StringValue(a.Note),
		})
	}
	list, diags := types.ListValueFrom(ctx, types.StringType, names)
	resp.Diagnostics.Append(diags...)
	m.Names = list
	m.ID = types.StringValue(fmt.Sprintf("read_only=%s,scope=%s,area=%s,name_regex=%s",
		m.ReadOnly.String(), m.Scope.ValueString(), m.Area.ValueString(), m.NameRegex.ValueString()))
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}

// regexValidator checks that a string compiles as a Go regular expression,
// which the framework validators cannot (they match against a fixed one).
type regexValidator struct{}

func (regexValidator) Description(context.Context) string {
	return "must be a valid regular expression (Go RE2 syntax)"
}

func (v regexValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (regexValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			fmt.Sprintf("name_regex %q does not compile: %s. Use Go RE2 syntax, e.g. \"^mse:Get\" or \"(?i)nacosconfig\".", req.ConfigValue.ValueString(), err))
	}
}
