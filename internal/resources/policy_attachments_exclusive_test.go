// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// exclusivePrincipal is one kind of owner of an exclusive policy set.
type exclusivePrincipal struct {
	kind   alicloud.PrincipalKind
	prefix string // user, group, role
	name   string // the test's base name; named gives the object's
}

// named is p with its name given by env (Name), as the object is created.
func (p exclusivePrincipal) named(env *acctest.Env) exclusivePrincipal {
	p.name = env.Name(p.name)
	return p
}

// create makes the principal behind Terraform's back, so that a destroy of
// the exclusive set can be checked against an owner that still exists.
func (p exclusivePrincipal) create(t *testing.T, c *alicloud.Client) {
	t.Helper()
	ctx := context.Background()
	var err error
	switch p.kind {
	case alicloud.PrincipalUser:
		_, err = c.CreateUser(ctx, alicloud.CreateUserInput{UserName: p.name})
	case alicloud.PrincipalGroup:
		_, err = c.CreateGroup(ctx, p.name, "")
	case alicloud.PrincipalRole:
		_, err = c.CreateRole(ctx, alicloud.CreateRoleInput{
			RoleName:                 p.name,
			AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`,
		})
	}
	if err != nil {
		t.Fatal(err)
	}
}

func (p exclusivePrincipal) addr() string {
	return "mseram_" + p.prefix + "_policy_attachments_exclusive.test"
}

// config declares the exclusive set; each policy is "<Type>:<name>".
func (p exclusivePrincipal) config(env *acctest.Env, policies ...string) string {
	var elems []string
	for _, k := range policies {
		typ, name, _ := strings.Cut(k, ":")
		elems = append(elems, fmt.Sprintf("{ policy_name = %q, policy_type = %q }", name, typ))
	}
	return env.Config(fmt.Sprintf(`
resource "mseram_%[1]s_policy_attachments_exclusive" "test" {
  %[1]s_name = %[2]q
  policies = [%[3]s]
}
`, p.prefix, p.name, strings.Join(elems, ", ")))
}

// attachOutOfBand attaches a policy behind Terraform's back.
func attachOutOfBand(t *testing.T, c *alicloud.Client, kind alicloud.PrincipalKind, principal, policyName string) {
	t.Helper()
	if err := c.AttachPolicy(context.Background(), kind, principal, policyName, "System"); err != nil {
		t.Fatal(err)
	}
}

// testPolicyAttachmentsExclusive runs the life of an exclusive set on one
// principal: a policy attached before the resource exists and one attached
// after are both detached, the set is imported, changed, emptied, and its
// destroy leaves RAM as it was.
func testPolicyAttachmentsExclusive(t *testing.T, p exclusivePrincipal) {
	env := acctest.New(t)
	c := env.Client()
	p = p.named(env)
	p.create(t, c)
	custom := env.Name("mse-prod-yaml-rw")
	if _, err := c.CreatePolicy(context.Background(), alicloud.CreatePolicyInput{
		PolicyName:     custom,
		PolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"*"}]}`,
	}); err != nil {
		t.Fatal(err)
	}
	attachOutOfBand(t, c, p.kind, p.name, "AliyunECSReadOnlyAccess")
	kind := strings.ToLower(string(p.kind))
	two := []string{"System:AliyunMSEReadOnlyAccess", "Custom:" + custom}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// Destroying the set detaches nothing: RAM keeps the last set.
		CheckDestroy: env.AttachedExactly(kind, p.name, "System:AliyunMSEFullAccess"),
		Steps: []resource.TestStep{
			{
				// The policy attached before the resource existed is detached.
				Config: p.config(env, two...),
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly(kind, p.name, two...),
					resource.TestCheckResourceAttr(p.addr(), "id", p.name),
					resource.TestCheckResourceAttr(p.addr(), "policies.#", "2"),
				),
			},
			// A refresh saves that the changes were seen, so a drift made
			// next is shown at once, not after the propagation window.
			{RefreshState: true},
			{ResourceName: p.addr(), ImportState: true, ImportStateId: p.name, ImportStateVerify: true},
			{ResourceName: p.addr(), ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateId: p.name},
			{
				// Attached behind Terraform's back: the refresh shows it and
				// the plan is to detach it.
				PreConfig:          func() { attachOutOfBand(t, c, p.kind, p.name, "AliyunECSReadOnlyAccess") },
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(p.addr(), plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr(p.addr(), "policies.#", "3"),
					resource.TestCheckTypeSetElemNestedAttrs(p.addr(), "policies.*", map[string]string{
						"policy_name": "AliyunECSReadOnlyAccess", "policy_type": "System",
					}),
				),
			},
			{
				Config: p.config(env, two...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(p.addr(), plancheck.ResourceActionUpdate),
				}},
				Check: env.AttachedExactly(kind, p.name, two...),
			},
			{
				// An empty set detaches everything.
				Config: p.config(env),
				Check: resource.ComposeTestCheckFunc(
					env.AttachedExactly(kind, p.name),
					resource.TestCheckResourceAttr(p.addr(), "policies.#", "0"),
				),
			},
			{
				Config: p.config(env, "System:AliyunMSEFullAccess"),
				Check:  env.AttachedExactly(kind, p.name, "System:AliyunMSEFullAccess"),
			},
		},
	})
}

func TestAccUserPolicyAttachmentsExclusive_lifecycle(t *testing.T) {
	t.Parallel()
	testPolicyAttachmentsExclusive(t, exclusivePrincipal{alicloud.PrincipalUser, "user", "mse-ops"})
}

func TestAccGroupPolicyAttachmentsExclusive_lifecycle(t *testing.T) {
	t.Parallel()
	testPolicyAttachmentsExclusive(t, exclusivePrincipal{alicloud.PrincipalGroup, "group", "mse-developers"})
}

func TestAccRolePolicyAttachmentsExclusive_lifecycle(t *testing.T) {
	t.Parallel()
	testPolicyAttachmentsExclusive(t, exclusivePrincipal{alicloud.PrincipalRole, "role", "KubernetesWorkerRole-abc123"})
}

// An attachment resource and the exclusive set list the same policy: both
// converge on one state, a second plan is empty, and an out-of-band policy
// is still detached without touching the attachment resource's.
func TestAccUserPolicyAttachmentsExclusive_withAttachmentResource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	c := env.Client()
	user := env.Name("mse-dev")
	if _, err := c.CreateUser(context.Background(), alicloud.CreateUserInput{UserName: user}); err != nil {
		t.Fatal(err)
	}
	config := env.Config(env.Named(`
resource "mseram_user_policy_attachment" "read" {
  user_name   = "mse-dev"
  policy_name = "AliyunMSEReadOnlyAccess"
  policy_type = "System"
}

resource "mseram_user_policy_attachments_exclusive" "test" {
  user_name = "mse-dev"
  policies = [
    { policy_name = mseram_user_policy_attachment.read.policy_name, policy_type = "System" },
    { policy_name = "AliyunARMSReadOnlyAccess", policy_type = "System" },
  ]
}
`, "mse-dev"))
	both := []string{"System:AliyunMSEReadOnlyAccess", "System:AliyunARMSReadOnlyAccess"}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// The attachment resource detaches its policy; the set leaves its own.
		CheckDestroy: env.AttachedExactly("user", user, "System:AliyunARMSReadOnlyAccess"),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  env.AttachedExactly("user", user, both...),
			},
			{
				// A second plan and apply change nothing.
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
			},
			{
				PreConfig: func() { attachOutOfBand(t, c, alicloud.PrincipalUser, user, "AliyunECSReadOnlyAccess") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_user_policy_attachment.read", plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction("mseram_user_policy_attachments_exclusive.test", plancheck.ResourceActionUpdate),
				}},
				Check: env.AttachedExactly("user", user, both...),
			},
		},
	})
}

// The owner deleted outside Terraform: the set is removed from state (the
// plan is to create it again), not reported as an error.
func TestAccUserPolicyAttachmentsExclusive_ownerGone(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	c := env.Client()
	p := exclusivePrincipal{alicloud.PrincipalUser, "user", "leaver"}.named(env)
	p.create(t, c)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{Config: p.config(env, "System:AliyunMSEReadOnlyAccess")},
			{RefreshState: true},
			{
				PreConfig: func() {
					ctx := context.Background()
					if err := c.DetachPolicy(ctx, alicloud.PrincipalUser, p.name, "AliyunMSEReadOnlyAccess", "System"); err != nil {
						t.Fatal(err)
					}
					if err := c.DeleteUser(ctx, p.name); err != nil {
						t.Fatal(err)
					}
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				RefreshPlanChecks: resource.RefreshPlanChecks{PostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(p.addr(), plancheck.ResourceActionCreate),
				}},
				Check: func(s *terraform.State) error {
					if _, ok := s.RootModule().Resources[p.addr()]; ok {
						return fmt.Errorf("%s is still in state after its user was deleted", p.addr())
					}
					return nil
				},
			},
		},
	})
}

// Every step fails at plan or import-ID time, before any call: the names
// are literals, as nothing is created.
func TestAccExclusive_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
resource "mseram_user_policy_attachments_exclusive" "test" {
  user_name = "alice"
  policies  = [{ policy_name = "AliyunMSEFullAccess", policy_type = "system" }]
}
`),
				PlanOnly:    true,
				ExpectError: wrappedText(`value must be one of: ["System" "Custom"]`),
			},
			{
				Config: env.Config(`
resource "mseram_group_membership_exclusive" "test" {
  group_name = "ops"
  user_names = ["dev ops"]
}
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`(?s)user_names.*may contain only letters.*got: dev ops`),
			},
			{
				Config: env.Config(`
resource "mseram_role_policy_attachments_exclusive" "test" {
  role_name = "worker"
}
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`The argument "policies" is required`),
			},
			{
				Config: env.Config(`
resource "mseram_group_policy_attachments_exclusive" "test" {
  group_name = "mse-developers"
  policies   = []
}
`),
				ResourceName:  "mseram_group_policy_attachments_exclusive.test",
				ImportState:   true,
				ImportStateId: "group:mse-developers",
				ExpectError:   wrappedText(`Import mseram_group_policy_attachments_exclusive by the name of the RAM group`),
			},
		},
	})
}

// Under RAM's eventual consistency (ramsim shows every change to reads only
// after a delay) a user, its exclusive policies, a group and its exclusive
// members created in one apply read back as applied: the plan after the
// apply is empty.
func TestAccExclusive_eventualConsistency(t *testing.T) {
	t.Parallel()
	acctest.RamsimOnly(t, "the delay is the emulator's consistency fault, set for the test; a real account's delays come and go by chance")
	const consistency = 2 * time.Second
	env := acctest.NewWithConfig(t, ramsim.Config{Faults: "consistency=" + consistency.String()})
	// The checks read through the API, which shows a change only once the
	// delay has passed: they retry for a few delays.
	settled := func(checks ...resource.TestCheckFunc) resource.TestCheckFunc {
		check := resource.ComposeTestCheckFunc(checks...)
		return func(s *terraform.State) error {
			err := check(s)
			for end := time.Now().Add(3 * consistency); err != nil && time.Now().Before(end); {
				time.Sleep(consistency / 4)
				err = check(s)
			}
			return err
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             settled(env.CheckNoUsers, env.CheckNoGroups),
		Steps: []resource.TestStep{{
			Config: env.Config(env.Named(`
resource "mseram_user" "ops" {
  name          = "mse-ops"
  force_destroy = true
}

resource "mseram_group" "ops" {
  name          = "mse-ops"
  force_destroy = true
}

resource "mseram_user_policy_attachments_exclusive" "ops" {
  user_name = mseram_user.ops.name
  policies = [
    { policy_name = "AliyunMSEReadOnlyAccess", policy_type = "System" },
    { policy_name = "AliyunARMSReadOnlyAccess", policy_type = "System" },
  ]
}

resource "mseram_group_membership_exclusive" "ops" {
  group_name = mseram_group.ops.name
  user_names = [mseram_user.ops.name]
}
`, "mse-ops")),
			Check: settled(
				env.AttachedExactly("user", env.Name("mse-ops"), "System:AliyunMSEReadOnlyAccess", "System:AliyunARMSReadOnlyAccess"),
				env.GroupMembersExactly(env.Name("mse-ops"), env.Name("mse-ops")),
			),
		}},
	})
}
