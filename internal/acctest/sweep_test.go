// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const sweepTrust = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::` + AccountID + `:root"]}}]}`

const sweepDoc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:Get*","Resource":"*"}]}`

// What a failed run leaves (objects of the harness's form, with every
// dependant RAM refuses to delete them with) is swept; objects of other
// names, even close ones, are kept with their attachments.
func TestSweepAll(t *testing.T) {
	RamsimOnly(t, "sweeping deletes the objects of every test in the account, those of tests running at the same time included")
	env := New(t)
	ctx := context.Background()
	c := env.Client()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	user, group, role, pol := env.Name("user"), env.Name("group"), env.Name("role"), env.Name("policy")
	// Kept: no prefix, the prefix without the random part, another prefix.
	keptUser, keptGroup, keptRole, keptPol := "keep-me", NamePrefix+"group", "tfacc-SHOUTING-role", "keep-policy"

	for _, u := range []string{user, keptUser} {
		_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: u})
		must(err)
	}
	_, err := c.CreateAccessKey(ctx, user)
	must(err)
	_, err = c.CreateAccessKey(ctx, user)
	must(err)
	_, err = c.CreateLoginProfile(ctx, user, "Sweep-me-0123", false, false)
	must(err)
	for _, g := range []string{group, keptGroup} {
		_, err := c.CreateGroup(ctx, g, "")
		must(err)
	}
	must(c.AddUserToGroup(ctx, group, user))
	must(c.AddUserToGroup(ctx, keptGroup, user))
	must(c.AddUserToGroup(ctx, group, keptUser))
	for _, r := range []string{role, keptRole} {
		_, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: r, AssumeRolePolicyDocument: sweepTrust})
		must(err)
	}
	for _, p := range []string{pol, keptPol} {
		_, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: p, PolicyDocument: sweepDoc})
		must(err)
	}
	_, err = c.CreatePolicyVersion(ctx, pol, sweepDoc, true, "")
	must(err)
	// The swept policy is attached to kept principals too; the kept policy
	// to swept ones.
	for _, a := range []struct {
		kind alicloud.PrincipalKind
		who  string
	}{
		{alicloud.PrincipalUser, user}, {alicloud.PrincipalUser, keptUser},
		{alicloud.PrincipalGroup, group}, {alicloud.PrincipalGroup, keptGroup},
		{alicloud.PrincipalRole, role}, {alicloud.PrincipalRole, keptRole},
	} {
		must(c.AttachPolicy(ctx, a.kind, a.who, pol, "Custom"))
		must(c.AttachPolicy(ctx, a.kind, a.who, keptPol, "Custom"))
		must(c.AttachPolicy(ctx, a.kind, a.who, "AliyunMSEReadOnlyAccess", "System"))
	}

	var swept []string
	must(SweepAll(ctx, c, func(format string, args ...any) {
		t.Logf(format, args...)
		swept = append(swept, fmt.Sprint(args[len(args)-1]))
	}))
	slices.Sort(swept)
	if want := slices.Sorted(slices.Values([]string{user, group, role, pol})); !slices.Equal(swept, want) {
		t.Errorf("swept %v, want %v", swept, want)
	}

	if _, ok := env.Server.User(user); ok {
		t.Errorf("user %s survived the sweep", user)
	}
	if _, ok := env.Server.Group(group); ok {
		t.Errorf("group %s survived the sweep", group)
	}
	if _, ok := env.Server.Role(role); ok {
		t.Errorf("role %s survived the sweep", role)
	}
	if _, ok := env.Server.Policy(pol); ok {
		t.Errorf("policy %s survived the sweep", pol)
	}
	for _, chk := range []func() error{
		func() error { return env.UserMatches(keptUser, UserWant{})(nil) },
		func() error { return env.GroupMembersExactly(keptGroup)(nil) },
		func() error { return env.GroupMatches(keptGroup, "")(nil) },
		func() error { return env.RoleMatches(keptRole, RoleWant{})(nil) },
		func() error { return env.PolicyMatches(keptPol, PolicyWant{Document: sweepDoc})(nil) },
		func() error {
			return env.AttachedExactly("user", keptUser, "Custom:keep-policy", "System:AliyunMSEReadOnlyAccess")(nil)
		},
		func() error {
			return env.AttachedExactly("group", keptGroup, "Custom:keep-policy", "System:AliyunMSEReadOnlyAccess")(nil)
		},
		func() error {
			return env.AttachedExactly("role", keptRole, "Custom:keep-policy", "System:AliyunMSEReadOnlyAccess")(nil)
		},
	} {
		if err := chk(); err != nil {
			t.Error(err)
		}
	}

	// A second sweep finds nothing to do.
	must(SweepAll(ctx, c, func(format string, args ...any) { t.Errorf("second sweep: "+format, args...) }))
}
