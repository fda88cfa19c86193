// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

// MaxDocumentLength is RAM's limit on a policy document, in characters of the
// document as sent (CreatePolicy's PolicyDocument is 1–6144 characters).
const MaxDocumentLength = 6144

// Version is the only policy language version RAM knows.
const Version = "1"

// Effects, as Statement.Effect holds them after parsing.
const (
	EffectAllow = "Allow"
	EffectDeny  = "Deny"
)

// Principal types of a trust policy (the keys of Statement.Principals).
const (
	PrincipalRAM       = "RAM"
	PrincipalService   = "Service"
	PrincipalFederated = "Federated"
)

// ActionAssumeRole is the one action a trust policy grants.
const ActionAssumeRole = "sts:AssumeRole"

// Kind says which rules a document is validated against.
type Kind int

const (
	// Identity policies (attached to users, groups and roles) must not name a
	// Principal and must name a Resource.
	Identity Kind = iota
	// Trust policies (a role's AssumeRolePolicyDocument) must name a Principal
	// in every statement and may only grant sts:AssumeRole.
	Trust
)

// String returns "Identity" or "Trust".
func (k Kind) String() string {
	if k == Trust {
		return "Trust"
	}
	return "Identity"
}

// Document is a parsed RAM policy document. Parse keeps statements, lists and
// conditions in the order written (so indexes in errors and evaluation
// results point at what the author wrote); Canonical and CanonicalJSON sort.
type Document struct {
	Version    string
	Statements []Statement

	// notes are the warnings only the JSON text shows (an element name in
	// another case, a condition value written as a JSON number), found by
	// Parse; Warnings adds them to what the document itself shows.
	notes []*ValidationError
}

// Statement is one element of a document's Statement list. The JSON forms
// "x" and ["x"] both parse to a one-element slice.
type Statement struct {
	Sid    string
	Effect string // "Allow" or "Deny", exactly (see Validate)

	Actions    []string
	NotActions []string
	Resources  []string

	// Principals maps a principal type (RAM, Service, Federated) to its
	// identifiers. Trust policies only.
	Principals map[string][]string

	// Conditions are ANDed; the values of one condition are ORed.
	Conditions []Condition
}

// Condition is one operator/key pair of a statement's Condition block, with
// the policy values to compare the request's values against. A value written
// as a JSON number or boolean is held as its text (3600 as "3600").
type Condition struct {
	Operator string
	Key      string
	Values   []string
}
