// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const listPolicyDoc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"*"}]}`

// System policies found by a name regular expression, as configurations
// written for alicloud_ram_policies do, and each filter on the account's
// own policies, checked against what the backend holds. The system
// policies starting AliyunMSE are MSE's two product policies
// (https://help.aliyun.com/zh/mse/security-and-compliance/mse); how many
// principals use one, and its version, are the account's and the
// catalog's, so those are checked on the emulator only.
func TestAccPoliciesDataSource_filters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	must := setup(t)
	n := env.Name
	for name, tags := range map[string]map[string]string{
		"mse-read": {"team": "mse", "env": "prod"}, "mse-write": {"team": "mse"}, "oss-read": nil,
	} {
		_, err := c.CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: n(name), PolicyDocument: listPolicyDoc, Description: "about " + name, Tags: tags})
		must(err)
	}
	_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: n("alice")})
	must(err)
	_, err = c.CreateGroup(ctx, n("devs"), "")
	must(err)
	_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: n("r-ops"), AssumeRolePolicyDocument: listTrust})
	must(err)
	must(c.AttachPolicy(ctx, alicloud.PrincipalUser, n("alice"), n("mse-read"), "Custom"))
	must(c.AttachPolicy(ctx, alicloud.PrincipalUser, n("alice"), "AliyunMSEReadOnlyAccess", "System"))
	must(c.AttachPolicy(ctx, alicloud.PrincipalGroup, n("devs"), n("mse-read"), "Custom"))
	must(c.AttachPolicy(ctx, alicloud.PrincipalRole, n("r-ops"), n("mse-write"), "Custom"))
	_, ossDoc, err := c.GetPolicy(ctx, "AliyunOSSReadOnlyAccess", "System")
	must(err)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(ownNames(env) + env.Named(`
data "mseram_policies" "mse_system" {
  name_regex  = "^AliyunMSE"
  policy_type = "System"
}
data "mseram_policies" "oss_read_only" {
  name_regex        = "^AliyunOSS.*ReadOnly"
  policy_type       = "System"
  include_documents = true
}
data "mseram_policies" "custom" {
  policy_type = "Custom"
  name_regex  = local.own
}
data "mseram_policies" "tagged" {
  tags       = { team = "mse" }
  name_regex = local.own
}
data "mseram_policies" "of_alice" { user_name = "alice" }
data "mseram_policies" "alice_and_devs" {
  user_name   = "alice"
  group_name  = "devs"
  policy_type = "Custom"
}
data "mseram_policies" "role" { role_name = "r-ops" }
data "mseram_policies" "none" {
  name_regex  = "^AliyunMSE"
  policy_type = "Custom"
}
`, "alice", "devs", "r-ops")),
			Check: resource.ComposeAggregateTestCheckFunc(
				listed("data.mseram_policies.mse_system", "policies", "AliyunMSEFullAccess", "AliyunMSEReadOnlyAccess"),
				resource.TestCheckResourceAttr("data.mseram_policies.mse_system", "policies.1.policy_type", "System"),
				resource.TestCheckResourceAttrSet("data.mseram_policies.mse_system", "policies.1.attachment_count"),
				resource.TestCheckResourceAttrSet("data.mseram_policies.mse_system", "policies.1.default_version"),
				emulatorOnly(env,
					resource.TestCheckResourceAttr("data.mseram_policies.mse_system", "policies.1.attachment_count", "1"),
					resource.TestCheckResourceAttr("data.mseram_policies.mse_system", "policies.1.default_version", "v1")),
				resource.TestCheckNoResourceAttr("data.mseram_policies.mse_system", "policies.1.policy_document"),
				listed("data.mseram_policies.oss_read_only", "policies", "AliyunOSSReadOnlyAccess"),
				resource.TestCheckResourceAttr("data.mseram_policies.oss_read_only", "policies.0.policy_document", ossDoc.PolicyDocument),
				listed("data.mseram_policies.custom", "policies", n("mse-read"), n("mse-write"), n("oss-read")),
				resource.TestCheckResourceAttr("data.mseram_policies.custom", "policies.0.description", "about mse-read"),
				resource.TestCheckResourceAttr("data.mseram_policies.custom", "policies.0.attachment_count", "2"),
				resource.TestCheckResourceAttr("data.mseram_policies.custom", "policies.0.tags.%", "2"),
				resource.TestCheckResourceAttr("data.mseram_policies.custom", "policies.0.tags.env", "prod"),
				resource.TestCheckResourceAttr("data.mseram_policies.custom", "policies.2.tags.%", "0"),
				resource.TestCheckResourceAttrSet("data.mseram_policies.custom", "policies.2.create_date"),
				listed("data.mseram_policies.tagged", "policies", n("mse-read"), n("mse-write")),
				listed("data.mseram_policies.of_alice", "policies", "AliyunMSEReadOnlyAccess", n("mse-read")),
				listed("data.mseram_policies.alice_and_devs", "policies", n("mse-read")),
				listed("data.mseram_policies.role", "policies", n("mse-write")),
				listed("data.mseram_policies.none", "policies"),
				resource.TestCheckResourceAttr("data.mseram_policies.alice_and_devs", "id",
					"policy_type=Custom,user_name="+n("alice")+",group_name="+n("devs")),
			),
		}},
	})
}
