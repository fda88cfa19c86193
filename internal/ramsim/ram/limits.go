// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

// PasswordPolicy is the password policy an account starts with, before
// IMS SetPasswordPolicy sets the whole policy (account_settings.go). Its
// zero value is RAM's default (IMS SetPasswordPolicy:
// MinimumPasswordLength 8, no character class required).
type PasswordPolicy struct {
	MinimumPasswordLength      int // 8-32; 0 means 8
	RequireLowercaseCharacters bool
	RequireUppercaseCharacters bool
	RequireNumbers             bool
	RequireSymbols             bool
	PasswordNotContainUserName bool
}

// Limits are the RAM quotas the emulator enforces. The defaults are the
// documented quotas (https://www.alibabacloud.com/help/en/ram/product-overview/limits);
// tests lower them to reach a limit cheaply. Later resources add their own.
type Limits struct {
	Users           int // RAM users per account (LimitExceeded.User)
	TagsPerUser     int // tags on one RAM user (IMS TagResources)
	Groups          int // user groups per account (LimitExceeded.Group)
	GroupsPerUser   int // groups one user may join (LimitExceeded.User.Group)
	Roles           int // RAM roles per account (LimitExceeded.Role)
	Policies        int // custom policies per account (LimitExceeded.Policy)
	PolicyVersions  int // versions of one custom policy (LimitExceeded.Policy.Version)
	TagsPerResource int // tags on one RAM role or custom policy (RAM TagResources)
	// SystemPoliciesPerPrincipal and CustomPoliciesPerPrincipal bound the
	// policies attached to one user, group or role
	// (LimitExceeded.{User,Group,Role}.Policy); the quota is the same for
	// the three kinds.
	SystemPoliciesPerPrincipal int
	CustomPoliciesPerPrincipal int
	AccessKeysPerUser          int // AccessKey pairs of one user (LimitExceeded.User.AccessKey)
}

// DefaultLimits returns the real account quotas.
func DefaultLimits() Limits {
	return Limits{
		Users: 5000, TagsPerUser: 20, Groups: 300, GroupsPerUser: 10, Roles: 1000,
		Policies: 1500, PolicyVersions: 5, TagsPerResource: 20,
		SystemPoliciesPerPrincipal: 20, CustomPoliciesPerPrincipal: 10, AccessKeysPerUser: 2,
	}
}
