// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

func TestAccPolicyDataSource(t *testing.T) {
	t.Parallel()
	env := acctest.New(t)
	const doc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:Get*","Resource":"acs:mse:*:*:instance/mse-cn-0pp1j8om80a"}]}`
	if _, err := env.Client().CreatePolicy(context.Background(), alicloud.CreatePolicyInput{PolicyName: env.Name("mse-reader"), PolicyDocument: doc, Description: "reads one instance"}); err != nil {
		t.Fatal(err)
	}
	// What the API itself answers for the system policy, the data source's
	// source of truth.
	system, systemDoc, err := env.Client().GetPolicy(context.Background(), "AliyunMSEFullAccess", "System")
	if err != nil || systemDoc == nil {
		t.Fatalf("GetPolicy AliyunMSEFullAccess: %v (default version %v)", err, systemDoc)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{
			{
				Config: env.Config(`
data "mseram_policy" "full" {
  name = "AliyunMSEFullAccess"
}
data "mseram_policy" "mine" {
  name = "` + env.Name("mse-reader") + `"
  type = "Custom"
}
`),
				Check: resource.ComposeTestCheckFunc(
					resource.TestCheckResourceAttr("data.mseram_policy.full", "id", "System:AliyunMSEFullAccess"),
					resource.TestCheckResourceAttr("data.mseram_policy.full", "type", "System"),
					resource.TestCheckResourceAttr("data.mseram_policy.full", "default_version", system.DefaultVersion),
					resource.TestCheckResourceAttrWith("data.mseram_policy.full", "policy_document", equivalentTo(systemDoc.PolicyDocument)),
					resource.TestCheckResourceAttr("data.mseram_policy.mine", "description", "reads one instance"),
					resource.TestCheckResourceAttr("data.mseram_policy.mine", "default_version", "v1"),
					resource.TestCheckResourceAttrWith("data.mseram_policy.mine", "policy_document", equivalentTo(doc)),
				),
			},
		},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: env.Factories(),
		Steps: []resource.TestStep{{
			// A custom policy is not found as a system one.
			Config:      env.Config(`data "mseram_policy" "x" { name = "` + env.Name("mse-reader") + `" }`),
			ExpectError: regexp.MustCompile(`(?s)EntityNotExist\.Policy.*type = "Custom"`),
		}},
	})
}

func equivalentTo(want string) resource.CheckResourceAttrWithFunc {
	return func(got string) error {
		if !json.Valid([]byte(got)) {
			return fmt.Errorf("not JSON: %s", got)
		}
		if same, err := policy.Equivalent(got, want); err != nil || !same {
			return fmt.Errorf("document %s is not equivalent to %s (%v)", got, want, err)
		}
		return nil
	}
}
