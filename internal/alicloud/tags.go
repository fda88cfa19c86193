// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"maps"
	"slices"
	"strconv"
)

// RAM users are tagged through IMS, addressed by UserId.

// userTagTarget is the resource selector shared by the three tag actions.
func userTagTarget(userID string) query {
	return query{"ResourceType": "user", "ResourceId.1": userID}
}

// ListUserTags returns all tags of a user, following NextToken.
func (c *Client) ListUserTags(ctx context.Context, userID string) (map[string]string, error) {
	tags := map[string]string{}
	err := follow(ProductIMS, "ListTagResources", func(token string) (string, error) {
		var out struct {
			NextToken    string
			TagResources struct {
				TagResource []struct{ ResourceId, TagKey, TagValue string }
			}
		}
		if err := c.callInto(ctx, ProductIMS, "ListTagResources", userTagTarget(userID).opt("NextToken", token), &out); err != nil {
			return "", err
		}
		for _, t := range out.TagResources.TagResource {
			tags[t.TagKey] = t.TagValue
		}
		return out.NextToken, nil
	})
	if err != nil {
		return nil, err
	}
	return tags, nil
}

// TagUser adds or overwrites tags (Tag.N.Key/Value, keys sorted so requests
// are reproducible). An empty map makes no call.
func (c *Client) TagUser(ctx context.Context, userID string, tags map[string]string) error {
	if len(tags) == 0 {
		return nil
	}
	q := userTagTarget(userID)
	for i, k := range slices.Sorted(maps.Keys(tags)) {
		n := strconv.Itoa(i + 1)
		q["Tag."+n+".Key"], q["Tag."+n+".Value"] = k, tags[k]
	}
	return c.callInto(ctx, ProductIMS, "TagResources", q, nil)
}

// UntagUser removes tags by key (TagKey.N). No keys make no call.
func (c *Client) UntagUser(ctx context.Context, userID string, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	return c.callInto(ctx, ProductIMS, "UntagResources", userTagTarget(userID).list("TagKey", keys), nil)
}
