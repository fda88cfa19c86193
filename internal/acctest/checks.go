// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// CheckNoUsers is a CheckDestroy that fails when the emulator still holds
// any RAM user: every test starts from an empty account.
func (e *Env) CheckNoUsers(*terraform.State) error {
	if users := e.Server.Users(); len(users) > 0 {
		names := make([]string, 0, len(users))
		for _, u := range users {
			names = append(names, u.UserName)
		}
		return fmt.Errorf("RAM users left in the emulator after destroy: %v", names)
	}
	return nil
}

// UserMatches checks, in the emulator's store, that user name exists and
// satisfies each expectation.
func (e *Env) UserMatches(name string, want UserWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		u, ok := e.Server.User(name)
		if !ok {
			return fmt.Errorf("RAM user %q does not exist in the emulator", name)
		}
		return want.check(u)
	}
}

// UserAbsent checks that the emulator has no user of that name.
func (e *Env) UserAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		if _, ok := e.Server.User(name); ok {
			return fmt.Errorf("RAM user %q still exists in the emulator", name)
		}
		return nil
	}
}

// UserWant lists the fields a user must have; every field is compared, so
// an empty string asserts that the field is not set.
type UserWant struct {
	DisplayName, MobilePhone, Email, Comments string
	Tags                                      map[string]string
}

func (w UserWant) check(u ramsim.User) error {
	for _, f := range []struct{ field, got, want string }{
		{"DisplayName", u.DisplayName, w.DisplayName},
		{"MobilePhone", u.MobilePhone, w.MobilePhone},
		{"Email", u.Email, w.Email},
		{"Comments", u.Comments, w.Comments},
	} {
		if f.got != f.want {
			return fmt.Errorf("RAM user %q: %s is %q in the emulator, want %q", u.UserName, f.field, f.got, f.want)
		}
	}
	if !maps.Equal(u.Tags, w.Tags) { // nil and empty compare equal
		return fmt.Errorf("RAM user %q: tags are %v in the emulator, want %v", u.UserName, u.Tags, w.Tags)
	}
	return nil
}
