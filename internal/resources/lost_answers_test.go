// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// answerDropper stands in front of an emulator and, for the actions it is
// told, lets the request run (its change is committed) and then hangs up
// without an answer: a lost response, exactly once per count, so a test
// knows which attempt was hit.
type answerDropper struct {
	srv     *ramsim.Server
	mu      sync.Mutex
	drop    map[string]int
	dropped map[string]int
}

func newAnswerDropper(t *testing.T, srv *ramsim.Server, actions ...string) (*answerDropper, string) {
	d := &answerDropper{srv: srv, drop: map[string]int{}, dropped: map[string]int{}}
	for _, a := range actions {
		d.drop[a]++
	}
	ts := httptest.NewServer(d)
	t.Cleanup(ts.Close)
	return d, ts.URL
}

func (d *answerDropper) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	action := r.Header.Get("x-acs-action")
	if action == "" {
		action = r.URL.Query().Get("Action")
	}
	d.mu.Lock()
	hit := d.drop[action] > 0
	if hit {
		d.drop[action]--
		d.dropped[action]++
	}
	d.mu.Unlock()
	if !hit {
		d.srv.ServeHTTP(w, r)
		return
	}
	d.srv.ServeHTTP(httptest.NewRecorder(), r)
	hangUp(w)
}

// hangUp closes the connection without writing an answer.
func hangUp(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	if conn, _, err := hj.Hijack(); err == nil {
		_ = conn.Close()
	}
}

// checkAllDropped proves every planned fault happened.
func (d *answerDropper) checkAllDropped(*terraform.State) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for a, n := range d.drop {
		if n > 0 {
			return fmt.Errorf("the answer of %s was never dropped: the test did not exercise it", a)
		}
	}
	return nil
}

func providerAt(url string) string {
	return fmt.Sprintf(`
provider "mseram" {
  access_key = %[1]q
  secret_key = %[2]q
  endpoints {
    ram             = %[3]q
    ims             = %[3]q
    resourcemanager = %[3]q
    sts             = %[3]q
  }
}
`, acctest.AccessKeyID, acctest.AccessKeySecret, url)
}

const lostAnswersConfig = `
resource "mseram_user" "u" {
  name     = "lost-user"
  comments = "made under lost answers"
}
resource "mseram_group" "g" {
  name = "lost-group"
}
resource "mseram_group_membership" "m" {
  group_name = mseram_group.g.name
  user_name  = mseram_user.u.name
}
resource "mseram_role" "r" {
  name = "lost-role"
  assume_role_policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["ecs.aliyuncs.com"] } }]
  })
}
resource "mseram_policy" "p" {
  name = "lost-policy"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = "mse:GetNacosConfig", Resource = "*" }]
  })
}
resource "mseram_user_policy_attachment" "u" {
  user_name   = mseram_user.u.name
  policy_name = mseram_policy.p.name
  policy_type = "Custom"
}
resource "mseram_group_policy_attachment" "g" {
  group_name  = mseram_group.g.name
  policy_name = mseram_policy.p.name
  policy_type = "Custom"
}
resource "mseram_role_policy_attachment" "r" {
  role_name   = mseram_role.r.name
  policy_name = mseram_policy.p.name
  policy_type = "Custom"
}
resource "mseram_login_profile" "lp" {
  user_name = mseram_user.u.name
  password  = "Lost-Answer-2026!"
}
resource "mseram_access_key" "k" {
  user_name = mseram_user.u.name
}
`

// Every create whose first answer is lost after it was committed ends
// with exactly the configured objects: named objects and attachments are
// adopted (the resend is answered "already exists"), and the access key
// whose secret was lost is deleted and replaced by one whose secret is in
// state.
func TestAccLostAnswers_createsAdoptOrClean(t *testing.T) {
	acctest.RamsimOnly(t, "answers are dropped between the provider and the emulator, which then reports what it received")
	t.Parallel()
	env := acctest.New(t)
	d, url := newAnswerDropper(t, env.Server,
		"CreateUser", "CreateGroup", "CreateRole", "CreatePolicy", "AddUserToGroup",
		"AttachPolicyToUser", "AttachPolicyToGroup", "AttachPolicyToRole", "CreateLoginProfile", "CreateAccessKey")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: func(*terraform.State) error {
			if len(env.Server.Users())+len(env.Server.Groups())+len(env.Server.Roles())+len(env.Server.Policies()) > 0 {
				return fmt.Errorf("objects left after destroy")
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: providerAt(url) + lostAnswersConfig,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			Check: resource.ComposeTestCheckFunc(
				d.checkAllDropped,
				env.UserMatches("lost-user", acctest.UserWant{Comments: "made under lost answers"}),
				env.GroupMembersExactly("lost-group", "lost-user"),
				env.AttachedExactly("user", "lost-user", "Custom:lost-policy"),
				env.AttachedExactly("group", "lost-group", "Custom:lost-policy"),
				env.AttachedExactly("role", "lost-role", "Custom:lost-policy"),
				env.LoginProfileMatches("lost-user", false, false),
				env.AccessKeyCount("lost-user", 1),
				env.AccessKeyInEmulator("mseram_access_key.k", "Active"),
				func(s *terraform.State) error {
					k := s.RootModule().Resources["mseram_access_key.k"].Primary
					return env.KeyAuthenticates("lost-user", k.ID, k.Attributes["secret"])
				},
			),
		}},
	})
}

// A name taken before the apply is not adopted even when an attempt lost
// its answer: the error names the object, what differs, and the import
// command.
func TestAccLostAnswers_foreignObjectNotAdopted(t *testing.T) {
	acctest.RamsimOnly(t, "answers are dropped between the provider and the emulator, which then reports what it received")
	t.Parallel()
	env := acctest.New(t)
	if _, err := env.Client().CreateUser(context.Background(), alicloud.CreateUserInput{UserName: "taken", Comments: "someone else's"}); err != nil {
		t.Fatal(err)
	}
	_, url := newAnswerDropper(t, env.Server, "CreateUser")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      providerAt(url) + "resource \"mseram_user\" \"u\" {\n  name     = \"taken\"\n  comments = \"mine\"\n}\n",
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.User.*cannot adopt it.*comments is "someone else's", want "mine".*terraform import`),
		}},
	})
	if u, _ := env.Server.User("taken"); u.Comments != "someone else's" {
		t.Errorf("the foreign user was changed: %+v", u)
	}
}

// A rename whose answer is lost: the resend finds no user by the old name,
// and the provider finds it, as asked, under the new one.
func TestAccLostAnswers_rename(t *testing.T) {
	acctest.RamsimOnly(t, "answers are dropped between the provider and the emulator, which then reports what it received")
	t.Parallel()
	env := acctest.New(t)
	d, url := newAnswerDropper(t, env.Server)
	config := func(name string) string {
		return providerAt(url) + fmt.Sprintf("resource \"mseram_user\" \"u\" {\n  name     = %q\n  comments = \"renamed\"\n}\n", name)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{Config: config("before-rename")},
			{
				PreConfig: func() {
					d.mu.Lock()
					d.drop["UpdateUser"] = 1
					d.mu.Unlock()
				},
				Config: config("after-rename"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction("mseram_user.u", plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(d.checkAllDropped, env.UserAbsent("before-rename"),
					env.UserMatches("after-rename", acctest.UserWant{Comments: "renamed"})),
			},
		},
	})
}

// A policy update whose CreatePolicyVersion answer is lost: the resend makes
// a second copy of the new version; the copy the lost attempt made is
// deleted again, so only the original and the new default remain.
func TestAccLostAnswers_policyVersion(t *testing.T) {
	acctest.RamsimOnly(t, "answers are dropped between the provider and the emulator, which then reports what it received")
	t.Parallel()
	env := acctest.New(t)
	d, url := newAnswerDropper(t, env.Server)
	config := func(action string) string {
		return providerAt(url) + fmt.Sprintf(`resource "mseram_policy" "p" {
  name = "lost-version"
  policy_document = jsonencode({
    Version   = "1"
    Statement = [{ Effect = "Allow", Action = %q, Resource = "*" }]
  })
}
`, action)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoCustomPolicies,
		Steps: []resource.TestStep{
			{Config: config("mse:GetNacosConfig")},
			{
				PreConfig: func() {
					d.mu.Lock()
					d.drop["CreatePolicyVersion"] = 1
					d.mu.Unlock()
				},
				Config: config("mse:ListNacosConfigs"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeTestCheckFunc(d.checkAllDropped, func(*terraform.State) error {
					p, _ := env.Server.Policy("lost-version")
					var ids []string
					for _, v := range p.Versions {
						ids = append(ids, v.VersionID)
					}
					if len(ids) != 2 || ids[0] != "v1" || p.DefaultVersion != ids[1] {
						return fmt.Errorf("versions %v (default %s), want v1 and the new default only", ids, p.DefaultVersion)
					}
					return nil
				}),
			},
		},
	})
}
