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

const listTrust = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`

func TestAccRolesDataSource_filters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	must := setup(t)
	n := env.Name
	roles := map[string]*alicloud.Role{}
	for name, tags := range map[string]map[string]string{
		"r-ops": {"team": "mse", "env": "prod"}, "r-dev": {"team": "mse"}, "r-other": {"team": "other"},
	} {
		r, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: n(name), AssumeRolePolicyDocument: listTrust,
			Description: "the " + name, MaxSessionDuration: 7200, Tags: tags})
		must(err)
		roles[name] = r
	}
	must(c.AttachPolicy(ctx, alicloud.PrincipalRole, n("r-ops"), "AliyunMSEFullAccess", "System"))
	opsRole, err := c.GetRole(ctx, n("r-ops"))
	must(err)

	const all = "data.mseram_roles.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			// The account's own roles are left out with name_regex.
			Config: env.Config(ownNames(env) + `
data "mseram_roles" "all" { name_regex = local.own }
data "mseram_roles" "mse" {
  tags       = { team = "mse" }
  name_regex = local.own
}
data "mseram_roles" "mse_prod" {
  tags       = { team = "mse", env = "prod" }
  name_regex = local.own
}
data "mseram_roles" "policy" {
  policy_name       = "AliyunMSEFullAccess"
  policy_type       = "System"
  include_documents = true
  name_regex        = local.own
}
data "mseram_roles" "regex" { name_regex = "${local.own}r-o" }
data "mseram_roles" "none" {
  name_regex = "${local.own}r-dev$"
  tags       = { env = "prod" }
}
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				listed(all, "roles", n("r-dev"), n("r-ops"), n("r-other")),
				resource.TestCheckResourceAttr(all, "ids.1", roles["r-ops"].RoleID),
				resource.TestCheckResourceAttr(all, "roles.1.id", roles["r-ops"].RoleID),
				resource.TestCheckResourceAttr(all, "roles.1.arn", "acs:ram::"+env.AccountID()+":role/"+n("r-ops")),
				resource.TestCheckResourceAttr(all, "roles.1.description", "the r-ops"),
				resource.TestCheckResourceAttr(all, "roles.1.max_session_duration", "7200"),
				resource.TestCheckResourceAttr(all, "roles.1.create_date", roles["r-ops"].CreateDate),
				resource.TestCheckResourceAttr(all, "roles.1.tags.%", "2"),
				resource.TestCheckResourceAttr(all, "roles.1.tags.env", "prod"),
				listed("data.mseram_roles.mse", "roles", n("r-dev"), n("r-ops")),
				listed("data.mseram_roles.mse_prod", "roles", n("r-ops")),
				resource.TestCheckNoResourceAttr(all, "roles.1.assume_role_policy_document"),
				listed("data.mseram_roles.policy", "roles", n("r-ops")),
				resource.TestCheckResourceAttr("data.mseram_roles.policy", "roles.0.assume_role_policy_document", opsRole.AssumeRolePolicyDocument),
				listed("data.mseram_roles.regex", "roles", n("r-ops"), n("r-other")),
				listed("data.mseram_roles.none", "roles"),
				resource.TestCheckResourceAttr("data.mseram_roles.none", "ids.#", "0"),
			),
		}},
	})
}
