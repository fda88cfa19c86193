// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package functions_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestMSEResourceARNFunction_levels(t *testing.T) {
	t.Parallel()
	const (
		instance = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a"
		ns       = instance + "/3fd98c48-a709-4061-bba1-e341d79d681b"
	)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}

locals {
  instance  = "mse-cn-0pp1j8om80a"
  namespace = "3fd98c48-a709-4061-bba1-e341d79d681b"
}

output "instance" {
  value = provider::mseram::mse_resource_arn(local.instance, null, null, null)
}

output "namespace" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, null, null)
}

output "group" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", null)
}

output "data_id" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "prod.yaml")
}

output "service" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "test-service")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("instance", knownvalue.StringExact(instance)),
				statecheck.ExpectKnownOutputValue("namespace", knownvalue.StringExact(ns)),
				statecheck.ExpectKnownOutputValue("group", knownvalue.StringExact(ns+"/DEFAULT_GROUP")),
				statecheck.ExpectKnownOutputValue("data_id", knownvalue.StringExact(ns+"/DEFAULT_GROUP/prod.yaml")),
				statecheck.ExpectKnownOutputValue("service", knownvalue.StringExact(ns+"/DEFAULT_GROUP/test-service")),
			},
		}},
	})
}

// The optional scope map sets the region and the account; either alone, a
// null value or an empty map leaves the segment at "*".
func TestMSEResourceARNFunction_regionAndAccount(t *testing.T) {
	t.Parallel()
	const gw = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}

locals {
  gateway = "` + gw + `"
  account = "1234567890123456"
}

output "region" {
  value = provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = "cn-hangzhou" })
}

output "account" {
  value = provider::mseram::mse_resource_arn(local.gateway, null, null, null, { account_id = local.account })
}

output "both" {
  value = provider::mseram::mse_resource_arn("mse-1", "public", "DEFAULT_GROUP", "prod.yaml",
  { region = "cn-hangzhou", account_id = local.account })
}

output "null_region" {
  value = provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = null, account_id = local.account })
}

output "empty_map" {
  value = provider::mseram::mse_resource_arn(local.gateway, null, null, null, {})
}

output "explicit_stars" {
  value = provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = "*", account_id = "*" })
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("region", knownvalue.StringExact("acs:mse:cn-hangzhou:*:instance/"+gw)),
				statecheck.ExpectKnownOutputValue("account", knownvalue.StringExact("acs:mse:*:1234567890123456:instance/"+gw)),
				statecheck.ExpectKnownOutputValue("both", knownvalue.StringExact(
					"acs:mse:cn-hangzhou:1234567890123456:instance/mse-1/public/DEFAULT_GROUP/prod.yaml")),
				statecheck.ExpectKnownOutputValue("null_region", knownvalue.StringExact("acs:mse:*:1234567890123456:instance/"+gw)),
				statecheck.ExpectKnownOutputValue("empty_map", knownvalue.StringExact("acs:mse:*:*:instance/"+gw)),
				statecheck.ExpectKnownOutputValue("explicit_stars", knownvalue.StringExact("acs:mse:*:*:instance/"+gw)),
			},
		}},
	})
}

// Every error names the argument and says how to fix it. An empty or blank
// string never leaves a segment out: that is what null is for.
func TestMSEResourceARNFunction_errors(t *testing.T) {
	t.Parallel()
	// A space in pattern matches any run of whitespace: Terraform wraps long messages.
	step := func(args, pattern string) resource.TestStep {
		return resource.TestStep{
			Config:      "provider \"mseram\" {}\noutput \"x\" {\n  value = provider::mseram::mse_resource_arn(" + args + ")\n}\n",
			ExpectError: regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`)),
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			// Empty and blank strings.
			step(`"", null, null, null`, `(?s)"instance_id".*instance_id: must not be empty: name the instance or gateway`),
			step(`"mse-1", "", null, null`, `(?s)"namespace_id".*namespace_id: is empty: pass null to leave it out`),
			step(`"mse-1", "ns", "", null`, `(?s)"group".*group: is empty: pass null to leave it out`),
			step(`"mse-1", "ns", "DEFAULT_GROUP", "  "`, `(?s)"name".*name: is empty: pass null to leave it out`),
			// The old way of leaving segments out is refused, naming the first.
			step(`"mse-1", "", "", ""`, `(?s)"namespace_id".*pass null to leave it out`),
			// Null.
			step(`null, null, null, null`, `(?s)"instance_id".*must not be null`),
			step(`"mse-1", null, "DEFAULT_GROUP", null`, `(?s)"group".*group: set without namespace_id`),
			step(`"mse-1", "ns", null, "prod.yaml"`, `(?s)"name".*name: set without group`),
			// Segment contents.
			step(`"mse-1", "ns", "DEFAULT_GROUP", "a/b.yaml"`, `(?s)"name".*name: "a/b.yaml" contains '/'`),
			step(`"mse-1/ns", null, null, null`, `(?s)"instance_id".*instance_id: "mse-1/ns" contains '/'`),
			// The scope map.
			step(`"gw-1", null, null, null, { region = "" }`, `(?s)"scope".*scope.region: is empty: leave the key out, or set it to null`),
			step(`"gw-1", null, null, null, { account_id = " " }`, `(?s)"scope".*scope.account_id: is empty`),
			step(`"gw-1", null, null, null, { region = "CN-Hangzhou" }`, `(?s)"scope".*scope.region: "CN-Hangzhou" contains 'C'; allowed are lower-case letters`),
			step(`"gw-1", null, null, null, { account_id = "acct-1" }`, `(?s)"scope".*scope.account_id: "acct-1" contains 'a'; allowed are decimal digits`),
			step(`"gw-1", null, null, null, { regoin = "cn-hangzhou" }`, `(?s)"scope".*scope: unknown key "regoin": the keys are account_id and region`),
			step(`"gw-1", null, null, null, { region = "cn-hangzhou" }, { account_id = "1" }`, `(?s)"scope".*2 scope maps given: pass at most one map`),
		},
	})
}
