// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import "context"

// RAM 2015-05-01 tags roles and custom policies by name (users are tagged
// through IMS, tags.go). Its tag actions take JSON-string parameters:
// ResourceNames=["name"], Tag=[{"Key":"k","Value":"v"}], TagKeys=["k"].

// RAMResourceType is the ResourceType of RAM's tag actions.
type RAMResourceType string

const (
	RAMResourceRole   RAMResourceType = "role"
	RAMResourcePolicy RAMResourceType = "policy"
)

// ramTagTarget is the resource selector shared by the three tag actions.
func ramTagTarget(typ RAMResourceType, name string) query {
	return query{"ResourceType": string(typ), "ResourceNames": jsonParam([]string{name})}
}

// ListResourceTags returns all tags of a role or custom policy, following
// NextToken. The answer's TagResources is a bare array here, unlike IMS.
func (c *Client) ListResourceTags(ctx context.Context, typ RAMResourceType, name string) (map[string]string, error) {
	tags := map[string]string{}
	err := follow(ProductRAM, "ListTagResources", func(token string) (string, error) {
		var out struct {
			NextToken    string
			TagResources []struct{ ResourceName, TagKey, TagValue string }
		}
		if err := c.callInto(ctx, ProductRAM, "ListTagResources", ramTagTarget(typ, name).opt("NextToken", token), &out); err != nil {
			return "", err
		}
		for _, t := range out.TagResources {
			if t.ResourceName == "" || t.ResourceName == name {
				tags[t.TagKey] = t.TagValue
			}
		}
		return out.NextToken, nil
	})
	if err != nil {
		return nil, err
	}
	return tags, nil
}

// TagResource adds or overwrites tags (JSON Tag, sorted by key). An empty
// map makes no call.
func (c *Client) TagResource(ctx context.Context, typ RAMResourceType, name string, tags map[string]string) error {
	if len(tags) == 0 {
		return nil
	}
	return c.callInto(ctx, ProductRAM, "TagResources", ramTagTarget(typ, name).opt("Tag", jsonTags(tags)), nil)
}

// UntagResource removes tags by key (JSON TagKeys); absent keys are
// ignored. No keys make no call.
func (c *Client) UntagResource(ctx context.Context, typ RAMResourceType, name string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	q := ramTagTarget(typ, name)
	q["TagKeys"] = jsonParam(keys)
	return c.callInto(ctx, ProductRAM, "UntagResources", q, nil)
}
