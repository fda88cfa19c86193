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
	return accessCheckResultNotes(action, resource, decision, matched, via)
}

// accessCheckResultNotes is accessCheckResult with notes, each matched by
// a regular expression (in order).
func accessCheckResultNotes(action, resource, decision, matched string, via bool, notes ...string) knownvalue.Check {
	noteChecks := make([]knownvalue.Check, len(notes))
	for i, n := range notes {
		noteChecks[i] = knownvalue.StringRegexp(regexp.MustCompile(n))
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"action":            knownvalue.StringExact(action),
		"resource":          knownvalue.StringExact(resource),
		"decision":          knownvalue.StringExact(decision),
		"allowed":           knownvalue.Bool(decision == "Allow"),
		"matched_statement": knownvalue.StringExact(matched),
		"via_hierarchy":     knownvalue.Bool(via),
		"notes":             knownvalue.ListExact(noteChecks),
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	// Serial: it empties the credential variables of the whole process, which the provider reads.
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

// accessCheckTyped renders one request block with typed target fields,
// given as HCL attribute lines (e.g. `gateway_id = "gw-1"`).
func accessCheckTyped(action string, fields ...string) string {
	s := fmt.Sprintf("  request {\n    action = %q\n", action)
	for _, f := range fields {
		s += "    " + f + "\n"
	}
	return s + "  }\n"
}

const (
	accessCheckGateway   = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
	accessCheckAccount   = "1234567890123456"
	accessCheckGatewayHZ = "acs:mse:cn-hangzhou:*:instance/" + accessCheckGateway
)

// What mseram_policy_document's gateway { region = "cn-hangzhou" } renders,
// plus an account-wide guard rail: the gateway statement names its region,
// the Deny names the production account.
var accessCheckRegionalGatewayPolicy = `{
  "Version": "1",
  "Statement": [
    {
      "Sid": "GatewayRead",
      "Effect": "Allow",
      "Action": ["mse:Get*", "mse:List*", "mse:Query*"],
      "Resource": "` + accessCheckGatewayHZ + `"
    },
    {
      "Sid": "GatewayAdmin",
      "Effect": "Allow",
      "Action": "mse:DeleteGateway",
      "Resource": "acs:mse:*:*:instance/gw-*"
    },
    {
      "Sid": "KeepProdGateways",
      "Effect": "Deny",
      "Action": "mse:DeleteGateway",
      "Resource": "acs:mse:*:` + accessCheckAccount + `:instance/*"
    }
  ]
}`

// A gateway policy limited to cn-hangzhou allows a typed request that
// names cn-hangzhou. Leaving the region out asks about region "*", which
// the statement does not cover: ImplicitDeny, with a note saying the real
// call (which names its region) may be allowed and how to ask about it.
func TestAccessCheckDataSource_regionalGateway(t *testing.T) {
	t.Parallel()
	gwStar := "acs:mse:*:*:instance/" + accessCheckGateway
	gwHZAccount := "acs:mse:cn-hangzhou:" + accessCheckAccount + ":instance/" + accessCheckGateway
	regionNote := `^Statement GatewayRead \(Allow\) applies only to region cn-hangzhou \(Resource ` + regexp.QuoteMeta(accessCheckGatewayHZ) +
		`\), but this request's region is \*\. A real call names a concrete region, so RAM's answer for it may differ from this one: `
	accountNote := `^Statement KeepProdGateways \(Deny\) applies only to account ` + accessCheckAccount + ` .*account is \*.*set account_id in the request`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: accessCheckConfig([]string{accessCheckRegionalGatewayPolicy},
				accessCheckTyped("mse:GetGatewayDetail", `gateway_id = "`+accessCheckGateway+`"`, `region = "cn-hangzhou"`),
				accessCheckTyped("mse:GetGatewayDetail", `gateway_id = "`+accessCheckGateway+`"`),
				accessCheckRequest("mse:GetGatewayDetail", gwStar, ""),
				accessCheckTyped("mse:GetGatewayDetail", `gateway_id = "`+accessCheckGateway+`"`, `region = "cn-hangzhou"`,
					`account_id = "`+accessCheckAccount+`"`),
				accessCheckTyped("mse:GetGatewayDetail", `gateway_id = "`+accessCheckGateway+`"`, `region = "cn-beijing"`),
				// The Deny is limited to one account: with the account left
				// out it does not apply, but it would to the real call.
				accessCheckTyped("mse:DeleteGateway", `gateway_id = "`+accessCheckGateway+`"`, `region = "cn-hangzhou"`),
				accessCheckTyped("mse:DeleteGateway", `gateway_id = "`+accessCheckGateway+`"`, `region = "cn-hangzhou"`,
					`account_id = "`+accessCheckAccount+`"`),
			),
			ConfigStateChecks: accessCheckExpect(false,
				accessCheckResult("mse:GetGatewayDetail", accessCheckGatewayHZ, "Allow", "GatewayRead", false),
				accessCheckResultNotes("mse:GetGatewayDetail", gwStar, "ImplicitDeny", "", false,
					regionNote+`set region in the request to check the call RAM sees\.$`),
				accessCheckResultNotes("mse:GetGatewayDetail", gwStar, "ImplicitDeny", "", false,
					regionNote+`write the concrete region into resource to check the call RAM sees\.$`),
				accessCheckResult("mse:GetGatewayDetail", gwHZAccount, "Allow", "GatewayRead", false),
				accessCheckResult("mse:GetGatewayDetail", "acs:mse:cn-beijing:*:instance/"+accessCheckGateway, "ImplicitDeny", "", false),
				accessCheckResultNotes("mse:DeleteGateway", accessCheckGatewayHZ, "Allow", "GatewayAdmin", false, accountNote),
				accessCheckResult("mse:DeleteGateway", gwHZAccount, "ExplicitDeny", "KeepProdGateways", false),
			),
		}},
	})
}

// Typed targets build the ARN mse_resource_arn builds, at every level, and
// the result reports it.
func TestAccessCheckDataSource_typedTargets(t *testing.T) {
	t.Parallel()
	developer := accessCheckFixture(t, "001_example4_dataid.json")
	service := accessCheckFixture(t, "001_example5_service.json")
	const ns = `namespace_id = "3fd98c48-a709-4061-bba1-e341d79d681b"`
	inst := `instance_id = "mse-cn-0pp1j8om80a"`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			{
				Config: accessCheckConfig([]string{developer},
					accessCheckTyped("mse:UpdateNacosConfig", inst, ns, `group = "DEFAULT_GROUP"`, `data_id = "prod.yaml"`),
					accessCheckTyped("mse:UpdateNacosConfig", inst, ns, `group = "DEFAULT_GROUP"`, `data_id = "dev.yaml"`),
					accessCheckTyped("mse:GetNacosConfig", inst, ns, `group = "DEFAULT_GROUP"`),
					accessCheckTyped("mse:DeleteCluster", inst),
					accessCheckTyped("mse:QueryClusterDetail", `instance_id = "mse-cn-0pp1j8om80b"`, `region = "cn-hangzhou"`),
				),
				ConfigStateChecks: accessCheckExpect(false,
					accessCheckResult("mse:UpdateNacosConfig", accessCheckGroup+"/prod.yaml", "Allow", "0/2", false),
					accessCheckResult("mse:UpdateNacosConfig", accessCheckGroup+"/dev.yaml", "ImplicitDeny", "", false),
					accessCheckResult("mse:GetNacosConfig", accessCheckGroup, "Allow", "0/1", true),
					accessCheckResult("mse:DeleteCluster", accessCheckInstance, "ImplicitDeny", "", false),
					accessCheckResult("mse:QueryClusterDetail", "acs:mse:cn-hangzhou:*:instance/mse-cn-0pp1j8om80b", "ImplicitDeny", "", false),
				),
			},
			{
				Config: accessCheckConfig([]string{service},
					accessCheckTyped("mse:UpdateNacosService", inst, ns, `group = "DEFAULT_GROUP"`, `service = "test-service"`),
				),
				ConfigStateChecks: accessCheckExpect(true,
					accessCheckResult("mse:UpdateNacosService", accessCheckGroup+"/test-service", "Allow", "0/2", false),
				),
			},
		},
	})
}

// RAM checks ram:CreateServiceLinkedRole against the role being created,
// with ram:ServiceName filled in. Asking about "*" (what many policies
// write) or without the key gets ImplicitDeny and notes naming the ARN and
// the key to ask with; asking RAM's way gets seed 000's Allow.
func TestAccessCheckDataSource_ramActionNotes(t *testing.T) {
	t.Parallel()
	createSLR := accessCheckFixture(t, "000_create_slr.json")
	role := "acs:ram::" + accessCheckAccount + ":role/aliyunserviceroleformse"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{{
			Config: accessCheckConfig([]string{createSLR},
				accessCheckRequest("ram:CreateServiceLinkedRole", "*", `      "ram:ServiceName" = "mse.aliyuncs.com"`),
				accessCheckRequest("ram:CreateServiceLinkedRole", role, ""),
				accessCheckRequest("ram:CreateServiceLinkedRole", role, `      "ram:ServiceName" = "mse.aliyuncs.com"`),
				accessCheckRequest("ram:CreateServiceLinkedRole", "acs:ram:*:*:role/aliyunserviceroleformse", `      "ram:ServiceName" = "mse.aliyuncs.com"`),
			),
			ConfigStateChecks: accessCheckExpect(false,
				accessCheckResultNotes("ram:CreateServiceLinkedRole", "*", "ImplicitDeny", "", false,
					`^RAM checks a ram:CreateServiceLinkedRole call against acs:ram::<account-id>:role/<role-name> \(the service-linked role being created.*e\.g\. `+
						regexp.QuoteMeta("acs:ram::1234567890123456:role/aliyunserviceroleformse")+`\), not against "\*": ask about that ARN`),
				accessCheckResultNotes("ram:CreateServiceLinkedRole", role, "ImplicitDeny", "", false,
					`^RAM fills in the condition key ram:ServiceName .* Add it to context \(e\.g\. "ram:ServiceName" = "mse\.aliyuncs\.com"\)\.$`),
				accessCheckResult("ram:CreateServiceLinkedRole", role, "Allow", "0/0", false),
				// Region and account "*": not RAM's form, and the statement
				// names one account.
				accessCheckResultNotes("ram:CreateServiceLinkedRole", "acs:ram:*:*:role/aliyunserviceroleformse", "ImplicitDeny", "", false,
					`^RAM checks a ram:CreateServiceLinkedRole call against acs:ram::<account-id>:role/<role-name>`,
					`^Statement 0/0 \(Allow\) applies only to account `+accessCheckAccount+` .*account is \*.*write the concrete account into resource`),
			),
		}},
	})
}

// Typed target fields are checked at plan time, each error on its own
// attribute: no empty strings, exactly one of resource, instance_id and
// gateway_id, each level needing the one above, MSE's ARN rules.
func TestAccessCheckDataSource_invalidTargets(t *testing.T) {
	t.Parallel()
	valid := accessCheckFixture(t, "001_example2_readonly.json")
	step := func(pattern string, fields ...string) resource.TestStep {
		return resource.TestStep{
			Config:      accessCheckConfig([]string{valid}, accessCheckTyped("mse:GetNacosConfig", fields...)),
			PlanOnly:    true,
			ExpectError: regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`)),
		}
	}
	inst := `instance_id = "mse-1"`
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: accessCheckFactories,
		Steps: []resource.TestStep{
			step(`(?s)Empty request target.*request\[0\].namespace_id: is empty: an empty string never stands for "all". Remove the attribute, or set it to null, to leave it out \(the request then names the whole instance\)`,
				inst, `namespace_id = ""`),
			step(`(?s)Empty request target.*request\[0\].region: is empty.*asks about region \*`, inst, `region = " "`),
			step(`(?s)Empty request target.*request\[0\].instance_id: is empty.*Name the instance or gateway, or use resource`, `instance_id = ""`),
			step(`(?s)No attribute specified when one \(and only one\) of \[request\[0\].resource\S*instance_id\S*gateway_id\] is required`,
				`region = "cn-hangzhou"`),
			step(`(?s)2 attributes specified when one \(and only one\) of \[request\[0\].resource`,
				inst, `resource = "acs:mse:*:*:instance/mse-1"`),
			step(`(?s)Attribute "request\[0\].resource" cannot be specified when "request\[0\].region" is specified`,
				`resource = "acs:mse:*:*:instance/mse-1"`, `region = "cn-hangzhou"`),
			step(`(?s)Attribute "request\[0\].namespace_id" must be specified when "request\[0\].group" is specified`,
				inst, `group = "DEFAULT_GROUP"`),
			step(`(?s)Attribute "request\[0\].service" cannot be specified when "request\[0\].data_id" is specified`,
				inst, `namespace_id = "public"`, `group = "G"`, `data_id = "a.yaml"`, `service = "s"`),
			step(`(?s)Attribute "request\[0\].namespace_id" cannot be specified when "request\[0\].gateway_id" is specified`,
				`gateway_id = "gw-1"`, `namespace_id = "public"`),
			step(`(?s)Invalid request target.*request\[0\].region: "CN-Hangzhou" contains 'C'; allowed are lower-case letters`,
				`gateway_id = "gw-1"`, `region = "CN-Hangzhou"`),
			step(`(?s)Invalid request target.*request\[0\].account_id: "acct" contains 'a'; allowed are decimal digits`,
				inst, `account_id = "acct"`),
			step(`(?s)Invalid request target.*request\[0\].gateway_id: "gw/1" contains '/'`, `gateway_id = "gw/1"`),
			step(`(?s)Invalid request target.*request\[0\].service: "a/b" contains '/'`,
				inst, `namespace_id = "public"`, `group = "G"`, `service = "a/b"`),
		},
	})
}
