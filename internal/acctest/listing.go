// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The account-wide listings the destroy checks and the sweepers read,
// through the provider's client, every page.

// callTimeout bounds one check or sweep call, retries included: the
// client retries throttling and 5xx until its context's deadline.
const callTimeout = 2 * time.Minute

func callContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), callTimeout)
}

func listUserNames(ctx context.Context, c *alicloud.Client) ([]string, error) {
	var names []string
	marker := ""
	for {
		users, next, err := c.ListUsers(ctx, marker, 0)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			names = append(names, u.UserName)
		}
		if next == "" {
			return names, nil
		}
		marker = next
	}
}

// listGroupNames pages ListGroups, which the provider's client has no
// typed call for (no resource lists groups); it pages by Marker as
// ListUsers does.
func listGroupNames(ctx context.Context, c *alicloud.Client) ([]string, error) {
	var names []string
	marker := ""
	for {
		q := map[string]string{}
		if marker != "" {
			q["Marker"] = marker
		}
		body, err := c.Call(ctx, alicloud.ProductRAM, "ListGroups", q)
		if err != nil {
			return nil, err
		}
		raw, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		var page struct {
			IsTruncated any
			Marker      string
			Groups      struct{ Group []struct{ GroupName string } }
		}
		if err := json.Unmarshal(raw, &page); err != nil {
			return nil, fmt.Errorf("ListGroups answer: %w", err)
		}
		for _, g := range page.Groups.Group {
			names = append(names, g.GroupName)
		}
		// RAM writes IsTruncated as a boolean; accept its string form too.
		truncated := page.IsTruncated == true
		if s, ok := page.IsTruncated.(string); ok {
			truncated, _ = strconv.ParseBool(s)
		}
		if !truncated {
			return names, nil
		}
		if page.Marker == "" {
			return nil, fmt.Errorf("ListGroups: truncated answer without a Marker")
		}
		marker = page.Marker
	}
}

func listRoleNames(ctx context.Context, c *alicloud.Client) ([]string, error) {
	roles, err := c.ListRoles(ctx)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		names = append(names, r.RoleName)
	}
	return names, nil
}

func listCustomPolicyNames(ctx context.Context, c *alicloud.Client) ([]string, error) {
	ps, err := c.ListPolicies(ctx, "Custom")
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(ps))
	for _, p := range ps {
		names = append(names, p.PolicyName)
	}
	return names, nil
}

// UserNames lists this test's users (on the emulator, every user).
func (e *Env) UserNames() []string { return e.ownNames("RAM users", listUserNames) }

// GroupNames lists this test's groups (on the emulator, every group).
func (e *Env) GroupNames() []string { return e.ownNames("RAM groups", listGroupNames) }

// RoleNames lists this test's roles (on the emulator, every role).
func (e *Env) RoleNames() []string { return e.ownNames("RAM roles", listRoleNames) }

// CustomPolicyNames lists this test's custom policies (on the emulator,
// every custom policy).
func (e *Env) CustomPolicyNames() []string {
	return e.ownNames("custom policies", listCustomPolicyNames)
}

func (e *Env) ownNames(what string, list func(context.Context, *alicloud.Client) ([]string, error)) []string {
	e.t.Helper()
	ctx, cancel := callContext()
	defer cancel()
	names, err := list(ctx, e.Client())
	if err != nil {
		e.t.Fatalf("listing %s: %v", what, err)
	}
	var own []string
	for _, n := range names {
		if e.mine(n) {
			own = append(own, n)
		}
	}
	return own
}
