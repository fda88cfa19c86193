// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"

// The account's types, from package ram: the quotas and password policy of
// Config, the service catalog's entries, and the read-only snapshots the
// Server's methods below return for tests.
type (
	Limits                = ram.Limits
	PasswordPolicy        = ram.PasswordPolicy
	ServiceLinkedRoleSpec = ram.ServiceLinkedRoleSpec
	User                  = ram.User
	Group                 = ram.Group
	Role                  = ram.Role
	Policy                = ram.Policy
	PolicyVersion         = ram.PolicyVersion
	AccessKey             = ram.AccessKey
	LoginProfile          = ram.LoginProfile
)

// DefaultLimits returns the real account quotas.
func DefaultLimits() Limits { return ram.DefaultLimits() }
