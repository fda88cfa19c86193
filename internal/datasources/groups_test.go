// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

func TestAccGroupsDataSource_filters(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	must := setup(t)
	groups := map[string]*alicloud.Group{}
	for _, name := range []string{"dev", "ops", "qa"} {
		g, err := c.CreateGroup(ctx, name, "the "+name)
		must(err)
		groups[name] = g
	}
	_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "alice"})
	must(err)
	_, err = c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "bob"})
	must(err)
	must(c.AddUserToGroup(ctx, "dev", "alice"))
	must(c.AddUserToGroup(ctx, "ops", "alice"))
	must(c.AttachPolicy(ctx, alicloud.PrincipalGroup, "ops", "AliyunMSEReadOnlyAccess", "System"))

	const all = "data.mseram_groups.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
data "mseram_groups" "all" {}
data "mseram_groups" "alice" { user_name = "alice" }
data "mseram_groups" "bob" { user_name = "bob" }
data "mseram_groups" "policy" {
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}
data "mseram_groups" "regex" { name_regex = "^(dev|qa)$" }
data "mseram_groups" "alice_policy_d" {
  user_name   = "alice"
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
  name_regex  = "^d"
}
`),
				Check: resource.ComposeAggregateTestCheckFunc(
					listed(all, "groups", "dev", "ops", "qa"),
					resource.TestCheckResourceAttr(all, "ids.1", groups["ops"].GroupID),
					resource.TestCheckResourceAttr(all, "groups.1.id", groups["ops"].GroupID),
					resource.TestCheckResourceAttr(all, "groups.1.comments", "the ops"),
					resource.TestCheckResourceAttr(all, "groups.1.create_date", groups["ops"].CreateDate),
					listed("data.mseram_groups.alice", "groups", "dev", "ops"),
					listed("data.mseram_groups.bob", "groups"),
					listed("data.mseram_groups.policy", "groups", "ops"),
					listed("data.mseram_groups.regex", "groups", "dev", "qa"),
					listed("data.mseram_groups.alice_policy_d", "groups"),
				),
			},
			{
				// A filter that names a principal or policy that does not
				// exist is an error, not an empty list: it is a mistake.
				Config:      env.Config(`data "mseram_groups" "x" { user_name = "carol" }`),
				ExpectError: regexp.MustCompile(`(?s)user "carol" \(user_name\).*EntityNotExist\.User.*case-sensitive`),
			},
			{
				Config: env.Config(`
data "mseram_groups" "x" {
  policy_name = "AliyunMSEFullAccess"
  policy_type = "Custom"
}`),
				ExpectError: regexp.MustCompile(`(?s)Custom policy "AliyunMSEFullAccess".*EntityNotExist\.Policy.*policy_type = "System"`),
			},
		},
	})
}
