// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ resource.ResourceWithMoveState = (*loginProfileResource)(nil)

// MoveState accepts alicloud_ram_login_profile: `user_name`,
// `password_reset_required`, `mfa_bind_required`, and `password`, which
// the alicloud provider keeps in plain text in its state. Keeping `password`
// in the configuration gives an empty plan; replacing it with `password_wo`
// and `password_wo_version` sends the write-only password once and removes
// the old one from the state. create_date is read by the next refresh.
func (r *loginProfileResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_ram_login_profile", func(s *alicloudSource) map[string]any {
		user := s.requiredStr("user_name", "id")
		return map[string]any{
			"id":                      user,
			"user_name":               user,
			"password":                s.str("password"),
			"password_reset_required": s.boolean("password_reset_required"),
			"mfa_bind_required":       s.boolean("mfa_bind_required"),
		}
	})}
}
