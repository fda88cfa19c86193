// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// Seed 004: ACK created the cluster's worker role; Terraform finds it by
// name and gives MSE Ingress Controller AliyunMSEFullAccess plus the seed's
// custom Simple Log Service policy.
func TestAccScenario_seed004IngressControllerRole(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	role := env.Name("KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e")
	if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{
		RoleName:                 role,
		AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`,
		Description:              "Created by ACK for the cluster's worker nodes",
	}); err != nil {
		t.Fatal(err)
	}
	config := env.Config(`
data "mseram_role" "worker" {
  name = "` + role + `"
}

resource "mseram_role_policy_attachment" "mse_full" {
  role_name   = data.mseram_role.worker.name
  policy_name = "AliyunMSEFullAccess"
  policy_type = "System"
}

resource "mseram_policy" "sls" {
  name        = "` + env.Name("mse-ingress-sls") + `"
  description = "Simple Log Service access for MSE Ingress Controller"
  policy_document = jsonencode({
    Version = "1"
    Statement = [
      {
        Action   = ["log:CloseProductDataCollection", "log:OpenProductDataCollection", "log:GetProductDataCollection"]
        Resource = ["acs:mse:*:*:instance/*", "acs:log:*:*:project/*/logstore/mse_*"]
        Effect   = "Allow"
      },
      {
        Action   = "ram:PassRole"
        Resource = "acs:ram::*:role/aliyunserviceroleforslsaudit"
        Effect   = "Allow"
      },
      {
        Action    = "ram:CreateServiceLinkedRole"
        Resource  = "*"
        Effect    = "Allow"
        Condition = { StringEquals = { "ram:ServiceName" = "audit.log.aliyuncs.com" } }
      },
    ]
  })
}

resource "mseram_role_policy_attachment" "sls" {
  role_name   = data.mseram_role.worker.name
  policy_name = mseram_policy.sls.name
  policy_type = "Custom"
}
`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// The role is ACK's: destroying the configuration detaches the
		// policies and deletes the custom one, and leaves the role alone.
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoCustomPolicies,
			env.AttachedExactly("role", role),
			env.RoleMatches(role, acctest.RoleWant{Description: "Created by ACK for the cluster's worker nodes"}),
		),
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeTestCheckFunc(
				env.AttachedExactly("role", role, "System:AliyunMSEFullAccess", "Custom:"+env.Name("mse-ingress-sls")),
				env.PolicyMatches(env.Name("mse-ingress-sls"), acctest.PolicyWant{
					Description: "Simple Log Service access for MSE Ingress Controller", Versions: 1,
					Document: `{"Version":"1","Statement":[` +
						`{"Action":["log:CloseProductDataCollection","log:OpenProductDataCollection","log:GetProductDataCollection"],"Resource":["acs:mse:*:*:instance/*","acs:log:*:*:project/*/logstore/mse_*"],"Effect":"Allow"},` +
						`{"Action":"ram:PassRole","Resource":"acs:ram::*:role/aliyunserviceroleforslsaudit","Effect":"Allow"},` +
						`{"Action":"ram:CreateServiceLinkedRole","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"ram:ServiceName":"audit.log.aliyuncs.com"}}}]}`,
				}),
				resource.TestCheckResourceAttr("data.mseram_role.worker", "arn", "acs:ram::"+env.AccountID()+":role/"+role),
			),
		}},
	})
}

// A team: a group with a member, policies attached to both; everything is
// created and destroyed in one apply each, in the order Terraform derives.
func TestAccScenario_teamCreatedAndDestroyedTogether(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoUsers, env.CheckNoGroups, env.CheckNoCustomPolicies,
		),
		Steps: []resource.TestStep{{
			Config: env.Config(`
resource "mseram_user" "dev" {
  name = "` + env.Name("dev-li") + `"
}

resource "mseram_group" "devs" {
  name = "` + env.Name("mse-developers") + `"
}

resource "mseram_group_membership" "dev" {
  group_name = mseram_group.devs.name
  user_name  = mseram_user.dev.name
}

resource "mseram_policy" "configs" {
  name = "` + env.Name("mse-dev-configs") + `"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = ["mse:*NacosConfig*"], Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/*"] }]
  })
}

resource "mseram_group_policy_attachment" "read" {
  group_name  = mseram_group.devs.name
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

resource "mseram_group_policy_attachment" "configs" {
  group_name  = mseram_group.devs.name
  policy_name = mseram_policy.configs.name
  policy_type = "Custom"
}

resource "mseram_user_policy_attachment" "configs" {
  user_name   = mseram_user.dev.name
  policy_name = mseram_policy.configs.name
  policy_type = "Custom"
}
`),
			Check: resource.ComposeTestCheckFunc(
				env.GroupMembersExactly(env.Name("mse-developers"), env.Name("dev-li")),
				env.AttachedExactly("group", env.Name("mse-developers"), "System:AliyunMSEReadOnlyAccess", "Custom:"+env.Name("mse-dev-configs")),
				env.AttachedExactly("user", env.Name("dev-li"), "Custom:"+env.Name("mse-dev-configs")),
			),
		}},
	})
}

// force_destroy on a user removes what RAM refuses to delete a user with:
// here a policy attachment and a group membership made outside Terraform.
func TestAccUser_forceDestroyRemovesAttachmentsAndMemberships(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	if _, err := c.CreateGroup(ctx, env.Name("outside-group"), ""); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoUsers,
			env.GroupMembersExactly(env.Name("outside-group")),
		),
		Steps: []resource.TestStep{{
			Config: env.Config(userConfig(env.Name("leaver"), "  force_destroy = true\n")),
			Check: func(*terraform.State) error {
				if err := c.AttachPolicy(ctx, alicloud.PrincipalUser, env.Name("leaver"), "AliyunMSEReadOnlyAccess", "System"); err != nil {
					return err
				}
				return c.AddUserToGroup(ctx, env.Name("outside-group"), env.Name("leaver"))
			},
		}},
	})
}
