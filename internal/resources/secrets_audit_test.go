// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// The secrets audit: one configuration with every way a credential enters
// or leaves the provider (a write-only password, a legacy password, an
// access key with a plaintext secret, one encrypted to a PGP key, one
// written to a secret_file), applied and planned again with Terraform and
// the provider logging at TRACE. No password or secret may appear in the
// logs. In the plans (Terraform's JSON plan, what `terraform show -json`
// prints) and the state, a value may appear only where the user chose to
// keep it: the legacy password in its own `password` attribute (and the
// sensitive variable it came from), a plaintext key secret in its own
// `secret` attribute; the write-only password and the PGP-protected secret
// appear nowhere.

// secretsAuditConfig: the passwords come from variables, never literals,
// since the harness logs the configuration text.
func secretsAuditConfig(secretFile, pgpKey string) string {
	return fmt.Sprintf(`
variable "password_wo" {
  type      = string
  ephemeral = true
}

variable "password_legacy" {
  type      = string
  sensitive = true
}

resource "mseram_user" "wo" {
  name = "sa-wo"
}

resource "mseram_login_profile" "wo" {
  user_name           = mseram_user.wo.name
  password_wo         = var.password_wo
  password_wo_version = 1
}

resource "mseram_user" "legacy" {
  name = "sa-legacy"
}

resource "mseram_login_profile" "legacy" {
  user_name = mseram_user.legacy.name
  password  = var.password_legacy
}

resource "mseram_user" "keys" {
  name = "sa-keys"
}

resource "mseram_access_key" "plain" {
  user_name = mseram_user.keys.name
}

resource "mseram_access_key" "file" {
  user_name   = mseram_user.keys.name
  secret_file = %[1]q
}

resource "mseram_user" "pgp" {
  name = "sa-pgp"
}

resource "mseram_access_key" "pgp" {
  user_name = mseram_user.pgp.name
  pgp_key   = %[2]q
}
`, secretFile, pgpKey)
}

// secretPlaces lists where secret occurs in a decoded JSON value, as
// dotted paths (list indexes as numbers); nil when nowhere.
func secretPlaces(v any, secret, at string) []string {
	switch v := v.(type) {
	case string:
		if strings.Contains(v, secret) {
			return []string{at}
		}
	case map[string]any:
		var out []string
		for k, e := range v {
			out = append(out, secretPlaces(e, secret, at+"."+k)...)
		}
		sort.Strings(out)
		return out
	case []any:
		var out []string
		for i, e := range v {
			out = append(out, secretPlaces(e, secret, fmt.Sprintf("%s.%d", at, i))...)
		}
		return out
	}
	return nil
}

// auditedSecret is one credential and the attribute names under which it
// may appear in a plan or the state (none: it may appear nowhere).
type auditedSecret struct {
	what    string
	value   func() string // "" while unknown
	allowed []string      // last path elements allowed to hold it
	// inVariables: the value came from a (non-ephemeral) variable, which
	// Terraform keeps in the plan's "variables" section.
	inVariables string
}

// planOnlyWhereAllowed checks the JSON plan: every occurrence of a known
// secret is under one of its allowed attribute names.
type planOnlyWhereAllowed struct{ secrets []auditedSecret }

func (c planOnlyWhereAllowed) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	b, err := json.Marshal(req.Plan)
	if err != nil {
		resp.Error = err
		return
	}
	var plan any
	if err := json.Unmarshal(b, &plan); err != nil {
		resp.Error = err
		return
	}
	var problems []string
	for _, s := range c.secrets {
		v := s.value()
		if v == "" {
			continue
		}
		for _, place := range secretPlaces(plan, v, "plan") {
			last := place[strings.LastIndex(place, ".")+1:]
			if slices.Contains(s.allowed, last) || (s.inVariables != "" && place == "plan.variables."+s.inVariables+".value") {
				continue
			}
			problems = append(problems, fmt.Sprintf("%s at %s", s.what, place))
		}
	}
	if len(problems) > 0 {
		resp.Error = fmt.Errorf("secrets in the plan where they do not belong: %s", strings.Join(problems, "; "))
	}
}

// stateOnly checks that each secret is in the state at exactly the given
// resource attributes ("addr.attr"), none meaning nowhere.
func stateOnly(secret func() string, what string, want ...string) func(*terraform.State) error {
	return func(s *terraform.State) error {
		v := secret()
		if v == "" {
			return fmt.Errorf("%s: not known when the state is checked", what)
		}
		var got []string
		for _, m := range s.Modules {
			for addr, rs := range m.Resources {
				for _, is := range append([]*terraform.InstanceState{rs.Primary}, rs.Deposed...) {
					if is == nil {
						continue
					}
					if strings.Contains(is.ID, v) {
						got = append(got, addr+".id")
					}
					for k, a := range is.Attributes {
						if strings.Contains(a, v) {
							got = append(got, addr+"."+k)
						}
					}
				}
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s is in the state at %v, want exactly %v", what, got, want)
		}
		return nil
	}
}

func TestAccSecretsAudit(t *testing.T) {
	// Serial: traceLogs sets the process-wide TF_LOG variables the harness reads.
	const (
		passwordWO     = "Audit-WriteOnly-7731!"
		passwordLegacy = "Audit-Legacy-5519!"
	)
	logFile := traceLogs(t)
	env := acctest.New(t)
	entity, pubKey := testPGPEntity(t)
	secretFile := filepath.Join(t.TempDir(), "sa-keys.secret")
	vars := config.Variables{
		"password_wo":     config.StringVariable(passwordWO),
		"password_legacy": config.StringVariable(passwordLegacy),
	}
	var plainSecret, fileSecret, pgpSecret string
	secrets := []auditedSecret{
		{what: "the write-only password", value: func() string { return passwordWO }},
		{what: "the legacy password", value: func() string { return passwordLegacy }, allowed: []string{"password"}, inVariables: "password_legacy"},
		{what: "the plaintext key's secret", value: func() string { return plainSecret }, allowed: []string{"secret"}},
		{what: "the secret_file key's secret", value: func() string { return fileSecret }, allowed: []string{"secret"}},
		{what: "the PGP-encrypted key's secret", value: func() string { return pgpSecret }},
	}
	planCheck := planOnlyWhereAllowed{secrets: secrets}
	cfg := env.Config(env.Named(secretsAuditConfig(secretFile, pubKey), "sa-keys", "sa-pgp", "sa-wo", "sa-legacy"))

	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_11_0)},
		ProtoV6ProviderFactories: env.Factories(),
		CheckDestroy:             env.CheckNoUsers,
		Steps: []resource.TestStep{
			{
				Config:          cfg,
				ConfigVariables: vars,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{planCheck},
					PostApplyPostRefresh: []plancheck.PlanCheck{planCheck},
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) error {
						var err error
						if plainSecret, err = stateAttr(s, "mseram_access_key.plain", "secret"); err != nil {
							return err
						}
						if fileSecret, err = stateAttr(s, "mseram_access_key.file", "secret"); err != nil {
							return err
						}
						enc, err := stateAttr(s, "mseram_access_key.pgp", "encrypted_secret")
						if err != nil {
							return err
						}
						if pgpSecret, err = pgpDecrypt(entity, enc); err != nil {
							return err
						}
						b, err := os.ReadFile(secretFile)
						if err != nil {
							return err
						}
						if string(b) != fileSecret {
							return fmt.Errorf("secret_file does not hold the key's secret")
						}
						for _, k := range []struct{ addr, user, secret string }{
							{"mseram_access_key.plain", env.Name("sa-keys"), plainSecret},
							{"mseram_access_key.file", env.Name("sa-keys"), fileSecret},
							{"mseram_access_key.pgp", env.Name("sa-pgp"), pgpSecret},
						} {
							if err := env.KeyAuthenticates(k.user, s.RootModule().Resources[k.addr].Primary.ID, k.secret); err != nil {
								return fmt.Errorf("%s: %w", k.addr, err)
							}
						}
						return nil
					},
					env.PasswordIs(env.Name("sa-wo"), passwordWO),
					env.PasswordIs(env.Name("sa-legacy"), passwordLegacy),
					stateOnly(func() string { return passwordWO }, "the write-only password"),
					stateOnly(func() string { return passwordLegacy }, "the legacy password", "mseram_login_profile.legacy.password"),
					stateOnly(func() string { return plainSecret }, "the plaintext key's secret", "mseram_access_key.plain.secret"),
					stateOnly(func() string { return fileSecret }, "the secret_file key's secret", "mseram_access_key.file.secret"),
					stateOnly(func() string { return pgpSecret }, "the PGP-encrypted key's secret"),
				),
			},
			{
				// Planned again with every secret known: the prior state in
				// the plan holds them only where the state may.
				Config:          cfg,
				ConfigVariables: vars,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan(), planCheck},
				},
			},
			{
				// A refresh-only run reads every object back.
				ConfigVariables: vars,
				RefreshState:    true,
			},
		},
	})
	for _, s := range []string{plainSecret, fileSecret, pgpSecret} {
		if s == "" {
			t.Fatal("a key secret was never captured; the scan would prove nothing")
		}
	}
	logsLack(t, logFile, []string{"mseram: created RAM login profile", "mseram: created RAM access key"},
		passwordWO, passwordLegacy, plainSecret, fileSecret, pgpSecret)
	if t.Failed() { // name the leaked secrets (never their values)
		b, _ := os.ReadFile(logFile)
		for _, s := range secrets {
			if strings.Contains(string(b), s.value()) {
				t.Errorf("%s is in the TRACE log", s.what)
			}
		}
	}
}
