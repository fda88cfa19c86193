// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// PolicyDocumentType is the type of attributes that hold a RAM policy
// document: an identity policy, or a role's trust policy when Trust is set.
// Its values are validated at plan time with internal/policy, and two
// documents that differ only in form (whitespace, key order, list order, a
// string versus a one-element list, the case of Effect) are semantically
// equal, so the API's reformatting never shows as a diff.
type PolicyDocumentType struct {
	basetypes.StringType
	Trust bool
}

var (
	_ basetypes.StringTypable                    = PolicyDocumentType{}
	_ basetypes.StringValuableWithSemanticEquals = PolicyDocument{}
	_ xattr.ValidateableAttribute                = PolicyDocument{}
)

func (t PolicyDocumentType) String() string {
	if t.Trust {
		return "framework.PolicyDocumentType(trust)"
	}
	return "framework.PolicyDocumentType"
}

func (t PolicyDocumentType) Equal(o attr.Type) bool {
	other, ok := o.(PolicyDocumentType)
	return ok && other.Trust == t.Trust
}

func (t PolicyDocumentType) ValueType(context.Context) attr.Value {
	return PolicyDocument{trust: t.Trust}
}

func (t PolicyDocumentType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return PolicyDocument{StringValue: in, trust: t.Trust}, nil
}

func (t PolicyDocumentType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return PolicyDocument{StringValue: s, trust: t.Trust}, nil
}

// PolicyDocument is a value of PolicyDocumentType.
type PolicyDocument struct {
	basetypes.StringValue
	trust bool
}

// NewPolicyDocument returns a known identity-policy value.
func NewPolicyDocument(s string) PolicyDocument {
	return PolicyDocument{StringValue: basetypes.NewStringValue(s)}
}

// NewTrustPolicyDocument returns a known trust-policy value.
func NewTrustPolicyDocument(s string) PolicyDocument {
	return PolicyDocument{StringValue: basetypes.NewStringValue(s), trust: true}
}

func (v PolicyDocument) Type(context.Context) attr.Type {
	return PolicyDocumentType{Trust: v.trust}
}

func (v PolicyDocument) Equal(o attr.Value) bool {
	other, ok := o.(PolicyDocument)
	return ok && other.trust == v.trust && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals lets the framework keep the configured text when the
// API returns an equivalent document in another form.
func (v PolicyDocument) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := newValuable.(PolicyDocument)
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("Expected a PolicyDocument, got %T. This is always a bug in the provider; please report it.", newValuable))
		return false, diags
	}
	equal, err := policy.Equivalent(v.ValueString(), other.ValueString())
	// A document that no longer parses (changed outside Terraform into
	// something invalid) is simply different.
	return err == nil && equal, diags
}

// ValidateAttribute checks the document at plan time with RAM's rules.
func (v PolicyDocument) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.IsNull() || v.IsUnknown() {
		return
	}
	parse := policy.Parse
	kind := "policy document"
	if v.trust {
		parse, kind = policy.ParseTrust, "trust policy"
	}
	doc := CompactJSON(v.ValueString())
	_, err := parse(doc)
	if err == nil {
		return
	}
	problems := policy.Problems(err)
	if len(problems) == 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+kind, err.Error())
	}
	for _, p := range problems {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+kind, p.Error())
	}
}

// CompactJSON is the form a document is sent in: the user's own document
// without insignificant whitespace (RAM counts whitespace toward its 6144
// character limit). Invalid JSON is returned unchanged for the parser to
// report.
func CompactJSON(s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		return s
	}
	return b.String()
}

// KeepEquivalentDocument is the plan modifier every policy-document
// attribute carries. The framework applies semantic equality only to values
// the provider returns, not to configuration changes (framework issue #70),
// so an edit that only reformats a document would plan an update. Planning
// the prior value instead is allowed by Terraform for values that are
// functionally equivalent to the configuration, and gives an empty plan.
func KeepEquivalentDocument() planmodifier.String {
	return keepEquivalentDocument{}
}

type keepEquivalentDocument struct{}

func (keepEquivalentDocument) Description(context.Context) string {
	return "A document equivalent to the current one (same meaning, other form) plans no change."
}

func (m keepEquivalentDocument) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepEquivalentDocument) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.StateValue.IsNull() || req.PlanValue.IsNull() || req.PlanValue.IsUnknown() {
		return
	}
	equal, err := policy.Equivalent(req.StateValue.ValueString(), req.PlanValue.ValueString())
	if err == nil && equal {
		resp.PlanValue = req.StateValue
	}
}
