// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithMoveState = (*policyAttachmentResource)(nil)

// MoveState accepts alicloud_ram_user_policy_attachment,
// alicloud_ram_group_policy_attachment or alicloud_ram_role_policy_attachment
// (whichever matches this resource's principal). Both providers use the id
// `<user|group|role>:<policy_name>:<policy_type>:<principal>`; when an
// argument is missing from the source state it is taken from that id.
func (r *policyAttachmentResource) MoveState(context.Context) []resource.StateMover {
	spec := r.spec
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_"+spec.prefix+"_policy_attachment", func(s *alicloudSource) map[string]any {
		var fromID []string
		if id := s.str("id"); id != nil {
			if parts := strings.Split(*id, ":"); len(parts) == 4 && parts[0] == spec.prefix {
				fromID = parts[1:]
			}
		}
		get := func(attr string, i int) *string {
			if v := s.str(attr); v != nil {
				return v
			}
			if fromID != nil {
				return &fromID[i]
			}
			return s.requiredStr(attr)
		}
		a := policyAttachment{}
		name, typ, principal := get("policy_name", 0), get("policy_type", 1), get(spec.attribute, 2)
		if name == nil || typ == nil || principal == nil {
			return nil
		}
		a.PolicyName, a.Principal = *name, *principal
		switch {
		case strings.EqualFold(*typ, "System"):
			a.PolicyType = "System"
		case strings.EqualFold(*typ, "Custom"):
			a.PolicyType = "Custom"
		default:
			s.fail("policy_type", "is "+*typ+"; mseram_"+spec.prefix+"_policy_attachment accepts System or Custom")
			return nil
		}
		return map[string]any{
			"id":           a.importID(spec),
			"policy_name":  a.PolicyName,
			"policy_type":  a.PolicyType,
			spec.attribute: a.Principal,
		}
	})}
}
