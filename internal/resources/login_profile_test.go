// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

const loginProfileAddr = "mseram_login_profile.test"

// loginProfileConfig is a user with a login profile; attrs go into the
// login profile block.
func loginProfileConfig(user, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_user" "test" {
  name = %[1]q
}

resource "mseram_login_profile" "test" {
  user_name = mseram_user.test.name
%[2]s
}
`, user, attrs)
}

// traceLogs makes Terraform and the in-process provider log at TRACE into
// one file for the rest of the test, and returns its path. The testing
// framework takes these settings only from the environment, so a test that
// calls it cannot run in parallel.
func traceLogs(t *testing.T) string {
	t.Helper()
	logFile := filepath.Join(t.TempDir(), "terraform-trace.log")
	if p := os.Getenv("MSERAM_KEEP_TRACE"); p != "" { // keep the log for a look after the test
		logFile = p
	}
	t.Setenv("TF_LOG", "trace")          // provider under test (tflog sink)
	t.Setenv("TF_LOG_PATH", logFile)     // provider under test
	t.Setenv("TF_ACC_LOG", "trace")      // Terraform CLI run by the harness
	t.Setenv("TF_ACC_LOG_PATH", logFile) // Terraform CLI, and the provider sink
	return logFile
}

// logsLack fails the test when the log file lacks the markers (Terraform's
// version line and a line the provider logged, so the scan would prove
// nothing) or contains any secret.
func logsLack(t *testing.T, logFile string, markers []string, secrets ...string) {
	t.Helper()
	b, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatalf("read trace log: %v", err)
	}
	logs := string(b)
	// Proof that both Terraform and the provider logged into the file.
	for _, want := range append([]string{"Terraform version:"}, markers...) {
		if !strings.Contains(logs, want) {
			t.Fatalf("trace log (%d bytes) lacks %q: logs were not captured", len(logs), want)
		}
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(logs, s) {
			t.Errorf("a secret appears in Terraform's TRACE log %s", logFile)
		}
	}
}

// wo is a login profile body whose password comes from an ephemeral
// variable, as in real use: the harness logs the configuration text, so a
// literal password would be in the logs whatever the provider does.
func wo(attrs string) string {
	return attrs + "\n}\n\nvariable \"password\" {\n  type      = string\n  ephemeral = true\n"
}

func pw(password string) config.Variables {
	return config.Variables{"password": config.StringVariable(password)}
}

func TestAccLoginProfile_writeOnly(t *testing.T) {
	// Serial: traceLogs sets the process-wide TF_LOG variables the harness reads.
	const (
		first  = "Initial-Pass-1!"
		second = "Second-Pass-22!"
		third  = "Unsent-Pass-333"
	)
	logFile := traceLogs(t)
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(loginProfileConfig(env.Name("lp-alice"), wo(`
  password_wo         = var.password
  password_wo_version = 1
`))),
				ConfigVariables: pw(first),
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-alice"), false, false),
					env.PasswordIs(env.Name("lp-alice"), first),
					acctest.StateLacks(first),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Name("lp-alice"))),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("password_wo"), knownvalue.Null()),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("password"), knownvalue.Null()),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("password_wo_version"), knownvalue.Int64Exact(1)),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("password_reset_required"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("mfa_bind_required"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(loginProfileAddr, tfjsonpath.New("create_date"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
				},
			},
			{
				// Flags change in place; the password is not sent again.
				Config: env.Config(loginProfileConfig(env.Name("lp-alice"), wo(`
  password_wo             = var.password
  password_wo_version     = 1
  password_reset_required = true
  mfa_bind_required       = true
`))),
				ConfigVariables: pw(first),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-alice"), true, true),
					env.PasswordIs(env.Name("lp-alice"), first),
				),
			},
			{
				// A new password_wo_version sends the new password, in place.
				Config: env.Config(loginProfileConfig(env.Name("lp-alice"), wo(`
  password_wo             = var.password
  password_wo_version     = 2
  password_reset_required = true
  mfa_bind_required       = true
`))),
				ConfigVariables: pw(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-alice"), true, true),
					env.PasswordIs(env.Name("lp-alice"), second),
					acctest.StateLacks(second),
				),
			},
			{
				// Terraform cannot see a write-only value change: without a
				// new version nothing is planned and nothing is sent.
				Config: env.Config(loginProfileConfig(env.Name("lp-alice"), wo(`
  password_wo             = var.password
  password_wo_version     = 2
  password_reset_required = true
  mfa_bind_required       = true
`))),
				ConfigVariables: pw(third),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				Check: env.PasswordIs(env.Name("lp-alice"), second),
			},
			{
				// Flags changed in the console show up as drift.
				ConfigVariables: pw(second),
				PreConfig: func() {
					f := false
					if err := env.Client().UpdateLoginProfile(context.Background(), env.Name("lp-alice"), nil, &f, &f); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
			},
			{
				Config: env.Config(loginProfileConfig(env.Name("lp-alice"), wo(`
  password_wo             = var.password
  password_wo_version     = 2
  password_reset_required = true
  mfa_bind_required       = true
`))),
				ConfigVariables: pw(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-alice"), true, true),
					env.PasswordIs(env.Name("lp-alice"), second),
				),
			},
			{
				// terraform import mseram_login_profile.test lp-alice: the
				// password is not imported.
				ConfigVariables:                      pw(second),
				ResourceName:                         loginProfileAddr,
				ImportState:                          true,
				ImportStateId:                        env.Name("lp-alice"),
				ImportStateVerify:                    true,
				ImportStateVerifyIdentifierAttribute: "user_name",
				ImportStateVerifyIgnore:              []string{"password", "password_wo", "password_wo_version"},
			},
			{
				// import { to = mseram_login_profile.test, id = "<prefix>lp-alice" }:
				// the imported state has no password_wo_version, so the plan
				// sends the configured password once, as the docs say.
				ConfigVariables:    pw(second),
				ResourceName:       loginProfileAddr,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ImportStateId:      env.Name("lp-alice"),
				ExpectNonEmptyPlan: true,
			},
		},
	})
	logsLack(t, logFile, []string{"mseram: created RAM login profile", "mseram: updated RAM login profile"}, first, second, third)
}

// The sensitive password attribute, for Terraform older than 1.11.
func TestAccLoginProfile_legacyPassword(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(loginProfileConfig(env.Name("lp-bob"), `  password = "Legacy-Pass-1"`)),
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-bob"), false, false),
					env.PasswordIs(env.Name("lp-bob"), "Legacy-Pass-1"),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectSensitiveValue(loginProfileAddr, tfjsonpath.New("password")),
				},
			},
			{
				// A password change alone is applied, in place.
				Config: env.Config(loginProfileConfig(env.Name("lp-bob"), `  password = "Legacy-Pass-2"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.PasswordIs(env.Name("lp-bob"), "Legacy-Pass-2"),
			},
		},
	})
}

// Moving from password to password_wo sends the write-only password and
// drops the old one from the state.
func TestAccLoginProfile_legacyToWriteOnly(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(loginProfileConfig(env.Name("lp-bob"), `  password = "Legacy-Pass-2"`)),
				Check:  env.PasswordIs(env.Name("lp-bob"), "Legacy-Pass-2"),
			},
			{
				Config: env.Config(loginProfileConfig(env.Name("lp-bob"), `
  password_wo         = "WriteOnly-Pass-3"
  password_wo_version = 1
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.PasswordIs(env.Name("lp-bob"), "WriteOnly-Pass-3"),
					acctest.StateLacks("Legacy-Pass-2"),
					acctest.StateLacks("WriteOnly-Pass-3"),
				),
			},
		},
	})
}

func TestAccLoginProfile_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(loginProfileConfig(env.Name("lp-carol"), `  password = "Disappear-1"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				// Deleted in the console: the refresh drops it from state and
				// the plan creates it again.
				PreConfig: func() {
					if err := env.Client().DeleteLoginProfile(context.Background(), env.Name("lp-carol")); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(loginProfileAddr, plancheck.ResourceActionCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.LoginProfileMatches(env.Name("lp-carol"), false, false),
					env.PasswordIs(env.Name("lp-carol"), "Disappear-1"),
				),
			},
			{
				// A refresh confirms the new profile; from then on not-found
				// means deleted, not "not visible yet".
				RefreshState: true,
			},
			{
				PreConfig: func() {
					if err := env.Client().DeleteLoginProfile(context.Background(), env.Name("lp-carol")); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              env.LoginProfileAbsent(env.Name("lp-carol")),
			},
		},
	})
}

func TestAccLoginProfile_tooWeak(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				// Too short for the default policy (8 characters or more).
				Config:      env.Config(loginProfileConfig(env.Name("lp-dave"), `  password = "short"`)),
				ExpectError: regexp.MustCompile(`(?s)Password rejected by the account's password policy.*with mseram_login_profile\.test.*password.*InvalidParameter\.Password\.TooWeak`),
			},
			{
				// The same for password_wo, naming that attribute.
				Config:      env.Config(loginProfileConfig(env.Name("lp-dave"), "  password_wo = \"short\"\n  password_wo_version = 1\n")),
				ExpectError: regexp.MustCompile(`(?s)Password rejected.*password_wo.*lp-dave`),
			},
		},
	})
	if err := env.LoginProfileAbsent(env.Name("lp-dave"))(nil); err != nil {
		t.Fatalf("a rejected password must create no login profile: %v", err)
	}
}

func TestAccLoginProfile_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
resource "mseram_user" "test" {
  name = "` + env.Name("lp-erin") + `"
}
`),
				Check: func(*terraform.State) error {
					_, err := env.Client().CreateLoginProfile(context.Background(), env.Name("lp-erin"), "Console-Made-1", false, false)
					return err
				},
			},
			{
				Config:      env.Config(loginProfileConfig(env.Name("lp-erin"), `  password = "From-Terraform-1"`)),
				ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.User\.LoginProfile.*"` + env.Name("lp-erin") + `" already has a login\s+profile.*terraform import.*lp-erin`),
			},
			{
				// Clean up what Terraform does not manage, so destroy works.
				Config: env.Config(`
resource "mseram_user" "test" {
  name = "` + env.Name("lp-erin") + `"
}
`),
				PreConfig: func() {
					if err := env.Client().DeleteLoginProfile(context.Background(), env.Name("lp-erin")); err != nil {
						t.Fatal(err)
					}
				},
			},
		},
	})
}

// Exactly one of password and password_wo, and a valid user name, at plan
// time.
func TestAccLoginProfile_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct{ body, want string }{
		{`user_name = "lp-frank"`, `Exactly one of these attributes must be configured: [password,password_wo]`},
		{"user_name = \"lp-frank\"\n  password = \"Abcdefgh-1\"\n  password_wo = \"Abcdefgh-1\"",
			`Exactly one of these attributes must be configured: [password,password_wo]`},
		{"user_name = \"lp-frank\"\n  password = \"Abcdefgh-1\"\n  password_wo_version = 1",
			`Attribute "password_wo" must be specified when "password_wo_version" is specified`},
		{"user_name = \"bad name\"\n  password = \"Abcdefgh-1\"", `Attribute user_name may contain only letters, digits`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config("resource \"mseram_login_profile\" \"test\" {\n  " + c.body + "\n}\n"),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: env.Factories(),
		Steps:                    steps,
	})
	if users := env.UserNames(); len(users) != 0 {
		t.Fatalf("validation failures must create nothing, found users %v", users)
	}
}
