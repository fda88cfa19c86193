// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"fmt"
	"os"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Rendering needs no credentials, so these are unit tests with a bare
// provider block, like mseram_access_check's.

const policyDocumentAddr = "data.mseram_policy_document.test"

func policyDocumentConfig(body string) string {
	return "provider \"mseram\" {}\n\ndata \"mseram_policy_document\" \"test\" {\n" + body + "}\n"
}

// matchesGolden checks json against a golden of internal/mse (the seeds'
// examples, corrected as internal/mse/testdata/README.md explains).
func matchesGolden(t *testing.T, golden string) resource.CheckResourceAttrWithFunc {
	want, err := os.ReadFile("../mse/testdata/" + golden)
	if err != nil {
		t.Fatal(err)
	}
	return func(got string) error {
		eq, err := policy.Equivalent(got, string(want))
		if err != nil {
			return err
		}
		if !eq {
			return fmt.Errorf("rendered\n%s\nis not equivalent to %s:\n%s", got, golden, want)
		}
		return nil
	}
}

// The seeds' example policies, from typed HCL only: no ARN, no action.
func TestPolicyDocumentDataSource_seedExamples(t *testing.T) {
	t.Parallel()
	const instance = `"mse-cn-0pp1j8om80a"`
	const namespace = `"3fd98c48-a709-4061-bba1-e341d79d681b"`
	const gateway = `"gw-8090caa2a3ab447a8bc5fdf3********"`
	cases := []struct{ golden, body string }{
		{"001_example1_instance.json", `
  instance {
    instance_id = ` + instance + `
    access      = "full"
  }
`},
		{"001_example2_readonly.json", `
  instance {
    instance_id = "*"
    access      = "read_only"
  }
`},
		{"001_example3_namespace.json", `
  nacos_config {
    instance_id  = ` + instance + `
    namespace_id = ` + namespace + `
    access       = "read_write"
  }
`},
		{"001_example4_dataid.json", `
  nacos_config {
    instance_id  = ` + instance + `
    namespace_id = ` + namespace + `
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    access       = "read_write"
  }
`},
		{"001_example5_service.json", `
  nacos_service {
    instance_id  = ` + instance + `
    namespace_id = ` + namespace + `
    group        = "DEFAULT_GROUP"
    service      = "test-service"
    access       = "read_write"
  }
`},
		{"003_gateway_readonly.json", `
  gateway {
    gateway_id = ` + gateway + `
    access     = "read_only"
  }
`},
		{"003_gateway_readwrite.json", `
  gateway {
    gateway_id = ` + gateway + `
    access     = "read_write"
  }
`},
		{"000_create_slr.json", `
  service_linked_role_creation {
    service_names = ["mse.aliyuncs.com"]
    account_id    = "1234567890123456"
  }
`},
	}
	for _, tc := range cases {
		t.Run(tc.golden, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: accessCheckFactories,
				Steps: []resource.TestStep{{
					Config: policyDocumentConfig(tc.body),
					Check: resource.ComposeAggregateTestCheckFunc(
						resource.TestCheckResourceAttrWith(policyDocumentAddr, "json", matchesGolden(t, tc.golden)),
						resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", matchesGolden(t, tc.golden)),
						resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(s string) error {
							if regexp.MustCompile(`\s`).MatchString(s) {
								return fmt.Errorf("minified_json has whitespace: %s", s)
							}
							return nil
						}),
						resource.TestMatchResourceAttr(policyDocumentAddr, "id", regexp.MustCompile(`^[0-9a-f]{64}$`)),
					),
				}},
			})
		})
	}
}

// Seed 004's developer renders the same document whatever the order of the
// blocks, and the outputs list what is granted.
func TestPolicyDocumentDataSource_deterministicAndActions(t *testing.T) {
	t.Parallel()
	a := `
  nacos_config {
    instance_id = "mse-cn-a"
    namespace_id = "public"
    access = "read_only"
  }
`
	b := `
  instance {
    instance_id = "mse-cn-b"
    access = "full"
  }
`
	var first string
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			{
				Config: policyDocumentConfig(a + b),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(s string) error { first = s; return nil }),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("actions"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("mse:*"),
						knownvalue.StringExact("mse:Get*"),
						knownvalue.StringExact("mse:List*"),
						knownvalue.StringExact("mse:ListClusters"),
						knownvalue.StringExact("mse:Query*"),
					})),
					statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("warnings"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringRegexp(regexp.MustCompile(`^instance\[0\]: full grants mse:\* on everything in instance mse-cn-b.*\[wide_write\]$`)),
					})),
				},
			},
			{
				Config: policyDocumentConfig(b + a),
				Check: resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(s string) error {
					if s != first {
						return fmt.Errorf("block order changed the output:\n%s\n%s", first, s)
					}
					return nil
				}),
			},
		},
	})
}

// console = false is the API-only minimum: no navigation statements, and the
// grant's own reads stay.
func TestPolicyDocumentDataSource_apiOnly(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: policyDocumentConfig(`
  console = false
  nacos_config {
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = "public"
    group        = "DEFAULT_GROUP"
    data_id      = "prod.yaml"
    access       = "read_only"
  }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("actions"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("mse:GetNacosConfig"),
					knownvalue.StringExact("mse:GetNacosHistoryConfig"),
					knownvalue.StringExact("mse:ListListenersByConfig"),
				})),
				statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("minified_json"), knownvalue.StringExact(
					`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:ListListenersByConfig"],`+
						`"Resource":["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/public/DEFAULT_GROUP/prod.yaml"]}]}`)),
			},
		}},
	})
}

// Raw statements with conditions, a source document, and an override that
// replaces a statement by Sid.
func TestPolicyDocumentDataSource_statementsSourcesOverrides(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: policyDocumentConfig(`
  console = false
  source_policy_documents = [jsonencode({
    Version = "1"
    Statement = [
      { Sid = "Logs", Effect = "Allow", Action = "log:GetLogStore", Resource = "*" },
      { Sid = "Keep", Effect = "Allow", Action = "arms:SearchContactGroup", Resource = "*" },
    ]
  })]
  override_policy_documents = [jsonencode({
    Version   = "1"
    Statement = [{ Sid = "Logs", Effect = "Allow", Action = ["log:GetLogStore", "log:ListLogStores"], Resource = "*" }]
  })]
  statement {
    sid       = "OfficeOnly"
    effect    = "Deny"
    actions   = ["mse:*"]
    resources = ["*"]
    condition {
      operator = "NotIpAddress"
      key      = "acs:SourceIp"
      values   = ["203.0.113.0/24"]
    }
  }
`),
			Check: resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(got string) error {
				want := `{"Version":"1","Statement":[
  {"Sid":"Logs","Effect":"Allow","Action":["log:GetLogStore","log:ListLogStores"],"Resource":"*"},
  {"Sid":"Keep","Effect":"Allow","Action":"arms:SearchContactGroup","Resource":"*"},
  {"Sid":"OfficeOnly","Effect":"Deny","Action":"mse:*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":"203.0.113.0/24"}}}]}`
				if eq, err := policy.Equivalent(got, want); err != nil || !eq {
					return fmt.Errorf("got %s (err %v)", got, err)
				}
				return nil
			}),
		}},
	})
}

// Warnings come from the linter and the renderer.
func TestPolicyDocumentDataSource_warnings(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: policyDocumentConfig(`
  gateway {
    gateway_id = "gw-123*"
    access     = "read_only"
    companions = false
  }
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(s string) error {
					if regexp.MustCompile(`log:|arms:`).MatchString(s) {
						return fmt.Errorf("companions = false still renders log/arms statements: %s", s)
					}
					return nil
				}),
			),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("warnings"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringRegexp(regexp.MustCompile(`^gateway\[0\]: gateway_id "gw-123\*" contains '\*'`)),
				})),
			},
		}},
	})
	// The unknown action warning, wherever it sorts.
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: policyDocumentConfig(`
  statement {
    actions   = ["mse:NoSuchAction"]
    resources = ["acs:mse:*:*:instance/mse-cn-a"]
  }
`),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyDocumentAddr, tfjsonpath.New("warnings"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringRegexp(regexp.MustCompile(`^statement\[0\]: mse:NoSuchAction is not a known MSE action`)),
				})),
			},
		}},
	})
}

// Bad input fails at plan time (the data source is read during plan) and
// the error names the block and the argument.
func TestPolicyDocumentDataSource_errors(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, body, want string }{
		{"namespace charset", `
  nacos_config {
    instance_id  = "mse-cn-a"
    namespace_id = "bad/namespace"
    access       = "read_only"
  }
`, `nacos_config\[0\]\.namespace_id: "bad/namespace" contains '/'`},
		{"group without namespace", `
  nacos_config {
    instance_id = "mse-cn-a"
    group       = "DEFAULT_GROUP"
    access      = "read_only"
  }
`, `nacos_config\[0\]\.group: set without namespace_id`},
		{"access level per block", `
  instance {
    instance_id = "mse-cn-a"
    access      = "read_write"
  }
`, `instance\[0\]\.access: "read_write" is not one of read_only, full`},
		{"no input", `
  console = true
`, `nothing to render`},
		{"actions and not_actions", `
  statement {
    actions     = ["mse:Get*"]
    not_actions = ["mse:Delete*"]
    resources   = ["*"]
  }
`, `statement\[0\]\.actions: Action and NotAction cannot both be set`},
		{"bad condition operator", `
  statement {
    actions   = ["mse:Get*"]
    resources = ["*"]
    condition {
      operator = "StringLooksLike"
      key      = "acs:SourceIp"
      values   = ["x"]
    }
  }
`, `statement\[0\]\.condition: unknown operator "StringLooksLike"`},
		{"bad source document", `
  source_policy_documents = ["{\"Version\":\"2\",\"Statement\":[]}"]
  instance {
    instance_id = "*"
    access      = "read_only"
  }
`, `source_policy_documents\[0\]`},
		{"service name", `
  service_linked_role_creation {
    service_names = ["MSE"]
  }
`, `service_linked_role_creation\[0\]\.service_names\[0\]: "MSE" is not a service\s+name; did you mean "mse.aliyuncs.com"\?`},
		{"empty namespace never widens", `
  nacos_config {
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = ""
    access       = "read_write"
  }
`, `(?s)nacos_config\[0\]\.namespace_id is an empty string.*omit namespace_id`},
		{"blank group names the group", `
  nacos_config {
    instance_id  = "mse-cn-a"
    namespace_id = "x"
    group        = "  "
    access       = "read_only"
  }
`, `(?s)nacos_config\[0\]\.group is an empty string.*omit group`},
		{"empty data_id", `
  nacos_config {
    instance_id  = "mse-cn-a"
    namespace_id = "x"
    group        = "g"
    data_id      = ""
    access       = "read_only"
  }
`, `(?s)nacos_config\[0\]\.data_id is an empty string.*omit data_id`},
		{"empty service", `
  nacos_service {
    instance_id  = "mse-cn-a"
    namespace_id = "x"
    group        = "g"
    service      = ""
    access       = "read_only"
  }
`, `(?s)nacos_service\[0\]\.service is an empty string`},
		{"empty instance", `
  instance {
    instance_id = ""
    access      = "full"
  }
`, `(?s)instance\[0\]\.instance_id is an empty string.*"\*"`},
		{"empty gateway and region", `
  gateway {
    gateway_id = "gw-1"
    region     = ""
    access     = "read_only"
  }
`, `(?s)gateway\[0\]\.region is an empty string.*omit region`},
		{"empty service name entry", `
  service_linked_role_creation {
    service_names = ["mse.aliyuncs.com", ""]
  }
`, `(?s)service_linked_role_creation\[0\]\.service_names\[1\] is an empty string`},
		{"unknown service", `
  service_linked_role_creation {
    service_names = ["ecs.aliyuncs.com"]
  }
`, `(?s)"ecs.aliyuncs.com" is not\s+in the provider's service-linked role catalog.*allow_unknown_service`},
		{"role name as service", `
  service_linked_role_creation {
    service_names = ["AliyunServiceRoleForMSE"]
  }
`, `(?s)did you mean "mse.aliyuncs.com"`},
		{"trust mixed with grants", `
  trusted_service {
    service_names = ["ecs.aliyuncs.com"]
  }
  instance {
    instance_id = "mse-cn-a"
    access      = "read_only"
  }
`, `(?s)instance\[0\]: grants permissions, but trusted_service\[0\] makes this a role's\s+trust\s+policy`},
		{"duplicate sids", `
  instance {
    instance_id = "mse-cn-a"
    access      = "read_only"
    sid         = "Ops"
  }
  instance {
    instance_id = "mse-cn-b"
    access      = "read_only"
    sid         = "Ops"
  }
`, `(?s)instance\[1\]\.sid: "Ops" is also the sid of instance\[0\]`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: accessCheckFactories,
				Steps: []resource.TestStep{{
					Config:      policyDocumentConfig(tc.body),
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(tc.want),
				}},
			})
		})
	}
}

// A document over RAM's 6144 characters is refused with advice to split.
func TestPolicyDocumentDataSource_tooLong(t *testing.T) {
	t.Parallel()
	body := ""
	for i := range 80 {
		body += fmt.Sprintf(`
  nacos_config {
    instance_id  = "mse-cn-instance-%03d"
    namespace_id = "namespace-%03d"
    group        = "GROUP_%03d"
    data_id      = "config-%03d.yaml"
    access       = "full"
  }
`, i, i, i, i)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config:      policyDocumentConfig(body),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(`(?s)over RAM's limit of 6144.*split`),
		}},
	})
}

// The trust policies of the alicloud provider's alicloud_ram_policy_document
// examples (a RAM account, a cloud service, a SAML identity provider with a
// condition), written as aws_iam_policy_document users write them.
func TestPolicyDocumentDataSource_trustPrincipals(t *testing.T) {
	t.Parallel()
	const want = `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::123456789012****:root"]}},
		{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}},
		{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Federated":["acs:ram::123456789012****:saml-provider/testprovider"]},
		 "Condition":{"StringEquals":{"saml:recipient":["https://signin.aliyun.com/saml-role/sso"]}}}]}`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: policyDocumentConfig(`
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "RAM"
      identifiers = ["acs:ram::123456789012****:root"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs.aliyuncs.com"]
    }
  }
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Federated"
      identifiers = ["acs:ram::123456789012****:saml-provider/testprovider"]
    }
    condition {
      operator = "StringEquals"
      key      = "saml:recipient"
      values   = ["https://signin.aliyun.com/saml-role/sso"]
    }
  }
`),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(policyDocumentAddr, "kind", "trust"),
				resource.TestCheckResourceAttrWith(policyDocumentAddr, "minified_json", func(got string) error {
					eq, err := policy.Equivalent(got, want)
					if err != nil || !eq {
						return fmt.Errorf("rendered %s, want %s (%v)", got, want, err)
					}
					return nil
				}),
			),
		}},
	})
}
