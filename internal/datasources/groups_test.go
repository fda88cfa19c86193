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
	n := env.Name
	groups := map[string]*alicloud.Group{}
	for _, name := range []string{"dev", "ops", "qa"} {
		g, err := c.CreateGroup(ctx, n(name), "the "+name)
		must(err)
		groups[name] = g
	}
	_, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: n("alice")})
	must(err)
	_, err = c.CreateUser(ctx, alicloud.CreateUserInput{UserName: n("bob")})
	must(err)
	must(c.AddUserToGroup(ctx, n("dev"), n("alice")))
	must(c.AddUserToGroup(ctx, n("ops"), n("alice")))
	must(c.AttachPolicy(ctx, alicloud.PrincipalGroup, n("ops"), "AliyunMSEReadOnlyAccess", "System"))

	const all = "data.mseram_groups.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(ownNames(env) + env.Named(`
data "mseram_groups" "all" { name_regex = local.own }
data "mseram_groups" "of_alice" { user_name = "alice" }
data "mseram_groups" "of_bob" { user_name = "bob" }
data "mseram_groups" "policy" {
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
  name_regex  = local.own
}
data "mseram_groups" "regex" { name_regex = "${local.own}(dev|qa)$" }
data "mseram_groups" "alice_policy_d" {
  user_name   = "alice"
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
  name_regex  = "${local.own}d"
}
`, "alice", "bob")),
				Check: resource.ComposeAggregateTestCheckFunc(
					listed(all, "groups", n("dev"), n("ops"), n("qa")),
					resource.TestCheckResourceAttr(all, "ids.1", groups["ops"].GroupID),
					resource.TestCheckResourceAttr(all, "groups.1.id", groups["ops"].GroupID),
					resource.TestCheckResourceAttr(all, "groups.1.comments", "the ops"),
					resource.TestCheckResourceAttr(all, "groups.1.create_date", groups["ops"].CreateDate),
					listed("data.mseram_groups.of_alice", "groups", n("dev"), n("ops")),
					listed("data.mseram_groups.of_bob", "groups"),
					listed("data.mseram_groups.policy", "groups", n("ops")),
					listed("data.mseram_groups.regex", "groups", n("dev"), n("qa")),
					listed("data.mseram_groups.alice_policy_d", "groups"),
				),
			},
			{
				// A filter that names a principal or policy that does not
				// exist is an error, not an empty list: it is a mistake.
				Config:      env.Config(env.Named(`data "mseram_groups" "x" { user_name = "carol" }`, "carol")),
				ExpectError: regexp.MustCompile(`(?s)user "` + regexp.QuoteMeta(n("carol")) + `" \(user_name\).*EntityNotExist\.User.*case-sensitive`),
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
