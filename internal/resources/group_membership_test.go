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

// membershipConfig manages a group, two users (env's alice and bob) and
// the membership of one of them (user, "alice" or "bob").
func membershipConfig(env *acctest.Env, group, user string) string {
	return fmt.Sprintf(`
resource "mseram_group" "test" {
  name = %[1]q
}

resource "mseram_user" "alice" {
  name = %[3]q
}

resource "mseram_user" "bob" {
  name = %[4]q
}

resource "mseram_group_membership" "test" {
  group_name = mseram_group.test.name
  user_name  = mseram_user.%[2]s.name
}
`, group, user, env.Name("alice"), env.Name("bob"))
}

func TestAccGroupMembership_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoGroups, env.CheckNoUsers),
		Steps: []resource.TestStep{
			{
				Config: env.Config(membershipConfig(env, env.Name("mse-developers"), "alice")),
				Check:  env.GroupMembersExactly(env.Name("mse-developers"), env.Name("alice")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(membershipAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Name("mse-developers")+":"+env.Name("alice"))),
				},
			},
			{
				// terraform import mseram_group_membership.test <prefix>mse-developers:<prefix>alice
				ResourceName:      membershipAddr,
				ImportState:       true,
				ImportStateId:     env.Name("mse-developers") + ":" + env.Name("alice"),
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_group_membership.test, id = "<prefix>mse-developers:<prefix>alice" }
				ResourceName:    membershipAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.Name("mse-developers") + ":" + env.Name("alice"),
			},
			{
				// Another user: the membership moves in place.
				Config: env.Config(membershipConfig(env, env.Name("mse-developers"), "bob")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.GroupMembersExactly(env.Name("mse-developers"), env.Name("bob")),
			},
			{
				// The group renamed in place: the membership follows in place.
				Config: env.Config(membershipConfig(env, env.Name("mse-devs"), "bob")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_group.test", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.GroupMembersExactly(env.Name("mse-devs"), env.Name("bob")),
					env.GroupAbsent(env.Name("mse-developers")),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(membershipAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Name("mse-devs")+":"+env.Name("bob"))),
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
	if _, err := c.CreateGroup(ctx, env.Name("shared"), ""); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{env.Name("carol"), env.Name("dave")} {
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: u}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.AddUserToGroup(ctx, env.Name("shared"), env.Name("carol")); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.GroupMembersExactly(env.Name("shared"), env.Name("carol")),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "` + env.Name("shared") + `"
  user_name  = "` + env.Name("dave") + `"
}
`),
			Check: env.GroupMembersExactly(env.Name("shared"), env.Name("carol"), env.Name("dave")),
		}},
	})
}

func TestAccGroupMembership_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(membershipConfig(env, env.Name("ops"), "alice"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoGroups, env.CheckNoUsers),
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				// Removed behind Terraform's back: the plan adds it again.
				PreConfig: func() {
					if err := env.Client().RemoveUserFromGroup(context.Background(), env.Name("ops"), env.Name("alice")); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(membershipAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.GroupMembersExactly(env.Name("ops"), env.Name("alice")),
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
		if _, err := c.CreateGroup(ctx, env.Name("g1"), ""); err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("u1")}); err != nil {
			t.Fatal(err)
		}
	}
	config := env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "` + env.Name("g1") + `"
  user_name  = "` + env.Name("u1") + `"
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
					if err := c.RemoveUserFromGroup(ctx, env.Name("g1"), env.Name("u1")); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteGroup(ctx, env.Name("g1")); err != nil {
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
					if err := c.DeleteUser(ctx, env.Name("u1")); err != nil {
						t.Fatal(err)
					}
					setup()
				},
				Config: config,
				Check:  env.GroupMembersExactly(env.Name("g1"), env.Name("u1")),
			},
			{RefreshState: true},
			{
				PreConfig: func() {
					if err := c.RemoveUserFromGroup(ctx, env.Name("g1"), env.Name("u1")); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteUser(ctx, env.Name("u1")); err != nil {
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
	if _, err := c.CreateGroup(ctx, env.Name("existing"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("erin")}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddUserToGroup(ctx, env.Name("existing"), env.Name("erin")); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_group_membership" "test" {
  group_name = "` + env.Name("existing") + `"
  user_name  = "` + env.Name("erin") + `"
}
`),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.User\.Group.*already a member.*terraform import.*` + regexp.QuoteMeta(env.Name("existing")+":"+env.Name("erin"))),
		}},
	})
	// Nothing was removed by the failed attempt.
	if err := env.GroupMembersExactly(env.Name("existing"), env.Name("erin"))(&terraform.State{}); err != nil {
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
  group_name = "` + env.Name("no-such-group") + `"
  user_name  = "` + env.Name("nobody") + `"
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
