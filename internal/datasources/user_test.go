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
	u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("mse-ops"), DisplayName: "MSE O&M", Comments: "ops"})
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
				Config: env.Config(`data "mseram_user" "ops" { name = "` + env.Name("mse-ops") + `" }`),
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
				Config:      env.Config(`data "mseram_user" "nobody" { name = "` + env.Name("nobody") + `" }`),
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

// The identity of the provider's credential: on the emulator its root key,
// on a real account whoever the credential is (STS answers the harness's
// client, which signs with the same credential).
func TestAccCallerIdentityDataSource_root(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	id, err := env.Client().GetCallerIdentity(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if env.Backend() == acctest.BackendRamsim && (id.ARN != "acs:ram::"+acctest.AccountID+":root" || id.IdentityType != "Account" || id.UserID != acctest.AccountID) {
		t.Fatalf("the emulator's root key is %+v, want the root of account %s", id, acctest.AccountID)
	}
	const addr = "data.mseram_caller_identity.me"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`data "mseram_caller_identity" "me" {}`),
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "account_id", env.AccountID()),
				resource.TestCheckResourceAttr(addr, "arn", id.ARN),
				resource.TestCheckResourceAttr(addr, "id", id.ARN),
				resource.TestCheckResourceAttr(addr, "identity_type", id.IdentityType),
				resource.TestCheckResourceAttr(addr, "user_id", id.UserID),
			),
		}},
	})
}
