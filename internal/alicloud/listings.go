// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
)

// Account-wide listings for the list data sources: every user, group, role
// or policy, in pages of the largest size RAM allows, so that an account of
// thousands of objects costs a few calls.

// maxListItems is the largest MaxItems of RAM's account-wide List* actions,
// 1 to 1000 for each (default 100):
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listusers
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listgroups
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listroles
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listpolicies
const maxListItems = "1000"

// ListAllUsers returns every user. ListUsers' answer has no LastLoginDate,
// and its reference documents Email and MobilePhone as unavailable.
func (c *Client) ListAllUsers(ctx context.Context) ([]User, error) {
	return listAll[User](ctx, c, "ListUsers", query{"MaxItems": maxListItems}, "Users", "User")
}

// ListGroups returns every group.
func (c *Client) ListGroups(ctx context.Context) ([]Group, error) {
	return listAll[Group](ctx, c, "ListGroups", query{"MaxItems": maxListItems}, "Groups", "Group")
}

// TaggedRole is a role as ListRoles lists it: with its tags (in the same
// Tags object as a policy's) and without its trust policy, which ListRoles
// does not return.
type TaggedRole struct {
	Role
	Tags *PolicyTags `json:"Tags"`
}

// ListRolesTagged returns every role carrying all of tags (every role when
// tags is empty), with their tags. RAM filters with the JSON Tag parameter.
func (c *Client) ListRolesTagged(ctx context.Context, tags map[string]string) ([]TaggedRole, error) {
	q := query{"MaxItems": maxListItems}.opt("Tag", jsonTags(tags))
	return listAll[TaggedRole](ctx, c, "ListRoles", q, "Roles", "Role")
}

// ListPoliciesTagged returns every policy of policyType ("" = both)
// carrying all of tags (any tags when empty), with their tags.
func (c *Client) ListPoliciesTagged(ctx context.Context, policyType string, tags map[string]string) ([]Policy, error) {
	q := query{"MaxItems": maxListItems}.opt("PolicyType", policyType).opt("Tag", jsonTags(tags))
	return listAll[Policy](ctx, c, "ListPolicies", q, "Policies", "Policy")
}

// UserIDsTagged returns the IDs of the users carrying every one of tags,
// from IMS's ListTagResources with Tag.N filters and no ResourceId, which
// its reference allows ("at least one of ResourceId.N, Tag.N.Key"; N up to
// 20, 100 pairs a page):
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-listtagresources
// The reference does not say whether several filters must all match, so
// each user's listed tags are checked against every filter here too. tags
// must not be empty: with neither a resource nor a tag, IMS has nothing to
// list.
func (c *Client) UserIDsTagged(ctx context.Context, tags map[string]string) (map[string]bool, error) {
	if len(tags) == 0 {
		return nil, errors.New("IMS ListTagResources: listing users by tag needs at least one tag")
	}
	q := query{"ResourceType": "user"}
	for i, k := range slices.Sorted(maps.Keys(tags)) {
		n := strconv.Itoa(i + 1)
		q["Tag."+n+".Key"], q["Tag."+n+".Value"] = k, tags[k]
	}
	matched := map[string]map[string]bool{} // UserId -> filter keys its listed tags satisfy
	err := follow(ProductIMS, "ListTagResources", func(token string) (string, error) {
		var out struct {
			NextToken    string
			TagResources struct {
				TagResource []struct{ ResourceId, TagKey, TagValue string }
			}
		}
		pq := maps.Clone(q)
		if err := c.callInto(ctx, ProductIMS, "ListTagResources", pq.opt("NextToken", token), &out); err != nil {
			return "", err
		}
		for _, t := range out.TagResources.TagResource {
			if v, ok := tags[t.TagKey]; ok && v == t.TagValue {
				if matched[t.ResourceId] == nil {
					matched[t.ResourceId] = map[string]bool{}
				}
				matched[t.ResourceId][t.TagKey] = true
			}
		}
		return out.NextToken, nil
	})
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id, keys := range matched {
		if len(keys) == len(tags) {
			ids[id] = true
		}
	}
	return ids, nil
}
