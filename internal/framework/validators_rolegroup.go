// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// RoleName validates a RAM role name (no underscore, unlike users).
func RoleName() []validator.String { return name(ramrules.RoleName) }

// GroupName validates a RAM group name: the user-name rule.
func GroupName() []validator.String { return name(ramrules.GroupName) }

// GroupComments validates a group's comments: 1–128 characters, like a
// user's (an empty string never converges; omit the attribute instead).
func GroupComments() []validator.String { return Comments() }

// RoleDescription validates a role's description: 1–1024 characters.
func RoleDescription() []validator.String { return Description() }

// RoleTags validates the tags of a RAM role: RAM's TagResources rules, with
// values up to 256 characters (users, tagged through IMS, allow 128).
func RoleTags() []validator.Map { return RAMTags() }

// MaxSessionDuration validates a role's maximum session duration.
func MaxSessionDuration() []validator.Int64 {
	return []validator.Int64{int64validator.Between(ramrules.MinRoleSessionDuration, ramrules.MaxRoleSessionDuration)}
}
