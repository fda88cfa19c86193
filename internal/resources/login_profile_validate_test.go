// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// loginProfileConfigValue builds a configuration of mseram_login_profile
// with the given attributes set and the rest null.
func loginProfileConfigValue(t *testing.T, set map[string]tftypes.Value) tfsdk.Config {
	t.Helper()
	ctx := context.Background()
	var sresp resource.SchemaResponse
	NewLoginProfileResource().Schema(ctx, resource.SchemaRequest{}, &sresp)
	typ, ok := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatalf("the schema's type is %T, not an object", sresp.Schema.Type().TerraformType(ctx))
	}
	vals := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		if v, ok := set[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(at, nil)
		}
	}
	return tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(typ, vals)}
}

func validateLoginProfile(t *testing.T, cfg tfsdk.Config, writeOnlyAllowed bool) *resource.ValidateConfigResponse {
	t.Helper()
	ctx := context.Background()
	req := resource.ValidateConfigRequest{Config: cfg, ClientCapabilities: resource.ValidateConfigClientCapabilities{WriteOnlyAttributesAllowed: writeOnlyAllowed}}
	resp := &resource.ValidateConfigResponse{}
	r, ok := NewLoginProfileResource().(resource.ResourceWithConfigValidators)
	if !ok {
		t.Fatal("mseram_login_profile has no config validators")
	}
	for _, v := range r.ConfigValidators(ctx) {
		v.ValidateResource(ctx, req, resp)
	}
	return resp
}

// The legacy password attribute warns, pointing at password_wo, where
// Terraform supports write-only attributes, and is quiet elsewhere (there
// is nothing better to use there).
func TestLoginProfileLegacyPasswordWarning(t *testing.T) {
	legacy := loginProfileConfigValue(t, map[string]tftypes.Value{
		"user_name": tftypes.NewValue(tftypes.String, "alice"),
		"password":  tftypes.NewValue(tftypes.String, "Abcdefgh-1"),
	})
	resp := validateLoginProfile(t, legacy, true)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	w := resp.Diagnostics.Warnings()[0]
	if !strings.Contains(w.Detail(), "password_wo") {
		t.Fatalf("warning does not name password_wo: %q: %q", w.Summary(), w.Detail())
	}
	if got := validateLoginProfile(t, legacy, false).Diagnostics; len(got) != 0 {
		t.Fatalf("Terraform without write-only support: want no diagnostics, got %v", got)
	}

	writeOnly := loginProfileConfigValue(t, map[string]tftypes.Value{
		"user_name":   tftypes.NewValue(tftypes.String, "alice"),
		"password_wo": tftypes.NewValue(tftypes.String, "Abcdefgh-1"),
	})
	if got := validateLoginProfile(t, writeOnly, true).Diagnostics; len(got) != 0 {
		t.Fatalf("password_wo: want no diagnostics, got %v", got)
	}
}
