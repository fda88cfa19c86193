// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// Policy is a RAM policy as CreatePolicy, GetPolicy, ListPolicies and
// UpdatePolicyDescription return it. PolicyType is "Custom" or "System";
// DefaultVersion is e.g. "v1". CreatePolicy's answer has no
// AttachmentCount (0).
type Policy struct {
	PolicyName      string `json:"PolicyName"`
	PolicyType      string `json:"PolicyType"`
	Description     string `json:"Description"`
	DefaultVersion  string `json:"DefaultVersion"`
	CreateDate      string `json:"CreateDate"`
	UpdateDate      string `json:"UpdateDate"`
	AttachmentCount int    `json:"AttachmentCount,string"`
	// Tags is the Tags object of GetPolicy's answer (GetPolicy's API reference),
	// nil when the answer has none; then ListResourceTags reads them.
	Tags *PolicyTags `json:"Tags"`
}

// PolicyTags is a policy's Tags object: {"Tag":[{"TagKey":..,"TagValue":..}]}.
type PolicyTags struct {
	Tag []PolicyTag
}

// PolicyTag is one tag of a policy.
type PolicyTag struct {
	TagKey, TagValue string
}

// Map returns the tags as a map.
func (t *PolicyTags) Map() map[string]string {
	out := make(map[string]string, len(t.Tag))
	for _, tag := range t.Tag {
		out[tag.TagKey] = tag.TagValue
	}
	return out
}

// PolicyTagsOf returns the tags of a policy read with GetPolicy: from the
// answer itself when it carries them, which saves a call per refresh,
// else with ListResourceTags.
func (c *Client) PolicyTagsOf(ctx context.Context, p *Policy) (map[string]string, error) {
	if p.Tags != nil {
		return p.Tags.Map(), nil
	}
	return c.ListResourceTags(ctx, RAMResourcePolicy, p.PolicyName)
}

// CreatePolicyInput: an empty Description or Tags is not sent. Tags go in
// the JSON Tag parameter.
type CreatePolicyInput struct {
	PolicyName, PolicyDocument, Description string
	Tags                                    map[string]string
}

// CreatePolicy creates a custom policy; its document becomes version v1,
// the default.
func (c *Client) CreatePolicy(ctx context.Context, in CreatePolicyInput) (*Policy, error) {
	q := query{"PolicyName": in.PolicyName, "PolicyDocument": in.PolicyDocument}.
		opt("Description", in.Description).opt("Tag", jsonTags(in.Tags))
	var out struct{ Policy Policy }
	if err := c.callInto(ctx, ProductRAM, "CreatePolicy", q, &out); err != nil {
		return nil, err
	}
	return &out.Policy, nil
}

// GetPolicy returns a policy of a type ("Custom" or "System") and its
// default version, document included.
func (c *Client) GetPolicy(ctx context.Context, name, policyType string) (*Policy, *PolicyVersion, error) {
	var out struct {
		Policy               Policy
		DefaultPolicyVersion *PolicyVersion
	}
	if err := c.callInto(ctx, ProductRAM, "GetPolicy", policyTarget(name, policyType), &out); err != nil {
		return nil, nil, err
	}
	return &out.Policy, out.DefaultPolicyVersion, nil
}

// ListPolicies returns every policy of a type ("" = both), following
// Marker to the last page.
func (c *Client) ListPolicies(ctx context.Context, policyType string) ([]Policy, error) {
	return listAll[Policy](ctx, c, "ListPolicies", query{}.opt("PolicyType", policyType), "Policies", "Policy")
}

// DeletePolicy deletes a custom policy. Without cascading, RAM refuses
// while non-default versions remain (DeleteConflict.Policy.Version).
func (c *Client) DeletePolicy(ctx context.Context, name string, cascading bool) error {
	return c.callInto(ctx, ProductRAM, "DeletePolicy", query{"PolicyName": name}.flag("CascadingDelete", cascading), nil)
}

// UpdatePolicyDescription sets the description; "" is sent and clears it.
func (c *Client) UpdatePolicyDescription(ctx context.Context, name, description string) (*Policy, error) {
	q := query{"PolicyName": name, "NewDescription": description}
	var out struct{ Policy Policy }
	if err := c.callInto(ctx, ProductRAM, "UpdatePolicyDescription", q, &out); err != nil {
		return nil, err
	}
	return &out.Policy, nil
}

// policyTarget names a policy for the actions that take PolicyType; an
// empty type is not sent (RAM then answers MissingPolicyType where the
// type is required).
func policyTarget(name, policyType string) query {
	return query{"PolicyName": name}.opt("PolicyType", policyType)
}
