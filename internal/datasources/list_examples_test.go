// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The documentation's examples of the list data sources and mseram_group
// are applied against a backend holding the objects they look up, and
// what they attach or add is checked in the backend. The list examples
// select across the whole account, as a user's configuration does, so they
// run on the emulator only; mseram_group's names one group, which the test
// names as its own, and runs on both backends.
func TestAccExamples_listDataSources(t *testing.T) {
	t.Parallel()
	type example struct {
		// ramsimOnly, when set, is why the example cannot run on a real
		// account; otherwise names are the example's quoted names that
		// become the test's (env.Named), so prepare and store take them
		// through env.Name.
		ramsimOnly string
		names      []string
		prepare    func(ctx context.Context, env *acctest.Env, must func(error))
		store      func(env *acctest.Env) []func(*terraform.State) error // checks of the backend's state
		state      []statecheck.StateCheck
	}
	names := func(addr string, want ...string) statecheck.StateCheck {
		checks := make([]knownvalue.Check, 0, len(want))
		for _, n := range want {
			checks = append(checks, knownvalue.StringExact(n))
		}
		return statecheck.ExpectKnownValue(addr, tfjsonpath.New("names"), knownvalue.ListExact(checks))
	}
	user := func(ctx context.Context, c *alicloud.Client, must func(error), name string, tags map[string]string) {
		u, err := c.CreateUser(ctx, alicloud.CreateUserInput{UserName: name})
		must(err)
		must(c.TagUser(ctx, u.UserID, tags))
	}
	for dir, ex := range map[string]example{
		"mseram_policies": {
			ramsimOnly: "the example lists every custom policy of the account tagged team = mse, and a real account has its own",
			prepare: func(ctx context.Context, env *acctest.Env, must func(error)) {
				_, err := env.Client().CreatePolicy(ctx, alicloud.CreatePolicyInput{PolicyName: "mse-config-read", PolicyDocument: listPolicyDoc,
					Tags: map[string]string{"team": "mse"}})
				must(err)
			},
			store: func(env *acctest.Env) []func(*terraform.State) error {
				return []func(*terraform.State) error{env.AttachedExactly("group", "mse-viewers", "System:AliyunMSEReadOnlyAccess")}
			},
			state: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("mse_team_policy_documents",
				knownvalue.MapExact(map[string]knownvalue.Check{"mse-config-read": knownvalue.StringExact(listPolicyDoc)}))},
		},
		"mseram_users": {
			ramsimOnly: "the example attaches a policy to every user of the account named svc-* and tagged team = mse: " +
				"on a real account it would change the account's own users",
			prepare: func(ctx context.Context, env *acctest.Env, must func(error)) {
				c := env.Client()
				user(ctx, c, must, "svc-registry", map[string]string{"team": "mse"})
				user(ctx, c, must, "svc-gateway", map[string]string{"team": "mse"})
				user(ctx, c, must, "svc-billing", map[string]string{"team": "billing"})
				user(ctx, c, must, "mse-ops", nil)
				_, err := c.CreateGroup(ctx, "mse-on-call", "")
				must(err)
				must(c.AddUserToGroup(ctx, "mse-on-call", "mse-ops"))
				must(c.AddUserToGroup(ctx, "mse-on-call", "svc-registry"))
				must(c.AttachPolicy(ctx, alicloud.PrincipalUser, "mse-ops", "AliyunMSEFullAccess", "System"))
			},
			store: func(env *acctest.Env) []func(*terraform.State) error {
				return []func(*terraform.State) error{
					env.AttachedExactly("user", "svc-registry", "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("user", "svc-gateway", "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("user", "svc-billing"),
				}
			},
			state: []statecheck.StateCheck{names("data.mseram_users.on_call_full_access", "mse-ops")},
		},
		"mseram_groups": {
			ramsimOnly: "the example lists the groups of the whole account that MSE's read-only policy is attached to, " +
				"which on a real account include its own",
			prepare: func(ctx context.Context, env *acctest.Env, must func(error)) {
				c := env.Client()
				user(ctx, c, must, "mse-ops", nil)
				for _, g := range []string{"mse-admins", "mse-viewers", "billing"} {
					_, err := c.CreateGroup(ctx, g, "")
					must(err)
				}
				must(c.AddUserToGroup(ctx, "mse-admins", "mse-ops"))
				must(c.AddUserToGroup(ctx, "billing", "mse-ops"))
				must(c.AttachPolicy(ctx, alicloud.PrincipalGroup, "mse-viewers", "AliyunMSEReadOnlyAccess", "System"))
			},
			state: []statecheck.StateCheck{
				names("data.mseram_groups.of_ops", "billing", "mse-admins"),
				names("data.mseram_groups.mse_readers", "mse-viewers"),
			},
		},
		"mseram_roles": {
			ramsimOnly: "the example attaches a policy to every role of the account named KubernetesWorkerRole-*: " +
				"on a real account it would change the roles ACK made for the account's clusters",
			prepare: func(ctx context.Context, env *acctest.Env, must func(error)) {
				c := env.Client()
				for name, tags := range map[string]map[string]string{
					"KubernetesWorkerRole-0d1e2f3a": nil, "KubernetesWorkerRole-9a8b7c6d": nil, "mse-deployer": {"team": "mse"},
				} {
					_, err := c.CreateRole(ctx, alicloud.CreateRoleInput{RoleName: name, AssumeRolePolicyDocument: listTrust, Tags: tags})
					must(err)
				}
			},
			store: func(env *acctest.Env) []func(*terraform.State) error {
				return []func(*terraform.State) error{
					env.AttachedExactly("role", "KubernetesWorkerRole-0d1e2f3a", "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("role", "KubernetesWorkerRole-9a8b7c6d", "System:AliyunMSEReadOnlyAccess"),
					env.AttachedExactly("role", "mse-deployer"),
				}
			},
			state: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("mse_team_role_arns",
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("acs:ram::" + acctest.AccountID + ":role/mse-deployer")}))},
		},
		"mseram_group": {
			names: []string{"mse-developers", "dev-li"},
			prepare: func(ctx context.Context, env *acctest.Env, must func(error)) {
				_, err := env.Client().CreateGroup(ctx, env.Name("mse-developers"), "")
				must(err)
			},
			store: func(env *acctest.Env) []func(*terraform.State) error {
				return []func(*terraform.State) error{env.GroupMembersExactly(env.Name("mse-developers"), env.Name("dev-li"))}
			},
		},
	} {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			if ex.ramsimOnly != "" {
				acctest.RamsimOnly(t, ex.ramsimOnly)
			}
			b, err := os.ReadFile("../../examples/data-sources/" + dir + "/data-source.tf")
			if err != nil {
				t.Fatal(err)
			}
			env := acctest.New(t)
			config := string(b)
			if ex.names != nil {
				config = env.Named(config, ex.names...)
			}
			ex.prepare(context.Background(), env, setup(t))
			checks := ex.state
			if ex.store != nil {
				checks = append(checks, acctest.StoreCheck(ex.store(env)...))
			}
			// The examples use for_each, which the testing framework's legacy
			// state cannot hold: the checks are state checks, and a second
			// step removes every resource before the framework reads that
			// state for its final destroy.
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				Steps: []resource.TestStep{
					{Config: env.Config(config), ConfigStateChecks: checks},
					{Config: env.ProviderConfig()},
				},
			})
		})
	}
}
