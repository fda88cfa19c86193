// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

// configDiags validates and configures the provider as Terraform would,
// with the given arguments (null unless set; "assume_role" takes a map of
// its attributes) and the current environment, and returns the
// diagnostics of both steps.
func configDiags(t *testing.T, args map[string]string, assumeRole map[string]string) []*tfprotov6.Diagnostic {
	t.Helper()
	return configDiagsCtx(context.Background(), t, args, assumeRole)
}

// configDiagsCtx is configDiags with the context the provider server is
// called with (a test logger, say).
func configDiagsCtx(ctx context.Context, t *testing.T, args map[string]string, assumeRole map[string]string) []*tfprotov6.Diagnostic {
	t.Helper()
	srv, err := providerserver.NewProtocol6WithError(provider.New(testVersion)())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	typ, ok := schemas.Provider.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("the provider schema is a %T", schemas.Provider.ValueType())
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		switch {
		case name == "assume_role" && assumeRole != nil:
			obj, ok := at.(tftypes.Object)
			if !ok {
				t.Fatalf("assume_role is a %T", at)
			}
			vals[name] = objectWith(obj, assumeRole)
		case args[name] != "":
			vals[name] = tftypes.NewValue(at, args[name])
		default:
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	vresp, err := srv.ValidateProviderConfig(ctx, &tfprotov6.ValidateProviderConfigRequest{Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	diags := vresp.Diagnostics
	if hasError(diags) {
		return diags
	}
	cresp, err := srv.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: &dv})
	if err != nil {
		t.Fatal(err)
	}
	return append(diags, cresp.Diagnostics...)
}

func objectWith(typ tftypes.Object, set map[string]string) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = tftypes.NewValue(at, v)
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tftypes.NewValue(typ, vals)
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// texts returns the summary and detail of the diagnostics of severity sev.
func texts(diags []*tfprotov6.Diagnostic, sev tfprotov6.DiagnosticSeverity) string {
	var b strings.Builder
	for _, d := range diags {
		if d.Severity == sev {
			b.WriteString(d.Summary + ": " + d.Detail + "\n")
		}
	}
	return b.String()
}

var staticKey = map[string]string{"access_key": "LTAIhcl", "secret_key": "hcl-secret-value"}

// testVersion is the version configDiags serves the provider at.
const testVersion = "1.2.3-test"

// The version a release build sets (main.version, through -ldflags) is in
// the provider's log, so a user's TF_LOG output says which build ran.
func TestConfigure_logsTheProviderVersion(t *testing.T) {
	clearCredentialEnv(t)
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if diags := configDiagsCtx(ctx, t, staticKey, nil); hasError(diags) {
		t.Fatalf("configuring failed: %s", texts(diags, tfprotov6.DiagnosticSeverityError))
	}
	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e["@message"] == "configured mseram API client" {
			if e["provider_version"] != testVersion {
				t.Errorf("provider_version = %v, want %q", e["provider_version"], testVersion)
			}
			return
		}
	}
	t.Errorf("no 'configured mseram API client' entry among %d log entries", len(entries))
}

// The SDK libraries print HTTP traffic when DEBUG names them; configuring
// warns about it.
func TestConfigure_warnsWhenSDKDebugIsOn(t *testing.T) {
	clearCredentialEnv(t)
	t.Setenv("DEBUG", "")
	if w := texts(configDiags(t, staticKey, nil), tfprotov6.DiagnosticSeverityWarning); w != "" {
		t.Errorf("warning without DEBUG: %s", w)
	}
	t.Setenv("DEBUG", "sdk,dara")
	diags := configDiags(t, staticKey, nil)
	if hasError(diags) {
		t.Fatalf("DEBUG made configuring fail: %s", texts(diags, tfprotov6.DiagnosticSeverityError))
	}
	w := texts(diags, tfprotov6.DiagnosticSeverityWarning)
	if !strings.Contains(w, "DEBUG") || !strings.Contains(w, "dara") {
		t.Errorf("no warning naming DEBUG=dara: %q", w)
	}
}

// ALIBABA_CLOUD_ROLE_ARN and ALIBABA_CLOUD_ROLE_SESSION_NAME are checked
// like role_arn and session_name, with the same message.
func TestConfigure_environmentRoleIsValidated(t *testing.T) {
	for _, c := range []struct{ attr, env, value string }{
		{"role_arn", "ALIBABA_CLOUD_ROLE_ARN", "arn:aws:iam::123:role/x"},
		{"session_name", "ALIBABA_CLOUD_ROLE_SESSION_NAME", "a"},
		{"session_name", "ALIBABA_CLOUD_ROLE_SESSION_NAME", "bad name!"},
	} {
		t.Run(c.env+"="+c.value, func(t *testing.T) {
			clearCredentialEnv(t)
			ar := map[string]string{"role_arn": "acs:ram::1234567890123456:role/deployer"}
			ar[c.attr] = c.value
			fromHCL := configDiags(t, staticKey, ar)
			if !hasError(fromHCL) {
				t.Fatalf("%s = %q in HCL was accepted", c.attr, c.value)
			}
			want := fromHCL[0].Detail

			delete(ar, c.attr)
			if c.attr == "role_arn" {
				ar = nil
			}
			t.Setenv(c.env, c.value)
			fromEnv := configDiags(t, staticKey, ar)
			got := texts(fromEnv, tfprotov6.DiagnosticSeverityError)
			if !strings.Contains(got, want) || !strings.Contains(got, c.env) {
				t.Errorf("%s=%q: %q, want an error naming the variable with %q", c.env, c.value, got, want)
			}
		})
	}
}

// One credential comes from one source: an argument is never completed by
// a variable.
func TestConfigure_credentialSetFromOneSource(t *testing.T) {
	for _, c := range []struct {
		name  string
		args  map[string]string
		env   map[string]string
		names []string // what the error must name
	}{
		{"key ID in HCL, secret in the environment", map[string]string{"access_key": "LTAIhcl"},
			map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"}, []string{"access_key", "ALIBABA_CLOUD_ACCESS_KEY_SECRET"}},
		{"secret in HCL, key ID in the environment", map[string]string{"secret_key": "hcl-secret"},
			map[string]string{"ALICLOUD_ACCESS_KEY": "LTAIenv"}, []string{"secret_key", "ALICLOUD_ACCESS_KEY"}},
		{"token in HCL, key pair in the environment", map[string]string{"security_token": "hcl-token"},
			map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "STS.env", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret"},
			[]string{"security_token", "ALIBABA_CLOUD_ACCESS_KEY_ID"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			clearCredentialEnv(t)
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			got := texts(configDiags(t, c.args, nil), tfprotov6.DiagnosticSeverityError)
			if got == "" {
				t.Fatal("the mixed credential was accepted")
			}
			for _, n := range c.names {
				if !strings.Contains(got, n) {
					t.Errorf("the error does not name %s: %s", n, got)
				}
			}
			for _, v := range c.env {
				if strings.Contains(got, v) {
					t.Errorf("the error shows the value of a variable: %s", got)
				}
			}
		})
	}
}

// A complete key pair in HCL ignores a token in the environment, and says so.
func TestConfigure_environmentTokenIgnoredBesideHCLKey(t *testing.T) {
	clearCredentialEnv(t)
	t.Setenv("ALICLOUD_SECURITY_TOKEN", "env-token")
	diags := configDiags(t, staticKey, nil)
	if hasError(diags) {
		t.Fatalf("refused: %s", texts(diags, tfprotov6.DiagnosticSeverityError))
	}
	if w := texts(diags, tfprotov6.DiagnosticSeverityWarning); !strings.Contains(w, "ALICLOUD_SECURITY_TOKEN") {
		t.Errorf("no warning that ALICLOUD_SECURITY_TOKEN is ignored: %q", w)
	}
}
