// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// These run the terraform CLI (the in-process framework sees neither
// warnings nor the number of diagnostics) against the provider built from
// the tree; the plans need no credentials and make no API call.

// One mistake gives exactly one diagnostic, naming the argument at fault.
func TestAccPolicyDocument_oneDiagnosticPerMistake(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"misspelled effect", `data "mseram_policy_document" "d" {
  statement {
    effect    = "Alow"
    actions   = ["mse:GetNacosConfig"]
    resources = ["*"]
  }
}`, `statement[0].effect`},
		{"unknown access level", `data "mseram_policy_document" "d" {
  nacos_config {
    instance_id = "mse-cn-0pp1j8om80a"
    access      = "write"
  }
}`, `nacos_config[0].access: "write" is not one of read_only, read_write, full`},
		{"empty instance_id", `data "mseram_policy_document" "d" {
  nacos_config {
    instance_id = ""
    access      = "read_only"
  }
}`, `nacos_config[0].instance_id is an empty string`},
		{"empty namespace_id", `data "mseram_policy_document" "d" {
  nacos_config {
    instance_id  = "mse-cn-0pp1j8om80a"
    namespace_id = ""
    access       = "read_write"
  }
}`, `omit namespace_id`},
		{"product code as service", `resource "mseram_service_linked_role" "r" {
  service_name = "mse"
}`, `did you mean "mse.aliyuncs.com"?`},
		{"role name as service", `resource "mseram_service_linked_role" "r" {
  service_name = "AliyunServiceRoleForMSE"
}`, `did you mean "mse.aliyuncs.com"?`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			diags := acctest.PlanDiagnostics(t, tc.config)
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics, want exactly one:\n%+v", len(diags), diags)
			}
			d := diags[0]
			if d.Severity != "error" || !strings.Contains(d.Detail, tc.want) {
				t.Errorf("diagnostic = %+v, want an error containing %q", d, tc.want)
			}
			if strings.Contains(d.Detail, "allow_unknown_service") {
				t.Errorf("suggests allow_unknown_service, which cannot help a malformed name: %s", d.Detail)
			}
		})
	}
}

const unknownActionPolicy = `resource "mseram_policy" "p" {
  name            = "config-editor"
  policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect   = "Allow"
      Action   = ["mse:GetNacosConfig", "mse:UpdateNacosConfg"]
      Resource = ["acs:mse:*:*:instance/mse-cn-0pp1j8om80a/public"]
    }]
  })
}`

const wideTypedDocument = `data "mseram_policy_document" "d" {
  nacos_config {
    instance_id = "mse-cn-0pp1j8om80a"
    access      = "read_only"
  }
  nacos_config {
    instance_id = "mse-cn-0pp1j8om80a"
    access      = "read_write"
    sid         = "EditAll"
  }
}

output "grants" {
  value = data.mseram_policy_document.d.grants
}`

const anyoneTrust = `resource "mseram_role" "r" {
  name                        = "wide-open"
  assume_role_policy_document = jsonencode({
    Version = "1"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { RAM = ["acs:ram::*:root"] }
    }]
  })
}`

// Lint findings reach the user as plan warnings on mseram_policy_document,
// mseram_policy (raw JSON) and mseram_role, naming the block as written.
func TestAccLint_warningsAtPlan(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"policy typo", unknownActionPolicy, "mse:UpdateNacosConfg is not a known MSE action (RAM action names are the MSE API names); did you mean mse:UpdateNacosConfig?"},
		{"typed wide write", wideTypedDocument, "nacos_config[1]: namespace_id is omitted, so read_write grants writes on every configuration of every namespace"},
		{"role trusts anyone", anyoneTrust, `RAM principal "acs:ram::*:root" lets any matching account assume the role`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			diags := acctest.PlanDiagnostics(t, tc.config)
			if len(diags) != 1 || diags[0].Severity != "warning" || !strings.Contains(diags[0].Detail, tc.want) {
				t.Fatalf("diagnostics = %+v, want one warning containing %q", diags, tc.want)
			}
		})
	}
}

// strict_lint makes findings errors; lint_ignore silences a rule.
func TestAccLint_strictAndIgnore(t *testing.T) {
	t.Parallel()
	diags := acctest.PlanDiagnostics(t, "provider \"mseram\" {\n  strict_lint = true\n}\n\n"+unknownActionPolicy)
	if len(diags) != 1 || diags[0].Severity != "error" || !strings.Contains(diags[0].Detail, "unknown_action") {
		t.Errorf("strict: diagnostics = %+v, want one error naming the rule", diags)
	}
	diags = acctest.PlanDiagnostics(t, "provider \"mseram\" {\n  strict_lint = true\n  lint_ignore = [\"wide_write\"]\n}\n\n"+wideTypedDocument)
	if len(diags) != 0 {
		t.Errorf("ignored: diagnostics = %+v, want none", diags)
	}
}
