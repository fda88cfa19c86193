// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

func TestRoundTripListings(t *testing.T) {
	sim, c := emulated(t)
	ctx := context.Background()
	// 1,001 users: one more than a page.
	ids := map[string]string{}
	repeat(t, 1001, func(i int) error {
		u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: fmt.Sprintf("u%04d", i)})
		if err == nil {
			ids[u.UserName] = u.UserID
		}
		return err
	})
	sim.ResetCounters()
	cctx, calls := alicloud.CountCalls(ctx)
	users, err := c.ListAllUsers(cctx)
	must(t, "ListAllUsers", err)
	if len(users) != 1001 || users[1000].UserName != "u1000" || calls.Calls() != 2 || sim.Counters().Actions["ListUsers"].OK != 2 {
		t.Errorf("%d users in %d calls (emulator: %d), want 1001 in 2", len(users), calls.Calls(), sim.Counters().Actions["ListUsers"].OK)
	}

	for i, tags := range []map[string]string{{"team": "mse", "env": "prod"}, {"team": "mse"}, {"env": "prod"}} {
		must(t, "TagUser", c.TagUser(ctx, ids[fmt.Sprintf("u%04d", i)], tags))
	}
	tagged, err := c.UserIDsTagged(ctx, map[string]string{"team": "mse", "env": "prod"})
	must(t, "UserIDsTagged", err)
	if want := map[string]bool{ids["u0000"]: true}; !maps.Equal(tagged, want) {
		t.Errorf("users tagged team=mse,env=prod: %v, want %v", tagged, want)
	}
	tagged, err = c.UserIDsTagged(ctx, map[string]string{"team": "mse"})
	must(t, "UserIDsTagged", err)
	if want := map[string]bool{ids["u0000"]: true, ids["u0001"]: true}; !maps.Equal(tagged, want) {
		t.Errorf("users tagged team=mse: %v, want %v", tagged, want)
	}

	for _, g := range []string{"ops", "dev"} {
		_, err := c.CreateGroup(ctx, g, "the "+g)
		must(t, "CreateGroup", err)
	}
	groups, err := c.ListGroups(ctx)
	must(t, "ListGroups", err)
	if len(groups) != 2 || groups[0].GroupName != "dev" || groups[0].Comments != "the dev" || groups[0].GroupID == "" {
		t.Errorf("groups %+v", groups)
	}

	for name, tags := range map[string]map[string]string{"r-mse": {"team": "mse"}, "r-other": {"team": "other"}, "r-none": nil} {
		_, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: name, AssumeRolePolicyDocument: trust, Tags: tags})
		must(t, "CreateRole", err)
	}
	roles, err := c.ListRolesTagged(ctx, map[string]string{"team": "mse"})
	must(t, "ListRolesTagged", err)
	if len(roles) != 1 || roles[0].RoleName != "r-mse" || roles[0].Arn == "" || roles[0].Tags == nil ||
		!maps.Equal(roles[0].Tags.Map(), map[string]string{"team": "mse"}) {
		t.Errorf("roles tagged team=mse: %+v", roles)
	}
	roles, err = c.ListRolesTagged(ctx, nil)
	must(t, "ListRolesTagged", err)
	if len(roles) != 3 {
		t.Errorf("%d roles, want 3", len(roles))
	}

	_, err = c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "p-mse", PolicyDocument: docV1, Tags: map[string]string{"team": "mse"}})
	must(t, "CreatePolicy", err)
	_, err = c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "p-none", PolicyDocument: docV1})
	must(t, "CreatePolicy", err)
	policies, err := c.ListPoliciesTagged(ctx, "", map[string]string{"team": "mse"})
	must(t, "ListPoliciesTagged", err)
	if len(policies) != 1 || policies[0].PolicyName != "p-mse" || policies[0].PolicyType != "Custom" {
		t.Errorf("policies tagged team=mse: %+v", policies)
	}
	sim.ResetCounters()
	policies, err = c.ListPoliciesTagged(ctx, "System", nil)
	must(t, "ListPoliciesTagged", err)
	if !slices.ContainsFunc(policies, func(p alicloud.Policy) bool { return p.PolicyName == "AliyunMSEFullAccess" }) ||
		slices.ContainsFunc(policies, func(p alicloud.Policy) bool { return p.PolicyType != "System" }) ||
		sim.Counters().Actions["ListPolicies"].OK != 1 {
		t.Errorf("%d system policies in %d calls", len(policies), sim.Counters().Actions["ListPolicies"].OK)
	}
}
