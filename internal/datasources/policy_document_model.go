// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

type policyDocumentModel struct {
	Console       types.Bool              `tfsdk:"console"`
	Sources       types.List              `tfsdk:"source_policy_documents"`
	Overrides     types.List              `tfsdk:"override_policy_documents"`
	NacosConfigs  []nacosConfigModel      `tfsdk:"nacos_config"`
	NacosServices []nacosServiceModel     `tfsdk:"nacos_service"`
	Instances     []instanceGrantModel    `tfsdk:"instance"`
	Gateways      []gatewayGrantModel     `tfsdk:"gateway"`
	SLRCreation   []slrCreationGrantModel `tfsdk:"service_linked_role_creation"`
	Statements    []statementModel        `tfsdk:"statement"`
	ID            types.String            `tfsdk:"id"`
	JSON          types.String            `tfsdk:"json"`
	MinifiedJSON  types.String            `tfsdk:"minified_json"`
	Actions       types.List              `tfsdk:"actions"`
	Warnings      types.List              `tfsdk:"warnings"`
}

type nacosConfigModel struct {
	InstanceID  types.String `tfsdk:"instance_id"`
	NamespaceID types.String `tfsdk:"namespace_id"`
	Group       types.String `tfsdk:"group"`
	DataID      types.String `tfsdk:"data_id"`
	Access      types.String `tfsdk:"access"`
}

type nacosServiceModel struct {
	InstanceID  types.String `tfsdk:"instance_id"`
	NamespaceID types.String `tfsdk:"namespace_id"`
	Group       types.String `tfsdk:"group"`
	Service     types.String `tfsdk:"service"`
	Access      types.String `tfsdk:"access"`
}

type instanceGrantModel struct {
	InstanceID types.String `tfsdk:"instance_id"`
	Access     types.String `tfsdk:"access"`
}

type gatewayGrantModel struct {
	GatewayID  types.String `tfsdk:"gateway_id"`
	Region     types.String `tfsdk:"region"`
	Companions types.Bool   `tfsdk:"companions"`
	Access     types.String `tfsdk:"access"`
}

type slrCreationGrantModel struct {
	ServiceNames types.List   `tfsdk:"service_names"`
	AccountID    types.String `tfsdk:"account_id"`
}

type statementModel struct {
	Sid        types.String     `tfsdk:"sid"`
	Effect     types.String     `tfsdk:"effect"`
	Actions    types.List       `tfsdk:"actions"`
	NotActions types.List       `tfsdk:"not_actions"`
	Resources  types.List       `tfsdk:"resources"`
	Conditions []conditionModel `tfsdk:"condition"`
}

type conditionModel struct {
	Operator types.String `tfsdk:"operator"`
	Key      types.String `tfsdk:"key"`
	Values   types.List   `tfsdk:"values"`
}

// known reports whether every input is known, so ValidateConfig can render.
func (m policyDocumentModel) known() bool {
	var vals []attr.Value
	vals = append(vals, m.Console, m.Sources, m.Overrides)
	for _, g := range m.NacosConfigs {
		vals = append(vals, g.InstanceID, g.NamespaceID, g.Group, g.DataID, g.Access)
	}
	for _, g := range m.NacosServices {
		vals = append(vals, g.InstanceID, g.NamespaceID, g.Group, g.Service, g.Access)
	}
	for _, g := range m.Instances {
		vals = append(vals, g.InstanceID, g.Access)
	}
	for _, g := range m.Gateways {
		vals = append(vals, g.GatewayID, g.Region, g.Companions, g.Access)
	}
	for _, g := range m.SLRCreation {
		vals = append(vals, g.ServiceNames, g.AccountID)
	}
	for _, s := range m.Statements {
		vals = append(vals, s.Sid, s.Effect, s.Actions, s.NotActions, s.Resources)
		for _, c := range s.Conditions {
			vals = append(vals, c.Operator, c.Key, c.Values)
		}
	}
	for _, v := range vals {
		if v.IsUnknown() {
			return false
		}
		if l, ok := v.(types.List); ok && !l.IsNull() {
			for _, e := range l.Elements() {
				if e.IsUnknown() {
					return false
				}
			}
		}
	}
	return true
}

// request converts the configuration into the renderer's input. Optional
// booleans default to true: data sources have no schema defaults.
func (m policyDocumentModel) request(ctx context.Context) (mse.Request, diag.Diagnostics) {
	var diags diag.Diagnostics
	strs := func(l types.List) []string {
		var out []string
		if !l.IsNull() {
			diags.Append(l.ElementsAs(ctx, &out, false)...)
		}
		return out
	}
	r := mse.Request{
		Console:   boolOr(m.Console, true),
		Sources:   compactAll(strs(m.Sources)),
		Overrides: compactAll(strs(m.Overrides)),
	}
	for _, g := range m.NacosConfigs {
		r.NacosConfigs = append(r.NacosConfigs, mse.NacosConfigGrant{
			InstanceID: g.InstanceID.ValueString(), NamespaceID: g.NamespaceID.ValueString(),
			Group: g.Group.ValueString(), DataID: g.DataID.ValueString(), Access: mse.Access(g.Access.ValueString()),
		})
	}
	for _, g := range m.NacosServices {
		r.NacosServices = append(r.NacosServices, mse.NacosServiceGrant{
			InstanceID: g.InstanceID.ValueString(), NamespaceID: g.NamespaceID.ValueString(),
			Group: g.Group.ValueString(), Service: g.Service.ValueString(), Access: mse.Access(g.Access.ValueString()),
		})
	}
	for _, g := range m.Instances {
		r.Instances = append(r.Instances, mse.InstanceGrant{InstanceID: g.InstanceID.ValueString(), Access: mse.Access(g.Access.ValueString())})
	}
	for _, g := range m.Gateways {
		r.Gateways = append(r.Gateways, mse.GatewayGrant{
			GatewayID: g.GatewayID.ValueString(), Region: g.Region.ValueString(),
			Access: mse.Access(g.Access.ValueString()), Companions: boolOr(g.Companions, true),
		})
	}
	for _, g := range m.SLRCreation {
		r.SLRCreation = append(r.SLRCreation, mse.SLRCreationGrant{ServiceNames: strs(g.ServiceNames), AccountID: g.AccountID.ValueString()})
	}
	for _, s := range m.Statements {
		st := policy.Statement{
			Sid:        s.Sid.ValueString(),
			Effect:     policy.EffectAllow,
			Actions:    strs(s.Actions),
			NotActions: strs(s.NotActions),
			Resources:  strs(s.Resources),
		}
		if !s.Effect.IsNull() {
			st.Effect = s.Effect.ValueString()
		}
		for _, c := range s.Conditions {
			st.Conditions = append(st.Conditions, policy.Condition{Operator: c.Operator.ValueString(), Key: c.Key.ValueString(), Values: strs(c.Values)})
		}
		r.Statements = append(r.Statements, st)
	}
	return r, diags
}

func boolOr(b types.Bool, def bool) bool {
	if b.IsNull() || b.IsUnknown() {
		return def
	}
	return b.ValueBool()
}

// compactAll strips insignificant whitespace from documents (heredocs are
// indented), as RAM counts the compact form.
func compactAll(docs []string) []string {
	for i, d := range docs {
		docs[i] = framework.CompactJSON(d)
	}
	return docs
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// renderErrorPrefix matches the "<block>[<index>].<argument>" or
// "<argument>[<index>]" that mse.Render puts before its messages.
var renderErrorPrefix = regexp.MustCompile(`^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?[\[:]`)

// addRenderError reports a renderer error on the attribute it names, so the
// CLI points at the offending line; other errors are reported on the
// whole data source.
func addRenderError(diags *diag.Diagnostics, err error) {
	const summary = "Cannot render the policy document"
	msg := err.Error()
	sub := renderErrorPrefix.FindStringSubmatch(msg)
	if sub == nil {
		diags.AddError(summary, msg)
		return
	}
	i, _ := strconv.Atoi(sub[2])
	p := path.Root(sub[1]).AtListIndex(i)
	if sub[3] != "" && !strings.HasPrefix(sub[1], "source_") && !strings.HasPrefix(sub[1], "override_") {
		p = p.AtName(sub[3])
	}
	diags.AddAttributeError(p, summary, msg)
}
