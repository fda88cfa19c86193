// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// PolicyWant lists what a custom policy must look like. Document is
// compared by meaning; Versions, when not zero, is the number of versions
// kept.
type PolicyWant struct {
	Description string
	Document    string
	Versions    int
	Tags        map[string]string
}

// PolicyMatches checks, through the API, that custom policy name exists
// and satisfies want.
func (e *Env) PolicyMatches(name string, want PolicyWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		c := e.Client()
		p, def, err := c.GetPolicy(ctx, name, "Custom")
		if err != nil {
			return fmt.Errorf("custom policy %q in %s: %w", name, e.where(), err)
		}
		if p.Description != want.Description {
			return fmt.Errorf("policy %q: description is %q in %s, want %q", name, p.Description, e.where(), want.Description)
		}
		if want.Document != "" {
			var doc string
			if def != nil {
				doc = def.PolicyDocument
			}
			same, err := policy.Equivalent(doc, want.Document)
			if err != nil || !same {
				return fmt.Errorf("policy %q: default version holds %s in %s, want a document equivalent to %s (%v)", name, doc, e.where(), want.Document, err)
			}
		}
		if want.Versions != 0 {
			vs, err := c.ListPolicyVersions(ctx, name, "Custom")
			if err != nil {
				return fmt.Errorf("versions of policy %q in %s: %w", name, e.where(), err)
			}
			if len(vs) != want.Versions {
				return fmt.Errorf("policy %q keeps %d versions in %s, want %d", name, len(vs), e.where(), want.Versions)
			}
		}
		tags, err := c.PolicyTagsOf(ctx, p)
		if err != nil {
			return fmt.Errorf("tags of policy %q in %s: %w", name, e.where(), err)
		}
		if !maps.Equal(tags, want.Tags) {
			return fmt.Errorf("policy %q: tags are %v in %s, want %v", name, tags, e.where(), want.Tags)
		}
		return nil
	}
}

// CheckNoCustomPolicies is a CheckDestroy that fails when a custom policy
// of this test is left (on the emulator: any custom policy).
func (e *Env) CheckNoCustomPolicies(*terraform.State) error {
	return e.noneLeft("custom policies", listCustomPolicyNames)
}

// AttachedExactly checks the policies attached to a principal ("user",
// "group" or "role"), each written "<Type>:<name>", e.g.
// "System:AliyunMSEFullAccess". A principal that does not exist has none.
func (e *Env) AttachedExactly(kind, principal string, want ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		pk, ok := map[string]alicloud.PrincipalKind{
			"user": alicloud.PrincipalUser, "group": alicloud.PrincipalGroup, "role": alicloud.PrincipalRole,
		}[strings.ToLower(kind)]
		if !ok {
			return fmt.Errorf("AttachedExactly: kind %q is not user, group or role", kind)
		}
		ctx, cancel := callContext()
		defer cancel()
		attached, err := e.Client().ListPoliciesFor(ctx, pk, principal)
		if err != nil && !alicloud.IsNotFound(err) {
			return fmt.Errorf("policies of %s %q in %s: %w", kind, principal, e.where(), err)
		}
		got := make([]string, 0, len(attached))
		for _, a := range attached {
			got = append(got, a.PolicyType+":"+a.PolicyName)
		}
		slices.Sort(got)
		want = slices.Sorted(slices.Values(want))
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s %q has policies %v attached in %s, want %v", kind, principal, got, e.where(), want)
		}
		return nil
	}
}
