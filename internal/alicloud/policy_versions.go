// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// PolicyVersion is one version of a policy. VersionID is "v<N>"; ids are
// never reused.
type PolicyVersion struct {
	VersionID        string `json:"VersionId"`
	PolicyDocument   string `json:"PolicyDocument"`
	IsDefaultVersion bool   `json:"IsDefaultVersion,string"`
	CreateDate       string `json:"CreateDate"`
}

// CreatePolicyVersion adds a version of a custom policy. SetAsDefault is
// sent only when true. rotateStrategy "" is not sent (RAM's default,
// "None", fails with LimitExceeded.Policy.Version at the version limit);
// "DeleteOldestNonDefaultVersionWhenLimitExceeded" makes room instead.
func (c *Client) CreatePolicyVersion(ctx context.Context, name, document string, setAsDefault bool, rotateStrategy string) (*PolicyVersion, error) {
	q := query{"PolicyName": name, "PolicyDocument": document}.
		flag("SetAsDefault", setAsDefault).opt("RotateStrategy", rotateStrategy)
	var out struct{ PolicyVersion PolicyVersion }
	if err := c.callInto(ctx, ProductRAM, "CreatePolicyVersion", q, &out); err != nil {
		return nil, err
	}
	return &out.PolicyVersion, nil
}

// ListPolicyVersions returns every version, oldest first (RAM does not
// page this list).
func (c *Client) ListPolicyVersions(ctx context.Context, name, policyType string) ([]PolicyVersion, error) {
	return listAll[PolicyVersion](ctx, c, "ListPolicyVersions", policyTarget(name, policyType), "PolicyVersions", "PolicyVersion")
}

// DeletePolicyVersion deletes a non-default version; the default one
// answers DeleteConflict.Policy.Version.Default.
func (c *Client) DeletePolicyVersion(ctx context.Context, name, versionID string) error {
	return c.callInto(ctx, ProductRAM, "DeletePolicyVersion", query{"PolicyName": name, "VersionId": versionID}, nil)
}

func (c *Client) SetDefaultPolicyVersion(ctx context.Context, name, versionID string) error {
	return c.callInto(ctx, ProductRAM, "SetDefaultPolicyVersion", query{"PolicyName": name, "VersionId": versionID}, nil)
}
