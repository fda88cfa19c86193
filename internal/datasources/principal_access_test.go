// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// mseram_principal_access reads a principal's policies from the emulator
// and evaluates requests client-side. These tests build principals through
// the API, then compare the data source's answers with the emulator's own
// authorization (ramsim's Authorize) and what its store holds.
// internal/acctest's scenario test compares it with real signed calls.

const paAddr = "data.mseram_principal_access.test"

// paResult is the expected result of one request; an empty string and a
// negative statement stand for null.
type paResult struct {
	decision, policy, policyType, version string
	statement                             int
	sid                                   string
}

func (r paResult) check() knownvalue.Check {
	str := func(s string) knownvalue.Check {
		if s == "" {
			return knownvalue.Null()
		}
		return knownvalue.StringExact(s)
	}
	var stmt knownvalue.Check = knownvalue.Null()
	if r.statement >= 0 {
		stmt = knownvalue.Int64Exact(int64(r.statement))
	}
	return knownvalue.ObjectPartial(map[string]knownvalue.Check{
		"decision":               knownvalue.StringExact(r.decision),
		"allowed":                knownvalue.Bool(r.decision == "Allow"),
		"decided_by_policy":      str(r.policy),
		"decided_by_policy_type": str(r.policyType),
		"decided_by_version":     str(r.version),
		"decided_by_statement":   stmt,
		"decided_by_sid":         str(r.sid),
	})
}

// paRequest renders a request block with a raw resource.
func paRequest(action, resource string) string {
	return fmt.Sprintf("  request {\n    action   = %q\n    resource = %q\n  }\n", action, resource)
}

// paBuilder makes the API calls that build a test's principals; the first
// failure fails the test.
type paBuilder struct {
	t   *testing.T
	c   *alicloud.Client
	ctx context.Context
}

func newPABuilder(t *testing.T, env *acctest.Env) *paBuilder {
	return &paBuilder{t: t, c: env.Client(), ctx: context.Background()}
}

func (b *paBuilder) must(what string, err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b *paBuilder) policy(name, document string) {
	b.t.Helper()
	_, err := b.c.CreatePolicy(b.ctx, alicloud.CreatePolicyInput{PolicyName: name, PolicyDocument: document})
	b.must("CreatePolicy "+name, err)
}

func (b *paBuilder) attach(kind alicloud.PrincipalKind, principal, policyName, policyType string) {
	b.t.Helper()
	b.must(fmt.Sprintf("attach %s to %s %s", policyName, kind, principal), b.c.AttachPolicy(b.ctx, kind, principal, policyName, policyType))
}

// allow and deny render a one-statement document.
func allow(sid, action, resource string) string { return statement("Allow", sid, action, resource) }
func deny(sid, action, resource string) string  { return statement("Deny", sid, action, resource) }

func statement(effect, sid, action, resource string) string {
	s := fmt.Sprintf(`{"Effect":%q,"Action":[%q],"Resource":[%q]}`, effect, action, resource)
	if sid != "" {
		s = fmt.Sprintf(`{"Sid":%q,"Effect":%q,"Action":[%q],"Resource":[%q]}`, sid, effect, action, resource)
	}
	return `{"Version":"1","Statement":[` + s + `]}`
}

// emulatorAgrees checks, for a RAM user, that each result's allowed is
// what the emulator's own authorization decides for the same action and
// resource (no condition keys). It asks the emulator when the TestCase is
// built, after the setup, as the data source reads the same store. A real
// account answers no such question without a call as the user: on the
// cloud backend only the test's own expectations are checked.
func emulatorAgrees(t *testing.T, env *acctest.Env, user string, requests [][2]string) []statecheck.StateCheck {
	return emulatorAgreesAt(t, env, paAddr, user, requests)
}

// emulatorAgreesAt is emulatorAgrees for the data source at addr.
func emulatorAgreesAt(t *testing.T, env *acctest.Env, addr, user string, requests [][2]string) []statecheck.StateCheck {
	if env.Backend() == acctest.BackendCloud {
		t.Logf("ramsim only, not compared on the %s backend: the results with the emulator's own authorization", acctest.BackendCloud)
		return nil
	}
	checks := make([]statecheck.StateCheck, len(requests))
	for i, r := range requests {
		allowed, _ := env.Server.Authorize(user, r[0], r[1], nil)
		checks[i] = statecheck.ExpectKnownValue(addr, tfjsonpath.New("results").AtSliceIndex(i).AtMapKey("allowed"), knownvalue.Bool(allowed))
	}
	return checks
}

// A user in many groups with many policies: every group's policies count,
// each policy's default version is the one evaluated, a Deny in any group
// wins, and the deciding policy, version and statement are named.
func TestAccPrincipalAccess_userInManyGroups(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	b := newPABuilder(t, env)
	user, groups := env.Name("pa-dev"), 10 // RAM's limit of groups per user
	_, err := b.c.CreateUser(b.ctx, alicloud.CreateUserInput{UserName: user})
	b.must("CreateUser", err)
	inst := func(i int) string { return fmt.Sprintf("acs:mse:*:*:instance/mse-cn-team%02d", i) }
	for i := range groups {
		g := env.Name(fmt.Sprintf("pa-team-%02d", i))
		_, err := b.c.CreateGroup(b.ctx, g, "")
		b.must("CreateGroup "+g, err)
		b.must("AddUserToGroup "+g, b.c.AddUserToGroup(b.ctx, g, user))
		b.policy(g, allow("", "mse:GetNacosConfig", inst(i)))
		b.attach(alicloud.PrincipalGroup, g, g, "Custom")
	}
	// v1 allows everything; v2, the default, one update only.
	b.policy(env.Name("pa-direct"), allow("", "mse:*", "*"))
	_, err = b.c.CreatePolicyVersion(b.ctx, env.Name("pa-direct"), allow("UpdateTeam03", "mse:UpdateNacosConfig", inst(3)+"/*"), true, "")
	b.must("CreatePolicyVersion", err)
	b.attach(alicloud.PrincipalUser, user, env.Name("pa-direct"), "Custom")
	b.attach(alicloud.PrincipalUser, user, env.Name("pa-team-00"), "Custom") // also through its group
	b.policy(env.Name("pa-guard"), deny("NoDeletes", "mse:Delete*", "*"))
	b.attach(alicloud.PrincipalGroup, env.Name("pa-team-09"), env.Name("pa-guard"), "Custom")
	b.attach(alicloud.PrincipalGroup, env.Name("pa-team-05"), "AliyunMSEReadOnlyAccess", "System")
	_, sysVersion, err := b.c.GetPolicy(b.ctx, "AliyunMSEReadOnlyAccess", "System")
	b.must("GetPolicy", err)

	requests := [][2]string{
		{"mse:GetNacosConfig", inst(2) + "/public/DEFAULT_GROUP/a.yaml"}, // before group 05 and its mse:Get* on *
		{"mse:UpdateNacosConfig", inst(3) + "/public/DEFAULT_GROUP/a.yaml"},
		{"mse:DeleteNacosConfig", inst(3) + "/public/DEFAULT_GROUP/a.yaml"},
		{"mse:UpdateNacosConfig", inst(4) + "/public/DEFAULT_GROUP/a.yaml"},
		{"mse:ListClusters", "acs:mse:cn-hangzhou:" + env.AccountID() + ":*"},
	}
	var body strings.Builder
	body.WriteString("data \"mseram_principal_access\" \"test\" {\n  user_name = \"" + user + "\"\n")
	for _, r := range requests {
		body.WriteString(paRequest(r[0], r[1]))
	}
	body.WriteString("}\n")
	want := []paResult{
		{"Allow", env.Name("pa-team-02"), "Custom", "v1", 0, ""},
		{"Allow", env.Name("pa-direct"), "Custom", "v2", 0, "UpdateTeam03"},
		{"ExplicitDeny", env.Name("pa-guard"), "Custom", "v1", 0, "NoDeletes"},
		{"ImplicitDeny", "", "", "", -1, ""},
		{"Allow", "AliyunMSEReadOnlyAccess", "System", sysVersion.VersionID, 0, ""},
	}
	checks := emulatorAgrees(t, env, user, requests)
	for i, w := range want {
		checks = append(checks, statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("results").AtSliceIndex(i), w.check()))
	}
	// direct: pa-direct, pa-team-00; then a policy per group, plus the guard
	// and the system policy: 2 + 10 + 2.
	checks = append(checks,
		statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("policies"), knownvalue.ListSizeExact(14)),
		statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("policies").AtSliceIndex(1), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name": knownvalue.StringExact(env.Name("pa-team-00")), "type": knownvalue.StringExact("Custom"),
			"version": knownvalue.StringExact("v1"), "attached_via": knownvalue.StringExact("direct"),
		})),
		statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("all_allowed"), knownvalue.Bool(false)),
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config: env.Config(body.String()),
			ConfigStateChecks: append(checks, statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("policies"),
				listContains{"name": env.Name("pa-guard"), "type": "Custom", "version": "v1", "attached_via": "group:" + env.Name("pa-team-09")})),
			Check: env.AttachedExactly("group", env.Name("pa-team-09"), "Custom:"+env.Name("pa-team-09"), "Custom:"+env.Name("pa-guard")),
		}},
	})
}

// listContains checks that a list of objects has an element with these
// string attributes, wherever it is (RAM's listing order is not the test's
// business).
type listContains map[string]string

func (c listContains) CheckValue(v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("expected a list, got %T", v)
	}
	for _, e := range list {
		obj, ok := e.(map[string]any)
		if !ok {
			continue
		}
		match := true
		for k, want := range c {
			match = match && obj[k] == want
		}
		if match {
			return nil
		}
	}
	return fmt.Errorf("no element with %v in %v", map[string]string(c), list)
}

func (c listContains) String() string { return fmt.Sprintf("list containing %v", map[string]string(c)) }

// A role narrowed by a session policy, with an extra document: the
// session policy's lack of an Allow, its Deny and the extra Deny each
// decide, and are named as such.
func TestAccPrincipalAccess_roleWithSessionPolicyAndExtra(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	b := newPABuilder(t, env)
	role := env.Name("pa-worker")
	_, err := b.c.CreateRole(b.ctx, alicloud.CreateRoleInput{RoleName: role,
		AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`})
	b.must("CreateRole", err)
	b.policy(env.Name("pa-mse-all"), allow("AllMSE", "mse:*", "*"))
	b.attach(alicloud.PrincipalRole, role, env.Name("pa-mse-all"), "Custom")

	config := `
data "mseram_principal_access" "test" {
  role_name = "` + role + `"
  session_policy = jsonencode({
    Version = "1"
    Statement = [
      { Effect = "Allow", Action = ["mse:Get*", "mse:List*"], Resource = ["*"] },
      { Sid = "NoGateway", Effect = "Deny", Action = ["mse:GetGateway"], Resource = ["*"] },
    ]
  })
  extra_policy_documents = [jsonencode({
    Version   = "1"
    Statement = [{ Sid = "ExtraDeny", Effect = "Deny", Action = ["mse:ListClusters"], Resource = ["*"] }]
  })]
` + `
  request {
    action      = "mse:GetNacosConfig"
    instance_id = "mse-cn-0pp1j8om80a"
  }
  request {
    action      = "mse:UpdateNacosConfig"
    instance_id = "mse-cn-0pp1j8om80a"
  }
  request {
    action     = "mse:GetGateway"
    gateway_id = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
  }
  request {
    action   = "mse:ListClusters"
    resource = "acs:mse:cn-hangzhou:` + env.AccountID() + `:*"
  }
}
`
	want := []paResult{
		{"Allow", env.Name("pa-mse-all"), "Custom", "v1", 0, "AllMSE"},
		{"ImplicitDeny", "session_policy", "session", "", -1, ""},
		{"ExplicitDeny", "session_policy", "session", "", 1, "NoGateway"},
		{"ExplicitDeny", "extra_policy_documents[0]", "extra", "", 0, "ExtraDeny"},
	}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("policies"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name": knownvalue.StringExact(env.Name("pa-mse-all")), "type": knownvalue.StringExact("Custom"),
				"version": knownvalue.StringExact("v1"), "attached_via": knownvalue.StringExact("direct"),
			}),
		})),
		statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("results").AtSliceIndex(0).AtMapKey("resource"),
			knownvalue.StringExact("acs:mse:*:*:instance/mse-cn-0pp1j8om80a")),
	}
	for i, w := range want {
		checks = append(checks, statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("results").AtSliceIndex(i), w.check()))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:            env.Config(config),
			ConfigStateChecks: checks,
			Check:             env.AttachedExactly("role", role, "Custom:"+env.Name("pa-mse-all")),
		}},
	})
}

// A group answers for what its policies grant; a principal that does not
// exist is an error on the attribute that names it.
func TestAccPrincipalAccess_groupAndMissingPrincipals(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	b := newPABuilder(t, env)
	_, err := b.c.CreateGroup(b.ctx, env.Name("pa-readers"), "")
	b.must("CreateGroup", err)
	b.attach(alicloud.PrincipalGroup, env.Name("pa-readers"), "AliyunMSEReadOnlyAccess", "System")
	_, sysVersion, err := b.c.GetPolicy(b.ctx, "AliyunMSEReadOnlyAccess", "System")
	b.must("GetPolicy", err)
	group := `data "mseram_principal_access" "test" {
  group_name = "` + env.Name("pa-readers") + `"
` + paRequest("mse:GetGateway", "acs:mse:cn-hangzhou:"+env.AccountID()+":instance/gw-8090caa2a3ab447a8bc5fdf3a3ab447a") +
		paRequest("mse:AddGatewayRoute", "acs:mse:cn-hangzhou:"+env.AccountID()+":instance/gw-8090caa2a3ab447a8bc5fdf3a3ab447a") + "}\n"
	missing := func(attr, name string) string {
		return fmt.Sprintf("data \"mseram_principal_access\" \"missing\" {\n  %s = %q\n%s}\n", attr, name, paRequest("mse:ListClusters", "*"))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(group),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("results").AtSliceIndex(0),
						paResult{"Allow", "AliyunMSEReadOnlyAccess", "System", sysVersion.VersionID, 0, ""}.check()),
					statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("results").AtSliceIndex(1), paResult{"ImplicitDeny", "", "", "", -1, ""}.check()),
					statecheck.ExpectKnownValue(paAddr, tfjsonpath.New("policies").AtSliceIndex(0).AtMapKey("attached_via"), knownvalue.StringExact("direct")),
				},
				Check: env.AttachedExactly("group", env.Name("pa-readers"), "System:AliyunMSEReadOnlyAccess"),
			},
			{
				Config:      env.Config(missing("user_name", env.Name("pa-nobody"))),
				ExpectError: regexp.MustCompile(`(?s)RAM user not found.*user_name: RAM user "` + env.Name("pa-nobody") + `" does not exist`),
			},
			{
				Config:      env.Config(missing("role_name", env.Name("pa-no-role"))),
				ExpectError: regexp.MustCompile(`(?s)RAM role not found.*role_name: RAM role "` + env.Name("pa-no-role") + `" does not exist`),
			},
			{
				Config:      env.Config(missing("group_name", env.Name("pa-no-group"))),
				ExpectError: regexp.MustCompile(`(?s)RAM user group not found.*group_name: RAM user group "` + env.Name("pa-no-group") + `"`),
			},
		},
	})
}

// Configuration errors are found at plan time, before any API call: a
// bare provider block suffices.
func TestPrincipalAccess_configErrors(t *testing.T) {
	t.Parallel()
	block := func(body string) string {
		return "provider \"mseram\" {}\n\ndata \"mseram_principal_access\" \"test\" {\n" + body + paRequest("mse:ListClusters", "*") + "}\n"
	}
	steps := []struct{ body, want string }{
		{``, `(?s)Missing Attribute Configuration.*Exactly one of these attributes must be configured:\s*\[user_name,group_name,role_name\]`},
		{"  user_name = \"a\"\n  role_name = \"b\"\n", `(?s)Invalid Attribute Combination.*\[user_name,group_name,role_name\]`},
		{"  role_name = \"r\"\n  session_policy = \"{}\"\n", `(?s)Invalid policy document[^a-z].*session_policy: `},
		{"  role_name = \"r\"\n  extra_policy_documents = [\"{\\\"Version\\\":\\\"1\\\",\\\"Statement\\\":[]}\", \"not json\"]\n",
			`(?s)Invalid policy document at index 1.*extra_policy_documents\[1\]: invalid JSON`},
		{"  user_name = \"bad name!\"\n", `user_name`},
	}
	for _, s := range steps {
		resource.UnitTest(t, resource.TestCase{
			ProtoV6ProviderFactories: accessCheckFactories,
			Steps:                    []resource.TestStep{{Config: block(s.body), PlanOnly: true, ExpectError: regexp.MustCompile(s.want)}},
		})
	}
}

// The documentation's example, against principals built as it assumes
// them: its postcondition holds and its answers are the emulator's.
func TestAccPrincipalAccess_example(t *testing.T) {
	t.Parallel()
	example, err := os.ReadFile("../../examples/data-sources/mseram_principal_access/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	env := acctest.New(t)
	b := newPABuilder(t, env)
	_, err = b.c.CreateUser(b.ctx, alicloud.CreateUserInput{UserName: env.Name("mse-developer")})
	b.must("CreateUser", err)
	b.attach(alicloud.PrincipalUser, env.Name("mse-developer"), "AliyunMSEReadOnlyAccess", "System")
	_, err = b.c.CreateRole(b.ctx, alicloud.CreateRoleInput{RoleName: env.Name("KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"),
		AssumeRolePolicyDocument: `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`})
	b.must("CreateRole", err)
	b.attach(alicloud.PrincipalRole, env.Name("KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e"), "AliyunMSEFullAccess", "System")
	config := "/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml"
	arn := "acs:mse:cn-hangzhou:" + env.AccountID() + ":instance" + config
	// The example's principals and account are this test's.
	exampleConfig := env.Named(strings.ReplaceAll(string(example), `"1234567890123456"`, `"`+env.AccountID()+`"`),
		"mse-developer", "KubernetesWorkerRole-0d1e2f3a-4b5c-6d7e")
	const dev = "data.mseram_principal_access.developer"
	checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(dev, tfjsonpath.New("all_allowed"), knownvalue.Bool(false))}
	for i := range 2 {
		checks = append(checks, statecheck.ExpectKnownValue(dev, tfjsonpath.New("results").AtSliceIndex(i).AtMapKey("resource"), knownvalue.StringExact(arn)))
	}
	checks = append(checks, emulatorAgreesAt(t, env, dev, env.Name("mse-developer"), [][2]string{
		{"mse:GetNacosConfig", arn}, {"mse:UpdateNacosConfig", arn},
	})...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:            env.Config(exampleConfig),
			ConfigStateChecks: checks,
		}},
	})
}
