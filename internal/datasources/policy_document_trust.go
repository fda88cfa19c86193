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

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

// The typed trust blocks: the common ways an MSE setup trusts a role.

type trustedServiceModel struct {
	ServiceNames types.List   `tfsdk:"service_names"`
	Sid          types.String `tfsdk:"sid"`
}

type trustedAccountModel struct {
	AccountID  types.String `tfsdk:"account_id"`
	RequireMFA types.Bool   `tfsdk:"require_mfa"`
	Sid        types.String `tfsdk:"sid"`
}

type ackWorkerRoleModel struct {
	Sid types.String `tfsdk:"sid"`
}

func trustedServiceBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "Lets cloud services assume the role (a regular service role): `sts:AssumeRole` for " +
			"`Principal {\"Service\": [...]}`. Makes the document a trust policy.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"service_names": schema.ListAttribute{
				MarkdownDescription: "Services, e.g. `[\"ecs.aliyuncs.com\"]` (lower-case hosts under `aliyuncs.com`).",
				ElementType:         types.StringType,
				Required:            true,
				Validators:          []validator.List{listvalidator.NoNullValues()},
			},
			"sid": sidAttribute(),
		}},
	}
}

func trustedAccountBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "Lets the RAM users and roles of an account assume the role, when their own policies allow " +
			"`sts:AssumeRole` on it: `Principal {\"RAM\": [\"acs:ram::<account_id>:root\"]}`. Makes the document a trust policy.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"account_id": schema.StringAttribute{
				MarkdownDescription: "The trusted account's ID (digits), e.g. `1234567890123456`.",
				Required:            true,
			},
			"require_mfa": schema.BoolAttribute{
				MarkdownDescription: "Only callers signed in with multi-factor authentication may assume the role " +
					"(condition `Bool acs:MFAPresent = true`). Default `false`.",
				Optional: true,
			},
			"sid": sidAttribute(),
		}},
	}
}

func ackWorkerRoleBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "The trust policy of a custom worker RAM role for an ACK node pool, to which MSE Ingress Controller's " +
			"permissions are then attached: ACK requires such a role to trust Elastic Compute Service " +
			"(`Principal {\"Service\": [\"ecs.aliyuncs.com\"]}`), since the nodes take the role as ECS instances. The role's name " +
			"must not start with `KubernetesMasterRole-` or `KubernetesWorkerRole-`. Makes the document a trust policy.",
		NestedObject: schema.NestedBlockObject{Attributes: map[string]schema.Attribute{
			"sid": sidAttribute(),
		}},
	}
}

// trustValues lists the trust blocks' inputs, for known().
func (m policyDocumentModel) trustValues() []attr.Value {
	var vals []attr.Value
	for _, t := range m.TrustedServices {
		vals = append(vals, t.ServiceNames, t.Sid)
	}
	for _, t := range m.TrustedAccounts {
		vals = append(vals, t.AccountID, t.RequireMFA, t.Sid)
	}
	for _, t := range m.ACKWorkerRoles {
		vals = append(vals, t.Sid)
	}
	return vals
}

// trustRequest converts the trust blocks.
func (m policyDocumentModel) trustRequest(c *converter, r *mse.Request) {
	for i, t := range m.TrustedServices {
		p := path.Root("trusted_service").AtListIndex(i)
		r.TrustedServices = append(r.TrustedServices, mse.TrustedServiceGrant{
			ServiceNames: c.strings(p.AtName("service_names"), t.ServiceNames, "name a service such as ecs.aliyuncs.com, or remove the entry"),
			Sid:          t.Sid.ValueString(),
		})
	}
	for i, t := range m.TrustedAccounts {
		p := path.Root("trusted_account").AtListIndex(i)
		r.TrustedAccounts = append(r.TrustedAccounts, mse.TrustedAccountGrant{
			AccountID:  c.scope(p.AtName("account_id"), t.AccountID, "give the account ID; to trust several accounts, add a trusted_account block for each"),
			RequireMFA: boolOr(t.RequireMFA, false),
			Sid:        t.Sid.ValueString(),
		})
	}
	for _, t := range m.ACKWorkerRoles {
		r.ACKWorkerRoles = append(r.ACKWorkerRoles, mse.ACKWorkerRoleGrant{Sid: t.Sid.ValueString()})
	}
}
