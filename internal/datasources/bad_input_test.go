// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// The data sources' side of the bad-input matrix (see
// internal/resources/bad_input_test.go): every argument with a rule, fed a
// value that breaks it, fails at plan time naming the argument and the
// rule, and the emulator receives no request, not even the lookup a valid
// mseram_user or mseram_policy would make.

type badDataInput struct {
	name   string
	config string
	want   []string // fragments of the error, in any order; at most four
}

// dataBlock renders data "typ" "name" { attrs } followed by raw HCL (nested
// blocks); attribute values are HCL already.
func dataBlock(typ, name string, attrs []string, raw string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\ndata %q %q {\n", typ, name)
	for i := 0; i+1 < len(attrs); i += 2 {
		fmt.Fprintf(&b, "  %s = %s\n", attrs[i], attrs[i+1])
	}
	b.WriteString(raw)
	b.WriteString("}\n")
	return b.String()
}

const okIdentityDoc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"*"}]}`

func checkRequest(action, resource string) string {
	return fmt.Sprintf("  request {\n    action   = %s\n    resource = %s\n  }\n", acctest.HCLString(action), acctest.HCLString(resource))
}

func TestAccBadInput_dataSources(t *testing.T) {
	acctest.RamsimOnly(t, "the emulator's request counters prove that a refused plan sends no request; a real account has no such count")
	t.Parallel()
	ac := func(name, docs, requests string) string {
		return dataBlock("mseram_access_check", name, []string{"policy_documents", docs}, requests)
	}
	okReq := checkRequest("mse:GetNacosConfig", "*")
	cases := []badDataInput{
		{"user, role, policy: names and type", dataBlock("mseram_user", "a", []string{"name", `""`}, "") +
			dataBlock("mseram_role", "b", []string{"name", `"ecs_role"`}, "") +
			dataBlock("mseram_policy", "c", []string{"name", `"a_b"`, "type", `"system"`}, "") +
			dataBlock("mseram_user", "d", []string{"name", acctest.HCLString("bob\x7f")}, ""),
			[]string{"Attribute name UTF-8 character count must be between 1 and 64, got: 0",
				"Attribute name may contain only letters, digits, periods (.) and hyphens (-), got: ecs_role",
				`Attribute type value must be one of: ["System" "Custom"], got: "system"`,
				"underscores (_), got: bob\x7f"}},
		{"user, role, policy: over-long names", dataBlock("mseram_user", "a", []string{"name", acctest.HCLString(strings.Repeat("u", 65))}, "") +
			dataBlock("mseram_role", "b", []string{"name", acctest.HCLString(strings.Repeat("r", 65))}, "") +
			dataBlock("mseram_policy", "c", []string{"name", acctest.HCLString(strings.Repeat("p", 129))}, ""),
			[]string{"with data.mseram_user.a,", "with data.mseram_role.b,",
				"Attribute name UTF-8 character count must be between 1 and 64, got: 65",
				"Attribute name UTF-8 character count must be between 1 and 128, got: 129"}},
		{"access_check: empty list, invalid JSON, trust policy, 200 nested arrays",
			ac("a", "[]", okReq) + ac("b", "["+acctest.HCLString(`{"Version":`)+"]", okReq) +
				ac("c", "["+acctest.HCLString(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"}}]}`)+"]", okReq) +
				ac("d", "["+acctest.HCLString(strings.Repeat("[", 200)+strings.Repeat("]", 200))+"]", okReq),
			[]string{"Attribute policy_documents list must contain at least 1 elements, got: 0", "policy_documents[0]: invalid JSON: unexpected EOF",
				"policy_documents[0]: statement 0: Principal: is only allowed in a role's trust policy", "the document must be a JSON object, got a list"}},
		{"access_check: document over 6144; request action and resource",
			ac("a", "["+acctest.HCLString(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:instance/`+strings.Repeat("i", 6100)+`"}]}`)+"]", okReq) +
				ac("b", "["+acctest.HCLString(okIdentityDoc)+"]", checkRequest("mse:Get*", "*")) +
				ac("c", "["+acctest.HCLString(okIdentityDoc)+"]", checkRequest("mse:GetNacosConfig", "not an arn")) +
				ac("d", "["+acctest.HCLString(okIdentityDoc)+"]", checkRequest("", "")),
			[]string{"characters; RAM allows at most 6144", `"mse:Get*" must be of the form <service>:<Action>`, `"not an arn" must be "*" or an ARN`, `"" must be of the form <service>:<Action>`}},
		{"mse_actions: scope, area, regex", dataBlock("mseram_mse_actions", "a", []string{"scope", `"cluster"`}, "") +
			dataBlock("mseram_mse_actions", "b", []string{"area", `""`}, "") +
			dataBlock("mseram_mse_actions", "c", []string{"name_regex", `"(unclosed"`}, "") +
			dataBlock("mseram_mse_actions", "d", []string{"name_regex", acctest.HCLString("a{2,1001}")}, ""),
			[]string{`"group" "item"], got: "cluster"`, `"governance" "other"], got: ""`,
				`name_regex "(unclosed" does not compile`, "invalid repeat count"}},
	}
	accepted := ac("ok", "["+acctest.HCLString(okIdentityDoc)+"]", okReq) +
		dataBlock("mseram_mse_actions", "ok", []string{"scope", `"instance"`, "name_regex", acctest.HCLString("(?i)^mse:get")}, "")

	if os.Getenv("MSERAM_BAD_INPUT_DUMP") != "" { // print every diagnostic, case by case
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				env := acctest.New(t)
				resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: []resource.TestStep{
					{Config: env.Config(c.config), PlanOnly: true, ExpectError: regexp.MustCompile("NEVER MATCHES")},
				}})
			})
		}
		return
	}
	env := acctest.New(t)
	noRequests := func(after string) {
		t.Helper()
		if c := env.Server.Counters(); c.Total.Received != 0 {
			t.Fatalf("after %s: the emulator received %d requests (%v), want none", after, c.Total.Received, c.Actions)
		}
	}
	var steps []resource.TestStep
	prev := "the start"
	for _, c := range cases {
		after := prev
		steps = append(steps, resource.TestStep{
			PreConfig:   func() { noRequests(after) },
			Config:      env.Config(c.config),
			PlanOnly:    true,
			ExpectError: acctest.ErrorContainsAll(c.want...),
		})
		prev = "case " + c.name
	}
	// Local data sources at their limits read at plan time, with no request.
	after := prev
	steps = append(steps, resource.TestStep{
		PreConfig: func() { noRequests(after) },
		Config:    env.Config(accepted),
		PlanOnly:  true,
	})
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	noRequests("the accepted configuration")
}
