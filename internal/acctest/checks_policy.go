// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// PolicyWant lists what a custom policy must look like in the emulator.
// Document is compared by meaning; Versions, when not zero, is the number
// of versions kept.
type PolicyWant struct {
	Description string
	Document    string
	Versions    int
	Tags        map[string]string
}

// PolicyMatches checks, in the emulator's store, that custom policy name
// exists and satisfies want.
func (e *Env) PolicyMatches(name string, want PolicyWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		p, ok := e.Server.Policy(name)
		if !ok || p.PolicyType != "Custom" {
			return fmt.Errorf("custom policy %q does not exist in the emulator", name)
		}
		if p.Description != want.Description {
			return fmt.Errorf("policy %q: description is %q in the emulator, want %q", name, p.Description, want.Description)
		}
		if want.Document != "" {
			same, err := policy.Equivalent(p.Document(), want.Document)
			if err != nil || !same {
				return fmt.Errorf("policy %q: default version holds %s, want a document equivalent to %s (%v)", name, p.Document(), want.Document, err)
			}
		}
		if want.Versions != 0 && len(p.Versions) != want.Versions {
			return fmt.Errorf("policy %q keeps %d versions in the emulator, want %d", name, len(p.Versions), want.Versions)
		}
		if !maps.Equal(p.Tags, want.Tags) {
			return fmt.Errorf("policy %q: tags are %v in the emulator, want %v", name, p.Tags, want.Tags)
		}
		return nil
	}
}

// CheckNoCustomPolicies is a CheckDestroy that fails when a custom policy
// is left in the emulator.
func (e *Env) CheckNoCustomPolicies(*terraform.State) error {
	if ps := e.Server.Policies(); len(ps) > 0 {
		names := make([]string, 0, len(ps))
		for _, p := range ps {
			names = append(names, p.PolicyName)
		}
		return fmt.Errorf("custom policies left in the emulator after destroy: %v", names)
	}
	return nil
}

// AttachedExactly checks the policies attached to a principal ("user",
// "group" or "role"), each written "<Type>:<name>", e.g.
// "System:AliyunMSEFullAccess".
func (e *Env) AttachedExactly(kind, principal string, want ...string) func(*terraform.State) error {
	return func(*terraform.State) error {
		got := e.Server.AttachedPolicies(kind, principal)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			return fmt.Errorf("%s %q has policies %v attached in the emulator, want %v", kind, principal, got, want)
		}
		return nil
	}
}
