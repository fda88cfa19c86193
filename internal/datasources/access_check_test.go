// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

// mseram_access_check needs no credentials and no emulator, so its tests
// are unit tests (resource.UnitTest): they run without TF_ACC and use a
// bare provider block.

var accessCheckFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"mseram": providerserver.NewProtocol6WithError(provider.New("test")()),
}

const (
	accessCheckAddr = "data.mseram_access_check.test"
	// Seed 001's instance and namespace.
	accessCheckInstance = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a"
	accessCheckGroup    = accessCheckInstance + "/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP"
)

// accessCheckFixture reads one of internal/policy's seed policies.
func accessCheckFixture(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../policy/testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// accessCheckConfig renders the data source with the given documents (as
// heredocs) and request blocks.
func accessCheckConfig(docs []string, requests ...string) string {
	var b strings.Builder
	b.WriteString("provider \"mseram\" {}\n\ndata \"mseram_access_check\" \"test\" {\n  policy_documents = [\n")
	for _, d := range docs {
		fmt.Fprintf(&b, "    <<-EOT\n%s\n    EOT\n    ,\n", strings.TrimSpace(d))
	}
	b.WriteString("  ]\n")
	for _, r := range requests {
		b.WriteString(r)
	}
	b.WriteString("}\n")
	return b.String()
}

// accessCheckRequest renders one request block; ctx is HCL map content.
func accessCheckRequest(action, resource, ctx string) string {
	s := fmt.Sprintf("  request {\n    action   = %q\n    resource = %q\n", action, resource)
	if ctx != "" {
		s += "    context = {\n" + ctx + "\n    }\n"
	}
	return s + "  }\n"
}

func accessCheckResult(action, resource, decision, matched string, via bool) knownvalue.Check {
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"action":            knownvalue.StringExact(action),
		"resource":          knownvalue.StringExact(resource),
		"decision":          knownvalue.StringExact(decision),
		"allowed":           knownvalue.Bool(decision == "Allow"),
		"matched_statement": knownvalue.StringExact(matched),
		"via_hierarchy":     knownvalue.Bool(via),
	})
}

func accessCheckExpect(allAllowed bool, results ...knownvalue.Check) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(accessCheckAddr, tfjsonpath.New("results"), knownvalue.ListExact(results)),
		statecheck.ExpectKnownValue(accessCheckAddr, tfjsonpath.New("all_allowed"), knownvalue.Bool(allAllowed)),
		statecheck.ExpectKnownValue(accessCheckAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^[0-9a-f]{64}$`))),
	}
}

// Seed 001, example 4: the developer may update prod.yaml, not another
// DataId, and may read everything in the instance (granted on the instance
// ARN, so the hierarchy decides).
func TestAccessCheckDataSource_seed001Developer(t *testing.T) {
	developer := accessCheckFixture(t, "001_example4_dataid.json")
	prod := accessCheckGroup + "/prod.yaml"
	dev := accessCheckGroup + "/dev.yaml"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			{
				Config: accessCheckConfig([]string{developer},
					accessCheckRequest("mse:UpdateNacosConfig", prod, ""),
					accessCheckRequest("mse:UpdateNacosConfig", dev, ""),
					accessCheckRequest("mse:GetNacosConfig", dev, ""),
					accessCheckRequest("mse:DeleteCluster", accessCheckInstance, ""),
				),
				ConfigStateChecks: accessCheckExpect(false,
					accessCheckResult("mse:UpdateNacosConfig", prod, "Allow", "0/2", false),
					accessCheckResult("mse:UpdateNacosConfig", dev, "ImplicitDeny", "", false),
					accessCheckResult("mse:GetNacosConfig", dev, "Allow", "0/1", true),
					accessCheckResult("mse:DeleteCluster", accessCheckInstance, "ImplicitDeny", "", false),
				),
			},
			{
				// Actions match case-insensitively; all_allowed follows.
				Config: accessCheckConfig([]string{developer},
					accessCheckRequest("mse:updatenacosconfig", prod, ""),
					accessCheckRequest("mse:ListClusters", "acs:mse:*:*:*", ""),
				),
				ConfigStateChecks: accessCheckExpect(true,
					accessCheckResult("mse:updatenacosconfig", prod, "Allow", "0/2", false),
					accessCheckResult("mse:ListClusters", "acs:mse:*:*:*", "Allow", "0/0", false),
				),
			},
		},
	})
}

// A Deny statement in one document wins over an Allow in another; a policy
// on instance/<id> allows a DataId beneath it through the hierarchy.
func TestAccessCheckDataSource_explicitDenyAcrossDocuments(t *testing.T) {
	instanceAdmin := accessCheckFixture(t, "001_example1_instance.json")
	protectProd := `{
  "Version": "1",
  "Statement": [{
    "Sid": "ProtectProd",
    "Effect": "Deny",
    "Action": ["mse:UpdateNacosConfig", "mse:DeleteNacosConfig"],
    "Resource": "` + accessCheckGroup + `/prod.yaml"
  }]
}`
	prod := accessCheckGroup + "/prod.yaml"
	prodAlias := accessCheckGroup + "/config/prod.yaml"
	dev := accessCheckGroup + "/dev.yaml"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: accessCheckConfig([]string{instanceAdmin, protectProd},
				accessCheckRequest("mse:UpdateNacosConfig", prod, ""),
				accessCheckRequest("mse:UpdateNacosConfig", prodAlias, ""),
				accessCheckRequest("mse:UpdateNacosConfig", dev, ""),
				accessCheckRequest("mse:GetNacosConfig", prod, ""),
				accessCheckRequest("mse:UpdateNacosConfig", "acs:mse:*:*:instance/mse-cn-0pp1j8om80b/ns/DEFAULT_GROUP/prod.yaml", ""),
			),
			ConfigStateChecks: accessCheckExpect(false,
				accessCheckResult("mse:UpdateNacosConfig", prod, "ExplicitDeny", "ProtectProd", false),
				accessCheckResult("mse:UpdateNacosConfig", prodAlias, "ExplicitDeny", "ProtectProd", true),
				accessCheckResult("mse:UpdateNacosConfig", dev, "Allow", "0/1", true),
				accessCheckResult("mse:GetNacosConfig", prod, "Allow", "0/1", true),
				accessCheckResult("mse:UpdateNacosConfig", "acs:mse:*:*:instance/mse-cn-0pp1j8om80b/ns/DEFAULT_GROUP/prod.yaml", "ImplicitDeny", "", false),
			),
		}},
	})
}

// An IpAddress condition on acs:SourceIp (CIDR), and a Deny over plain HTTP.
func TestAccessCheckDataSource_conditions(t *testing.T) {
	officeOnly := `{
  "Version": "1",
  "Statement": [
    {
      "Sid": "OfficeOnly",
      "Effect": "Allow",
      "Action": "mse:GetNacosConfig",
      "Resource": "` + accessCheckInstance + `",
      "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "192.168.1.0/24"]}}
    },
    {
      "Sid": "HttpsOnly",
      "Effect": "Deny",
      "Action": "mse:*",
      "Resource": "*",
      "Condition": {"Bool": {"acs:SecureTransport": "false"}}
    }
  ]
}`
	res := accessCheckGroup + "/prod.yaml"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			{
				Config: accessCheckConfig([]string{officeOnly},
					accessCheckRequest("mse:GetNacosConfig", res, `      "acs:SourceIp" = "10.20.30.40"`),
					accessCheckRequest("mse:GetNacosConfig", res, `      "acs:SourceIp" = "203.0.113.7"`),
					accessCheckRequest("mse:GetNacosConfig", res, ""),
					accessCheckRequest("mse:GetNacosConfig", res, `      "acs:sourceip" = "192.168.1.9"
      "acs:SecureTransport" = "false"`),
				),
				ConfigStateChecks: accessCheckExpect(false,
					accessCheckResult("mse:GetNacosConfig", res, "Allow", "OfficeOnly", true),
					accessCheckResult("mse:GetNacosConfig", res, "ImplicitDeny", "", false),
					accessCheckResult("mse:GetNacosConfig", res, "ImplicitDeny", "", false),
					accessCheckResult("mse:GetNacosConfig", res, "ExplicitDeny", "HttpsOnly", false),
				),
			},
			{
				Config: accessCheckConfig([]string{officeOnly},
					accessCheckRequest("mse:GetNacosConfig", res, `      "acs:SourceIp" = "192.168.1.9"
      "acs:SecureTransport" = "true"`),
				),
				ConfigStateChecks: accessCheckExpect(true,
					accessCheckResult("mse:GetNacosConfig", res, "Allow", "OfficeOnly", true),
				),
			},
		},
	})
}

// Invalid inputs are reported at plan time, naming the document's index.
func TestAccessCheckDataSource_invalidInputs(t *testing.T) {
	valid := accessCheckFixture(t, "001_example2_readonly.json")
	invalid := `{"Version": "1", "Statement": [{"Sid": "Bad", "Effect": "Allow", "Action": "mse:GetNacosConfig", "NotResource": "*"}]}`
	trust := accessCheckFixture(t, "trust_service.json")
	req := accessCheckRequest("mse:GetNacosConfig", accessCheckInstance, "")
	// A space in pattern matches any run of whitespace: Terraform wraps long messages.
	step := func(config, pattern string) resource.TestStep {
		return resource.TestStep{Config: config, PlanOnly: true, ExpectError: regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))}
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			step(accessCheckConfig([]string{valid, invalid}, req),
				`(?s)Invalid policy document at index 1.*policy_documents\[1\]: statement 0 \("Bad"\): NotResource`),
			step(accessCheckConfig([]string{trust}, req),
				`(?s)Invalid policy document at index 0.*policy_documents\[0\]: statement 0: Principal: is only allowed`),
			step(accessCheckConfig([]string{`{"Version": "1", "Statement": [`}, req),
				`(?s)Invalid policy document at index 0.*policy_documents\[0\]: invalid JSON`),
			step(accessCheckConfig([]string{valid}), `(?s)Block request must have a configuration value`),
			step(accessCheckConfig([]string{valid}, accessCheckRequest("GetNacosConfig", accessCheckInstance, "")),
				`(?s)Invalid action.*<service>:<Action>`),
			step(accessCheckConfig([]string{valid}, accessCheckRequest("mse:Get*", accessCheckInstance, "")),
				`(?s)Invalid action.*without wildcards`),
			step(accessCheckConfig([]string{valid}, accessCheckRequest("mse:GetNacosConfig", "instance/mse-cn-0pp1j8om80a", "")),
				`(?s)Invalid resource.*acs:<service>`),
			step(accessCheckConfig([]string{valid}, accessCheckRequest("mse:GetNacosConfig", accessCheckInstance, `      SourceIp = "10.0.0.1"`)),
				`(?s)Invalid condition key.*SourceIp`),
			step(accessCheckConfig([]string{valid}, accessCheckRequest("mse:GetNacosConfig", accessCheckInstance,
				`      "acs:SourceIp" = "10.0.0.1"
      "acs:sourceip" = "10.0.0.2"`)),
				`(?s)Duplicate condition key`),
			step("provider \"mseram\" {}\ndata \"mseram_access_check\" \"test\" {\n  policy_documents = []\n"+req+"}\n",
				`(?s)policy_documents.*at least 1`),
		},
	})
}

// No credentials anywhere (provider block, environment, CLI profile) and no
// endpoints: the data source still works, and calls no API.
func TestAccessCheckDataSource_noCredentials(t *testing.T) {
	for _, name := range []string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_ID",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET",
		"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE",
		"ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_ROLE_SESSION_NAME",
		"ALIBABA_CLOUD_ENDPOINT_RAM", "ALIBABA_CLOUD_ENDPOINT_IMS", "ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER",
		"ALIBABA_CLOUD_ENDPOINT_STS",
	} {
		t.Setenv(name, "")
	}
	t.Setenv("HOME", t.TempDir())
	developer := accessCheckFixture(t, "001_example4_dataid.json")
	prod := accessCheckGroup + "/prod.yaml"
	step := resource.TestStep{
		Config: accessCheckConfig([]string{developer}, accessCheckRequest("mse:UpdateNacosConfig", prod, "")),
		ConfigStateChecks: accessCheckExpect(true,
			accessCheckResult("mse:UpdateNacosConfig", prod, "Allow", "0/2", false)),
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps:                    []resource.TestStep{step},
	})

	// The same with every endpoint pointed at a server that counts requests.
	var calls atomic.Int64
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER", "STS"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, srv.URL)
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps:                    []resource.TestStep{step},
	})
	if n := calls.Load(); n != 0 {
		t.Fatalf("mseram_access_check made %d API calls, want 0", n)
	}
}
