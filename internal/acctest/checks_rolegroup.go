// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// RoleWant lists what a role must look like. Every field is compared: an
// empty Description asserts that none is set. TrustPolicy is compared by
// meaning and skipped when empty; MaxSessionDuration 0 means the default,
// 3600.
type RoleWant struct {
	Description        string
	TrustPolicy        string
	MaxSessionDuration int
	Tags               map[string]string
}

// RoleMatches checks, through the API, that role name exists and
// satisfies want.
func (e *Env) RoleMatches(name string, want RoleWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		c := e.Client()
		r, err := c.GetRole(ctx, name)
		if err != nil {
			return fmt.Errorf("RAM role %q in %s: %w", name, e.where(), err)
		}
		if r.Description != want.Description {
			return fmt.Errorf("RAM role %q: description is %q in %s, want %q", name, r.Description, e.where(), want.Description)
		}
		duration := int64(want.MaxSessionDuration)
		if duration == 0 {
			duration = 3600
		}
		if r.MaxSessionDuration != duration {
			return fmt.Errorf("RAM role %q: MaxSessionDuration is %d in %s, want %d", name, r.MaxSessionDuration, e.where(), duration)
		}
		if want.TrustPolicy != "" {
			same, err := policy.Equivalent(r.AssumeRolePolicyDocument, want.TrustPolicy)
			if err != nil || !same {
				return fmt.Errorf("RAM role %q: trust policy is %s in %s, want one equivalent to %s (%v)",
					name, r.AssumeRolePolicyDocument, e.where(), want.TrustPolicy, err)
			}
		}
		tags, err := c.ListResourceTags(ctx, alicloud.RAMResourceRole, name)
		if err != nil {
			return fmt.Errorf("tags of RAM role %q in %s: %w", name, e.where(), err)
		}
		if !maps.Equal(tags, want.Tags) { // nil and empty compare equal
			return fmt.Errorf("RAM role %q: tags are %v in %s, want %v", name, tags, e.where(), want.Tags)
		}
		return nil
	}
}

// RoleAbsent checks that there is no role of that name.
func (e *Env) RoleAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		_, err := e.Client().GetRole(ctx, name)
		return e.absent("RAM role", name, err)
	}
}

// CheckNoRoles is a CheckDestroy that fails when a RAM role of this test
// is left (on the emulator: any role).
func (e *Env) CheckNoRoles(*terraform.State) error {
	return e.noneLeft("RAM roles", listRoleNames)
}

// GroupMatches checks, through the API, that group name exists with these
// comments ("" asserts none).
func (e *Env) GroupMatches(name, comments string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		g, err := e.Client().GetGroup(ctx, name)
		if err != nil {
			return fmt.Errorf("RAM group %q in %s: %w", name, e.where(), err)
		}
		if g.Comments != comments {
			return fmt.Errorf("RAM group %q: comments are %q in %s, want %q", name, g.Comments, e.where(), comments)
		}
		return nil
	}
}

// GroupAbsent checks that there is no group of that name.
func (e *Env) GroupAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		_, err := e.Client().GetGroup(ctx, name)
		return e.absent("RAM group", name, err)
	}
}

// GroupMembersExactly checks the members of a group, by user name; a
// group that does not exist has none.
func (e *Env) GroupMembersExactly(group string, users ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		members, err := e.Client().ListUsersForGroup(ctx, group)
		if err != nil && !alicloud.IsNotFound(err) {
			return fmt.Errorf("members of RAM group %q in %s: %w", group, e.where(), err)
		}
		got := make([]string, 0, len(members))
		for _, u := range members {
			got = append(got, u.UserName)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(users))
		if !slices.Equal(got, want) {
			return fmt.Errorf("RAM group %q has members %v in %s, want %v", group, got, e.where(), want)
		}
		return nil
	}
}

// CheckNoGroups is a CheckDestroy that fails when a RAM group of this test
// is left (on the emulator: any group).
func (e *Env) CheckNoGroups(*terraform.State) error {
	return e.noneLeft("RAM groups", listGroupNames)
}
