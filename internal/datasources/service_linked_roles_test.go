// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

const slrsAddr = "data.mseram_service_linked_roles.all"

// slrEntry is the expected element of roles for a catalog entry.
func slrEntry(e mse.ServiceLinkedRole, arn knownvalue.Check) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"service_name":          knownvalue.StringExact(e.ServiceName),
		"role_name":             knownvalue.StringExact(e.RoleName),
		"description":           knownvalue.StringExact(e.Description),
		"accepts_custom_suffix": knownvalue.Bool(e.AcceptsSuffix),
		"accepts_description":   knownvalue.Bool(e.AcceptsDescription),
		"system_policy":         knownvalue.StringExact(e.PolicyName),
		"source":                knownvalue.StringExact(e.Source),
		"exists":                knownvalue.Bool(arn != nil),
		"arn":                   orNull(arn),
	})
}

func orNull(c knownvalue.Check) knownvalue.Check {
	if c == nil {
		return knownvalue.Null()
	}
	return c
}

func TestAccServiceLinkedRolesDataSource(t *testing.T) {
	acctest.RamsimOnly(t, "the test starts from an account without service-linked roles and creates MSE's, a role its service may be using in a real account")
	t.Parallel()
	env := acctest.New(t)
	cat := mse.ServiceLinkedRoles()
	mseArn := knownvalue.StringExact("acs:ram::" + acctest.AccountID + ":role/aliyunserviceroleformse")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoServiceLinkedRoles,
		Steps: []resource.TestStep{
			{
				// Nothing exists yet: the whole catalog, exists = false.
				Config: env.Config(`data "mseram_service_linked_roles" "all" {}`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(slrsAddr, tfjsonpath.New("roles"), knownvalue.ListExact([]knownvalue.Check{
						slrEntry(cat[0], nil), slrEntry(cat[1], nil), slrEntry(cat[2], nil), slrEntry(cat[3], nil),
					})),
				},
			},
			{
				// MSE's role created: exists = true with its ARN, the others false.
				Config: env.Config(`
resource "mseram_service_linked_role" "mse" {
  service_name = "mse.aliyuncs.com"
}

data "mseram_service_linked_roles" "all" {
  depends_on = [mseram_service_linked_role.mse]
}

data "mseram_service_linked_roles" "mss" {
  service_names = ["mssp.aliyuncs.com", "mse.aliyuncs.com"]
  depends_on    = [mseram_service_linked_role.mse]
}
`),
				Check: env.SLRMatches("", "AliyunServiceRoleForMSE", acctest.SLRWant{ServiceName: "mse.aliyuncs.com", Policy: "AliyunServiceRolePolicyForMSE"}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(slrsAddr, tfjsonpath.New("roles"), knownvalue.ListExact([]knownvalue.Check{
						slrEntry(cat[0], mseArn), slrEntry(cat[1], nil), slrEntry(cat[2], nil), slrEntry(cat[3], nil),
					})),
					// The filter keeps catalog order.
					statecheck.ExpectKnownValue("data.mseram_service_linked_roles.mss", tfjsonpath.New("roles"), knownvalue.ListExact([]knownvalue.Check{
						slrEntry(cat[0], mseArn), slrEntry(cat[2], nil),
					})),
				},
			},
			{
				Config: env.Config(`
data "mseram_service_linked_roles" "all" {
  service_names = ["nacos.aliyuncs.com"]
}
`),
				ExpectError: regexp.MustCompile(`(?s)Unknown service.*"nacos.aliyuncs.com" is not in the provider's`),
			},
		},
	})
}

// The documentation's example applies and reports both MSE roles missing
// in an empty account.
func TestAccServiceLinkedRolesDataSource_example(t *testing.T) {
	acctest.RamsimOnly(t, "the example's answer is that of an account without MSE's service-linked roles, which a real account may have")
	t.Parallel()
	b, err := os.ReadFile("../../examples/data-sources/mseram_service_linked_roles/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(string(b)),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("missing_mse_roles", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("AliyunServiceRoleForMSE"), knownvalue.StringExact("AliyunServiceRoleForMSEEngineService"),
				})),
				statecheck.ExpectKnownValue("data.mseram_service_linked_roles.all", tfjsonpath.New("roles"), knownvalue.ListSizeExact(len(mse.ServiceLinkedRoles()))),
			},
		}},
	})
}
