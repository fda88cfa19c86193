// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithMoveState = (*groupResource)(nil)

// MoveState accepts alicloud_ram_group: `group_name` (or the deprecated
// `name`), `comments`, and `force` as `force_destroy`. The alicloud id is the
// group name while mseram_group's is the GroupId, so id, group_id and
// create_date are left for the next refresh.
func (r *groupResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_group", func(s *alicloudSource) map[string]any {
		return map[string]any{
			"name":          s.requiredStr("group_name", "name", "id"),
			"comments":      s.str("comments"),
			"force_destroy": s.boolean("force"),
		}
	})}
}
