// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const membershipAddr = "mseram_group_membership.test"

// membershipConfig manages a group, two users and the membership of one of
// them (user, "alice" or "bob").
func membershipConfig(group, user string) string {
	return fmt.Sprintf(`
resource "mseram_group" "test" {
  name = %[1]q
}

resource "mseram_user" "alice" {
  name = "alice"
}

resource "mseram_user" "bob" {
  name = "bob"
}

resource "mseram_group_membership" "test" {
  group_name = mseram_group.test.name
  user_name  = mseram_user.%[2]s.name
}
`, group, user)
}

func TestAccGroupMembership_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoGroups, env.CheckNoUsers),
		Steps: []resource.TestStep{
			{
				Config: env.Config(membershipConfig("mse-developers", "alice")),
				Check:  env.GroupMembersExactly("mse-developers", "alice"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(membershipAddr, tfjsonpath.New("id"), knownvalue.StringExact("mse-developers:alice")),
				},
			},
			{
				// terraform import mseram_group_membership.test mse-developers:alice
				ResourceName:      membershipAddr,
				ImportState:       true,
				ImportStateId:     "mse-developers:alice",
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_group_membership.test, id = "mse-developers:alice" }
				ResourceName:    membershipAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   "mse-developers:alice",
			},
			{
				// Another user: the membership moves in place.
				Config: env.Config(membershipConfig("mse-developers", "bob")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.GroupMembersExactly("mse-developers", "bob"),
			},
			{
				// The group renamed in place: the membership follows in place.
				Config: env.Config(membershipConfig("mse-devs", "bob")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_group.test", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.GroupMembersExactly("mse-devs", "bob"),
					env.GroupAbsent("mse-developers"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(membershipAddr, tfjsonpath.New("id"), knownvalue.StringExact("mse-devs:bob")),
				},
			},
		},
	})
}

// Members added elsewhere are left alone, on create and on destroy.
func TestAccGroupMembership_othersUntouched(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateGroup(ctx, "shared", ""); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"carol", "dave"} {
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: u}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddUserToGroup(ctx, "shared", "carol"); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.GroupMembersExactly("shared", "carol"),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "shared"
  user_name  = "dave"
}
`),
			Check: env.GroupMembersExactly("shared", "carol", "dave"),
		}},
	})
}

func TestAccGroupMembership_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(membershipConfig("ops", "alice"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoGroups, env.CheckNoUsers),
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				// Removed behind Terraform's back: the plan adds it again.
				PreConfig: func() {
					if err := env.Client().RemoveUserFromGroup(context.Background(), "ops", "alice"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.GroupMembersExactly("ops", "alice"),
			},
		},
	})
}

// The membership's group or user deleted outside Terraform: it is removed
// from state, not reported as an error.
func TestAccGroupMembership_principalGone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	setup := func() {
		if _, err := c.CreateGroup(ctx, "g1", ""); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "u1"}); err != nil {
			t.Fatal(err)
		}
	}
	config := env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "g1"
  user_name  = "u1"
}
`)
	setup()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				// The group is gone (force-deleted by someone else).
				PreConfig: func() {
					if err := c.RemoveUserFromGroup(ctx, "g1", "u1"); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteGroup(ctx, "g1"); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              notInState(membershipAddr),
			},
			{
				// The user is gone.
				PreConfig: func() {
					if err := c.DeleteUser(ctx, "u1"); err != nil {
						t.Fatal(err)
					}
					setup()
				},
				Config: config,
				Check:  env.GroupMembersExactly("g1", "u1"),
			},
			{RefreshState: true},
			{
				PreConfig: func() {
					if err := c.RemoveUserFromGroup(ctx, "g1", "u1"); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteUser(ctx, "u1"); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              notInState(membershipAddr),
			},
		},
	})
}

func TestAccGroupMembership_alreadyMember(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateGroup(ctx, "existing", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "erin"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddUserToGroup(ctx, "existing", "erin"); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "existing"
  user_name  = "erin"
}
`),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.User\.Group.*already a member.*terraform import.*existing:erin`),
		}},
	})
	// Nothing was removed by the failed attempt.
	if err := env.GroupMembersExactly("existing", "erin")(&terraform.State{}); err != nil {
		t.Fatal(err)
	}
}

func TestAccGroupMembership_missingPrincipal(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "no-such-group"
  user_name  = "nobody"
}
`),
			ExpectError: regexp.MustCompile(`(?s)EntityNotExist.*Check that the user and the group exist`),
		}},
	})
}

func TestAccGroupMembership_validationAndImportID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := func(group, user string) string {
		return env.Config(fmt.Sprintf(`
resource "mseram_group_membership" "test" {
  group_name = %q
  user_name  = %q
}
`, group, user))
	}
	steps := []resource.TestStep{
		{Config: config("bad group", "alice"), PlanOnly: true, ExpectError: wrappedText(`Attribute group_name may contain only letters, digits`)},
		{Config: config("ok", "alice:x"), PlanOnly: true, ExpectError: wrappedText(`Attribute user_name may contain only letters, digits`)},
		{Config: config("", "alice"), PlanOnly: true, ExpectError: wrappedText(`Attribute group_name UTF-8 character count must be between 1 and 64`)},
	}
	for _, id := range []string{"no-colon", "a:b:c", ":alice", "group:", "bad group:alice"} {
		steps = append(steps, resource.TestStep{
			Config:        config("ok", "alice"),
			ResourceName:  membershipAddr,
			ImportState:   true,
			ImportStateId: id,
			ExpectError:   wrappedText(`Import mseram_group_membership as <group_name>:<user_name>`),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
}

// notInState checks that Terraform no longer tracks addr.
func notInState(addr string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		if _, ok := s.RootModule().Resources[addr]; ok {
			return fmt.Errorf("%s is still in state", addr)
		}
		return nil
	}
}
