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

const passwordPolicyAddr = "mseram_account_password_policy.this"

// accountSettingsRamsimOnly is why the tests that apply an account's
// password policy or security preference need the emulator.
const accountSettingsRamsimOnly = "the test changes account-wide settings (password policy, security preference) " +
	"and its destroy resets them to RAM's defaults: on a real account that would overwrite the account's own settings"

// ramDefaultPasswordPolicy is what IMS SetPasswordPolicy documents as the
// defaults; destroying the resource must leave exactly this.
var ramDefaultPasswordPolicy = alicloud.PasswordPolicy{MinimumPasswordLength: 8, InitialPasswordAge: 14}

func passwordPolicyConfig(attrs string) string {
	return fmt.Sprintf("\nresource \"mseram_account_password_policy\" \"this\" {\n%s\n}\n", attrs)
}

// passwordPolicyIs checks the account's policy, read with GetPasswordPolicy.
func passwordPolicyIs(env *acctest.Env, want alicloud.PasswordPolicy) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, err := env.Client().GetPasswordPolicy(context.Background())
		if err != nil {
			return err
		}
		if *got != want {
			return fmt.Errorf("the account's password policy is\n%+v\nwant\n%+v", *got, want)
		}
		return nil
	}
}

func TestAccAccountPasswordPolicy_basic(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, accountSettingsRamsimOnly)
	env := acctest.New(t)
	strict := alicloud.PasswordPolicy{MinimumPasswordLength: 14, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true,
		RequireNumbers: true, RequireSymbols: true, MinimumPasswordDifferentCharacter: 6, PasswordNotContainUserName: true,
		MaxPasswordAge: 90, HardExpire: true, PasswordReusePrevention: 5, MaxLoginAttemps: 5, InitialPasswordAge: 7,
		InterceptRiskPasswordOnApi: true}
	strictConfig := env.Config(passwordPolicyConfig(`
  minimum_password_length              = 14
  require_lowercase_characters         = true
  require_uppercase_characters         = true
  require_numbers                      = true
  require_symbols                      = true
  minimum_password_different_character = 6
  password_not_contain_user_name       = true
  max_password_age                     = 90
  hard_expiry                          = true
  password_reuse_prevention            = 5
  max_login_attempts                   = 5
  initial_password_age                 = 7
  intercept_risk_password_on_api       = true`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             passwordPolicyIs(env, ramDefaultPasswordPolicy),
		Steps: []resource.TestStep{
			{
				// Only two arguments: the others are set to RAM's defaults,
				// and the plan says so.
				Config: env.Config(passwordPolicyConfig("  minimum_password_length = 12\n  require_symbols = true")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(passwordPolicyAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(passwordPolicyAddr, tfjsonpath.New("initial_password_age"), knownvalue.Int64Exact(14)),
					plancheck.ExpectKnownValue(passwordPolicyAddr, tfjsonpath.New("max_login_attempts"), knownvalue.Int64Exact(0)),
				}},
				Check: passwordPolicyIs(env, alicloud.PasswordPolicy{MinimumPasswordLength: 12, RequireSymbols: true, InitialPasswordAge: 14}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(passwordPolicyAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.AccountID())),
					statecheck.ExpectKnownValue(passwordPolicyAddr, tfjsonpath.New("require_numbers"), knownvalue.Bool(false)),
				},
			},
			{
				ResourceName:      passwordPolicyAddr,
				ImportState:       true,
				ImportStateId:     env.AccountID(),
				ImportStateVerify: true,
			},
			{
				// Every argument changes in place.
				Config: strictConfig,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(passwordPolicyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: passwordPolicyIs(env, strict),
			},
			{
				// Changed in the console: the refresh sees it, the plan
				// puts the configuration back.
				PreConfig: func() {
					drifted := strict
					drifted.MinimumPasswordLength, drifted.RequireSymbols, drifted.MaxLoginAttemps = 8, false, 0
					if _, err := env.Client().SetPasswordPolicy(context.Background(), drifted); err != nil {
						t.Fatal(err)
					}
				},
				Config: strictConfig,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(passwordPolicyAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(passwordPolicyAddr, tfjsonpath.New("minimum_password_length"), knownvalue.Int64Exact(14)),
				}},
				Check: passwordPolicyIs(env, strict),
			},
			{
				// Removing the arguments plans RAM's defaults.
				Config: env.Config(passwordPolicyConfig("")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(passwordPolicyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: passwordPolicyIs(env, ramDefaultPasswordPolicy),
			},
		},
	})
}

// Import takes the account of the credentials only. Both imports fail
// before reading or writing the policy, so this runs on a real account too.
func TestAccAccountPasswordPolicy_importOtherAccount(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(passwordPolicyConfig(""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config:        config,
				ResourceName:  passwordPolicyAddr,
				ImportState:   true,
				ImportStateId: "9999888877776666",
				ExpectError:   regexp.MustCompile(`(?s)Import ID is another account.*"9999888877776666" is not the account.*` + env.AccountID()),
			},
			{
				Config:        config,
				ResourceName:  passwordPolicyAddr,
				ImportState:   true,
				ImportStateId: "password-policy",
				ExpectError:   regexp.MustCompile(`(?s)Invalid import ID.*account ID`),
			},
		},
	})
}

// The policy is enforced where passwords are set: a login profile whose
// password is shorter than the policy's minimum is refused at apply, with
// the error on the password, and accepted once the policy is relaxed.
func TestAccAccountPasswordPolicy_enforcedOnLoginProfile(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, accountSettingsRamsimOnly)
	env := acctest.New(t)
	user := env.Name("pp-grace")
	const password = "Fourteen-Ch4r" // 13 characters
	config := func(minimum int) string {
		return env.Config(fmt.Sprintf(`
resource "mseram_account_password_policy" "this" {
  minimum_password_length = %d
}

resource "mseram_user" "test" {
  name = %q
}

resource "mseram_login_profile" "test" {
  user_name  = mseram_user.test.name
  password   = %q
  depends_on = [mseram_account_password_policy.this]
}
`, minimum, user, password))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoUsers,
			passwordPolicyIs(env, ramDefaultPasswordPolicy),
		),
		Steps: []resource.TestStep{
			{
				Config:      config(16),
				ExpectError: regexp.MustCompile(`(?s)Password rejected by the account's password policy.*mseram_login_profile\.test.*InvalidParameter\.Password\.TooWeak`),
			},
			{
				PreConfig: func() {
					if _, ok := env.Server.LoginProfile(user); ok {
						t.Fatal("the refused password created a login profile")
					}
				},
				Config: config(12),
				Check: resource.ComposeTestCheckFunc(
					passwordPolicyIs(env, alicloud.PasswordPolicy{MinimumPasswordLength: 12, InitialPasswordAge: 14}),
					env.PasswordIs(user, password),
				),
			},
		},
	})
	if _, ok := env.Server.User(user); ok {
		t.Fatal("the user outlived the test's destroy")
	}
}
