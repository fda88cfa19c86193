// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// sameKey checks that the key in the state is still id, the only key of
// user in the emulator.
func sameKey(env *acctest.Env, user string, id *string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		got := s.RootModule().Resources[accessKeyAddr].Primary.ID
		if keys := env.Server.AccessKeys(user); len(keys) != 1 || keys[0].AccessKeyID != got {
			return fmt.Errorf("RAM user %q has keys %v in the emulator, want only %s", user, keys, got)
		}
		if *id == "" {
			*id = got
		} else if got != *id {
			return fmt.Errorf("the key was replaced: %s, then %s", *id, got)
		}
		return nil
	}
}

// Renaming a user keeps its access key in place, with or without
// create_before_destroy: same key, same secret, listed under the new name,
// and no key left under any name.
func TestAccAccessKey_userRenamed(t *testing.T) {
	t.Parallel()
	for name, lifecycle := range map[string]string{"plain": "", "create_before_destroy": "  lifecycle {\n    create_before_destroy = true\n  }\n"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			env := acctest.New(t)
			var id string
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				CheckDestroy:             env.CheckNoUsers,
				Steps: []resource.TestStep{
					{
						Config: env.Config(accessKeyConfig("ak-before", lifecycle)),
						Check:  sameKey(env, "ak-before", &id),
					},
					{
						Config: env.Config(accessKeyConfig("ak-after", lifecycle)),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction("mseram_user.test", plancheck.ResourceActionUpdate),
							plancheck.ExpectResourceAction(accessKeyAddr, plancheck.ResourceActionUpdate),
						}},
						Check: resource.ComposeTestCheckFunc(
							sameKey(env, "ak-after", &id),
							env.UserAbsent("ak-before"),
							keyAuthenticates(env, "ak-after"),
							resource.TestCheckResourceAttr(accessKeyAddr, "user_name", "ak-after"),
						),
					},
					{
						Config:           env.Config(accessKeyConfig("ak-after", lifecycle)),
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
		})
	}
}

// keyOfConfig gives the key to user `owner` of two users that both stay.
func keyOfConfig(owner string) string {
	return fmt.Sprintf(`
resource "mseram_user" "a" {
  name = "ak-owner-a"
}

resource "mseram_user" "b" {
  name = "ak-owner-b"
}

resource "mseram_access_key" "test" {
  user_name = mseram_user.%s.name
}
`, owner)
}

// A key cannot move to another user: the apply fails, says how to replace
// it, and leaves the key where it was.
func TestAccAccessKey_moveToOtherUserRefused(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(keyOfConfig("a")),
				Check:  sameKey(env, "ak-owner-a", &id),
			},
			{
				Config:      env.Config(keyOfConfig("b")),
				ExpectError: regexp.MustCompile(`(?s)Unable to move access key.*cannot move an access key to another user.*-replace=`),
			},
			{
				// Nothing changed: the key is still a's, and the state says so.
				Config:           env.Config(keyOfConfig("a")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					sameKey(env, "ak-owner-a", &id),
					env.AccessKeyCount("ak-owner-b", 0),
					resource.TestCheckResourceAttr(accessKeyAddr, "user_name", "ak-owner-a"),
				),
			},
		},
	})
}
