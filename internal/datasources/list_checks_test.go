// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// listed checks that a list data source found exactly these objects, by
// name, in this order: in names and in the nested list's name attributes.
func listed(addr, list string, want ...string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[addr]
		if !ok {
			return fmt.Errorf("%s not in state", addr)
		}
		a := rs.Primary.Attributes
		for _, l := range []string{"names", list} {
			if got := a[l+".#"]; got != strconv.Itoa(len(want)) {
				var names []string
				for i := range len(want) + 5 {
					if n, ok := a[fmt.Sprintf("names.%d", i)]; ok {
						names = append(names, n)
					}
				}
				return fmt.Errorf("%s: %s.# = %q, want %d %v (names: %v)", addr, l, got, len(want), want, names)
			}
		}
		for i, name := range want {
			for _, attr := range []string{fmt.Sprintf("names.%d", i), fmt.Sprintf("%s.%d.name", list, i)} {
				if a[attr] != name {
					return fmt.Errorf("%s: %s = %q, want %q", addr, attr, a[attr], name)
				}
			}
		}
		return nil
	}
}

// ownNames is a locals block whose own is a regular expression matching
// the start of this test's names and no other (the prefix holds only
// letters, digits and hyphens): a real account has objects of its own,
// which a filter that would find them must leave out with
// name_regex = local.own, or "${local.own}rest" for a narrower one.
func ownNames(env *acctest.Env) string {
	return fmt.Sprintf("\nlocals {\n  own = %q\n}\n", "^"+env.Prefix())
}

// emulatorOnly runs checks on the ramsim backend only: for values that are
// the emulator's by construction (a system policy's version, how many
// principals of the whole account use it), which a real account sets.
func emulatorOnly(env *acctest.Env, checks ...resource.TestCheckFunc) resource.TestCheckFunc {
	if env.Backend() != acctest.BackendRamsim {
		return func(*terraform.State) error { return nil }
	}
	return resource.ComposeAggregateTestCheckFunc(checks...)
}

// setup fails the test on the first error of out-of-band preparation.
func setup(t *testing.T) func(error) {
	return func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("setup: %v", err)
		}
	}
}
