// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// An ACK worker role for MSE Ingress Controller, written with typed blocks
// only: the trust policy from ack_worker_role, the permissions from a
// second document. The emulator holds exactly the trust policy ACK's guide
// requires, and a trust document is refused as an identity policy.
func TestAccRole_trustFromPolicyDocument(t *testing.T) {
	env := acctest.New(t)
	base := env.Named(strings.ReplaceAll(`
data "mseram_policy_document" "trust" {
  ack_worker_role {}
}

data "mseram_policy_document" "ops" {
  trusted_account {
    account_id  = "1234567890123456"
    require_mfa = true
  }
  trusted_service {
    service_names = ["ecs.aliyuncs.com"]
    sid           = "Nodes"
  }
}

resource "mseram_role" "test" {
  name                        = "mse-ingress-worker"
  assume_role_policy_document = data.mseram_policy_document.trust.json
}

resource "mseram_role" "ops" {
  name                        = "mse-ops"
  assume_role_policy_document = data.mseram_policy_document.ops.json
}
`, "1234567890123456", env.AccountID()), "mse-ingress-worker", "mse-ops")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoRoles,
		Steps: []resource.TestStep{
			{
				Config: env.Config(base),
				Check: resource.ComposeAggregateTestCheckFunc(
					env.RoleMatches(env.Name("mse-ingress-worker"), acctest.RoleWant{TrustPolicy: ecsTrust}),
					env.RoleMatches(env.Name("mse-ops"), acctest.RoleWant{TrustPolicy: `{"Version":"1","Statement":[
						{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::` + env.AccountID() + `:root"]},"Condition":{"Bool":{"acs:MFAPresent":["true"]}}},
						{"Sid":"Nodes","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`}),
					resource.TestCheckResourceAttr("data.mseram_policy_document.trust", "kind", "trust"),
				),
			},
			{
				Config: env.Config(base + `
resource "mseram_policy" "wrong" {
  name            = "` + env.Name("not-a-permission") + `"
  policy_document = data.mseram_policy_document.trust.json
}
`),
				ExpectError: regexp.MustCompile(`(?s)Principal.*trust policy`),
			},
		},
	})
}
