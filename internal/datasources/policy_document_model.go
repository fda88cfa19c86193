// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

type policyDocumentModel struct {
	Console         types.Bool              `tfsdk:"console"`
	Sources         types.List              `tfsdk:"source_policy_documents"`
	Overrides       types.List              `tfsdk:"override_policy_documents"`
	NacosConfigs    []nacosConfigModel      `tfsdk:"nacos_config"`
	NacosServices   []nacosServiceModel     `tfsdk:"nacos_service"`
	Instances       []instanceGrantModel    `tfsdk:"instance"`
	Gateways        []gatewayGrantModel     `tfsdk:"gateway"`
	SLRCreation     []slrCreationGrantModel `tfsdk:"service_linked_role_creation"`
	TrustedServices []trustedServiceModel   `tfsdk:"trusted_service"`
	TrustedAccounts []trustedAccountModel   `tfsdk:"trusted_account"`
	ACKWorkerRoles  []ackWorkerRoleModel    `tfsdk:"ack_worker_role"`
	Statements      []statementModel        `tfsdk:"statement"`
	ID              types.String            `tfsdk:"id"`
	JSON            types.String            `tfsdk:"json"`
	MinifiedJSON    types.String            `tfsdk:"minified_json"`
	Actions         types.List              `tfsdk:"actions"`
	Warnings        types.List              `tfsdk:"warnings"`
	Kind            types.String            `tfsdk:"kind"`
	Grants          types.List              `tfsdk:"grants"`
}

type nacosConfigModel struct {
	InstanceID  types.String `tfsdk:"instance_id"`
	NamespaceID types.String `tfsdk:"namespace_id"`
	Group       types.String `tfsdk:"group"`
	DataID      types.String `tfsdk:"data_id"`
	Access      types.String `tfsdk:"access"`
	Sid         types.String `tfsdk:"sid"`
}

type nacosServiceModel struct {
	InstanceID  types.String `tfsdk:"instance_id"`
	NamespaceID types.String `tfsdk:"namespace_id"`
	Group       types.String `tfsdk:"group"`
	Service     types.String `tfsdk:"service"`
	Access      types.String `tfsdk:"access"`
	Sid         types.String `tfsdk:"sid"`
}

type instanceGrantModel struct {
	InstanceID types.String `tfsdk:"instance_id"`
	Access     types.String `tfsdk:"access"`
	Sid        types.String `tfsdk:"sid"`
}

type gatewayGrantModel struct {
	GatewayID  types.String `tfsdk:"gateway_id"`
	Region     types.String `tfsdk:"region"`
	Companions types.Bool   `tfsdk:"companions"`
	Access     types.String `tfsdk:"access"`
	Sid        types.String `tfsdk:"sid"`
}

type slrCreationGrantModel struct {
	ServiceNames        types.List   `tfsdk:"service_names"`
	AllowUnknownService types.Bool   `tfsdk:"allow_unknown_service"`
	AccountID           types.String `tfsdk:"account_id"`
	Sid                 types.String `tfsdk:"sid"`
}

// known reports whether every input is known, so ValidateConfig can render.
func (m policyDocumentModel) known() bool {
	vals := []attr.Value{m.Console, m.Sources, m.Overrides}
	for _, g := range m.NacosConfigs {
		vals = append(vals, g.InstanceID, g.NamespaceID, g.Group, g.DataID, g.Access, g.Sid)
	}
	for _, g := range m.NacosServices {
		vals = append(vals, g.InstanceID, g.NamespaceID, g.Group, g.Service, g.Access, g.Sid)
	}
	for _, g := range m.Instances {
		vals = append(vals, g.InstanceID, g.Access, g.Sid)
	}
	for _, g := range m.Gateways {
		vals = append(vals, g.GatewayID, g.Region, g.Companions, g.Access, g.Sid)
	}
	for _, g := range m.SLRCreation {
		vals = append(vals, g.ServiceNames, g.AllowUnknownService, g.AccountID, g.Sid)
	}
	vals = append(vals, m.trustValues()...)
	for _, s := range m.Statements {
		vals = append(vals, s.values()...)
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

// converter turns the configuration into the renderer's input, refusing
// empty scope arguments on the way: a variable that resolves to "" must
// never widen a grant, so only an omitted (null) argument does.
type converter struct {
	ctx   context.Context
	diags diag.Diagnostics
}

// scope returns an optional scope argument's value ("" when omitted or not
// yet known) and reports an empty or blank string as an error on the
// argument, saying how to widen on purpose.
func (c *converter) scope(p path.Path, v types.String, widen string) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	if strings.TrimSpace(v.ValueString()) == "" {
		c.diags.AddAttributeError(p, "Empty scope argument",
			fmt.Sprintf("%s is an empty string. An empty value never widens a grant: %s. "+
				"If the value comes from a variable, check that the variable is set.", p, widen))
	}
	return v.ValueString()
}

// strings reads a list of strings, refusing empty entries with fix.
func (c *converter) strings(p path.Path, l types.List, fix string) []string {
	if l.IsNull() || l.IsUnknown() {
		return nil
	}
	for _, e := range l.Elements() {
		if e.IsNull() || e.IsUnknown() {
			return nil // a null entry is the schema's to report, an unknown one defers the check
		}
	}
	var out []string
	c.diags.Append(l.ElementsAs(c.ctx, &out, false)...)
	if fix != "" {
		for i, s := range out {
			if strings.TrimSpace(s) == "" {
				c.diags.AddAttributeError(p.AtListIndex(i), "Empty list entry", fmt.Sprintf("%s is an empty string: %s.", p.AtListIndex(i), fix))
			}
		}
	}
	return out
}

// request converts the configuration into the renderer's input. Optional
// booleans default to true unless noted: data sources have no schema
// defaults.
func (m policyDocumentModel) request(ctx context.Context) (mse.Request, diag.Diagnostics) {
	c := &converter{ctx: ctx}
	r := mse.Request{
		Console:   boolOr(m.Console, true),
		Sources:   compactAll(c.strings(path.Root("source_policy_documents"), m.Sources, "remove the entry or give a policy document")),
		Overrides: compactAll(c.strings(path.Root("override_policy_documents"), m.Overrides, "remove the entry or give a policy document")),
	}
	nacosScope := func(block string, i int, instance, namespace, group, item types.String, itemName, what string) (string, string, string, string) {
		p := path.Root(block).AtListIndex(i)
		return c.scope(p.AtName("instance_id"), instance, "give the instance ID; to grant on every instance use an instance block with instance_id = \"*\""),
			c.scope(p.AtName("namespace_id"), namespace, "to grant on every namespace of the instance, omit namespace_id (or set it to null)"),
			c.scope(p.AtName("group"), group, "to grant on every group of the namespace, omit group (or set it to null)"),
			c.scope(p.AtName(itemName), item, "to grant on every "+what+" of the group, omit "+itemName+" (or set it to null)")
	}
	for i, g := range m.NacosConfigs {
		inst, ns, group, item := nacosScope("nacos_config", i, g.InstanceID, g.NamespaceID, g.Group, g.DataID, "data_id", "configuration")
		r.NacosConfigs = append(r.NacosConfigs, mse.NacosConfigGrant{InstanceID: inst, NamespaceID: ns, Group: group, DataID: item,
			Access: mse.Access(g.Access.ValueString()), Sid: g.Sid.ValueString()})
	}
	for i, g := range m.NacosServices {
		inst, ns, group, item := nacosScope("nacos_service", i, g.InstanceID, g.NamespaceID, g.Group, g.Service, "service", "service")
		r.NacosServices = append(r.NacosServices, mse.NacosServiceGrant{InstanceID: inst, NamespaceID: ns, Group: group, Service: item,
			Access: mse.Access(g.Access.ValueString()), Sid: g.Sid.ValueString()})
	}
	for i, g := range m.Instances {
		p := path.Root("instance").AtListIndex(i)
		r.Instances = append(r.Instances, mse.InstanceGrant{
			InstanceID: c.scope(p.AtName("instance_id"), g.InstanceID, "give the instance ID, or \"*\" to grant on every instance explicitly"),
			Access:     mse.Access(g.Access.ValueString()), Sid: g.Sid.ValueString(),
		})
	}
	for i, g := range m.Gateways {
		p := path.Root("gateway").AtListIndex(i)
		r.Gateways = append(r.Gateways, mse.GatewayGrant{
			GatewayID:  c.scope(p.AtName("gateway_id"), g.GatewayID, "give the gateway ID"),
			Region:     c.scope(p.AtName("region"), g.Region, "to grant in any region, omit region (or set it to null)"),
			Access:     mse.Access(g.Access.ValueString()),
			Companions: boolOr(g.Companions, true),
			Sid:        g.Sid.ValueString(),
		})
	}
	for i, g := range m.SLRCreation {
		p := path.Root("service_linked_role_creation").AtListIndex(i)
		r.SLRCreation = append(r.SLRCreation, mse.SLRCreationGrant{
			ServiceNames:        c.strings(p.AtName("service_names"), g.ServiceNames, "name a service such as mse.aliyuncs.com, or remove the entry"),
			AccountID:           c.scope(p.AtName("account_id"), g.AccountID, "to allow it in any account, omit account_id (or set it to null)"),
			AllowUnknownService: boolOr(g.AllowUnknownService, false),
			Sid:                 g.Sid.ValueString(),
		})
	}
	m.trustRequest(c, &r)
	for i, s := range m.Statements {
		r.Statements = append(r.Statements, s.statement(c, path.Root("statement").AtListIndex(i)))
	}
	return r, c.diags
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

var grantObjectType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"block":     types.StringType,
	"sid":       types.StringType,
	"access":    types.StringType,
	"actions":   types.ListType{ElemType: types.StringType},
	"resources": types.ListType{ElemType: types.StringType},
}}

// grantsValue is the grants attribute.
func grantsValue(ctx context.Context, grants []mse.GrantSummary) (types.List, diag.Diagnostics) {
	var diags diag.Diagnostics
	optional := func(s string) types.String {
		if s == "" {
			return types.StringNull()
		}
		return types.StringValue(s)
	}
	elems := make([]attr.Value, 0, len(grants))
	for _, g := range grants {
		actions, d1 := types.ListValueFrom(ctx, types.StringType, g.Actions)
		resources, d2 := types.ListValueFrom(ctx, types.StringType, g.Resources)
		diags.Append(d1...)
		diags.Append(d2...)
		obj, d3 := types.ObjectValue(grantObjectType.AttrTypes, map[string]attr.Value{
			"block": types.StringValue(g.Block), "sid": optional(g.Sid), "access": optional(string(g.Access)),
			"actions": actions, "resources": resources,
		})
		diags.Append(d3...)
		elems = append(elems, obj)
	}
	l, d := types.ListValue(grantObjectType, elems)
	diags.Append(d...)
	return l, diags
}

// blockRef matches the "<block>[<index>]" that starts a finding's place or
// a renderer error, and the ".<argument>" or "[<entry>]" after it.
var blockRef = regexp.MustCompile(`^([a-z_]+)\[(\d+)\](?:\.([a-z_]+))?(?:\[(\d+)\])?`)

// findingPath is the attribute a finding is reported on: the block the
// user wrote, or the whole data source.
func findingPath(f mse.Finding) path.Path {
	if sub := blockRef.FindStringSubmatch(f.Where); sub != nil {
		i, _ := strconv.Atoi(sub[2])
		return path.Root(sub[1]).AtListIndex(i)
	}
	if f.Where == "console" {
		return path.Root("console")
	}
	return path.Empty()
}

// addRenderError reports each renderer error on the attribute it names, so
// the CLI points at the offending line; other errors are reported on the
// whole data source.
func addRenderError(diags *diag.Diagnostics, err error) {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	for _, e := range list {
		addOneRenderError(diags, e)
	}
}

func addOneRenderError(diags *diag.Diagnostics, err error) {
	const summary = "Cannot render the policy document"
	msg := err.Error()
	sub := blockRef.FindStringSubmatch(msg)
	if sub == nil {
		diags.AddError(summary, msg)
		return
	}
	i, _ := strconv.Atoi(sub[2])
	p := path.Root(sub[1]).AtListIndex(i)
	if sub[3] != "" && !strings.HasPrefix(sub[1], "source_") && !strings.HasPrefix(sub[1], "override_") {
		p = p.AtName(sub[3])
		if sub[4] != "" {
			j, _ := strconv.Atoi(sub[4])
			p = p.AtListIndex(j)
		}
	}
	diags.AddAttributeError(p, summary, msg)
}
