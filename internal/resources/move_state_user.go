// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithMoveState = (*userResource)(nil)

// MoveState accepts alicloud_ram_user. Its id is the UserId (the user name
// before alicloud 1.44.0; the refresh replaces it either way); `mobile`
// becomes `mobile_phone` and `force` becomes `force_destroy`. user_id,
// create_date and tags are read by the next refresh.
func (r *userResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_user", func(s *alicloudSource) map[string]any {
		return map[string]any{
			"id":            s.str("id"),
			"name":          s.requiredStr("name"),
			"display_name":  s.str("display_name"),
			"mobile_phone":  s.str("mobile"),
			"email":         s.str("email"),
			"comments":      s.str("comments"),
			"force_destroy": s.boolean("force"),
		}
	})}
}
