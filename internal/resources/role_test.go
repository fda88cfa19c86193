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
func ackTrustHCL(env *acctest.Env) string {
	return strings.ReplaceAll(ackTrustHCLIn, "ACCOUNT_ID", env.AccountID())
}

func ackTrust(env *acctest.Env) string {
	return strings.ReplaceAll(ackTrustIn, "ACCOUNT_ID", env.AccountID())
}

const ackTrustHCLIn = `jsonencode({
    Version = "1"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = ["cs.aliyuncs.com"], RAM = ["acs:ram::ACCOUNT_ID:root"] }
    }]
  })`

const ackTrustIn = `{"Version":"1","Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["cs.aliyuncs.com"],"RAM":["acs:ram::ACCOUNT_ID:root"]}}]}`

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
				Config: env.Config(roleConfig(env.Name("mse-agent"), ecsTrustHCL, attrs)),
				Check: env.RoleMatches(env.Name("mse-agent"), acctest.RoleWant{
					Description: "ECS instances running the MSE agent", TrustPolicy: ecsTrust, MaxSessionDuration: 7200,
					Tags: map[string]string{"team": "mse", "env": "dev"},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Name("mse-agent"))),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("role_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("arn"), knownvalue.StringExact("acs:ram::"+env.AccountID()+":role/"+env.Name("mse-agent"))),
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
				Config:           env.Config(roleConfig(env.Name("mse-agent"), ecsTrustReformatted, attrs)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// terraform import mseram_role.test mse-agent
				ResourceName:      roleAddr,
				ImportState:       true,
				ImportStateId:     env.Name("mse-agent"),
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_role.test, id = "<prefix>mse-agent" }, with the
				// heredoc configuration: the imported compact text plans no change.
				ResourceName:    roleAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.Name("mse-agent"),
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
				Config: env.Config(roleConfig(env.Name("worker"), ecsTrustHCL, `
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
				Config: env.Config(roleConfig(env.Name("worker"), ackTrustHCL(env), `
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
				Check: env.RoleMatches(env.Name("worker"), acctest.RoleWant{
					Description: "second", TrustPolicy: ackTrust(env), MaxSessionDuration: 43200,
					Tags: map[string]string{"team": "platform", "owner": "sec"},
				}),
			},
			{
				// Removing the optional attributes clears them; the session
				// duration returns to its default.
				Config: env.Config(roleConfig(env.Name("worker"), ackTrustHCL(env), "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.RoleMatches(env.Name("worker"), acctest.RoleWant{TrustPolicy: ackTrust(env)}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("description"), knownvalue.Null()),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("tags"), knownvalue.Null()),
					statecheck.ExpectKnownValue(roleAddr, tfjsonpath.New("max_session_duration"), knownvalue.Int64Exact(3600)),
				},
			},
			{
				// An empty tags map is kept as written and plans no change afterwards.
				Config: env.Config(roleConfig(env.Name("worker"), ackTrustHCL(env), "  tags = {}\n")),
				Check:  env.RoleMatches(env.Name("worker"), acctest.RoleWant{TrustPolicy: ackTrust(env)}),
			},
			{
				// RAM cannot rename a role: a new name replaces it.
				Config: env.Config(roleConfig(env.Name("worker-2"), ackTrustHCL(env), "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.RoleMatches(env.Name("worker-2"), acctest.RoleWant{TrustPolicy: ackTrust(env)}),
					env.RoleAbsent(env.Name("worker")),
				),
			},
		},
	})
}

func TestAccRole_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(roleConfig(env.Name("ephemeral"), ecsTrustHCL, `  description = "x"`))
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
					if err := env.Client().DeleteRole(context.Background(), env.Name("ephemeral")); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.RoleMatches(env.Name("ephemeral"), acctest.RoleWant{Description: "x", TrustPolicy: ecsTrust}),
			},
		},
	})
}

func TestAccRole_driftIsReverted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(roleConfig(env.Name("drifty"), ecsTrustHCL, `
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
					desc, trust, duration := "edited in the console", ackTrust(env), 10800
					if _, err := c.UpdateRole(ctx, alicloud.UpdateRoleInput{
						RoleName: env.Name("drifty"), NewDescription: &desc, NewAssumeRolePolicyDocument: &trust, NewMaxSessionDuration: &duration,
					}); err != nil {
						return err
					}
					return c.TagResource(ctx, alicloud.RAMResourceRole, env.Name("drifty"), map[string]string{"rogue": "yes"})
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.RoleMatches(env.Name("drifty"), acctest.RoleWant{
					Description: "managed", TrustPolicy: ecsTrust, Tags: map[string]string{"team": "mse"},
				}),
			},
		},
	})
}

func TestAccRole_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{RoleName: env.Name("taken"), AssumeRolePolicyDocument: ecsTrust}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(roleConfig(env.Name("taken"), ecsTrustHCL, "")),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Role.*terraform import`),
		}},
	})
	if roles := env.RoleNames(); len(roles) != 1 {
		t.Fatalf("want only the pre-existing role, got %v", roles)
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
			env.AttachedExactly("role", env.Name("attached")),
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(roleConfig(env.Name("attached"), ecsTrustHCL, "")),
				Check: func(*terraform.State) error {
					return env.Client().AttachPolicy(ctx, alicloud.PrincipalRole, env.Name("attached"), "AliyunMSEFullAccess", "System")
				},
			},
			{
				Config:      env.Config(roleConfig(env.Name("attached"), ecsTrustHCL, "")),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)DeleteConflict\.Role\.Policy.*force_destroy = true`),
			},
			{
				// The failed destroy left the role and its policy in place.
				Config: env.Config(roleConfig(env.Name("attached"), ecsTrustHCL, "  force_destroy = true\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(roleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.RoleMatches(env.Name("attached"), acctest.RoleWant{TrustPolicy: ecsTrust}),
					env.AttachedExactly("role", env.Name("attached"), "System:AliyunMSEFullAccess"),
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
		{env.Name("ok"), ecsTrustHCL, `  description = ""`, `Attribute description UTF-8 character count must be between 1 and 1024`},
		{env.Name("ok"), ecsTrustHCL, fmt.Sprintf("  description = %q", strings.Repeat("d", 1025)), `Attribute description UTF-8 character count must be between 1 and 1024`},
		{env.Name("ok"), ecsTrustHCL, "  max_session_duration = 3599", `Attribute max_session_duration value must be between 3600 and 43200, got: 3599`},
		{env.Name("ok"), ecsTrustHCL, "  max_session_duration = 43201", `Attribute max_session_duration value must be between 3600 and 43200, got: 43201`},
		{env.Name("ok"), ecsTrustHCL, `  tags = { "aliyun-owner" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{env.Name("ok"), ecsTrustHCL, `  tags = { "acs:owner" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{env.Name("ok"), ecsTrustHCL, fmt.Sprintf("  tags = { %q = \"v\" }", strings.Repeat("k", 129)), `UTF-8 character count must be between 1 and 128`},
		{env.Name("ok"), ecsTrustHCL, fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 257)), `UTF-8 character count must be at most 256`},
		{env.Name("ok"), ecsTrustHCL, "  tags = {" + manyTags(21) + "}", `Attribute tags map must contain at most 20 elements`},
		// Trust policies: each problem is named.
		{env.Name("ok"), `"{\"Version\":\"1\",\"Statement\":["`, "", `Invalid trust policy`},
		{env.Name("ok"), trust(`{ Effect = "Allow", Action = "sts:AssumeRole" }`), "", `Principal: is required in a trust policy`},
		{env.Name("ok"), trust(`{ Effect = "Allow", Action = "mse:*", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `a trust policy may only grant "sts:AssumeRole", got "mse:*"`},
		{env.Name("ok"), trust(`{ Effect = "Allow", NotAction = "mse:*", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `NotAction: a trust policy grants "sts:AssumeRole" with Action, not NotAction`},
		{env.Name("ok"), trust(`{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { User = ["alice"] } }`), "", `Principal: User: unknown element`},
		{env.Name("ok"), trust(`{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { RAM = ["alice"] } }`), "", `"alice" is not a valid RAM principal`},
		{env.Name("ok"), trust(`{ Effect = "Maybe", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }`), "", `Effect: must be "Allow" or "Deny", got "Maybe"`},
		{env.Name("ok"), `jsonencode({ Version = "2", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }] })`, "", `Version: must be "1", got "2"`},
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
		Config:             env.Config(roleConfig(env.Name("ok"), ecsTrustHCL, fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 256)))),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
	})
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if roles := env.RoleNames(); len(roles) != 0 {
		t.Fatalf("validation failures must create nothing, found roles %v", roles)
	}
}

func TestAccRole_importInvalidID(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:        env.Config(roleConfig(env.Name("fine"), ecsTrustHCL, "")),
			ResourceName:  roleAddr,
			ImportState:   true,
			ImportStateId: "not_a_role_name",
			ExpectError:   wrappedText(`Import mseram_role by the role's name`),
		}},
	})
}
