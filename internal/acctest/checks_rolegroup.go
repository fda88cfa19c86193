// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// RoleWant lists what a role must look like in the emulator. Every field is
// compared: an empty Description asserts that none is set. TrustPolicy is
// compared by meaning and skipped when empty; MaxSessionDuration 0 means
// the default, 3600.
type RoleWant struct {
	Description        string
	TrustPolicy        string
	MaxSessionDuration int
	Tags               map[string]string
}

// RoleMatches checks, in the emulator's store, that role name exists and
// satisfies want.
func (e *Env) RoleMatches(name string, want RoleWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		r, ok := e.Server.Role(name)
		if !ok {
			return fmt.Errorf("RAM role %q does not exist in the emulator", name)
		}
		if r.Description != want.Description {
			return fmt.Errorf("RAM role %q: description is %q in the emulator, want %q", name, r.Description, want.Description)
		}
		duration := want.MaxSessionDuration
		if duration == 0 {
			duration = 3600
		}
		if r.MaxSessionDuration != duration {
			return fmt.Errorf("RAM role %q: MaxSessionDuration is %d in the emulator, want %d", name, r.MaxSessionDuration, duration)
		}
		if want.TrustPolicy != "" {
			same, err := policy.Equivalent(r.AssumeRolePolicyDocument, want.TrustPolicy)
			if err != nil || !same {
				return fmt.Errorf("RAM role %q: trust policy is %s in the emulator, want one equivalent to %s (%v)",
					name, r.AssumeRolePolicyDocument, want.TrustPolicy, err)
			}
		}
		if !maps.Equal(r.Tags, want.Tags) { // nil and empty compare equal
			return fmt.Errorf("RAM role %q: tags are %v in the emulator, want %v", name, r.Tags, want.Tags)
		}
		return nil
	}
}

// CheckNoRoles is a CheckDestroy that fails when the emulator still holds
// any RAM role.
func (e *Env) CheckNoRoles(*terraform.State) error {
	if roles := e.Server.Roles(); len(roles) > 0 {
		names := make([]string, 0, len(roles))
		for _, r := range roles {
			names = append(names, r.RoleName)
		}
		return fmt.Errorf("RAM roles left in the emulator after destroy: %v", names)
	}
	return nil
}

// GroupMatches checks, in the emulator's store, that group name exists with
// these comments ("" asserts none).
func (e *Env) GroupMatches(name, comments string) func(*terraform.State) error {
	return func(*terraform.State) error {
		g, ok := e.Server.Group(name)
		if !ok {
			return fmt.Errorf("RAM group %q does not exist in the emulator", name)
		}
		if g.Comments != comments {
			return fmt.Errorf("RAM group %q: comments are %q in the emulator, want %q", name, g.Comments, comments)
		}
		return nil
	}
}

// GroupAbsent checks that the emulator has no group of that name.
func (e *Env) GroupAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if _, ok := e.Server.Group(name); ok {
			return fmt.Errorf("RAM group %q still exists in the emulator", name)
		}
		return nil
	}
}

// GroupMembersExactly checks the members of a group, by user name.
func (e *Env) GroupMembersExactly(group string, users ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got := e.Server.GroupMembers(group)
		want := slices.Sorted(slices.Values(users))
		if !slices.Equal(got, want) {
			return fmt.Errorf("RAM group %q has members %v in the emulator, want %v", group, got, want)
		}
		return nil
	}
}

// CheckNoGroups is a CheckDestroy that fails when the emulator still holds
// any RAM group.
func (e *Env) CheckNoGroups(*terraform.State) error {
	if groups := e.Server.Groups(); len(groups) > 0 {
		names := make([]string, 0, len(groups))
		for _, g := range groups {
			names = append(names, g.GroupName)
		}
		return fmt.Errorf("RAM groups left in the emulator after destroy: %v", names)
	}
	return nil
}
