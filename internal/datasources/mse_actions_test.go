// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

const mseActionsAddr = "data.mseram_mse_actions.test"

func mseActionsConfig(body string) string {
	return "provider \"mseram\" {}\n\ndata \"mseram_mse_actions\" \"test\" {\n" + body + "}\n"
}

// expectedNames applies the filters to the catalog independently of the
// data source's code.
func expectedNames(keep func(mse.Action) bool) []knownvalue.Check {
	var out []knownvalue.Check
	for _, a := range mse.Catalog() {
		if keep(a) {
			out = append(out, knownvalue.StringExact(a.Name))
		}
	}
	return out
}

func TestMSEActionsDataSource_filters(t *testing.T) {
	t.Parallel()
	all := expectedNames(func(mse.Action) bool { return true })
	configReads := expectedNames(func(a mse.Action) bool {
		return a.ReadOnly && a.Area == mse.AreaRegistryConfiguration && strings.Contains(a.Name, "NacosConfig")
	})
	itemWrites := expectedNames(func(a mse.Action) bool { return !a.ReadOnly && a.Scope == mse.ScopeItem })
	if len(all) < 200 || len(configReads) < 3 || len(itemWrites) < 3 {
		t.Fatalf("catalog too small for this test: %d actions, %d config reads, %d item writes", len(all), len(configReads), len(itemWrites))
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			{
				Config: mseActionsConfig(""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(mseActionsAddr, tfjsonpath.New("names"), knownvalue.ListExact(all)),
				},
			},
			{
				Config: mseActionsConfig(`
  read_only  = true
  area       = "registry_configuration"
  name_regex = "NacosConfig"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(mseActionsAddr, tfjsonpath.New("names"), knownvalue.ListExact(configReads)),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemNestedAttrs(mseActionsAddr, "actions.*", map[string]string{
						"name": "mse:GetNacosConfig", "read_only": "true", "scope": "item", "area": "registry_configuration",
						"source": "seed-001", "in_sdk": "true",
					}),
				),
			},
			{
				Config: mseActionsConfig(`
  read_only = false
  scope     = "item"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(mseActionsAddr, tfjsonpath.New("names"), knownvalue.ListExact(itemWrites)),
				},
			},
			{
				// A seed correction carries its note.
				Config: mseActionsConfig(`
  name_regex = "^mse:UploadWasmFile$"
`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(mseActionsAddr, tfjsonpath.New("actions"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.ObjectPartial(map[string]knownvalue.Check{
							"name":      knownvalue.StringExact("mse:UploadWasmFile"),
							"read_only": knownvalue.Bool(false),
							"note":      knownvalue.StringRegexp(regexp.MustCompile(`.+`)),
						}),
					})),
				},
			},
		},
	})
}

func TestMSEActionsDataSource_invalidFilters(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct{ body, want string }{
		"regex": {`name_regex = "mse:(Get"`, `(?s)name_regex "mse:\(Get" does not compile`},
		"scope": {`scope = "cluster"`, `(?s)scope.*value must be one of`},
		"area":  {`area = "nacos"`, `(?s)area.*value must be one of`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: accessCheckFactories,
				Steps:                    []resource.TestStep{{Config: mseActionsConfig(tc.body + "\n"), PlanOnly: true, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}
