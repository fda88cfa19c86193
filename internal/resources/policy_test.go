// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

const policyAddr = "mseram_policy.test"

// Seed 001, example 4: read and write one Nacos configuration (DataId).
const configPolicy = `{
  "Version": "1",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["mse:GetNacosConfig", "mse:UpdateNacosConfig", "mse:ListNacosConfigs"],
    "Resource": ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml"]
  }]
}`

// The same policy as the API might return it: compact, keys and lists
// reordered, a one-element list as a string, an element name in another case.
const configPolicyReformatted = `{"Statement":[{"Resource":"acs:mse:*:*:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/prod.yaml","Action":["mse:ListNacosConfigs","mse:UpdateNacosConfig","mse:GetNacosConfig"],"effect":"Allow"}],"Version":"1"}`

func policyConfig(name, document, attrs string) string {
	return fmt.Sprintf(`
resource "mseram_policy" "test" {
  name            = %q
  policy_document = <<-EOT
%s
EOT
%s
}
`, name, document, attrs)
}

func TestAccPolicy_basic(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoCustomPolicies,
		Steps: []resource.TestStep{
			{
				Config: env.Config(policyConfig(env.Name("mse-prod-yaml-rw"), configPolicy, `
  description = "Read and write prod.yaml"
  tags        = { team = "mse" }
`)),
				Check: env.PolicyMatches(env.Name("mse-prod-yaml-rw"), acctest.PolicyWant{
					Description: "Read and write prod.yaml", Document: configPolicy, Versions: 1, Tags: map[string]string{"team": "mse"},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(policyAddr, tfjsonpath.New("id"), knownvalue.StringExact(env.Name("mse-prod-yaml-rw"))),
					statecheck.ExpectKnownValue(policyAddr, tfjsonpath.New("default_version"), knownvalue.StringExact("v1")),
					statecheck.ExpectKnownValue(policyAddr, tfjsonpath.New("attachment_count"), knownvalue.Int64Exact(0)),
					// What migrated attachments reference (alicloud_ram_policy.x.type).
					statecheck.ExpectKnownValue(policyAddr, tfjsonpath.New("type"), knownvalue.StringExact("Custom")),
				},
			},
			{
				// Equivalent text in another form plans nothing.
				Config: env.Config(policyConfig(env.Name("mse-prod-yaml-rw"), configPolicyReformatted, `
  description = "Read and write prod.yaml"
  tags        = { team = "mse" }
`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// The imported document is the API's text: equivalent, not equal.
				ResourceName: policyAddr, ImportState: true, ImportStateId: env.Name("mse-prod-yaml-rw"),
				ImportStateVerify: true, ImportStateVerifyIgnore: []string{"policy_document"},
				ImportStateCheck: func(states []*terraform.InstanceState) error {
					if len(states) != 1 {
						return fmt.Errorf("imported %d objects, want 1", len(states))
					}
					if same, err := policy.Equivalent(states[0].Attributes["policy_document"], configPolicy); err != nil || !same {
						return fmt.Errorf("imported document %s is not equivalent to the configured one (%v)", states[0].Attributes["policy_document"], err)
					}
					return nil
				},
			},
			{ResourceName: policyAddr, ImportState: true, ImportStateKind: resource.ImportBlockWithID, ImportStateId: env.Name("mse-prod-yaml-rw")},
			{
				// Description and tags cleared in place; the document is untouched.
				Config: env.Config(policyConfig(env.Name("mse-prod-yaml-rw"), configPolicy, "")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(policyAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(policyAddr, tfjsonpath.New("default_version"), knownvalue.StringExact("v1")),
				}},
				Check: env.PolicyMatches(env.Name("mse-prod-yaml-rw"), acctest.PolicyWant{Document: configPolicy, Versions: 1}),
			},
		},
	})
}

// Seven document changes in a row never hit RAM's five-version limit.
func TestAccPolicy_manyDocumentUpdates(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	doc := func(i int) string {
		return fmt.Sprintf(`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"acs:mse:*:*:instance/mse-cn-0pp1j8om80a/ns/DEFAULT_GROUP/app-%d.yaml"}]}`, i)
	}
	var steps []resource.TestStep
	for i := 1; i <= 8; i++ {
		want := acctest.PolicyWant{Document: doc(i), Versions: min(i, 5)}
		steps = append(steps, resource.TestStep{
			Config: env.Config(policyConfig(env.Name("rotating"), doc(i), "")),
			Check:  env.PolicyMatches(env.Name("rotating"), want),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(policyAddr, tfjsonpath.New("default_version"), knownvalue.StringExact(fmt.Sprintf("v%d", i))),
			},
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoCustomPolicies,
		Steps:                    steps,
	})
}

// A version made outside Terraform in another form is not drift; a change
// of meaning is.
func TestAccPolicy_outOfBandVersions(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(policyConfig(env.Name("oob"), configPolicy, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoCustomPolicies,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					if _, err := env.Client().CreatePolicyVersion(context.Background(), env.Name("oob"), configPolicyReformatted, true, ""); err != nil {
						t.Fatal(err)
					}
				},
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				PreConfig: func() {
					widened := strings.Replace(configPolicyReformatted, "prod.yaml", "*", 1)
					if _, err := env.Client().CreatePolicyVersion(context.Background(), env.Name("oob"), widened, true, ""); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(policyAddr, plancheck.ResourceActionUpdate),
				}},
				Check: env.PolicyMatches(env.Name("oob"), acctest.PolicyWant{Document: configPolicy, Versions: 4}),
			},
		},
	})
}

func TestAccPolicy_disappears(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	config := env.Config(policyConfig(env.Name("gone"), configPolicy, ""))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoCustomPolicies,
		Steps: []resource.TestStep{
			{Config: config},
			{RefreshState: true},
			{
				PreConfig: func() {
					if err := env.Client().DeletePolicy(context.Background(), env.Name("gone"), true); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(policyAddr, plancheck.ResourceActionCreate),
				}},
				Check: env.PolicyMatches(env.Name("gone"), acctest.PolicyWant{Document: configPolicy, Versions: 1}),
			},
		},
	})
}

func TestAccPolicy_forceDestroyDetaches(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	ctx := context.Background()
	if _, err := env.Client().CreateUser(ctx, alicloud.CreateUserInput{UserName: env.Name("outsider")}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy: resource.ComposeTestCheckFunc(
			env.CheckNoCustomPolicies,
			env.AttachedExactly("user", env.Name("outsider")),
		),
		Steps: []resource.TestStep{{
			Config: env.Config(policyConfig(env.Name("attached-elsewhere"), configPolicy, "  force_destroy = true\n")),
			Check: func(*terraform.State) error {
				return env.Client().AttachPolicy(ctx, alicloud.PrincipalUser, env.Name("outsider"), env.Name("attached-elsewhere"), "Custom")
			},
		}},
	})
}

func TestAccPolicy_alreadyExists(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	if _, err := env.Client().CreatePolicy(context.Background(), alicloud.CreatePolicyInput{PolicyName: env.Name("taken"), PolicyDocument: configPolicy}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			Config:      env.Config(policyConfig(env.Name("taken"), configPolicy, "")),
			ExpectError: regexp.MustCompile(`(?s)EntityAlreadyExists\.Policy.*terraform import`),
		}},
	})
}

// Bad documents and names fail at plan time, naming the problem.
func TestAccPolicy_validation(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	big := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":["` +
		strings.Repeat("acs:mse:*:*:instance/mse-cn-0pp1j8om80a/x\",\"", 200) + `*"]}]}`
	cases := []struct{ name, doc, attrs, want string }{
		{"bad_name", configPolicy, "", `may contain only letters, digits and hyphens`},
		{strings.Repeat("p", 129), configPolicy, "", `must be between 1 and 128`},
		{env.Name("ok"), `{"Version":"1","Statement":[`, "", `Invalid policy document`},
		{env.Name("ok"), `{"Version":"2","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`, "", `Version`},
		{env.Name("ok"), `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","NotResource":"*"}]}`, "", `NotResource`},
		{env.Name("ok"), `{"Version":"1","Statement":[{"Effect":"Permit","Action":"mse:*","Resource":"*"}]}`, "", `Effect`},
		{env.Name("ok"), `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"*","Condition":{"StringStartsWith":{"acs:SourceIp":"1"}}}]}`, "", `StringStartsWith`},
		{env.Name("ok"), big, "", `6144`},
		{env.Name("ok"), configPolicy, `  description = ""`, `must be between 1 and 1024`},
		{env.Name("ok"), configPolicy, `  tags = { "acs:owner" = "x" }`, `must not start with "aliyun" or "acs:"`},
	}
	steps := make([]resource.TestStep, 0, len(cases))
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      env.Config(policyConfig(c.name, c.doc, c.attrs)),
			PlanOnly:    true,
			ExpectError: wrappedText(c.want),
		})
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: env.Factories(), Steps: steps})
	if policies := env.CustomPolicyNames(); len(policies) != 0 {
		t.Fatalf("validation failures must create nothing, found custom policies %v", policies)
	}
}
