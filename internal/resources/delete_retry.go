// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// Deletes and DeleteConflict
//
// RAM refuses to delete a user, group, role or policy that still has
// dependants (DeleteConflict.*). During a destroy the dependants are usually
// on their way out: Terraform removed them a moment ago and RAM has not
// caught up (eventual consistency), or they are being removed in parallel.
// deleteWaiting retries the conflict with backoff while that may be the
// case, and gives up, naming the dependants, when it is not:
//
//   - the dependants listed are none (the conflict is lag) or change
//     between tries (someone is removing them): keep trying, up to
//     conflictWaits.timeout (bounded by the delete's own timeout);
//   - the same dependants stay for conflictWaits.patience: nobody is
//     removing them; fail at once instead of waiting the whole timeout.

// conflictWaits bounds deleteWaiting: timeout is how long a delete waits
// for its dependants to go, patience how long unchanged dependants are
// waited for, firstDelay the first backoff (doubling, at most 4 s). It is a
// value handed to each wait, not package state, so a test can shorten it
// for its own calls while other tests run in parallel.
type conflictWaits struct {
	timeout, patience, firstDelay time.Duration
}

// defaultConflictWaits is what the provider's deletes use.
var defaultConflictWaits = conflictWaits{timeout: 2 * time.Minute, patience: 10 * time.Second, firstDelay: 500 * time.Millisecond}

// conflictError is a delete that gave up on a DeleteConflict. It wraps the
// API's error, so alicloud.IsConflict still holds for the caller's advice.
type conflictError struct {
	object     string
	dependants []string
	waited     time.Duration
	err        error
}

func (e *conflictError) Error() string {
	deps := "none could be listed"
	if len(e.dependants) > 0 {
		deps = strings.Join(e.dependants, ", ")
	}
	return fmt.Sprintf("%v\n\n%s still has dependants after %s of retries: %s", e.err, e.object, e.waited.Round(time.Second), deps)
}

func (e *conflictError) Unwrap() error { return e.err }

// deleteWaiting is wait with the provider's default bounds.
func deleteWaiting(ctx context.Context, object string, del func(context.Context) error, dependants func(context.Context) ([]string, error)) error {
	return defaultConflictWaits.wait(ctx, object, del, dependants)
}

// wait runs del, retrying DeleteConflict answers as described above.
// dependants lists what blocks the deletion (sorted, human-readable, e.g.
// `group "dev"`); a failure to list is treated as "unknown", not fatal.
func (w conflictWaits) wait(ctx context.Context, object string, del func(context.Context) error, dependants func(context.Context) ([]string, error)) error {
	start := time.Now()
	wctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	var last []string
	var unchangedSince time.Time
	b := backoff{delay: w.firstDelay, max: 4 * time.Second}
	for {
		err := del(ctx)
		if !alicloud.IsConflict(err) {
			return err
		}
		deps, lerr := dependants(wctx)
		if lerr != nil {
			deps = nil
		}
		now := time.Now()
		switch {
		case len(deps) == 0 || !slices.Equal(deps, last):
			unchangedSince = now
		case now.Sub(unchangedSince) >= w.patience:
			return &conflictError{object, deps, now.Sub(start), err}
		}
		last = deps
		tflog.Debug(ctx, "delete refused while dependants remain; retrying", map[string]any{
			"object": object, "code": alicloud.ErrorCode(err), "dependants": strings.Join(deps, ", "), "delay": b.delay.String(),
		})
		if !b.wait(wctx) {
			return &conflictError{object, deps, time.Since(start), err}
		}
	}
}

// userDependants lists what keeps a RAM user from being deleted.
func userDependants(c *alicloud.Client, name string) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		var out []string
		keys, err := c.ListAccessKeys(ctx, name)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			out = append(out, fmt.Sprintf("access key %s", k.AccessKeyID))
		}
		if _, err := c.GetLoginProfile(ctx, name); err == nil {
			out = append(out, "login profile")
		} else if !alicloud.IsNotFound(err) {
			return nil, err
		}
		groups, err := c.ListGroupsForUser(ctx, name)
		if err != nil {
			return nil, err
		}
		for _, g := range groups {
			out = append(out, fmt.Sprintf("membership of group %q", g.GroupName))
		}
		pol, err := policyDependants(ctx, c, alicloud.PrincipalUser, name)
		if err != nil {
			return nil, err
		}
		out = append(out, pol...)
		slices.Sort(out)
		return out, nil
	}
}

// groupDependants lists what keeps a RAM group from being deleted.
func groupDependants(c *alicloud.Client, name string) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		var out []string
		users, err := c.ListUsersForGroup(ctx, name)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			out = append(out, fmt.Sprintf("member %q", u.UserName))
		}
		pol, err := policyDependants(ctx, c, alicloud.PrincipalGroup, name)
		if err != nil {
			return nil, err
		}
		out = append(out, pol...)
		slices.Sort(out)
		return out, nil
	}
}

// roleDependants lists what keeps a RAM role from being deleted.
func roleDependants(c *alicloud.Client, name string) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		out, err := policyDependants(ctx, c, alicloud.PrincipalRole, name)
		slices.Sort(out)
		return out, err
	}
}

func policyDependants(ctx context.Context, c *alicloud.Client, kind alicloud.PrincipalKind, name string) ([]string, error) {
	policies, err := c.ListPoliciesFor(ctx, kind, name)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(policies))
	for _, p := range policies {
		out = append(out, fmt.Sprintf("attached %s policy %q", p.PolicyType, p.PolicyName))
	}
	return out, nil
}

// policyEntities lists the principals a custom policy is attached to.
func policyEntities(c *alicloud.Client, name string) func(context.Context) ([]string, error) {
	return func(ctx context.Context) ([]string, error) {
		e, err := c.ListEntitiesForPolicy(ctx, name, "Custom")
		if err != nil {
			return nil, err
		}
		var out []string
		for _, u := range e.Users {
			out = append(out, fmt.Sprintf("attached to RAM user %q", u))
		}
		for _, g := range e.Groups {
			out = append(out, fmt.Sprintf("attached to RAM group %q", g))
		}
		for _, r := range e.Roles {
			out = append(out, fmt.Sprintf("attached to RAM role %q", r))
		}
		slices.Sort(out)
		return out, nil
	}
}
