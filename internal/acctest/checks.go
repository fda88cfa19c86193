// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The checks read the backend through the provider's own API client, so
// they hold on the emulator and on a real account alike; the messages say
// which one answered (where).

// where names the backend in messages.
func (e *Env) where() string {
	if e.backend == BackendCloud {
		return "the account"
	}
	return "the emulator"
}

// noneLeft is the body of the CheckNo* destroy checks: on the emulator,
// which the test owns, nothing of the kind may be left; on a real account,
// nothing with the test's prefix.
func (e *Env) noneLeft(what string, list func(context.Context, *alicloud.Client) ([]string, error)) error {
	if left := e.ownNames(what, list); len(left) > 0 {
		return fmt.Errorf("%s left in %s after destroy: %v", what, e.where(), left)
	}
	return nil
}

// CheckNoUsers is a CheckDestroy that fails when a RAM user of this test
// is left (on the emulator: any user, every test starting from an empty
// account).
func (e *Env) CheckNoUsers(*terraform.State) error {
	return e.noneLeft("RAM users", listUserNames)
}

// UserMatches checks, through the API, that user name exists and
// satisfies each expectation.
func (e *Env) UserMatches(name string, want UserWant) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		c := e.Client()
		u, err := c.GetUser(ctx, name)
		if err != nil {
			return fmt.Errorf("RAM user %q in %s: %w", name, e.where(), err)
		}
		tags, err := c.ListUserTags(ctx, u.UserID)
		if err != nil {
			return fmt.Errorf("tags of RAM user %q in %s: %w", name, e.where(), err)
		}
		return want.check(e.where(), u, tags)
	}
}

// UserAbsent checks that there is no user of that name.
func (e *Env) UserAbsent(name string) func(*terraform.State) error {
	return func(*terraform.State) error {
		ctx, cancel := callContext()
		defer cancel()
		_, err := e.Client().GetUser(ctx, name)
		return e.absent("RAM user", name, err)
	}
}

// absent turns the answer of a Get call into the result of an *Absent
// check: not found passes, success or another error fails.
func (e *Env) absent(kind, name string, err error) error {
	switch {
	case alicloud.IsNotFound(err):
		return nil
	case err != nil:
		return fmt.Errorf("checking that %s %q is gone from %s: %w", kind, name, e.where(), err)
	}
	return fmt.Errorf("%s %q still exists in %s", kind, name, e.where())
}

// UserWant lists the fields a user must have; every field is compared, so
// an empty string asserts that the field is not set.
type UserWant struct {
	DisplayName, MobilePhone, Email, Comments string
	Tags                                      map[string]string
}

func (w UserWant) check(where string, u *alicloud.User, tags map[string]string) error {
	for _, f := range []struct{ field, got, want string }{
		{"DisplayName", u.DisplayName, w.DisplayName},
		{"MobilePhone", u.MobilePhone, w.MobilePhone},
		{"Email", u.Email, w.Email},
		{"Comments", u.Comments, w.Comments},
	} {
		if f.got != f.want {
			return fmt.Errorf("RAM user %q: %s is %q in %s, want %q", u.UserName, f.field, f.got, where, f.want)
		}
	}
	if !maps.Equal(tags, w.Tags) { // nil and empty compare equal
		return fmt.Errorf("RAM user %q: tags are %v in %s, want %v", u.UserName, tags, where, w.Tags)
	}
	return nil
}
