// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"errors"
	"fmt"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The sweepers delete what acceptance runs left in an account: every
// user, group, role and custom policy whose name has the harness's form
// (IsTestName), after removing what keeps RAM from deleting it. Nothing
// else is touched, whatever its name. Each goes on past a failure and
// returns every failure joined; logf reports each deletion.
//
// They delete the objects of every run, so they are for an account where
// no acceptance run is under way (make sweep).

// Logf is where the sweepers report what they delete.
type Logf func(format string, args ...any)

// SweepUsers deletes the harness's users with their access keys, login
// profile, group memberships and attached policies. RAM documents that a
// user to delete has no policy and is in no group; keys and the login
// profile go first too, as the provider's force_destroy does, since the
// document does not say whether RAM removes them with the user.
// https://www.alibabacloud.com/help/doc-detail/28683.htm
func SweepUsers(ctx context.Context, c *alicloud.Client, logf Logf) error {
	return sweepUsers(ctx, c, logf, IsTestName)
}

func sweepUsers(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool) error {
	return sweep(ctx, c, logf, match, "RAM user", listUserNames, func(name string) error {
		keys, err := c.ListAccessKeys(ctx, name)
		if err != nil {
			return err
		}
		for _, k := range keys {
			if err := c.DeleteAccessKey(ctx, name, k.AccessKeyID); err != nil && !alicloud.IsNotFound(err) {
				return err
			}
		}
		if err := c.DeleteLoginProfile(ctx, name); err != nil && !alicloud.IsNotFound(err) {
			return err
		}
		groups, err := c.ListGroupsForUser(ctx, name)
		if err != nil {
			return err
		}
		for _, g := range groups {
			if err := c.RemoveUserFromGroup(ctx, g.GroupName, name); err != nil && !alicloud.IsNotFound(err) {
				return err
			}
		}
		if err := detachAll(ctx, c, alicloud.PrincipalUser, name); err != nil {
			return err
		}
		return c.DeleteUser(ctx, name)
	})
}

// SweepGroups deletes the harness's groups after removing their members
// and attached policies.
func SweepGroups(ctx context.Context, c *alicloud.Client, logf Logf) error {
	return sweepGroups(ctx, c, logf, IsTestName)
}

func sweepGroups(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool) error {
	return sweep(ctx, c, logf, match, "RAM group", listGroupNames, func(name string) error {
		members, err := c.ListUsersForGroup(ctx, name)
		if err != nil {
			return err
		}
		for _, u := range members {
			if err := c.RemoveUserFromGroup(ctx, name, u.UserName); err != nil && !alicloud.IsNotFound(err) {
				return err
			}
		}
		if err := detachAll(ctx, c, alicloud.PrincipalGroup, name); err != nil {
			return err
		}
		return c.DeleteGroup(ctx, name)
	})
}

// SweepRoles deletes the harness's roles after detaching their policies.
// A service-linked role's name is its service's, never the harness's, so
// none is touched.
func SweepRoles(ctx context.Context, c *alicloud.Client, logf Logf) error {
	return sweepRoles(ctx, c, logf, IsTestName)
}

func sweepRoles(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool) error {
	return sweep(ctx, c, logf, match, "RAM role", listRoleNames, func(name string) error {
		if err := detachAll(ctx, c, alicloud.PrincipalRole, name); err != nil {
			return err
		}
		return c.DeleteRole(ctx, name)
	})
}

// SweepPolicies deletes the harness's custom policies after detaching them
// from every principal (the harness's or not) and deleting their
// non-default versions, both of which RAM requires first.
// https://www.alibabacloud.com/help/doc-detail/159987.htm
func SweepPolicies(ctx context.Context, c *alicloud.Client, logf Logf) error {
	return sweepPolicies(ctx, c, logf, IsTestName)
}

func sweepPolicies(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool) error {
	return sweep(ctx, c, logf, match, "custom policy", listCustomPolicyNames, func(name string) error {
		ents, err := c.ListEntitiesForPolicy(ctx, name, "Custom")
		if err != nil {
			return err
		}
		for kind, principals := range map[alicloud.PrincipalKind][]string{
			alicloud.PrincipalUser: ents.Users, alicloud.PrincipalGroup: ents.Groups, alicloud.PrincipalRole: ents.Roles,
		} {
			for _, p := range principals {
				if err := c.DetachPolicy(ctx, kind, p, name, "Custom"); err != nil && !alicloud.IsNotFound(err) {
					return err
				}
			}
		}
		versions, err := c.ListPolicyVersions(ctx, name, "Custom")
		if err != nil {
			return err
		}
		for _, v := range versions {
			if !v.IsDefaultVersion {
				if err := c.DeletePolicyVersion(ctx, name, v.VersionID); err != nil && !alicloud.IsNotFound(err) {
					return err
				}
			}
		}
		return c.DeletePolicy(ctx, name, false)
	})
}

// SweepAll runs the four sweepers, principals first so that the policies'
// attachments are mostly gone by the time the policies are.
func SweepAll(ctx context.Context, c *alicloud.Client, logf Logf) error {
	return sweepAll(ctx, c, logf, IsTestName)
}

func sweepAll(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool) error {
	return errors.Join(
		sweepUsers(ctx, c, logf, match),
		sweepGroups(ctx, c, logf, match),
		sweepRoles(ctx, c, logf, match),
		sweepPolicies(ctx, c, logf, match),
	)
}

// sweep lists one kind and deletes, with del, each object whose name
// match accepts; an object already gone is not a failure.
func sweep(ctx context.Context, c *alicloud.Client, logf Logf, match func(string) bool, kind string,
	list func(context.Context, *alicloud.Client) ([]string, error), del func(name string) error,
) error {
	names, err := list(ctx, c)
	if err != nil {
		return fmt.Errorf("sweeping: listing each %s: %w", kind, err)
	}
	var errs []error
	for _, name := range names {
		if !match(name) {
			continue
		}
		if err := del(name); err != nil && !alicloud.IsNotFound(err) {
			errs = append(errs, fmt.Errorf("sweeping %s %q: %w", kind, name, err))
			continue
		}
		logf("swept %s %s", kind, name)
	}
	return errors.Join(errs...)
}

// detachAll detaches every policy from a principal.
func detachAll(ctx context.Context, c *alicloud.Client, kind alicloud.PrincipalKind, principal string) error {
	attached, err := c.ListPoliciesFor(ctx, kind, principal)
	if err != nil {
		return err
	}
	for _, p := range attached {
		if err := c.DetachPolicy(ctx, kind, principal, p.PolicyName, p.PolicyType); err != nil && !alicloud.IsNotFound(err) {
			return err
		}
	}
	return nil
}
