// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

type statementModel struct {
	Sid        types.String     `tfsdk:"sid"`
	Effect     types.String     `tfsdk:"effect"`
	Actions    types.List       `tfsdk:"actions"`
	NotActions types.List       `tfsdk:"not_actions"`
	Resources  types.List       `tfsdk:"resources"`
	Conditions []conditionModel `tfsdk:"condition"`
	Principals []principalModel `tfsdk:"principals"`
}

type conditionModel struct {
	Operator types.String `tfsdk:"operator"`
	Key      types.String `tfsdk:"key"`
	Values   types.List   `tfsdk:"values"`
}

type principalModel struct {
	Type        types.String `tfsdk:"type"`
	Identifiers types.List   `tfsdk:"identifiers"`
}

// statementBlock is a raw statement. Its content is checked by the policy
// language's validator when the document renders (one diagnostic per
// problem, on the argument at fault); the schema only refuses null list
// entries, which that validator cannot see.
func statementBlock() schema.ListNestedBlock {
	stringList := func(description string) schema.ListAttribute {
		return schema.ListAttribute{
			MarkdownDescription: description,
			ElementType:         types.StringType,
			Optional:            true,
			Validators:          []validator.List{listvalidator.NoNullValues()},
		}
	}
	values := stringList("The values to compare with; several are ORed.")
	values.Optional, values.Required = false, true
	identifiers := stringList("The principals: for `RAM`, account IDs or ARNs such as `acs:ram::1234567890123456:root` or " +
		"`acs:ram::1234567890123456:role/ops`; for `Service`, service names such as `ecs.aliyuncs.com`; for `Federated`, " +
		"identity provider ARNs such as `acs:ram::1234567890123456:saml-provider/idp`.")
	identifiers.Optional, identifiers.Required = false, true
	return schema.ListNestedBlock{
		MarkdownDescription: "A statement taken as written, for what the typed blocks do not cover (other services, `Deny`, conditions, " +
			"trust statements with `principals`).",
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"sid": schema.StringAttribute{
					MarkdownDescription: "Statement ID; unique in the document. A `Sid` also decides what replaces what " +
						"when source and override documents are merged.",
					Optional: true,
				},
				"effect": schema.StringAttribute{
					MarkdownDescription: "`Allow` (default) or `Deny`.",
					Optional:            true,
				},
				"actions": stringList("Actions, as `<service>:<Action>` with `*` and `?` wildcards, e.g. `mse:GetNacosConfig`; " +
					"`sts:AssumeRole` in a trust statement. Exactly one of `actions` and `not_actions`."),
				"not_actions": stringList("Every action except these."),
				"resources": stringList("Resource ARNs or `*` (RAM has no `NotResource`); required unless the statement names `principals`. " +
					"Build MSE ARNs with the `mse_resource_arn` function."),
			},
			Blocks: map[string]schema.Block{
				"condition": schema.ListNestedBlock{
					MarkdownDescription: "A condition; several are ANDed, the values of one are ORed.",
					NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
						"operator": schema.StringAttribute{
							MarkdownDescription: "The operator, e.g. `StringEquals`, `IpAddress`, `DateLessThan`, `Bool`.",
							Required:            true,
						},
						"key": schema.StringAttribute{
							MarkdownDescription: "The condition key, e.g. `acs:SourceIp`, `acs:MFAPresent`, `ram:ServiceName`.",
							Required:            true,
						},
						"values": values,
					}},
				},
				"principals": schema.ListNestedBlock{
					MarkdownDescription: "Who may assume the role: a statement with principals makes the document a role's trust " +
						"policy (for `mseram_role.assume_role_policy_document`), whose statements allow `sts:AssumeRole` and name no " +
						"resources. A document cannot be both: permissions go in a separate document attached with `mseram_policy`.",
					NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
						"type": schema.StringAttribute{
							MarkdownDescription: "`RAM`, `Service` or `Federated`.",
							Required:            true,
						},
						"identifiers": identifiers,
					}},
				},
			},
		},
	}
}

// values lists the statement's inputs, for known().
func (s statementModel) values() []attr.Value {
	vals := []attr.Value{s.Sid, s.Effect, s.Actions, s.NotActions, s.Resources}
	for _, c := range s.Conditions {
		vals = append(vals, c.Operator, c.Key, c.Values)
	}
	for _, p := range s.Principals {
		vals = append(vals, p.Type, p.Identifiers)
	}
	return vals
}

// statement converts the block; Effect defaults to Allow. Several
// principals blocks of one type add up.
func (s statementModel) statement(c *converter, p path.Path) policy.Statement {
	st := policy.Statement{
		Sid:        s.Sid.ValueString(),
		Effect:     policy.EffectAllow,
		Actions:    c.strings(p.AtName("actions"), s.Actions, ""),
		NotActions: c.strings(p.AtName("not_actions"), s.NotActions, ""),
		Resources:  c.strings(p.AtName("resources"), s.Resources, ""),
	}
	if !s.Effect.IsNull() {
		st.Effect = s.Effect.ValueString()
	}
	for i, cond := range s.Conditions {
		st.Conditions = append(st.Conditions, policy.Condition{
			Operator: cond.Operator.ValueString(), Key: cond.Key.ValueString(),
			Values: c.strings(p.AtName("condition").AtListIndex(i).AtName("values"), cond.Values, ""),
		})
	}
	for i, pr := range s.Principals {
		if st.Principals == nil {
			st.Principals = map[string][]string{}
		}
		typ := pr.Type.ValueString()
		st.Principals[typ] = append(st.Principals[typ], c.strings(p.AtName("principals").AtListIndex(i).AtName("identifiers"), pr.Identifiers, "")...)
	}
	return st
}
