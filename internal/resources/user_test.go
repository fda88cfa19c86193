// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

const userAddr = "mseram_user.test"

func userConfig(name, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_user" "test" {
  name = %q
%s
}
`, name, attrs)
}

const fullAttrs = `
  display_name = "Alice Developer"
  mobile_phone = "86-18600008888"
  email        = "alice@example.com"
  comments     = "MSE developer"
  tags = {
    team = "mse"
    env  = "dev"
  }
`

func TestAccUser_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(userConfig(env.Name("alice"), fullAttrs)),
				Check: env.UserMatches(env.Name("alice"), acctest.UserWant{
					DisplayName: "Alice Developer", MobilePhone: "86-18600008888", Email: "alice@example.com",
					Comments: "MSE developer", Tags: map[string]string{"team": "mse", "env": "dev"},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("name"), knownvalue.StringExact(env.Name("alice"))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("user_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("create_date"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("force_destroy"), knownvalue.Bool(false)),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"team": knownvalue.StringExact("mse"), "env": knownvalue.StringExact("dev"),
					})),
					statecheck.CompareValuePairs(userAddr, tfjsonpath.New("id"), userAddr, tfjsonpath.New("user_id"), compare.ValuesSame()),
				},
			},
			{
				// terraform import mseram_user.test <prefix>alice
				ResourceName:      userAddr,
				ImportState:       true,
				ImportStateId:     env.Name("alice"),
				ImportStateVerify: true,
			},
			{
				// import { to = mseram_user.test, id = "<prefix>alice" }
				ResourceName:    userAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   env.Name("alice"),
			},
			{
				// By its UserId: an error that says import takes the name.
				ResourceName: userAddr,
				ImportState:  true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[userAddr].Primary.Attributes["user_id"], nil
				},
				ExpectError: regexp.MustCompile(`Import takes the user name, not its UserId`),
			},
		},
	})
}

func TestAccUser_updateClearRenameTags(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(userConfig(env.Name("bob"), fullAttrs)),
			},
			{
				// Every attribute changed; one tag changed, one removed, one added.
				Config: env.Config(userConfig(env.Name("bob"), `
  display_name = "Bob Ops"
  mobile_phone = "1-5550001234"
  email        = "bob@example.org"
  comments     = "MSE O&M"
  tags = {
    team  = "platform"
    owner = "sec"
  }
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.UserMatches(env.Name("bob"), acctest.UserWant{
					DisplayName: "Bob Ops", MobilePhone: "1-5550001234", Email: "bob@example.org",
					Comments: "MSE O&M", Tags: map[string]string{"team": "platform", "owner": "sec"},
				}),
			},
			{
				// Removing every optional attribute clears it in the cloud.
				Config: env.Config(userConfig(env.Name("bob"), "")),
				Check:  env.UserMatches(env.Name("bob"), acctest.UserWant{}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("display_name"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("comments"), knownvalue.Null()),
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("tags"), knownvalue.Null()),
				},
			},
			{
				// An empty tags map is kept as written and plans no change afterwards.
				Config: env.Config(userConfig(env.Name("bob"), "  tags = {}\n")),
				Check:  env.UserMatches(env.Name("bob"), acctest.UserWant{}),
			},
			{
				// Rename in place: same user ID, old name gone.
				Config: env.Config(userConfig(env.Name("bob-renamed"), `  comments = "renamed"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.UserMatches(env.Name("bob-renamed"), acctest.UserWant{Comments: "renamed"}),
					env.UserAbsent(env.Name("bob")),
				),
			},
		},
	})
}

func TestAccUser_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(userConfig(env.Name("carol"), `  comments = "x"`))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// A refresh confirms the user; from then on not-found means
				// deleted, not "not visible yet" (that wait is for new users).
				RefreshState: true,
			},
			{
				// Deleted behind Terraform's back: the plan re-creates it.
				PreConfig: func() {
					if err := env.Client().DeleteUser(context.Background(), env.Name("carol")); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.UserMatches(env.Name("carol"), acctest.UserWant{Comments: "x"}),
			},
		},
	})
}

func TestAccUser_driftIsReverted(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(userConfig(env.Name("dave"), `
  comments = "managed"
  tags     = { team = "mse" }
`)),
				Check: func(*terraform.State) error {
					c := env.Client()
					ctx := context.Background()
					changedComment := "edited in the console"
					u, err := c.UpdateUser(ctx, alicloud.UpdateUserInput{UserName: env.Name("dave"), NewComments: &changedComment})
					if err != nil {
						return err
					}
					return c.TagUser(ctx, u.UserID, map[string]string{"rogue": "yes"})
				},
				ExpectNonEmptyPlan: true,
			},
			{
				Config: env.Config(userConfig(env.Name("dave"), `
  comments = "managed"
  tags     = { team = "mse" }
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.UserMatches(env.Name("dave"), acctest.UserWant{Comments: "managed", Tags: map[string]string{"team": "mse"}}),
			},
		},
	})
}

func TestAccUser_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if _, err := env.Client().CreateUser(context.Background(), alicloud.CreateUserInput{UserName: env.Name("erin")}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(userConfig(env.Name("erin"), "")),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.User.*terraform import`),
		}},
	})
	if users := env.UserNames(); len(users) != 1 {
		t.Fatalf("want only the pre-existing user, got %v", users)
	}
}

func TestAccUser_forceDestroy(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config: env.Config(userConfig(env.Name("frank"), "  force_destroy = true\n")),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(userAddr, tfjsonpath.New("force_destroy"), knownvalue.Bool(true)),
				},
				Check: env.UserMatches(env.Name("frank"), acctest.UserWant{}),
			},
			{
				// Toggling force_destroy changes no cloud object.
				Config: env.Config(userConfig(env.Name("frank"), "  force_destroy = false\n")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(userAddr, plancheck.ResourceActionUpdate),
				}},
			},
		},
	})
}

// Every RAM rule fails at plan time, naming the attribute, and creates nothing.
func TestAccUser_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	cases := []struct {
		name, attrs, want string
	}{
		{"", "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{strings.Repeat("a", 65), "", `Attribute name UTF-8 character count must be between 1 and 64`},
		{"bad name", "", `Attribute name may contain only letters, digits`},
		{env.Name("ok"), `  display_name = ""`, `Attribute display_name UTF-8 character count must be between 1 and 128`},
		{env.Name("ok"), fmt.Sprintf("  display_name = %q", strings.Repeat("名", 129)), `Attribute display_name UTF-8 character count must be between 1 and 128`},
		{env.Name("ok"), `  mobile_phone = "18600008888"`, `Attribute mobile_phone must be "<country code>-<number>"`},
		{env.Name("ok"), `  email = "not-an-email"`, `Attribute email must be an e-mail address`},
		{env.Name("ok"), fmt.Sprintf("  comments = %q", strings.Repeat("c", 129)), `Attribute comments UTF-8 character count must be between 1 and 128`},
		{env.Name("ok"), `  tags = { "aliyun:x" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{env.Name("ok"), `  tags = { "ACS:x" = "v" }`, `must not start with "aliyun" or "acs:"`},
		{env.Name("ok"), fmt.Sprintf("  tags = { k = %q }", strings.Repeat("v", 129)), `UTF-8 character count must be at most 128`},
		{env.Name("ok"), "  tags = {" + manyTags(21) + "}", `Attribute tags map must contain at most 20 elements`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(userConfig(c.name, c.attrs)),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if users := env.UserNames(); len(users) != 0 {
		t.Fatalf("validation failures must create nothing, found users %v", users)
	}
}

func manyTags(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, " k%d = \"v\",", i)
	}
	return b.String()
}

// wrappedText matches text in Terraform's output, which wraps long
// diagnostics at any space.
func wrappedText(text string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(regexp.QuoteMeta(text), " ", `\s+`))
}
