// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

func TestAccGroupDataSource_byName(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	g, err := env.Client().CreateGroup(context.Background(), env.Name("mse-developers"), "MSE developers")
	if err != nil {
		t.Fatal(err)
	}
	const addr = "data.mseram_group.dev"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(env.Named(`data "mseram_group" "dev" { name = "mse-developers" }`, "mse-developers")),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "id", g.GroupID),
					resource.TestCheckResourceAttr(addr, "group_id", g.GroupID),
					resource.TestCheckResourceAttr(addr, "comments", "MSE developers"),
					resource.TestCheckResourceAttr(addr, "create_date", g.CreateDate),
					resource.TestCheckResourceAttr(addr, "update_date", g.UpdateDate),
				),
			},
			{
				// The test's group name in other case: RAM's names are case-sensitive.
				Config:      env.Config(env.Named(`data "mseram_group" "nobody" { name = "MSE-Developers" }`, "MSE-Developers")),
				ExpectError: regexp.MustCompile(`(?s)RAM group "` + regexp.QuoteMeta(env.Name("MSE-Developers")) + `".*EntityNotExist\.Group.*case-sensitive`),
			},
		},
	})
}
