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
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// Seed 001: the O&M engineer gets AliyunMSEFullAccess, the developer
// AliyunMSEReadOnlyAccess plus a custom policy for one configuration.
const seed001Config = `
resource "mseram_user" "ops" {
  name = "mse-ops"
}

resource "mseram_user" "dev" {
  name = "mse-dev"
}

resource "mseram_policy" "prod_yaml" {
  name            = "mse-prod-yaml-rw"
  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:UpdateNacosConfig"]
      Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml"]
    }]
  })
}

resource "mseram_user_policy_attachment" "ops_full" {
  user_name   = mseram_user.ops.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

resource "mseram_user_policy_attachment" "dev_read" {
  user_name   = mseram_user.dev.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

resource "mseram_user_policy_attachment" "dev_prod_yaml" {
  user_name   = mseram_user.dev.name
  policy_name = mseram_policy.prod_yaml.name
  policy_type = "Custom"
}
`

func TestAccUserPolicyAttachment_seed001(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const addr = "mseram_user_policy_attachment.dev_prod_yaml"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// Users, policy and attachments are destroyed together in one apply.
		CheckDestroy: resource.ComposeTestCheckFunc(env.CheckNoUsers, env.CheckNoCustomPolicies),
		Steps: []resource.TestStep{
			{
				Config: env.Config(env.Named(seed001Config, "mse-ops", "mse-dev", "mse-prod-yaml-rw")),
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly("user", env.Name("mse-ops"), "System:AliyunMSEFullAccess"),
					env.AttachedExactly("user", env.Name("mse-dev"), "System:AliyunMSEReadOnlyAccess", "Custom:"+env.Name("mse-prod-yaml-rw")),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(addr, tfjsonpath.New("id"), knownvalue.StringExact("user:"+env.Name("mse-prod-yaml-rw")+":Custom:"+env.Name("mse-dev"))),
				},
			},
			{
				// The policy's attachment count shows after a refresh.
				RefreshState: true,
				Check:        resource.TestCheckResourceAttr("mseram_policy.prod_yaml", "attachment_count", "1"),
			},
			// Import IDs in the alicloud provider's format, both ways.
			{ResourceName: addr, ImportState: true, ImportStateId: "user:" + env.Name("mse-prod-yaml-rw") + ":Custom:" + env.Name("mse-dev"), ImportStateVerify: true},
			{ResourceName: addr, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateId: "user:" + env.Name("mse-prod-yaml-rw") + ":Custom:" + env.Name("mse-dev")},
			{
				// Detached behind Terraform's back: the plan attaches it again.
				PreConfig: func() {
					if err := env.Client().DetachPolicy(context.Background(), alicloud.PrincipalUser, env.Name("mse-dev"), "AliyunMSEReadOnlyAccess", "System"); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(env.Named(seed001Config, "mse-ops", "mse-dev", "mse-prod-yaml-rw")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_user_policy_attachment.dev_read", plancheck.ResourceActionCreate),
				}},
				Check: env.AttachedExactly("user", env.Name("mse-dev"), "System:AliyunMSEReadOnlyAccess", "Custom:"+env.Name("mse-prod-yaml-rw")),
			},
		},
	})
}

func attachmentConfig(kind, principal string) string {
	return fmt.Sprintf(`
resource "mseram_%[1]s_policy_attachment" "test" {
  %[1]s_name  = %[2]q
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}
`, kind, principal)
}

func TestAccPolicyAttachment_alreadyAttached(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("dup")}); err != nil {
		t.Fatal(err)
	}
	if err := c.AttachPolicy(ctx, alicloud.PrincipalUser, env.Name("dup"), "AliyunMSEReadOnlyAccess", "System"); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(attachmentConfig("user", env.Name("dup"))),
			ExpectError: regexp.MustCompile(`(?s)already attached.*terraform import.*user:AliyunMSEReadOnlyAccess:System:` + regexp.QuoteMeta(env.Name("dup"))),
		}},
	})
}

func TestAccPolicyAttachment_groupAndRole(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateGroup(ctx, env.Name("mse-developers"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateRole(ctx, alicloud.CreateRoleInput{
		RoleName:                 env.Name("KubernetesWorkerRole-abc123"),
		AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`,
	}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.AttachedExactly("group", env.Name("mse-developers")),
			env.AttachedExactly("role", env.Name("KubernetesWorkerRole-abc123")),
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(attachmentConfig("group", env.Name("mse-developers")) + `
resource "mseram_role_policy_attachment" "test" {
  role_name   = "` + env.Name("KubernetesWorkerRole-abc123") + `"
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}
`),
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly("group", env.Name("mse-developers"), "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("role", env.Name("KubernetesWorkerRole-abc123"), "System:AliyunMSEFullAccess"),
				),
			},
			{ResourceName: "mseram_group_policy_attachment.test", ImportState: true, ImportStateId: "group:AliyunMSEReadOnlyAccess:System:" + env.Name("mse-developers"), ImportStateVerify: true},
			{ResourceName: "mseram_role_policy_attachment.test", ImportState: true, ImportStateId: "role:AliyunMSEFullAccess:System:" + env.Name("KubernetesWorkerRole-abc123"), ImportStateVerify: true},
			{
				ResourceName:  "mseram_role_policy_attachment.test",
				ImportState:   true,
				ImportStateId: "user:AliyunMSEFullAccess:System:" + env.Name("KubernetesWorkerRole-abc123"),
				ExpectError:   regexp.MustCompile(`role:<policy_name>:<System\|Custom>:<role_name>`),
			},
		},
	})
}

func TestAccPolicyAttachment_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_user_policy_attachment" "test" {
  user_name   = "alice"
  policy_name = "AliyunMSEFullAccess"
  policy_type = "system"
}
`),
			PlanOnly:    true,
			ExpectError: wrappedText(`value must be one of: ["System" "Custom"]`),
		}},
	})
}
