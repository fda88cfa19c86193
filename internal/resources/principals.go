// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// detachAllPolicies detaches every policy from a user, group or role, what
// force_destroy does before deleting the principal. It returns how many
// were detached; a principal or attachment already gone is not an error.
func detachAllPolicies(ctx context.Context, c *alicloud.Client, kind alicloud.PrincipalKind, name string) (int, error) {
	policies, err := c.ListPoliciesFor(ctx, kind, name)
	if err != nil {
		return 0, ignoreNotFound(err)
	}
	for _, p := range policies {
		if err := ignoreNotFound(c.DetachPolicy(ctx, kind, name, p.PolicyName, p.PolicyType)); err != nil {
			return 0, err
		}
	}
	return len(policies), nil
}
