// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
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

const roleAddr = "mseram_role.test"

// ECS instances may assume the role; written with jsonencode, as most
// configurations do, so the text sent is the text read back.
const ecsTrustHCL = `jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = ["ecs.aliyuncs.com"] }
    }]
  })`

// The same trust policy as a hand-written heredoc: other whitespace, key
// order, a string for a one-element list, an element name in lower case.
const ecsTrustReformatted = `<<-EOT
    {
      "Statement": [
        {
          "Principal": {"Service": "ecs.aliyuncs.com"},
          "effect": "Allow",
          "Action": ["sts:AssumeRole"]
        }
      ],
      "Version": "1"
    }
  EOT`

const ecsTrust = `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`

// ACK and the account's root may assume it: a change of meaning.
const ackTrustHCL = `jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = ["cs.aliyuncs.com"], RAM = ["acs:ram::1234567890123456:root"] }
    }]
  })`

const ackTrust = `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["cs.aliyuncs.com"],"RAM":["acs:ram::1234567890123456:root"]}}]}`

func roleConfig(name, trust, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_role" "test" {
  name                        = %q
  assume_role_policy_document = %s
%s
}
`, name, trust, attrs)
}

func TestAccRole_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	attrs := `
  description          = "ECS instances running the MSE agent"
  max_session_duration = 7200
  tags = {
    team = "mse"
    env  = "dev"
  }
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoRoles,
		Steps: []resource.TestStep{
			{
				Config: env.Config(roleConfig("mse-agent", ecsTrustHCL, attrs)),
				Check: env.RoleMatches("mse-agent", acctest.RoleWant{
					Description: "ECS instances running the MSE agent", TrustPolicy: ecsTrust, MaxSessionDuration: 7200,
					Tags: map[string]string{"team": "mse", "env": "dev"},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("id"), knownvalue.StringExact("mse-agent")),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("role_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("arn"), knownvalue.StringExact("acs:ram::"+acctest.AccountID+":role/mse-agent")),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("create_date"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("max_session_duration"), knownvalue.Int64Exact(7200)),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("force_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"team": knownvalue.StringExact("mse"), "env": knownvalue.StringExact("dev"),
					})),
				},
			},
			{
				// An equivalent trust policy in another form plans nothing.
				Config:           env.Config(roleConfig("mse-agent", ecsTrustReformatted, attrs)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// terraform import mseram_role.test mse-agent
				ResourceName:      roleAddr,
				ImportState:       true,
				ImportStateId:     "mse-agent",
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_role.test, id = "mse-agent" }, with the
				// heredoc configuration: the imported compact text plans no change.
				ResourceName:    roleAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   "mse-agent",
			},
		},
	})
}

func TestAccRole_updateClearTagsReplace(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoRoles,
		Steps: []resource.TestStep{
			{
				Config: env.Config(roleConfig("worker", ecsTrustHCL, `
  description          = "first"
  max_session_duration = 7200
  tags = {
    team = "mse"
    env  = "dev"
  }
`)),
			},
			{
				// Every attribute changed in place; one tag changed, one removed, one added.
				Config: env.Config(roleConfig("worker", ackTrustHCL, `
  description          = "second"
  max_session_duration = 43200
  tags = {
    team  = "platform"
    owner = "sec"
  }
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.RoleMatches("worker", acctest.RoleWant{
					Description: "second", TrustPolicy: ackTrust, MaxSessionDuration: 43200,
					Tags: map[string]string{"team": "platform", "owner": "sec"},
				}),
			},
			{
				// Removing the optional attributes clears them; the session
				// duration returns to its default.
				Config: env.Config(roleConfig("worker", ackTrustHCL, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.RoleMatches("worker", acctest.RoleWant{TrustPolicy: ackTrust}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("tags"), knownvalue.Null()),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("max_session_duration"), knownvalue.Int64Exact(3600)),
				},
			},
			{
				// An empty tags map is kept as written and plans no change afterwards.
				Config: env.Config(roleConfig("worker", ackTrustHCL, "  tags = {}\n")),
				Check:  env.RoleMatches("worker", acctest.RoleWant{TrustPolicy: ackTrust}),
			},
			{
				// RAM cannot rename a role: a new name replaces it.
				Config: env.Config(roleConfig("worker-2", ackTrustHCL, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.RoleMatches("worker-2", acctest.RoleWant{TrustPolicy: ackTrust}),
					func(*terraform.State) error {
						if _, ok := env.Server.Role("worker"); ok {
							return fmt.Errorf("the old role is still in the emulator")
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccRole_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(roleConfig("ephemeral", ecsTrustHCL, `  description = "x"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoRoles,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// A refresh confirms the role; from then on not-found means deleted.
				RefreshState: true,
			},
			{
				PreConfig: func() {
					if err := env.Client().DeleteRole(context.Background(), "ephemeral"); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.RoleMatches("ephemeral", acctest.RoleWant{Description: "x", TrustPolicy: ecsTrust}),
			},
		},
	})
}

func TestAccRole_driftIsReverted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(roleConfig("drifty", ecsTrustHCL, `
  description = "managed"
  tags        = { team = "mse" }
`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoRoles,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					c := env.Client()
					ctx := context.Background()
					desc, trust, duration := "edited in the console", ackTrust, 10800
					if _, err := c.UpdateRole(ctx, alicloud.UpdateRoleInput{
						RoleName: "drifty", NewDescription: &desc, NewAssumeRolePolicyDocument: &trust, NewMaxSessionDuration: &duration,
					}); err != nil {
						return err
					}
					return c.TagResource(ctx, alicloud.RAMResourceRole, "drifty", map[string]string{"rogue": "yes"})
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.RoleMatches("drifty", acctest.RoleWant{
					Description: "managed", TrustPolicy: ecsTrust, Tags: map[string]string{"team": "mse"},
				}),
			},
		},
	})
}

func TestAccRole_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{RoleName: "taken", AssumeRolePolicyDocument: ecsTrust}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(roleConfig("taken", ecsTrustHCL, "")),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Role.*terraform import`),
		}},
	})
	if n := len(env.Server.Roles()); n != 1 {
		t.Fatalf("want only the pre-existing role, got %d", n)
	}
}

// A role with a policy attached outside Terraform: without force_destroy
// the deletion fails and says how to proceed; with it, the policy is
// detached and the role deleted.
func TestAccRole_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoRoles,
			env.AttachedExactly("role", "attached"),
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(roleConfig("attached", ecsTrustHCL, "")),
				Check: func(*terraform.State) error {
					return env.Client().AttachPolicy(ctx, alicloud.PrincipalRole, "attached", "AliyunMSEFullAccess", "System")
				},
			},
			{
				Config:      env.Config(roleConfig("attached", ecsTrustHCL, "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)DeleteConflict\.Role\.Policy.*force_destroy = true`),
			},
			{
				// The failed destroy left the role and its policy in place.
				Config: env.Config(roleConfig("attached", ecsTrustHCL, "  force_destroy = true\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.RoleMatches("attached", acctest.RoleWant{TrustPolicy: ecsTrust}),
					env.AttachedExactly("role", "attached", "System:AliyunMSEFullAccess"),
				),
			},
		},
	})
}

// Every RAM rule fails at plan time, naming the attribute or the problem in
// the trust policy, and creates nothing.
func TestAccRole_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	trust := func(statement string) string {
		return "jsonencode({ Version = \"1\", Statement = [" + statement + "] })"
	}
	cases := []struct{ name, trust, attrs, want string }{
		{"", ecsTrustHCL, "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{strings.Repeat("r", 65), ecsTrustHCL, "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{"no_underscores", ecsTrustHCL, "", `Attribute name may contain only letters, digits, periods (.) and hyphens (-)`},
		{"ok", ecsTrustHCL, `  description = ""`, `Attribute description UTF-8 character count must be between 1 and 1024`},
		{"ok", ecsTrustHCL, fmt.Sprintf("  description = %q", strings.Repeat("d", 1025)), `Attribute description UTF-8 character count must be between 1 and 1024`},
		{"ok", ecsTrustHCL, "  max_session_duration = 3599", `Attribute max_session_duration value must be between 3600 and 43200, got: 3599`},
		{"ok", ecsTrustHCL, "  max_session_duration = 43201", `Attribute max_session_duration value must be between 3600 and 43200, got: 43201`},
		{"ok", ecsTrustHCL, `  tags = { "aliyun-owner" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{"ok", ecsTrustHCL, `  tags = { "acs:owner" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{"ok", ecsTrustHCL, fmt.Sprintf("  tags = { %q = \"v\" }", strings.Repeat("k", 129)), `UTF-8 character count must be between 1 and 128`},
		{"ok", ecsTrustHCL, fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 257)), `UTF-8 character count must be at most 256`},
		{"ok", ecsTrustHCL, "  tags = {" + manyTags(21) + "}", `Attribute tags map must contain at most 20 elements`},
		// Trust policies: each problem is named.
		{"ok", `"{\"Version\":\"1\",\"Statement\":["`, "", `Invalid trust policy`},
		{"ok", trust(`{ Effect = "Allow", Action = "sts:AssumeRole" }`), "", `Principal: is required in a trust policy`},
		{"ok", trust(`{ Effect = "Allow", Action = "mse:*", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `a trust policy may only grant "sts:AssumeRole", got "mse:*"`},
		{"ok", trust(`{ Effect = "Allow", NotAction = "mse:*", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `NotAction: a trust policy grants "sts:AssumeRole" with Action, not NotAction`},
		{"ok", trust(`{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { User = ["alice"] } }`), "", `Principal: User: unknown element`},
		{"ok", trust(`{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { RAM = ["alice"] } }`), "", `"alice" is not a valid RAM principal`},
		{"ok", trust(`{ Effect = "Maybe", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `Effect: must be "Allow" or "Deny", got "Maybe"`},
		{"ok", `jsonencode({ Version = "2", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }] })`, "", `Version: must be "1", got "2"`},
	}
	steps := make([]resource.TestStep, 0, len(cases)+1)
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(roleConfig(c.name, c.trust, c.attrs)),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	// Role tag values may be up to 256 characters (user tags: 128).
	steps = append(steps, resource.TestStep{
		Config:             env.Config(roleConfig("ok", ecsTrustHCL, fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 256)))),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	})
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if n := len(env.Server.Roles()); n != 0 {
		t.Fatalf("validation failures must create nothing, emulator has %d roles", n)
	}
}

func TestAccRole_importInvalidID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(roleConfig("fine", ecsTrustHCL, "")),
			ResourceName:  roleAddr,
			ImportState:   true,
			ImportStateId: "not_a_role_name",
			ExpectError:   wrappedText(`Import mseram_role by the role's name`),
		}},
	})
}
