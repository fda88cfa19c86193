// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

const (
	slrAddr    = "mseram_service_linked_role.test"
	mseService = "mse.aliyuncs.com"
	mseRole    = "AliyunServiceRoleForMSE"
	msePolicy  = "AliyunServiceRolePolicyForMSE"
)

func slrConfig(service, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_service_linked_role" "test" {
  service_name = %q
%s
}
`, service, attrs)
}

// `terraform plan -generate-config-out` writes an imported role's
// description, which is the service's own: that is not a custom one, so
// the configuration it wrote plans and applies (nothing custom is sent).
// slrRamsimOnly is why these tests need the emulator: they create and
// delete, or mark in use, the roles of real services.
const slrRamsimOnly = "a service-linked role is named by its service, not by the test: " +
	"creating or deleting one would touch the account's real role, which its service may be using"

func TestAccServiceLinkedRole_ownDescription(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	e, _ := mse.ServiceLinkedRoleFor(mseService)
	config := env.Config(slrConfig(mseService, "  description = "+acctest.HCLString(e.Description)))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("description"), knownvalue.StringExact(e.Description)),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("role_name"), knownvalue.StringExact(mseRole)),
				},
			},
			{Config: config, PlanOnly: true},
		},
	})
}

func TestAccServiceLinkedRole_basic(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(slrConfig(mseService, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  env.SLRMatches(slrAddr, mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("id"), knownvalue.StringExact(mseRole)),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("role_name"), knownvalue.StringExact(mseRole)),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("role_id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9]+$`))),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("arn"), knownvalue.StringExact("acs:ram::"+acctest.AccountID+":role/aliyunserviceroleformse")),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("assume_role_policy_document"), knownvalue.StringRegexp(regexp.MustCompile(`"Service":\["mse\.aliyuncs\.com"\]`))),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("description"), knownvalue.StringRegexp(regexp.MustCompile(`^Microservices Engine`))),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("custom_suffix"), knownvalue.Null()),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("allow_unknown_service"), knownvalue.Bool(false)),
				},
			},
			{
				// A refresh and a re-plan change nothing.
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// terraform import mseram_service_linked_role.test mse.aliyuncs.com
				ResourceName:      slrAddr,
				ImportState:       true,
				ImportStateId:     mseService,
				ImportStateVerify: true,
			},
			{
				// terraform import mseram_service_linked_role.test AliyunServiceRoleForMSE
				ResourceName:      slrAddr,
				ImportState:       true,
				ImportStateId:     mseRole,
				ImportStateVerify: true,
			},
			{
				// import { to = ..., id = "mse.aliyuncs.com" } plans no change.
				ResourceName:    slrAddr,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   mseService,
			},
		},
	})
}

// The catalog refuses, at plan time and before any API call, what the
// service would refuse.
func TestAccServiceLinkedRole_planTimeRefusals(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	noCall := func(*terraform.State) error { return env.CheckNoServiceLinkedRoles(nil) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				Config:      env.Config(slrConfig("nacos.aliyuncs.com", "")),
				ExpectError: regexp.MustCompile(`(?s)Unknown service.*"nacos.aliyuncs.com" is not\s+in\s+the.*allow_unknown_service`),
			},
			{
				Config:      env.Config(slrConfig("MSE", "")),
				ExpectError: regexp.MustCompile(`(?s)service_name.*"MSE" is not a service\s+name;\s+did\s+you\s+mean\s+"mse.aliyuncs.com"\?`),
			},
			{
				Config:      env.Config(slrConfig(mseService, `  custom_suffix = "blue"`)),
				ExpectError: regexp.MustCompile(`(?s)custom_suffix.*mse\.aliyuncs\.com does not accept a custom.*suffix`),
			},
			{
				Config:      env.Config(slrConfig("mssp.aliyuncs.com", `  description = "mine"`)),
				ExpectError: regexp.MustCompile(`(?s)description.*mssp\.aliyuncs\.com does not accept a custom.*description`),
			},
			{
				// Nothing reached the emulator.
				Config: env.Config(`output "x" { value = 1 }`),
				Check:  noCall,
			},
		},
	})
}

// A service that only the emulator knows, reached with allow_unknown_service,
// and that accepts a custom suffix and description: both are sent, and
// import recovers them.
func TestAccServiceLinkedRole_unknownServiceSuffixDescription(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.NewWithConfig(t, ramsim.Config{ExtraServiceLinkedRoles: []ramsim.ServiceLinkedRoleSpec{{
		ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB",
		Description: "default", AllowsCustomSuffix: true, AllowsDescription: true, Source: "test",
	}}})
	const name = "AliyunServiceRoleForPolarDB_prod"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				// Without the escape hatch the provider refuses it.
				Config:      env.Config(slrConfig("polardb.aliyuncs.com", `  custom_suffix = "prod"`)),
				ExpectError: regexp.MustCompile(`Unknown service`),
			},
			{
				// Even with it, the suffix's alphabet is checked at plan time.
				Config: env.Config(slrConfig("polardb.aliyuncs.com", `
  allow_unknown_service = true
  custom_suffix         = "prod env"
`)),
				ExpectError: regexp.MustCompile(`(?s)custom_suffix.*may contain only letters`),
			},
			{
				Config: env.Config(slrConfig("polardb.aliyuncs.com", `
  allow_unknown_service = true
  custom_suffix         = "prod"
  description           = "PolarDB for the prod clusters"
`)),
				Check: env.SLRMatches(slrAddr, name, acctest.SLRWant{ServiceName: "polardb.aliyuncs.com", Description: "PolarDB for the prod clusters"}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("id"), knownvalue.StringExact(name)),
					statecheck.ExpectKnownValue(slrAddr, tfjsonpath.New("custom_suffix"), knownvalue.StringExact("prod")),
				},
			},
			{
				// By role name; the import sets allow_unknown_service, as the
				// configuration needs it.
				ResourceName:      slrAddr,
				ImportState:       true,
				ImportStateId:     name,
				ImportStateVerify: true,
			},
			{
				// By a service name the catalog does not know: refused with advice.
				ResourceName:  slrAddr,
				ImportState:   true,
				ImportStateId: "polardb.aliyuncs.com",
				ExpectError:   regexp.MustCompile(`(?s)not in the provider's service-linked.*Import the role by its role name`),
			},
			{
				// A new suffix replaces the role.
				Config: env.Config(slrConfig("polardb.aliyuncs.com", `
  allow_unknown_service = true
  custom_suffix         = "dev"
  description           = "PolarDB for the prod clusters"
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(slrAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeTestCheckFunc(
					env.SLRMatches(slrAddr, "AliyunServiceRoleForPolarDB_dev", acctest.SLRWant{ServiceName: "polardb.aliyuncs.com", Description: "PolarDB for the prod clusters"}),
					env.SLRAbsent(name),
				),
			},
		},
	})
}

// A role the service created itself: create fails with the import command
// and block, then import adopts it.
func TestAccServiceLinkedRole_alreadyExistsAdopt(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(slrConfig(mseService, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if _, err := env.Client().CreateServiceLinkedRole(context.Background(), mseService, "", ""); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Role.*terraform import mseram_service_linked_role\.<NAME> mse\.aliyuncs\.com` +
					`.*import \{\s+to = mseram_service_linked_role\.<NAME>\s+id = "mse\.aliyuncs\.com"\s+\}`),
			},
			{
				// Adopt it by service name; the import is kept in state.
				Config:             config,
				ResourceName:       slrAddr,
				ImportState:        true,
				ImportStateId:      mseService,
				ImportStatePersist: true,
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 || states[0].Attributes["role_name"] != mseRole || states[0].Attributes["service_name"] != mseService {
						return fmt.Errorf("imported %v", states)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check:            env.SLRMatches(slrAddr, mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
			},
		},
	})
}

func TestAccServiceLinkedRole_disappears(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(slrConfig("mssp.aliyuncs.com", ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				PreConfig: func() { env.DeleteServiceLinkedRole("AliyunServiceRoleForMssp") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectNonEmptyPlan(),
					plancheck.ExpectResourceAction(slrAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.SLRMatches(slrAddr, "AliyunServiceRoleForMssp", acctest.SLRWant{ServiceName: "mssp.aliyuncs.com", Policy: "AliyunServiceRolePolicyForMssp"}),
			},
		},
	})
}

// Deleting a role its service still uses fails, naming every resource that
// uses it, and keeps the role in the account and in state; once released,
// destroy succeeds.
func TestAccServiceLinkedRole_deleteInUse(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(slrConfig(mseService, ""))
	const gw, nacos = "acs:mse:cn-hangzhou:" + acctest.AccountID + ":instance/gw-123", "acs:mse:cn-hangzhou:" + acctest.AccountID + ":instance/mse-cn-456"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig:   func() { env.Server.SetServiceInUse(mseService, true, []string{gw, nacos}) },
				Config:      config,
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)still in use.*in\s+use\s+by\s+mse.*` + regexp.QuoteMeta(gw) + `.*` + regexp.QuoteMeta(nacos) + `.*Release\s+these\s+resources`),
			},
			{
				// Still there, in the emulator and in state: nothing to do.
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				Check: resource.ComposeTestCheckFunc(
					env.SLRMatches(slrAddr, mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
					resource.TestCheckResourceAttr(slrAddr, "id", mseRole),
				),
			},
			{
				// Released through the admin endpoint: the final destroy
				// (checked by CheckDestroy) succeeds.
				PreConfig: func() { env.SetServiceInUse(mseService, false) },
				Config:    config,
			},
		},
	})
}

// A deletion that outlives the delete timeout fails and keeps the role; a
// later destroy with a longer timeout resumes the same task.
func TestAccServiceLinkedRole_deleteTimeout(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	env := acctest.NewWithConfig(t, ramsim.Config{DeletionPolls: 4})
	withTimeout := func(d string) string {
		return env.Config(slrConfig(mseService, fmt.Sprintf("  timeouts = { delete = %q }", d)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{Config: withTimeout("1s")},
			{
				Config:      withTimeout("1s"),
				Destroy:     true,
				ExpectError: regexp.MustCompile(`(?s)Timed out deleting service-linked role.*timeouts.delete`),
			},
			{
				Config: withTimeout("5m"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(slrAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.SLRMatches(slrAddr, mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
			},
		},
	})
}

// The documentation's examples apply: resource.tf (its unknown service is
// given to the emulator) and import-by-string-id.tf adopting a role that
// already exists.
func TestAccServiceLinkedRole_examples(t *testing.T) {
	acctest.RamsimOnly(t, slrRamsimOnly)
	t.Parallel()
	dir := "../../examples/resources/mseram_service_linked_role/"
	example, err := os.ReadFile(dir + "resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	importBlock, err := os.ReadFile(dir + "import-by-string-id.tf")
	if err != nil {
		t.Fatal(err)
	}
	env := acctest.NewWithConfig(t, ramsim.Config{ExtraServiceLinkedRoles: []ramsim.ServiceLinkedRoleSpec{{
		ServiceName: "example.aliyuncs.com", RoleName: "AliyunServiceRoleForExample", AllowsCustomSuffix: true, AllowsDescription: true, Source: "test",
	}}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				Config: env.Config(string(example)),
				Check: resource.ComposeTestCheckFunc(
					env.SLRMatches("mseram_service_linked_role.mse", mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
					env.SLRMatches("mseram_service_linked_role.mse_engine", "AliyunServiceRoleForMSEEngineService",
						acctest.SLRWant{ServiceName: "engine-service.mse.aliyuncs.com", Policy: "AliyunServiceRolePolicyForMSEEngineService"}),
					env.SLRMatches("mseram_service_linked_role.other", "AliyunServiceRoleForExample_prod",
						acctest.SLRWant{ServiceName: "example.aliyuncs.com", Description: "Role of the example service for the prod account"}),
				),
			},
			{
				// Destroy everything, then let MSE create its role behind
				// Terraform's back and adopt it with the import block.
				Config: env.Config(`output "none" { value = 0 }`),
				Check:  func(*terraform.State) error { return env.CheckNoServiceLinkedRoles(nil) },
			},
			{
				PreConfig: func() {
					if _, err := env.Client().CreateServiceLinkedRole(context.Background(), mseService, "", ""); err != nil {
						t.Fatal(err)
					}
				},
				Config: env.Config(string(importBlock) + slrMSEResourceNamedMSE),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("mseram_service_linked_role.mse", plancheck.ResourceActionNoop),
				}},
				Check: env.SLRMatches("mseram_service_linked_role.mse", mseRole, acctest.SLRWant{ServiceName: mseService, Policy: msePolicy}),
			},
		},
	})
}

const slrMSEResourceNamedMSE = `
resource "mseram_service_linked_role" "mse" {
  service_name = "mse.aliyuncs.com"
}
`
