// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
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

const securityPreferenceAddr = "mseram_account_security_preference.this"

func securityPreferenceConfig(attrs string) string {
	return fmt.Sprintf("\nresource \"mseram_account_security_preference\" \"this\" {\n%s\n}\n", attrs)
}

// preference builds a SecurityPreference as GetSecurityPreference answers
// it: RAM's documented defaults, changed by edit.
func preference(verificationTypes []string, edit func(*alicloud.SecurityPreference)) alicloud.SecurityPreference {
	var p alicloud.SecurityPreference
	lp := &p.LoginProfilePreference
	lp.AllowUserToChangePassword, lp.AllowUserToLoginWithPasskey, lp.LoginSessionDuration, lp.MFAOperationForLogin = true, true, 6, "independent"
	p.MFAPreference.AllowUserToManageMFADevices = true
	p.PersonalInfoPreference.AllowUserToManagePersonalDingTalk = true
	p.MaxIdleDays.MaxIdleDaysForAccessKeys, p.MaxIdleDays.MaxIdleDaysForUsers = 730, 730
	p.VerificationPreference.VerificationTypes = verificationTypes
	if edit != nil {
		edit(&p)
	}
	return p
}

// securityPreferenceIs checks the account's preference, read with
// GetSecurityPreference.
func securityPreferenceIs(env *acctest.Env, want alicloud.SecurityPreference) func(*terraform.State) error {
	return func(*terraform.State) error {
		got, err := env.Client().GetSecurityPreference(context.Background())
		if err != nil {
			return err
		}
		if !reflect.DeepEqual(*got, want) {
			return fmt.Errorf("the account's security preference is\n%+v\nwant\n%+v", *got, want)
		}
		return nil
	}
}

func TestAccAccountSecurityPreference_basic(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, accountSettingsRamsimOnly)
	env := acctest.New(t)
	locked := func(p *alicloud.SecurityPreference) {
		lp := &p.LoginProfilePreference
		lp.MFAOperationForLogin, lp.EnableSaveMFATicket, lp.AllowUserToChangePassword = "mandatory", true, false
		lp.AllowUserToLoginWithPasskey, lp.LoginSessionDuration = false, 12
		lp.LoginNetworkMasks = "10.0.0.0/8;192.168.0.0/16"
		p.AccessKeyPreference.AllowUserToManageAccessKeys = true
		p.MFAPreference.AllowUserToManageMFADevices = false
		p.PersonalInfoPreference.AllowUserToManagePersonalDingTalk = false
		p.MaxIdleDays.MaxIdleDaysForAccessKeys, p.MaxIdleDays.MaxIdleDaysForUsers = 90, 365
	}
	lockedConfig := env.Config(securityPreferenceConfig(`
  mfa_operation_for_login                 = "mandatory"
  enable_save_mfa_ticket                  = true
  verification_types                      = ["sms", "email"]
  allow_user_to_change_password           = false
  allow_user_to_manage_access_keys        = true
  allow_user_to_manage_mfa_devices        = false
  allow_user_to_manage_personal_ding_talk = false
  allow_user_to_login_with_passkey        = false
  login_session_duration                  = 12
  login_network_masks                     = ["192.168.0.0/16", "10.0.0.0/8"]
  max_idle_days_for_access_keys           = 90
  max_idle_days_for_users                 = 365`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// Destroying restores the documented defaults; the MFA methods,
		// which have none, stay as they were.
		CheckDestroy: securityPreferenceIs(env, preference([]string{"email"}, nil)),
		Steps: []resource.TestStep{
			{
				Config: lockedConfig,
				Check:  securityPreferenceIs(env, preference([]string{"email", "sms"}, locked)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.AccountID())),
					statecheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("login_network_masks"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("10.0.0.0/8"), knownvalue.StringExact("192.168.0.0/16")})),
				},
			},
			{
				ResourceName:      securityPreferenceAddr,
				ImportState:       true,
				ImportStateId:     env.AccountID(),
				ImportStateVerify: true,
			},
			{
				// Changed in the console: the refresh sees it, the plan
				// puts the configuration back.
				PreConfig: func() {
					in := alicloud.SecurityPreferenceInput{AllowUserToManageAccessKeys: true, LoginSessionDuration: 12,
						MaxIdleDaysForAccessKeys: 90, MaxIdleDaysForUsers: 365, MFAOperationForLogin: "independent",
						LoginNetworkMasks: "0.0.0.0/0"}
					if _, err := env.Client().SetSecurityPreference(context.Background(), in); err != nil {
						t.Fatal(err)
					}
				},
				Config: lockedConfig,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(securityPreferenceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("mfa_operation_for_login"), knownvalue.StringExact("mandatory")),
				}},
				Check: securityPreferenceIs(env, preference([]string{"email", "sms"}, locked)),
			},
			{
				// Without the masks, logons are allowed from anywhere again;
				// the arguments left out return to RAM's defaults; the MFA
				// methods are set to one.
				Config: env.Config(securityPreferenceConfig(`  verification_types = ["email"]`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(securityPreferenceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("login_network_masks"), knownvalue.Null()),
					plancheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("login_session_duration"), knownvalue.Int64Exact(6)),
				}},
				Check: securityPreferenceIs(env, preference([]string{"email"}, nil)),
			},
		},
	})
}

// verification_types left out keeps the account's MFA methods, and so
// does destroying the resource.
func TestAccAccountSecurityPreference_verificationTypesUnmanaged(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, accountSettingsRamsimOnly)
	env := acctest.New(t)
	keepSMS := func(p *alicloud.SecurityPreference) { p.LoginProfilePreference.MFAOperationForLogin = "adaptive" }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             securityPreferenceIs(env, preference([]string{"sms"}, nil)),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					in := alicloud.SecurityPreferenceInput{AllowUserToChangePassword: true, LoginSessionDuration: 6,
						MaxIdleDaysForAccessKeys: 730, MaxIdleDaysForUsers: 730, MFAOperationForLogin: "independent",
						VerificationTypes: []string{"sms"}}
					if _, err := env.Client().SetSecurityPreference(context.Background(), in); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(securityPreferenceConfig(`  mfa_operation_for_login = "adaptive"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(securityPreferenceAddr, tfjsonpath.New("verification_types")),
				}},
				Check: securityPreferenceIs(env, preference([]string{"sms"}, keepSMS)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(securityPreferenceAddr, tfjsonpath.New("verification_types"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("sms")})),
				},
			},
		},
	})
}

func TestAccBadInput_accountSettings(t *testing.T) {
	t.Parallel()
	pp := func(attrs ...string) string { return block("mseram_account_password_policy", "p", attrs...) }
	sp := func(name string, attrs ...string) string {
		return block("mseram_account_security_preference", name, attrs...)
	}
	// masks is n distinct masks as an HCL list; long ones are IPv6
	// addresses of 39 characters.
	masks := func(n int, long bool) string {
		list := make([]string, n)
		for i := range list {
			list[i] = fmt.Sprintf("%q", fmt.Sprintf("10.%d.0.0/16", i))
			if long {
				list[i] = fmt.Sprintf("%q", fmt.Sprintf("2001:0db8:0000:0000:0000:0000:0000:%04x", i))
			}
		}
		return "[" + strings.Join(list, ", ") + "]"
	}
	cases := []badInput{
		{"password policy ranges", pp("minimum_password_length", "7", "max_password_age", "1096", "password_reuse_prevention", "25",
			"max_login_attempts", "33"),
			[]string{"minimum_password_length value must be between 8 and 32, got: 7", "max_password_age value must be between 0 and 1095, got: 1096",
				"password_reuse_prevention value must be between 0 and 24, got: 25", "max_login_attempts value must be between 0 and 32, got: 33"}},
		{"password policy ranges, continued", pp("minimum_password_length", "33", "minimum_password_different_character", "9",
			"initial_password_age", "91"),
			[]string{"minimum_password_length value must be between 8 and 32, got: 33",
				"minimum_password_different_character value must be between 0 and 8, got: 9", "initial_password_age value must be between 0 and 90, got: 91"}},
		{"security preference values", sp("a", "login_session_duration", "25", "max_idle_days_for_users", "100",
			"mfa_operation_for_login", `"always"`, "verification_types", `["voice"]`),
			[]string{"login_session_duration value must be between 1 and 24, got: 25", "max_idle_days_for_users value must be one of",
				`mfa_operation_for_login value must be one of: ["mandatory" "independent" "adaptive"], got: "always"`,
				`value must be one of: ["sms" "email"], got: "voice"`}},
		{"login network masks", sp("a", "login_network_masks", "[]") + sp("b", "login_network_masks", `["office", "10.0.0.0/33"]`) +
			sp("c", "login_network_masks", masks(41, false)),
			[]string{"login_network_masks set must contain at least 1 elements and at most 40 elements, got: 0",
				`"office" is neither an IP address`, `"10.0.0.0/33" is neither`,
				"login_network_masks set must contain at least 1 elements and at most 40 elements, got: 41"}},
		// 13 masks of 39 characters are 519 joined with ";".
		{"login network masks too long", sp("a", "login_network_masks", masks(13, true)),
			[]string{"Joined with \";\", as RAM takes them, these values are 519 characters; RAM allows at most 512"}},
	}
	accepted := []string{
		pp("minimum_password_length", "32", "max_password_age", "1095", "password_reuse_prevention", "24", "max_login_attempts", "32",
			"minimum_password_different_character", "8", "initial_password_age", "0") +
			block("mseram_account_security_preference", "s", "login_session_duration", "1", "max_idle_days_for_access_keys", "90",
				"verification_types", "[]", "login_network_masks", masks(40, false)) +
			block("mseram_account_security_preference", "t", "login_network_masks", masks(12, true)),
	}
	runBadInput(t, cases, accepted)
}
