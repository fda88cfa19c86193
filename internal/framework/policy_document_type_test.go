// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

const doc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig","mse:ListNacosConfigs"],"Resource":["acs:mse:*:*:instance/mse-1"]}]}`

func TestPolicyDocumentSemanticEquals(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		other string
		want  bool
	}{
		{doc, true},
		{"{\n  \"Statement\": [{\"Resource\": \"acs:mse:*:*:instance/mse-1\", \"effect\": \"Allow\",\n \"Action\": [\"mse:ListNacosConfigs\", \"mse:GetNacosConfig\"]}],\n  \"Version\": \"1\"}", true},
		{strings.Replace(doc, "mse-1", "mse-2", 1), false},
		{strings.Replace(doc, "Allow", "Deny", 1), false},
		{`not json`, false},
	}
	for _, c := range cases {
		got, diags := NewPolicyDocument(doc).StringSemanticEquals(ctx, NewPolicyDocument(c.other))
		if diags.HasError() || got != c.want {
			t.Errorf("equal(%s) = %v (%v), want %v", c.other, got, diags, c.want)
		}
	}
}

func TestPolicyDocumentValidation(t *testing.T) {
	ctx := context.Background()
	validate := func(v PolicyDocument) []string {
		var resp xattr.ValidateAttributeResponse
		v.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root("policy_document")}, &resp)
		var out []string
		for _, d := range resp.Diagnostics.Errors() {
			out = append(out, d.Summary()+": "+d.Detail())
		}
		return out
	}
	if errs := validate(NewPolicyDocument(doc)); len(errs) != 0 {
		t.Errorf("valid document refused: %v", errs)
	}
	// Two problems, both reported.
	bad := `{"Version":"1","Statement":[{"Effect":"Maybe","Action":"mse:*","NotResource":"*"}]}`
	errs := validate(NewPolicyDocument(bad))
	if len(errs) < 2 || !strings.Contains(strings.Join(errs, "\n"), "NotResource") || !strings.Contains(strings.Join(errs, "\n"), "Effect") {
		t.Errorf("want every problem named, got %v", errs)
	}
	// A trust policy needs a Principal; the identity type forbids one.
	trust := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`
	if errs := validate(NewTrustPolicyDocument(trust)); len(errs) != 0 {
		t.Errorf("valid trust policy refused: %v", errs)
	}
	if errs := validate(NewPolicyDocument(trust)); len(errs) == 0 {
		t.Error("a trust policy must not pass as an identity policy")
	}
	// Whitespace does not count toward the limit: it is compacted away first.
	padded := strings.Replace(doc, ",", ","+strings.Repeat(" ", 7000), 1)
	if errs := validate(NewPolicyDocument(padded)); len(errs) != 0 {
		t.Errorf("whitespace counted toward the length limit: %v", errs)
	}
}

func TestPolicyDocumentTypeRoundTrip(t *testing.T) {
	ctx := context.Background()
	typ := PolicyDocumentType{Trust: true}
	v, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, doc))
	if err != nil {
		t.Fatal(err)
	}
	pd, ok := v.(PolicyDocument)
	if !ok || pd.ValueString() != doc || !pd.Type(ctx).Equal(typ) || pd.Type(ctx).Equal(PolicyDocumentType{}) {
		t.Fatalf("round trip lost the value or the kind: %#v", v)
	}
}
