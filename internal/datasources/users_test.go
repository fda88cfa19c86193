// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// accountUsers is how many users the account-scale test creates: two full
// pages of ListUsers (1,000 a page) and one of a single user.
const accountUsers = 2001

func userName(i int) string { return fmt.Sprintf("u%04d", i) }

// userAccount creates n users behind Terraform's back (u0000, u0001, ...)
// and returns their IDs: u0000-u0009 and the last user are members of g-ops;
// AliyunMSEReadOnlyAccess is attached to u0000-u0004 and the last user;
// u0000-u0019 are tagged team=mse, the even ones of them also env=prod.
// g-empty has no members.
func userAccount(t *testing.T, env *acctest.Env, n int) []string {
	t.Helper()
	ctx := context.Background()
	c := env.Client()
	must := setup(t)
	start := time.Now()
	ids := make([]string, n)
	for i := range n {
		u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: userName(i), DisplayName: "User " + strconv.Itoa(i)})
		must(err)
		ids[i] = u.UserID
	}
	for _, g := range []string{"g-ops", "g-empty"} {
		_, err := c.CreateGroup(ctx, g, "")
		must(err)
	}
	for _, i := range append(firstN(10), n-1) {
		must(c.AddUserToGroup(ctx, "g-ops", userName(i)))
		if i < 5 || i == n-1 {
			must(c.AttachPolicy(ctx, alicloud.PrincipalUser, userName(i), "AliyunMSEReadOnlyAccess", "System"))
		}
	}
	for i := range 20 {
		tags := map[string]string{"team": "mse"}
		if i%2 == 0 {
			tags["env"] = "prod"
		}
		must(c.TagUser(ctx, ids[i], tags))
	}
	t.Logf("%d users and their groups, policies and tags created in %s", n, time.Since(start).Round(time.Millisecond))
	return ids
}

// allFiltersConfig combines every filter of mseram_users.
const allFiltersConfig = `
data "mseram_users" "all_filters" {
  name_regex  = "^u000[0-3]"
  group_name  = "g-ops"
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
  tags        = { team = "mse" }
}
`

// TestAccUsersDataSource_accountScale checks, on an account of 2,001 users,
// that mseram_users returns every one of them as the emulator holds them,
// paging through ListUsers, and that all the filters together keep exactly
// the users they should. Each filter on its own is checked by
// TestAccUsersDataSource_filters, on a small account.
func TestAccUsersDataSource_accountScale(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, "the test creates 2,001 users, slow at RAM's API rate limits and a large share of an account's user quota "+
		"(5,000: https://www.alibabacloud.com/help/en/ram/product-overview/limits), and proves the paging by the emulator's ListUsers count")
	start := time.Now()
	env := acctest.New(t)
	ids := userAccount(t, env, accountUsers)
	// One step, so that Terraform handles the large state as few times as
	// possible.
	const all = "data.mseram_users.all"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			PreConfig: func() { env.Server.ResetCounters() },
			Config:    env.Config(`data "mseram_users" "all" {}` + allFiltersConfig),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(all, "id", "all"),
				resource.TestCheckResourceAttr(all, "users.1234.display_name", "User 1234"),
				resource.TestCheckResourceAttr(all, "users.1234.comments", ""),
				resource.TestCheckResourceAttrSet(all, "users.1234.create_date"),
				usersAre(all, ids, firstN(accountUsers)),
				pagedListUsers(env),
				usersAre("data.mseram_users.all_filters", ids, firstN(4)),
				resource.TestCheckResourceAttr("data.mseram_users.all_filters", "id",
					"name_regex=^u000[0-3],group_name=g-ops,policy_type=System,policy_name=AliyunMSEReadOnlyAccess,tags.team=mse"),
			),
		}},
	})
	t.Logf("test done after %s", time.Since(start).Round(time.Millisecond))
}

// Each filter of mseram_users on its own, and a filter that matches
// nothing, on an account of 30 users.
func TestAccUsersDataSource_filters(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, "the users are named u0000, u0001, ... and the filters read the whole account, so on a real account its own users "+
		"would match; the groups, roles and policies tests prove the same filters on both backends")
	env := acctest.New(t)
	const n = 30
	ids := userAccount(t, env, n)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(`
data "mseram_users" "regex" { name_regex = "^u00[01]" }
data "mseram_users" "group" { group_name = "g-ops" }
data "mseram_users" "empty_group" { group_name = "g-empty" }
data "mseram_users" "policy" {
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}
data "mseram_users" "tags" {
  tags = { team = "mse", env = "prod" }
}
data "mseram_users" "none" { name_regex = "^nobody$" }
` + allFiltersConfig),
			Check: resource.ComposeAggregateTestCheckFunc(
				usersAre("data.mseram_users.regex", ids, firstN(20)),
				usersAre("data.mseram_users.group", ids, append(firstN(10), n-1)),
				usersAre("data.mseram_users.empty_group", ids, nil),
				usersAre("data.mseram_users.policy", ids, append(firstN(5), n-1)),
				usersAre("data.mseram_users.tags", ids, []int{0, 2, 4, 6, 8, 10, 12, 14, 16, 18}),
				usersAre("data.mseram_users.none", ids, nil),
				usersAre("data.mseram_users.all_filters", ids, firstN(4)),
				resource.TestCheckResourceAttr("data.mseram_users.none", "id", "name_regex=^nobody$"),
			),
		}},
	})
}

// firstN is 0, 1, ..., n-1.
func firstN(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// usersAre checks that a mseram_users data source found exactly the users
// of these indexes, in order, in users, names and ids.
func usersAre(addr string, ids []string, want []int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		a := rs.Primary.Attributes
		for _, list := range []string{"users", "names", "ids"} {
			if got := a[list+".#"]; got != strconv.Itoa(len(want)) {
				return fmt.Errorf("%s: %s.# = %q, want %d", addr, list, got, len(want))
			}
		}
		for n, i := range want {
			for attr, v := range map[string]string{
				fmt.Sprintf("users.%d.name", n): userName(i), fmt.Sprintf("users.%d.id", n): ids[i],
				fmt.Sprintf("names.%d", n): userName(i), fmt.Sprintf("ids.%d", n): ids[i],
			} {
				if a[attr] != v {
					return fmt.Errorf("%s: %s = %q, want %q", addr, attr, a[attr], v)
				}
			}
		}
		return nil
	}
}

// pagedListUsers checks that the reads paged through ListUsers: 2,001
// users take three calls, so the emulator counted a non-zero multiple of
// three ListUsers requests.
func pagedListUsers(env *acctest.Env) resource.TestCheckFunc {
	return func(*terraform.State) error {
		pages := int64(accountUsers+999) / 1000
		n := env.Server.Counters().Actions["ListUsers"].OK
		if n == 0 || n%pages != 0 {
			return fmt.Errorf("emulator counted %d ListUsers calls; want a non-zero multiple of %d", n, pages)
		}
		return nil
	}
}
