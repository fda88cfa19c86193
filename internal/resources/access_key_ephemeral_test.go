// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

const ephemeralUsers = `
resource "mseram_user" "test" {
  name = "eph-owner"
}

resource "mseram_user" "target" {
  name = "eph-target"
}
`

// The ephemeral key is opened (created), used, and closed (deleted) within
// each run, and never reaches the state.
func TestAccAccessKeyEphemeral_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	rec := env.NewRecorder()
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{
			tfversion.SkipBelow(tfversion.Version1_11_0), // ephemeral resources 1.10, write-only attributes 1.11
		},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				// The key's owner must exist before a plan can open the key.
				Config: rec.Config(ephemeralUsers),
			},
			{
				Config: rec.Config(ephemeralUsers + `
ephemeral "mseram_access_key" "tmp" {
  user_name = mseram_user.test.name
}

# The secret as a write-only password. (A provider configured with the
# key would be the other use, but the test harness serves every provider
# configuration from one in-process server, where the last one configured
# wins, so it cannot be tested here.)
resource "mseram_login_profile" "target" {
  user_name           = mseram_user.target.name
  password_wo         = ephemeral.mseram_access_key.tmp.secret
  password_wo_version = 1
}
`),
				Check: resource.ComposeTestCheckFunc(
					// Closed: no key is left.
					env.AccessKeyCount("eph-owner", 0),
					env.LoginProfileMatches("eph-target", false, false),
					// The write-only password is the secret of a key opened
					// during this apply.
					func(*terraform.State) error {
						for _, c := range rec.Calls("CreateAccessKey") {
							if c.CreatedKeySecret != "" && env.Server.PasswordMatches("eph-target", c.CreatedKeySecret) {
								return nil
							}
						}
						return fmt.Errorf("the login profile's password is not the secret of any ephemeral key")
					},
					func(s *terraform.State) error {
						for addr, rs := range s.RootModule().Resources {
							if rs.Type == "mseram_access_key" {
								return fmt.Errorf("an ephemeral key reached the state as %s", addr)
							}
						}
						return checkOpenedAndClosed(rec, "eph-owner")
					},
				),
			},
		},
	})
}

// checkOpenedAndClosed checks that the recorder saw at least one
// CreateAccessKey for user, and a DeleteAccessKey of exactly each created
// key while it still existed: it lived from Open to Close.
func checkOpenedAndClosed(rec *acctest.Recorder, user string) error {
	open := map[string]bool{}
	closed := 0
	for _, c := range rec.Calls("CreateAccessKey", "DeleteAccessKey") {
		if c.UserName != user {
			continue
		}
		switch c.Action {
		case "CreateAccessKey":
			if c.CreatedKeyID == "" {
				return fmt.Errorf("a CreateAccessKey for %q failed", user)
			}
			open[c.CreatedKeyID] = true
		case "DeleteAccessKey":
			if !open[c.AccessKeyID] || !c.KeyExisted {
				return fmt.Errorf("DeleteAccessKey of %s, a key not created (or already gone) before it", c.AccessKeyID)
			}
			delete(open, c.AccessKeyID)
			closed++
		}
	}
	for id := range open {
		return fmt.Errorf("ephemeral key %s was created but never deleted", id)
	}
	if closed == 0 {
		return fmt.Errorf("no ephemeral key was opened and closed for %q", user)
	}
	return nil
}

// Opening fails clearly when the user has no free key slot.
func TestAccAccessKeyEphemeral_limit(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks: []tfversion.TerraformVersionCheck{
			tfversion.SkipBelow(tfversion.Version1_10_0),
		},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
resource "mseram_user" "test" {
  name = "` + env.Name("eph-full") + `"
}

resource "mseram_access_key" "keys" {
  count     = 2
  user_name = mseram_user.test.name
}
`),
			},
			{
				Config: env.Config(`
resource "mseram_user" "test" {
  name = "` + env.Name("eph-full") + `"
}

resource "mseram_access_key" "keys" {
  count     = 2
  user_name = mseram_user.test.name
}

ephemeral "mseram_access_key" "tmp" {
  user_name = mseram_user.test.name
}
`),
				ExpectError: regexp.MustCompile(`(?s)LimitExceeded\.User\.AccessKey.*` + wrappedText(`RAM user "`+env.Name("eph-full")+`" already has two access keys`).String()),
			},
		},
	})
}
