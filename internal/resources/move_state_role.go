// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var _ resource.ResourceWithMoveState = (*roleResource)(nil)

// MoveState accepts alicloud_ram_role: `role_name` (or the deprecated
// `name`), `assume_role_policy_document` (or the deprecated `document`),
// `description`, `max_session_duration`, `tags`, `force` as
// `force_destroy`, and the computed `role_id` and `arn`. The deprecated
// `ram_users`, `services` and `version` only built the document, which the
// state also holds, so they are dropped. create_date is read by the next
// refresh.
func (r *roleResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_role", func(s *alicloudSource) map[string]any {
		name := s.requiredStr("role_name", "name", "id")
		duration := s.integer("max_session_duration")
		if duration == nil || *duration == 0 { // 0: unset in an old alicloud state
			d := int64(ramrules.DefaultRoleSessionDuration)
			duration = &d
		}
		var tags any
		if m := s.stringMap("tags"); m != nil {
			tags = m
		}
		return map[string]any{
			"id":                          name,
			"name":                        name,
			"assume_role_policy_document": s.document("assume_role_policy_document", "document"),
			"description":                 s.str("description"),
			"max_session_duration":        duration,
			"tags":                        tags,
			"force_destroy":               s.boolean("force"),
			"role_id":                     s.str("role_id"),
			"arn":                         s.str("arn"),
		}
	})}
}
