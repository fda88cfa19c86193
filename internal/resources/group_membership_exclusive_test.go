// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const membershipExclusiveAddr = "mseram_group_membership_exclusive.test"

// membershipExclusiveConfig declares the members of the test's "big": its
// users member-000 to member-<n-1>, and any extra users named.
func membershipExclusiveConfig(env *acctest.Env, n int, extra ...string) string {
	return env.Config(fmt.Sprintf(`
resource "mseram_group_membership_exclusive" "test" {
  group_name = %q
  user_names = concat([for i in range(%d) : format("%%s%%03d", %q, i)], %s)
}
`, env.Name("big"), n, env.Name("member-"), hclList(extra)))
}

func hclList(xs []string) string {
	s := "["
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", x)
	}
	return s + "]"
}

// members is the test's users member-000 to member-<n-1>.
func members(env *acctest.Env, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = env.Name(fmt.Sprintf("member-%03d", i))
	}
	return out
}

// A group of 120 members is more than one page of ListUsersForGroup (100 by
// default): the second page is read (otherwise the plan after apply would
// not be empty, and the import would lack members), an out-of-band member
// on it is removed, and destroy removes nobody. The test needs nothing of
// the emulator, so it runs on a real account too: 123 objects, well within
// RAM's quotas. Which page a member lands on is RAM's order, which no
// document states (ramsim sorts by name); the assertions hold in any order.
func TestAccGroupMembershipExclusive_pagedAndDrift(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	c := env.Client()
	ctx := context.Background()
	big := env.Name("big")
	if _, err := c.CreateGroup(ctx, big, ""); err != nil {
		t.Fatal(err)
	}
	all := members(env, 120)
	zz, aa := env.Name("zz-intruder"), env.Name("aa-intruder")
	for _, u := range slices.Concat(all, []string{zz, aa}) {
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: u}); err != nil {
			t.Fatal(err)
		}
	}
	// 110 members are in before the resource exists, and a stranger sorted
	// after all of them, on the second page (of ramsim's order).
	for _, u := range slices.Concat(all[:110], []string{zz}) {
		if err := c.AddUserToGroup(ctx, big, u); err != nil {
			t.Fatal(err)
		}
	}
	add := func(user string) func() {
		return func() {
			if err := c.AddUserToGroup(ctx, big, user); err != nil {
				t.Fatal(err)
			}
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.GroupMembersExactly(big, all[0], all[119]),
		Steps: []resource.TestStep{
			{
				// The missing ten are added, the stranger on page two removed.
				Config: membershipExclusiveConfig(env, 120),
				Check: resource.ComposeTestCheckFunc(
					env.GroupMembersExactly(big, all...),
					resource.TestCheckResourceAttr(membershipExclusiveAddr, "user_names.#", "120"),
					resource.TestCheckTypeSetElemAttr(membershipExclusiveAddr, "user_names.*", all[119]),
				),
			},
			{RefreshState: true},
			{ResourceName: membershipExclusiveAddr, ImportState: true, ImportStateId: big, ImportStateVerify: true},
			{
				// Added behind Terraform's back, sorted onto the second page.
				PreConfig:          add(zz),
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipExclusiveAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(membershipExclusiveAddr, "user_names.#", "121"),
					resource.TestCheckTypeSetElemAttr(membershipExclusiveAddr, "user_names.*", zz),
				),
			},
			{
				PreConfig: add(aa),
				Config:    membershipExclusiveConfig(env, 120),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipExclusiveAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.GroupMembersExactly(big, all...),
			},
			{
				// Down to two: 118 removed, over both pages.
				Config: env.Config(fmt.Sprintf(`
resource "mseram_group_membership_exclusive" "test" {
  group_name = %q
  user_names = %s
}
`, big, hclList([]string{all[0], all[119]}))),
				Check: env.GroupMembersExactly(big, all[0], all[119]),
			},
		},
	})
}

// A mseram_group_membership and the exclusive set name the same member:
// both converge and a second plan is empty; the empty set removes everyone;
// the group deleted outside Terraform removes the set from state.
func TestAccGroupMembershipExclusive_withMembershipResource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	c := env.Client()
	ctx := context.Background()
	ops := env.Name("ops")
	if _, err := c.CreateGroup(ctx, ops, ""); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{env.Name("alice"), env.Name("bob")} {
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: u}); err != nil {
			t.Fatal(err)
		}
	}
	config := env.Config(env.Named(`
resource "mseram_group_membership" "of_alice" {
  group_name = "ops"
  user_name  = "alice"
}

resource "mseram_group_membership_exclusive" "test" {
  group_name = "ops"
  user_names = [mseram_group_membership.of_alice.user_name, "bob"]
}
`, "ops", "alice", "bob"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: config, Check: env.GroupMembersExactly(ops, env.Name("alice"), env.Name("bob"))},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				// The membership resource removed and the set emptied: both
				// remove alice, and whichever comes second finds her gone.
				Config: env.Config(env.Named(`
resource "mseram_group_membership_exclusive" "test" {
  group_name = "ops"
  user_names = []
}
`, "ops")),
				Check: env.GroupMembersExactly(ops),
			},
			{RefreshState: true},
			{
				PreConfig: func() {
					if err := c.DeleteGroup(ctx, ops); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipExclusiveAddr, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}
