// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// NewUserPolicyAttachmentsExclusiveResource registers
// mseram_user_policy_attachments_exclusive.
func NewUserPolicyAttachmentsExclusiveResource() resource.Resource {
	return newExclusiveResource(policiesExclusive(alicloud.PrincipalUser, "user", "RAM user", "mse-ops", ramrules.UserName, framework.UserName()))
}

// NewGroupPolicyAttachmentsExclusiveResource registers
// mseram_group_policy_attachments_exclusive.
func NewGroupPolicyAttachmentsExclusiveResource() resource.Resource {
	return newExclusiveResource(policiesExclusive(alicloud.PrincipalGroup, "group", "RAM group", "mse-developers", ramrules.GroupName, framework.GroupName()))
}

// NewRolePolicyAttachmentsExclusiveResource registers
// mseram_role_policy_attachments_exclusive.
func NewRolePolicyAttachmentsExclusiveResource() resource.Resource {
	return newExclusiveResource(policiesExclusive(alicloud.PrincipalRole, "role", "RAM role", "KubernetesWorkerRole-abc123", ramrules.RoleName, framework.RoleName()))
}

// policyRef is one element of `policies`.
type policyRef struct {
	Name string `tfsdk:"policy_name"`
	Type string `tfsdk:"policy_type"`
}

var policyRefType = types.ObjectType{AttrTypes: map[string]attr.Type{"policy_name": types.StringType, "policy_type": types.StringType}}

// key is the policy's key in the exclusive set, "<Type>:<Name>"; the type
// has no colon, so cutting at the first one gives both back.
func (p policyRef) key() string { return p.Type + ":" + p.Name }

func policyFromKey(k string) policyRef {
	typ, name, _ := strings.Cut(k, ":")
	return policyRef{Name: name, Type: typ}
}

// canonicalPolicyType is "System" or "Custom" as the schema spells them,
// whatever the case RAM answers in (the attachment resources compare the
// type without case too); anything else is kept, and so shows as drift.
func canonicalPolicyType(t string) string {
	for _, c := range []string{"System", "Custom"} {
		if strings.EqualFold(t, c) {
			return c
		}
	}
	return t
}

func policiesExclusive(kind alicloud.PrincipalKind, prefix, noun, example string, rule ramrules.Name, check []validator.String) exclusiveSpec {
	return exclusiveSpec{
		typeSuffix: prefix + "_policy_attachments_exclusive",
		description: exclusiveWording{
			items: "policies", item: "policy", added: "attached", removes: "detaches", owner: noun, attribute: "policies",
			single: "mseram_" + prefix + "_policy_attachment", link: "an attachment", deleted: "a custom policy in the set",
		}.description() +
			// ListPoliciesForUser "can query only the policies that are attached to Alibaba Cloud accounts", not
			// those attached to resource groups:
			// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listpoliciesforuser
			fmt.Sprintf("\n\nOnly attachments at account scope are managed, the ones `ListPoliciesFor%s` returns: "+
				"a policy attached to the %s for one resource group (Resource Management's `AttachPolicy`) is neither shown nor detached.", kind, noun),
		owner:      prefix + "_name",
		ownerNoun:  noun,
		ownerRule:  rule,
		ownerCheck: check,
		elements:   "policies",
		elementsDoc: fmt.Sprintf("Every policy attached to the %s: `System` policies by Alibaba Cloud (e.g. `AliyunMSEReadOnlyAccess`) and "+
			"`Custom` ones of the account (e.g. a `mseram_policy`'s `name`). Required; `[]` detaches everything.", noun),
		elementsAttr: func(doc string) schema.Attribute {
			return schema.SetNestedAttribute{
				MarkdownDescription: doc,
				Required:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"policy_name": schema.StringAttribute{
						MarkdownDescription: "Name of the policy.",
						Required:            true,
						Validators:          framework.PolicyName(),
					},
					"policy_type": schema.StringAttribute{
						MarkdownDescription: "`System` for Alibaba Cloud's policies, `Custom` for the account's own.",
						Required:            true,
						Validators:          framework.PolicyType(),
					},
				}},
			}
		},
		keys: func(ctx context.Context, set types.Set) ([]string, diag.Diagnostics) {
			var refs []policyRef
			diags := set.ElementsAs(ctx, &refs, false)
			keys := make([]string, 0, len(refs))
			for _, p := range refs {
				keys = append(keys, p.key())
			}
			return keys, diags
		},
		toSet: func(ctx context.Context, keys []string) (types.Set, diag.Diagnostics) {
			refs := make([]policyRef, 0, len(keys))
			for _, k := range keys {
				refs = append(refs, policyFromKey(k))
			}
			return types.SetValueFrom(ctx, policyRefType, refs)
		},
		list: func(ctx context.Context, c *alicloud.Client, owner string) ([]string, error) {
			attached, err := c.ListPoliciesFor(ctx, kind, owner)
			if err != nil {
				return nil, err
			}
			keys := make([]string, 0, len(attached))
			for _, p := range attached {
				keys = append(keys, policyRef{Name: p.PolicyName, Type: canonicalPolicyType(p.PolicyType)}.key())
			}
			return keys, nil
		},
		add: func(ctx context.Context, c *alicloud.Client, owner, k string) error {
			p := policyFromKey(k)
			return c.AttachPolicy(ctx, kind, owner, p.Name, p.Type)
		},
		remove: func(ctx context.Context, c *alicloud.Client, owner, k string) error {
			p := policyFromKey(k)
			return c.DetachPolicy(ctx, kind, owner, p.Name, p.Type)
		},
		link: func(owner, k string) string {
			p := policyFromKey(k)
			return fmt.Sprintf("%s policy %q attached to %s %q", p.Type, p.Name, noun, owner)
		},
		addSummary: "Unable to attach RAM policy",
		addHint: fmt.Sprintf("Check that the %s and the policy exist and that the policy's type is right; if Terraform creates them, "+
			"reference their name attributes so that they are created first.", noun),
		removeSummary: "Unable to detach RAM policy",
		example:       example,
	}
}
