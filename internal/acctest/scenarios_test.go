// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The scenarios of examples/scenarios: each is applied against an emulator,
// then every row of its README's who-may-do-what table is called with the
// credentials the scenario created, and the emulator's store is checked.

const scenarioDir = "../../examples/scenarios/"

// The seeds' ids, as ramsim's default fixtures hold them.
const (
	seedInstance  = "mse-cn-0pp1j8om80a"
	seedNamespace = "3fd98c48-a709-4061-bba1-e341d79d681b"
	seedGateway   = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
)

// scenario reads a scenario's configuration and the path of its README.
func scenario(t *testing.T, name string) (config, readme string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(scenarioDir, name, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b), filepath.Join(scenarioDir, name, "README.md")
}

// Every scenario directory has a test below: a new one cannot be left out.
// scenarioRamsimOnly is why the scenarios need the emulator: their tables
// are proved with calls to MSE instances and gateways that exist only
// there, and their configurations name RAM objects as the guides do, not
// with a test's prefix.
const scenarioRamsimOnly = "the who-may-do-what table is proved by calls to the emulated MSE, and the configuration's names are the guide's"

func TestScenariosAllTested(t *testing.T) {
	tested := map[string]bool{
		"01-ops-and-developers":             true,
		"02-seed001-typed-policies":         true,
		"03-gateway-access":                 true,
		"04-mse-service-linked-role":        true,
		"05-mss-service-linked-roles":       true,
		"06-ingress-controller-worker-role": true,
		"07-delegated-user-admin":           true,
	}
	entries, err := os.ReadDir(scenarioDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && !tested[e.Name()] {
			t.Errorf("scenario %s has no acceptance test in scenarios_test.go", e.Name())
		}
		if e.IsDir() {
			if _, err := acctest.ParseScenarioTable(filepath.Join(scenarioDir, e.Name(), "README.md")); err != nil {
				t.Errorf("scenario %s: %v", e.Name(), err)
			}
		}
	}
}

func TestAccScenario01_opsAndDevelopers(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "01-ops-and-developers")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{{
			Config: env.Config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				env.CheckScenarioTable(readme, nil),
				acctest.StoreCheck(
					env.AttachedExactly("user", "mse-ops", "System:AliyunMSEFullAccess"),
					env.AttachedExactly("user", "mse-developer", "System:AliyunMSEReadOnlyAccess"),
					env.NacosConfigContent(seedInstance, seedNamespace, "DEFAULT_GROUP", "prod.yaml", "timeout=30"),
					env.GatewayRoutesExactly(seedGateway, "test-route", "orders-route"),
				),
			},
		}},
	})
}

func TestAccScenario02_seed001TypedPolicies(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "02-seed001-typed-policies")
	golden := func(name string) string {
		b, err := os.ReadFile("../mse/testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	policy := func(name, golden string) func(*terraform.State) error {
		return env.PolicyMatches(name, acctest.PolicyWant{Description: "Seed 001 example policy, rendered from typed inputs", Document: golden, Versions: 1})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoUsers, env.CheckNoCustomPolicies),
		Steps: []resource.TestStep{{
			Config: env.Config(config),
			ConfigStateChecks: []statecheck.StateCheck{env.CheckScenarioTable(readme, nil), acctest.StoreCheck(
				// The documents in the emulator are the seed's, corrected.
				policy("mse-instance-admin", golden("001_example1_instance.json")),
				policy("mse-all-readonly", golden("001_example2_readonly.json")),
				policy("mse-namespace-rw", golden("001_example3_namespace.json")),
				policy("mse-prod-yaml-rw", golden("001_example4_dataid.json")),
				policy("mse-service-rw", golden("001_example5_service.json")),
				env.NacosConfigContent(seedInstance, seedNamespace, "DEFAULT_GROUP", "prod.yaml", "by-prod-yaml-rw"),
				env.NacosConfigContent(seedInstance, seedNamespace, "DEFAULT_GROUP", "dev.yaml", "by-namespace-rw"),
				env.NacosConfigContent(seedInstance, seedNamespace, "DEFAULT_GROUP", "new.yaml", "by-namespace-rw"),
				env.NacosConfigContent(seedInstance, "public", "DEFAULT_GROUP", "admin.yaml", "by-admin"),
			)},
		}},
	})
}

func TestAccScenario03_gatewayAccess(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "03-gateway-access")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoUsers, env.CheckNoGroups, env.CheckNoCustomPolicies),
		Steps: []resource.TestStep{{
			Config: env.Config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				env.CheckScenarioTable(readme, nil),
				acctest.StoreCheck(
					env.GroupMembersExactly("gateway-viewers", "gw-viewer"),
					env.GroupMembersExactly("gateway-operators", "gw-operator"),
					env.AttachedExactly("group", "gateway-viewers", "Custom:gateway-viewer"),
					env.AttachedExactly("group", "gateway-operators", "Custom:gateway-operator"),
					// Only the operator's route was added.
					env.GatewayRoutesExactly(seedGateway, "test-route", "operator-route"),
				),
			},
		}},
	})
}

func TestAccScenario04_mseServiceLinkedRole(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "04-mse-service-linked-role")
	const dataSource = "data.mseram_service_linked_roles.mse"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		// Terraform removes its own role and leaves the one the installer
		// created, as it would leave one MSE created.
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoUsers, env.CheckNoCustomPolicies, env.SLRAbsent("AliyunServiceRoleForMSEEngineService"),
			func(*terraform.State) error {
				if _, ok := env.Server.Role("AliyunServiceRoleForMSE"); !ok {
					return fmt.Errorf("the role the installer created is gone")
				}
				return nil
			},
		),
		Steps: []resource.TestStep{{
			Config: env.Config(config),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("roles").AtSliceIndex(1).AtMapKey("exists"), knownvalue.Bool(true)),
				statecheck.ExpectKnownValue(dataSource, tfjsonpath.New("roles").AtSliceIndex(0).AtMapKey("exists"), knownvalue.Bool(false)),
				env.CheckScenarioTable(readme, nil),
				acctest.StoreCheck(
					// The installer's allowed call created MSE's role; the
					// refused one created nothing.
					func(*terraform.State) error {
						if _, ok := env.Server.Role("AliyunServiceRoleForMSE"); !ok {
							return fmt.Errorf("AliyunServiceRoleForMSE was not created by the installer's call")
						}
						return nil
					},
					env.SLRAbsent("AliyunServiceRoleForMssp"),
					env.AttachedExactly("role", "AliyunServiceRoleForMSEEngineService", "System:AliyunServiceRolePolicyForMSEEngineService"),
				),
			},
		}},
	})
}

func TestAccScenario05_mssServiceLinkedRoles(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "05-mss-service-linked-roles")
	const subscription = "acs:mssp:cn-hangzhou:" + acctest.AccountID + ":subscription/mss-basic-2026"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoServiceLinkedRoles, env.CheckNoUsers, env.CheckNoCustomPolicies),
		Steps: []resource.TestStep{
			{
				Config: env.Config(config),
				ConfigStateChecks: []statecheck.StateCheck{
					env.CheckScenarioTable(readme, nil),
					acctest.StoreCheck(
						env.AttachedExactly("role", "AliyunServiceRoleForMssp", "System:AliyunServiceRolePolicyForMssp"),
						env.AttachedExactly("role", "AliyunServiceRoleForESAMssp", "System:AliyunServiceRolePolicyForESAMssp"),
					),
				},
			},
			{
				// The subscription is active: destroy is refused and names it.
				PreConfig:   func() { env.SetServiceInUse("mssp.aliyuncs.com", true, subscription) },
				Config:      env.Config(config),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)AliyunServiceRoleForMssp.*` + regexp.QuoteMeta(subscription)),
			},
			{
				// The role stays, in the emulator and in state.
				Config: env.Config(config),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("mseram_service_linked_role.mss", tfjsonpath.New("role_name"), knownvalue.StringExact("AliyunServiceRoleForMssp")),
					acctest.StoreCheck(env.AttachedExactly("role", "AliyunServiceRoleForMssp", "System:AliyunServiceRolePolicyForMssp")),
				},
			},
			{
				// The subscription expired: the final destroy succeeds.
				PreConfig: func() { env.SetServiceInUse("mssp.aliyuncs.com", false) },
				Config:    env.Config(config),
			},
		},
	})
}

func TestAccScenario06_ingressControllerWorkerRole(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "06-ingress-controller-worker-role")
	const role = "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"
	// ACK's role trusts ECS; this copy also trusts the account, so that the
	// test can stand in for a worker node.
	if _, err := env.Client().CreateRole(context.Background(), alicloud.CreateRoleInput{
		RoleName: role,
		AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole",` +
			`"Principal":{"Service":["ecs.aliyuncs.com"],"RAM":["acs:ram::` + acctest.AccountID + `:root"]}}]}`,
		Description: "Created by ACK for the cluster's worker nodes",
	}); err != nil {
		t.Fatal(err)
	}
	// Filled in when the step runs; the table check reads it then.
	assumed := map[string]acctest.Credential{}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoCustomPolicies,
			env.AttachedExactly("role", role),
			func(*terraform.State) error {
				if _, ok := env.Server.Role(role); !ok {
					return fmt.Errorf("ACK's role %q was deleted", role)
				}
				return nil
			},
		),
		Steps: []resource.TestStep{
			{
				Config: env.Config(config),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.mseram_role.worker", tfjsonpath.New("arn"), knownvalue.StringExact("acs:ram::"+acctest.AccountID+":role/"+role)),
					acctest.StoreCheck(env.AttachedExactly("role", role, "System:AliyunMSEFullAccess", "Custom:mse-ingress-sls")),
				},
			},
			{
				// The node's temporary credentials carry the role's policies.
				PreConfig: func() {
					assumed["worker"] = env.AssumeRole("acs:ram::"+acctest.AccountID+":role/"+role, "ingress-controller")
				},
				Config: env.Config(config),
				ConfigStateChecks: []statecheck.StateCheck{
					env.CheckScenarioTable(readme, assumed),
					acctest.StoreCheck(
						env.GatewayRoutesExactly(seedGateway, "test-route", "ingress-orders"),
						func(*terraform.State) error {
							if _, ok := env.Server.Role("AliyunServiceRoleForMSE"); !ok {
								return fmt.Errorf("the worker's allowed CreateServiceLinkedRole created nothing")
							}
							return nil
						},
					),
				},
			},
		},
	})
}

func TestAccScenario07_delegatedUserAdmin(t *testing.T) {
	acctest.RamsimOnly(t, scenarioRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config, readme := scenario(t, "07-delegated-user-admin")
	// What the refused calls would have changed, had one been allowed.
	unchanged := acctest.StoreCheck(
		env.AttachedExactly("user", "helpdesk", "Custom:helpdesk-delegation"),
		env.AttachedExactly("user", "contractor-ann"),
		env.AttachedExactly("group", "helpdesk-team"),
		env.AttachedExactly("role", "deployer"),
		env.GroupMembersExactly("admins"),
		env.GroupMembersExactly("contractors"),
		func(*terraform.State) error {
			for _, name := range []string{"admin-ann", "contractor-bob"} {
				if _, ok := env.Server.User(name); ok {
					return fmt.Errorf("user %s exists: a refused call changed the emulator", name)
				}
			}
			return nil
		},
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             resource.ComposeTestCheckFunc(env.CheckNoUsers, env.CheckNoCustomPolicies),
		Steps: []resource.TestStep{{
			Config:            env.Config(config),
			ConfigStateChecks: []statecheck.StateCheck{env.CheckScenarioTable(readme, nil), unchanged},
		}},
	})
}
