// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package functions_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

// Provider-defined functions need no credentials: the provider block is
// empty and the tests are unit tests (no TF_ACC), on Terraform 1.8 or later.
var factories = map[string]func() (tfprotov6.ProviderServer, error){
	"mseram": providerserver.NewProtocol6WithError(provider.New("test")()),
}

var requires18 = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

func fixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../policy/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Seed 001, example 4: the developer's policy, checked with ARNs built by
// mse_resource_arn.
func TestPolicyAllowsFunction_seed001Developer(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}

locals {
  developer = <<-EOT
` + fixture(t, "001_example4_dataid.json") + `
  EOT
  instance  = "mse-cn-0pp1j8om80a"
  namespace = "3fd98c48-a709-4061-bba1-e341d79d681b"
}

output "update_prod" {
  value = provider::mseram::policy_allows(local.developer, "mse:UpdateNacosConfig",
  provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "prod.yaml"))
}

output "update_other" {
  value = provider::mseram::policy_allows(local.developer, "mse:UpdateNacosConfig",
  provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "dev.yaml"))
}

output "read_other_via_instance" {
  value = provider::mseram::policy_allows(local.developer, "mse:GetNacosConfig",
  provider::mseram::mse_resource_arn(local.instance, local.namespace, "DEFAULT_GROUP", "dev.yaml"))
}

output "read_other_instance" {
  value = provider::mseram::policy_allows(local.developer, "mse:GetNacosConfig",
  provider::mseram::mse_resource_arn("mse-cn-0pp1j8om80b", local.namespace, "DEFAULT_GROUP", "prod.yaml"))
}

output "case_insensitive_action" {
  value = provider::mseram::policy_allows(local.developer, "MSE:updatenacosconfig",
  "acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("update_prod", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("update_other", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("read_other_via_instance", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("read_other_instance", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("case_insensitive_action", knownvalue.Bool(true)),
			},
		}},
	})
}

// Deny wins within the document; conditions see an empty context.
func TestPolicyAllowsFunction_denyAndConditions(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}

locals {
  arn = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a/ns/DEFAULT_GROUP/prod.yaml"
  protect_prod = jsonencode({
    Version = "1"
    Statement = [
      { Effect = "Allow", Action = "mse:*", Resource = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a" },
      { Effect = "Deny", Action = "mse:UpdateNacosConfig", Resource = local.arn },
    ]
  })
  office_only = jsonencode({
    Version = "1"
    Statement = [{
      Effect    = "Allow"
      Action    = "mse:GetNacosConfig"
      Resource  = "*"
      Condition = { IpAddress = { "acs:SourceIp" = ["10.0.0.0/8"] } }
    }]
  })
  unless_office = jsonencode({
    Version = "1"
    Statement = [{
      Effect    = "Allow"
      Action    = "mse:GetNacosConfig"
      Resource  = "*"
      Condition = { NotIpAddress = { "acs:SourceIp" = ["10.0.0.0/8"] } }
    }]
  })
}

output "denied" {
  value = provider::mseram::policy_allows(local.protect_prod, "mse:UpdateNacosConfig", local.arn)
}

output "allowed_read" {
  value = provider::mseram::policy_allows(local.protect_prod, "mse:GetNacosConfig", local.arn)
}

output "positive_condition" {
  value = provider::mseram::policy_allows(local.office_only, "mse:GetNacosConfig", local.arn)
}

output "negative_condition" {
  value = provider::mseram::policy_allows(local.unless_office, "mse:GetNacosConfig", local.arn)
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("denied", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("allowed_read", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("positive_condition", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("negative_condition", knownvalue.Bool(true)),
			},
		}},
	})
}

// A gateway policy limited to one region (what mseram_policy_document's
// gateway block renders with region = "cn-hangzhou") allows a call that
// names that region; the same ARN with region * is another resource, which
// the statement does not cover.
func TestPolicyAllowsFunction_regionalGateway(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}

locals {
  gateway = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
  gateway_operator = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:Get*", "mse:List*"]
      Resource = provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = "cn-hangzhou" })
    }]
  })
}

output "in_region" {
  value = provider::mseram::policy_allows(local.gateway_operator, "mse:GetGatewayDetail",
  provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = "cn-hangzhou", account_id = "1234567890123456" }))
}

output "other_region" {
  value = provider::mseram::policy_allows(local.gateway_operator, "mse:GetGatewayDetail",
  provider::mseram::mse_resource_arn(local.gateway, null, null, null, { region = "cn-beijing" }))
}

output "region_star" {
  value = provider::mseram::policy_allows(local.gateway_operator, "mse:GetGatewayDetail",
  provider::mseram::mse_resource_arn(local.gateway, null, null, null))
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("in_region", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("other_region", knownvalue.Bool(false)),
				statecheck.ExpectKnownOutputValue("region_star", knownvalue.Bool(false)),
			},
		}},
	})
}

func TestPolicyAllowsFunction_errors(t *testing.T) {
	t.Parallel()
	const arn = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a"
	valid := `jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = "mse:*", Resource = "*" }] })`
	// A space in pattern matches any run of whitespace: Terraform wraps long messages.
	step := func(args, pattern string) resource.TestStep {
		return resource.TestStep{
			Config:      "provider \"mseram\" {}\noutput \"x\" {\n  value = provider::mseram::policy_allows(" + args + ")\n}\n",
			ExpectError: regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`)),
		}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   requires18,
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{
			step(`jsonencode({ Version = "1", Statement = [{ Sid = "Bad", Effect = "Allow", Action = "mse:*", NotResource = "*" }] }), "mse:GetNacosConfig", "`+arn+`"`,
				`(?s)policy_json.*Invalid policy document: statement 0 \("Bad"\): NotResource`),
			step(`"{", "mse:GetNacosConfig", "`+arn+`"`, `(?s)policy_json.*Invalid policy document: invalid JSON`),
			step(`jsonencode({ Version = "1", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["mse.aliyuncs.com"] } }] }), "sts:AssumeRole", "*"`,
				`(?s)policy_json.*Principal`),
			step(valid+`, "GetNacosConfig", "`+arn+`"`, `(?s)action.*<service>:<Action>`),
			step(valid+`, "mse:Get*", "`+arn+`"`, `(?s)action.*without wildcards`),
			step(valid+`, "mse:GetNacosConfig", "instance/mse-cn-0pp1j8om80a"`, `(?s)resource.*acs:<service>`),
		},
	})
}
