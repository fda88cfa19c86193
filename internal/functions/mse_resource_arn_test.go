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
  value = provider::mseram::mse_resource_arn(local.instance, "", "", "")
}

output "namespace" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, "", "")
}

output "group" {
  value = provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "")
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

func TestMSEResourceARNFunction_errors(t *testing.T) {
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
			step(`"", "", "", ""`, `(?s)instance_id.*instance_id must not be empty`),
			step(`"", "ns", "", ""`, `(?s)instance_id.*instance_id must not be empty`),
			step(`"mse-1", "", "DEFAULT_GROUP", ""`, `(?s)namespace_id.*namespace_id is empty but group is "DEFAULT_GROUP"`),
			step(`"mse-1", "ns", "", "prod.yaml"`, `(?s)group.*group is empty but name is "prod.yaml"`),
			step(`"mse-1", "ns", "DEFAULT_GROUP", "a/b.yaml"`, `(?s)name.*name "a/b.yaml" must not contain '/'`),
			step(`"mse-1/ns", "", "", ""`, `(?s)instance_id.*must not contain '/'`),
		},
	})
}
