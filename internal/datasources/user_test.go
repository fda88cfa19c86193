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

func TestAccUserDataSource_byName(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	c := env.Client()
	u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: "mse-ops", DisplayName: "MSE O&M", Comments: "ops"})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.TagUser(ctx, u.UserID, map[string]string{"team": "platform"}); err != nil {
		t.Fatal(err)
	}
	const addr = "data.mseram_user.ops"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`data "mseram_user" "ops" { name = "mse-ops" }`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(addr, "id", u.UserID),
					resource.TestCheckResourceAttr(addr, "user_id", u.UserID),
					resource.TestCheckResourceAttr(addr, "display_name", "MSE O&M"),
					resource.TestCheckResourceAttr(addr, "comments", "ops"),
					resource.TestCheckResourceAttr(addr, "email", ""),
					resource.TestCheckResourceAttr(addr, "tags.%", "1"),
					resource.TestCheckResourceAttr(addr, "tags.team", "platform"),
					resource.TestCheckResourceAttr(addr, "create_date", u.CreateDate),
				),
			},
			{
				Config:      env.Config(`data "mseram_user" "nobody" { name = "nobody" }`),
				ExpectError: regexp.MustCompile(`(?s)EntityNotExist\.User.*case-sensitive`),
			},
		},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(`data "mseram_user" "bad" { name = "no spaces" }`),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`may contain only letters`),
		}},
	})
}

func TestAccCallerIdentityDataSource_root(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const addr = "data.mseram_caller_identity.me"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`data "mseram_caller_identity" "me" {}`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "account_id", acctest.AccountID),
				resource.TestCheckResourceAttr(addr, "arn", "acs:ram::"+acctest.AccountID+":root"),
				resource.TestCheckResourceAttr(addr, "id", "acs:ram::"+acctest.AccountID+":root"),
				resource.TestCheckResourceAttr(addr, "identity_type", "Account"),
				resource.TestCheckResourceAttr(addr, "user_id", acctest.AccountID),
			),
		}},
	})
}
