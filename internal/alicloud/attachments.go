// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"fmt"
	"maps"
)

// PrincipalKind is what a policy attaches to. Its value is the segment of
// the action names (AttachPolicyTo<Kind>) and of the name parameter
// (<Kind>Name).
type PrincipalKind string

const (
	PrincipalUser  PrincipalKind = "User"
	PrincipalGroup PrincipalKind = "Group"
	PrincipalRole  PrincipalKind = "Role"
)

// target is the principal parameter of the attachment actions, or an error
// for an unknown kind (which would otherwise reach the API as an unknown
// action).
func (k PrincipalKind) target(principal string) (query, error) {
	switch k {
	case PrincipalUser, PrincipalGroup, PrincipalRole:
		return query{string(k) + "Name": principal}, nil
	}
	return nil, fmt.Errorf("unknown principal kind %q (want User, Group or Role)", string(k))
}

// AttachedPolicy is one policy attached to a principal.
type AttachedPolicy struct {
	PolicyName     string `json:"PolicyName"`
	PolicyType     string `json:"PolicyType"`
	Description    string `json:"Description"`
	DefaultVersion string `json:"DefaultVersion"`
	AttachDate     string `json:"AttachDate"`
}

// AttachPolicy is AttachPolicyTo<Kind>. Attaching twice answers
// EntityAlreadyExists.<Kind>.Policy.
func (c *Client) AttachPolicy(ctx context.Context, kind PrincipalKind, principal, policyName, policyType string) error {
	return c.attachment(ctx, "AttachPolicyTo", kind, principal, policyName, policyType)
}

// DetachPolicy is DetachPolicyFrom<Kind>. A policy that is not attached
// answers EntityNotExist.<Kind>.Policy.
func (c *Client) DetachPolicy(ctx context.Context, kind PrincipalKind, principal, policyName, policyType string) error {
	return c.attachment(ctx, "DetachPolicyFrom", kind, principal, policyName, policyType)
}

func (c *Client) attachment(ctx context.Context, verb string, kind PrincipalKind, principal, policyName, policyType string) error {
	q, err := kind.target(principal)
	if err != nil {
		return err
	}
	maps.Copy(q, policyTarget(policyName, policyType))
	return c.callInto(ctx, ProductRAM, verb+string(kind), q, nil)
}

// ListPoliciesFor is ListPoliciesFor<Kind>: every policy attached to the
// principal (RAM does not page this list).
func (c *Client) ListPoliciesFor(ctx context.Context, kind PrincipalKind, principal string) ([]AttachedPolicy, error) {
	q, err := kind.target(principal)
	if err != nil {
		return nil, err
	}
	return listAll[AttachedPolicy](ctx, c, "ListPoliciesFor"+string(kind), q, "Policies", "Policy")
}

// PolicyEntities are the names of the principals a policy is attached to.
type PolicyEntities struct {
	Users, Groups, Roles []string
}

// ListEntitiesForPolicy lists who a policy is attached to.
func (c *Client) ListEntitiesForPolicy(ctx context.Context, name, policyType string) (*PolicyEntities, error) {
	var out struct {
		Users  struct{ User []struct{ UserName string } }
		Groups struct{ Group []struct{ GroupName string } }
		Roles  struct{ Role []struct{ RoleName string } }
	}
	if err := c.callInto(ctx, ProductRAM, "ListEntitiesForPolicy", policyTarget(name, policyType), &out); err != nil {
		return nil, err
	}
	e := &PolicyEntities{}
	for _, u := range out.Users.User {
		e.Users = append(e.Users, u.UserName)
	}
	for _, g := range out.Groups.Group {
		e.Groups = append(e.Groups, g.GroupName)
	}
	for _, r := range out.Roles.Role {
		e.Roles = append(e.Roles, r.RoleName)
	}
	return e, nil
}
