// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"regexp"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// RAM's rules for roles and groups (the CreateRole and CreateGroup API references): role names
// have no underscore, group names follow the user-name rule.
var roleNamePattern = regexp.MustCompile(`^[A-Za-z0-9.-]+$`)

// Bounds of a role's MaxSessionDuration, in seconds.
const (
	MinRoleSessionDuration     = 3600
	MaxRoleSessionDuration     = 43200
	DefaultRoleSessionDuration = 3600
)

// IsRoleName reports whether s is a valid RAM role name, for IDs that do
// not pass through a schema validator (import).
func IsRoleName(s string) bool {
	return utf8.RuneCountInString(s) <= 64 && roleNamePattern.MatchString(s)
}

// IsGroupName reports whether s is a valid RAM group name.
func IsGroupName(s string) bool {
	return IsUserName(s) // same length and characters
}

// RoleName validates a RAM role name.
func RoleName() []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, 64),
		stringvalidator.RegexMatches(roleNamePattern, "may contain only letters, digits, periods (.) and hyphens (-)"),
	}
}

// GroupName validates a RAM group name.
func GroupName() []validator.String {
	return UserName() // 1–64, [A-Za-z0-9._-], the same message
}

// GroupComments validates a group's comments: 1–128 characters, like a
// user's (an empty string never converges; omit the attribute instead).
func GroupComments() []validator.String {
	return Comments()
}

// RoleDescription validates a role's description: 1–1024 characters.
func RoleDescription() []validator.String {
	return Description()
}

// RoleTags validates the tags of a RAM role: RAM's TagResources rules, with
// values up to 256 characters (users, tagged through IMS, allow 128).
func RoleTags() []validator.Map {
	return RAMTags()
}

// MaxSessionDuration validates a role's maximum session duration.
func MaxSessionDuration() []validator.Int64 {
	return []validator.Int64{int64validator.Between(MinRoleSessionDuration, MaxRoleSessionDuration)}
}
