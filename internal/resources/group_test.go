// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const groupAddr = "mseram_group.test"

func groupConfig(name, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_group" "test" {
  name = %q
%s
}
`, name, attrs)
}

func TestAccGroup_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoGroups,
		Steps: []resource.TestStep{
			{
				Config: env.Config(groupConfig(env.Name("mse-developers"), `  comments = "MSE developers"`)),
				Check:  env.GroupMatches(env.Name("mse-developers"), "MSE developers"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("name"), knownvalue.StringExact(env.Name("mse-developers"))),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("group_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("create_date"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("force_destroy"), knownvalue.Bool(false)),
					statecheck.CompareValuePairs(groupAddr, tfjsonpath.New("id"), groupAddr, tfjsonpath.New("group_id"), compare.ValuesSame()),
				},
			},
			{
				// terraform import mseram_group.test <prefix>mse-developers
				ResourceName:      groupAddr,
				ImportState:       true,
				ImportStateId:     env.Name("mse-developers"),
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_group.test, id = "<prefix>mse-developers" }
				ResourceName:    groupAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.Name("mse-developers"),
			},
		},
	})
}

func TestAccGroup_updateClearRename(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	id := statecheck.CompareValue(compare.ValuesSame())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoGroups,
		Steps: []resource.TestStep{
			{
				Config:            env.Config(groupConfig(env.Name("ops"), `  comments = "first"`)),
				ConfigStateChecks: []statecheck.StateCheck{id.AddStateValue(groupAddr, tfjsonpath.New("id"))},
			},
			{
				Config: env.Config(groupConfig(env.Name("ops"), `  comments = "second"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.GroupMatches(env.Name("ops"), "second"),
			},
			{
				// Removing comments clears them in the cloud.
				Config: env.Config(groupConfig(env.Name("ops"), "")),
				Check:  env.GroupMatches(env.Name("ops"), ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(groupAddr, tfjsonpath.New("comments"), knownvalue.Null()),
				},
			},
			{
				// Rename in place, comments set in the same call: same group ID,
				// old name gone.
				Config: env.Config(groupConfig(env.Name("mse.ops_team"), `  comments = "renamed"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.GroupMatches(env.Name("mse.ops_team"), "renamed"),
					env.GroupAbsent(env.Name("ops")),
				),
				ConfigStateChecks: []statecheck.StateCheck{id.AddStateValue(groupAddr, tfjsonpath.New("id"))},
			},
		},
	})
}

func TestAccGroup_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(groupConfig(env.Name("vanishing"), `  comments = "x"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoGroups,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// A refresh confirms the group; from then on not-found means deleted.
				RefreshState: true,
			},
			{
				PreConfig: func() {
					if err := env.Client().DeleteGroup(context.Background(), env.Name("vanishing")); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.GroupMatches(env.Name("vanishing"), "x"),
			},
		},
	})
}

func TestAccGroup_driftIsReverted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(groupConfig(env.Name("steady"), `  comments = "managed"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoGroups,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					edited := "edited in the console"
					_, err := env.Client().UpdateGroup(context.Background(), env.Name("steady"), nil, &edited)
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.GroupMatches(env.Name("steady"), "managed"),
			},
		},
	})
}

func TestAccGroup_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	c := env.Client()
	ctx := context.Background()
	for _, name := range []string{env.Name("taken"), env.Name("also-taken")} {
		if _, err := c.CreateGroup(ctx, name, ""); err != nil {
			t.Fatal(err)
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(groupConfig(env.Name("taken"), "")),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Group.*terraform import`),
		}},
	})
	// A rename onto a taken name fails and says so.
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: env.Config(groupConfig(env.Name("free"), ""))},
			{
				Config:      env.Config(groupConfig(env.Name("also-taken"), "")),
				ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Group.*already named "` + regexp.QuoteMeta(env.Name("also-taken")) + `"`),
			},
		},
	})
	if groups := env.GroupNames(); len(groups) != 2 {
		t.Fatalf("want only the pre-existing groups, got %v", groups)
	}
}

// A group with a member and a policy, both added outside Terraform: without
// force_destroy the deletion fails and says how to proceed; with it, the
// member is removed, the policy detached and the group deleted. The user
// itself stays.
func TestAccGroup_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("member")}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoGroups,
			env.UserMatches(env.Name("member"), acctest.UserWant{}),
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(groupConfig(env.Name("crowded"), "")),
				Check: func(*terraform.State) error {
					if err := c.AddUserToGroup(ctx, env.Name("crowded"), env.Name("member")); err != nil {
						return err
					}
					return c.AttachPolicy(ctx, alicloud.PrincipalGroup, env.Name("crowded"), "AliyunMSEReadOnlyAccess", "System")
				},
			},
			{
				Config:      env.Config(groupConfig(env.Name("crowded"), "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)DeleteConflict\.Group\.(User|Policy).*force_destroy = true`),
			},
			{
				Config: env.Config(groupConfig(env.Name("crowded"), "  force_destroy = true\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(groupAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.GroupMembersExactly(env.Name("crowded"), env.Name("member")),
					env.AttachedExactly("group", env.Name("crowded"), "System:AliyunMSEReadOnlyAccess"),
				),
			},
		},
	})
	if groups, err := c.ListGroupsForUser(ctx, env.Name("member")); err != nil || len(groups) != 0 {
		t.Fatalf("the user should be in no group after force_destroy, got %v (%v)", groups, err)
	}
}

func TestAccGroup_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct{ name, attrs, want string }{
		{"", "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{strings.Repeat("g", 65), "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{"bad name", "", `Attribute name may contain only letters, digits`},
		{"bad/name", "", `Attribute name may contain only letters, digits`},
		{env.Name("ok"), `  comments = ""`, `Attribute comments UTF-8 character count must be between 1 and 128`},
		{env.Name("ok"), fmt.Sprintf("  comments = %q", strings.Repeat("c", 129)), `Attribute comments UTF-8 character count must be between 1 and 128`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(groupConfig(c.name, c.attrs)),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if groups := env.GroupNames(); len(groups) != 0 {
		t.Fatalf("validation failures must create nothing, found groups %v", groups)
	}
}

func TestAccGroup_importInvalidID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(groupConfig(env.Name("fine"), "")),
			ResourceName:  groupAddr,
			ImportState:   true,
			ImportStateId: "not a group",
			ExpectError:   wrappedText(`Import mseram_group by the group's name`),
		}},
	})
}
