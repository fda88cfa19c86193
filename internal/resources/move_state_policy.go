// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithMoveState = (*policyResource)(nil)

// MoveState accepts alicloud_ram_policy: `policy_name` (or the deprecated
// `name`), `policy_document` (or the deprecated `document`), `description`,
// `tags`, and `force` as `force_destroy`. `rotate_strategy` is dropped:
// mseram_policy always removes the oldest non-default version when RAM's
// limit of five is reached. The deprecated inline `statement` form has no
// equivalent; its document is normally also in `document`, and a state
// holding statements but no document cannot be moved.
func (r *policyResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_policy", func(s *alicloudSource) map[string]any {
		if s.str("policy_document", "document") == nil {
			s.forbidden("statement", "holds inline statements but the state has no policy_document; run terraform apply with the "+
				"alicloud provider once so it records the document, or write policy_document in the configuration and import instead")
			if s.diags.HasError() {
				return nil
			}
		}
		name := s.requiredStr("policy_name", "name", "id")
		var tags any
		if m := s.stringMap("tags"); m != nil {
			tags = m
		}
		return map[string]any{
			"id":               name,
			"name":             name,
			"description":      s.str("description"),
			"policy_document":  s.document("policy_document", "document"),
			"tags":             tags,
			"force_destroy":    s.boolean("force"),
			"default_version":  s.str("default_version"),
			"attachment_count": s.integer("attachment_count"),
		}
	})}
}
