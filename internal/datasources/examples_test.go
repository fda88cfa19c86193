// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"os"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// The documentation's examples for the offline data sources and functions
// are applied against an emulator, so an example that stops working fails
// here (their postconditions and checks run too).
func TestAccExamples_offlineDataSourcesAndFunctions(t *testing.T) {
	t.Parallel()
	// Seed 001's example 4, as the policy_document example renders it.
	golden, err := os.ReadFile("../mse/testdata/001_example4_dataid.json")
	if err != nil {
		t.Fatal(err)
	}
	for file, policies := range map[string]map[string]acctest.PolicyWant{
		"../../examples/data-sources/mseram_policy_document/data-source.tf": {
			"mse-developer-prod-yaml": {Description: "Read the MSE instance, read and write prod.yaml", Document: string(golden), Versions: 1},
		},
		"../../examples/data-sources/mseram_mse_actions/data-source.tf":  nil,
		"../../examples/data-sources/mseram_access_check/data-source.tf": nil,
		"../../examples/functions/mse_resource_arn/function.tf":          nil,
		"../../examples/functions/policy_allows/function.tf":             {"mse-developer-prod-yaml": {Description: "Read the MSE instance, update prod.yaml"}},
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			env := acctest.New(t)
			var checks []resource.TestCheckFunc
			for name, want := range policies {
				checks = append(checks, env.PolicyMatches(env.Name(name), want))
			}
			// The examples' RAM objects get the test's names.
			config := env.Named(string(b), "mse-developer-prod-yaml", "mse-ingress-worker", "mse-update-prod-yaml", "mse-gateway-operator-hangzhou")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: env.Factories(),
				Steps:                    []resource.TestStep{{Config: env.Config(config), Check: resource.ComposeAggregateTestCheckFunc(checks...)}},
				CheckDestroy:             env.CheckNoCustomPolicies,
			})
		})
	}
}
