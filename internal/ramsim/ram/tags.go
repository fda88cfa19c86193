// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// IMS 2019-08-15 tags RAM users: ResourceType=user, the users named by
// ResourceId.N (UserId) or ResourcePrincipalName.N
// (<UserName>@<AccountId>.onaliyun.com), N up to 50.

const (
	maxTagResources = 50 // ResourceId.N / ResourcePrincipalName.N
	maxTagsPerCall  = 20 // Tag.N / TagKey.N
)

// taggedUsers resolves the resource parameters to users. Exactly one of the
// two forms may be used; with neither, all reports whether that is allowed
// (ListTagResources then covers every user).
func (s *Service) taggedUsers(rq *wire.Request, all bool) ([]*userRecord, *wire.Error) {
	rt, err := rq.Required("ResourceType")
	if err != nil {
		return nil, err
	}
	if rt != "user" {
		return nil, wire.Incorrect("ResourceType")
	}
	ids, err := rq.List("ResourceId", maxTagResources)
	if err != nil {
		return nil, err
	}
	names, err := rq.List("ResourcePrincipalName", maxTagResources)
	if err != nil {
		return nil, err
	}
	switch {
	case len(ids) > 0 && len(names) > 0:
		return nil, wire.NewError(http.StatusBadRequest, "InvalidParameter",
			"Only one of ResourceId and ResourcePrincipalName can be specified.")
	case len(ids) == 0 && len(names) == 0:
		if all {
			return s.st.sortedUsers(), nil
		}
		return nil, wire.Missing("ResourceId")
	}
	var users []*userRecord
	for _, id := range ids {
		u := s.st.userByID(id)
		if u == nil {
			return nil, errUserNotExist()
		}
		users = append(users, u)
	}
	suffix := "@" + s.cfg.AccountID + ".onaliyun.com"
	for _, pn := range names {
		name, ok := strings.CutSuffix(pn, suffix)
		u := s.st.users[name]
		if !ok || u == nil {
			return nil, errUserNotExist()
		}
		users = append(users, u)
	}
	return users, nil
}

// tagParam is one Tag.N entry; hasValue tells "Value absent" from "Value
// empty", which matters to ListTagResources filters.
type tagParam struct {
	key, value string
	hasValue   bool
}

func tagParams(rq *wire.Request) ([]tagParam, *wire.Error) {
	ns := rq.Indexes("Tag")
	if len(ns) > maxTagsPerCall {
		return nil, wire.Incorrect("Tag")
	}
	tags := make([]tagParam, 0, len(ns))
	for _, n := range ns {
		prefix := "Tag." + strconv.Itoa(n)
		v, has := rq.Lookup(prefix + ".Value")
		tags = append(tags, tagParam{key: rq.Get(prefix + ".Key"), value: v, hasValue: has})
	}
	return tags, nil
}

// tagResources sets tags on users, overwriting existing keys. Every check
// runs before any change, so a rejected call changes nothing.
func (s *Service) tagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	users, err := s.taggedUsers(rq, false)
	if err != nil {
		return nil, err
	}
	tags, err := tagParams(rq)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, wire.Missing("Tag")
	}
	set := make(map[string]string, len(tags))
	for _, t := range tags {
		if err := validateTag(t.key, t.value); err != nil {
			return nil, err
		}
		set[t.key] = t.value
	}
	merged := make([]map[string]string, len(users))
	for i, u := range users {
		if merged[i], err = mergeTags(u.Tags, set, s.cfg.Limits.TagsPerUser); err != nil {
			return nil, err
		}
	}
	for i, u := range users {
		u.Tags = merged[i]
	}
	return map[string]any{}, nil
}

// untagResources removes the TagKey.N keys, or every tag with All=true and
// no TagKey. Absent keys are ignored.
func (s *Service) untagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	users, err := s.taggedUsers(rq, false)
	if err != nil {
		return nil, err
	}
	keys, err := rq.List("TagKey", maxTagsPerCall)
	if err != nil {
		return nil, err
	}
	all, err := rq.Boolean("All")
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		switch {
		case len(keys) > 0:
			for _, k := range keys {
				delete(u.Tags, k)
			}
		case all:
			u.Tags = nil
		}
		if len(u.Tags) == 0 {
			u.Tags = nil
		}
	}
	return map[string]any{}, nil
}

// listTagResources lists (user, tag) pairs ordered by UserId then key.
// With Tag.N filters, a user must carry every filter tag (Key equal, and
// Value equal when given) and only its matching tags are listed. NextToken
// is the opaque encoding of the next pair.
func (s *Service) listTagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	users, err := s.taggedUsers(rq, true)
	if err != nil {
		return nil, err
	}
	filters, err := tagParams(rq)
	if err != nil {
		return nil, err
	}
	pg, err := wire.ReadPage(rq, "NextToken", "PageSize", 100, 100)
	if err != nil {
		return nil, err
	}
	var pairs []tagPair
	seen := map[string]bool{}
	for _, u := range users {
		if seen[u.ID] {
			continue
		}
		seen[u.ID] = true
		pairs = append(pairs, matchingTags(u, filters)...)
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].position() < pairs[j].position() })
	pagePairs, next := wire.Paginate(pg, pairs, tagPair.position)
	resp := map[string]any{"IsTruncated": next != "", "TagResources": wire.Wrap("TagResource", pagePairs, func(tp tagPair) map[string]any {
		return map[string]any{"ResourceId": tp.resource, "ResourceType": "user", "TagKey": tp.key, "TagValue": tp.value}
	})}
	if next != "" {
		resp["NextToken"] = next
	}
	return resp, nil
}

// tagPair is one (resource, tag) row of a ListTagResources answer; the
// resource is a UserId (IMS) or a role or policy name (RAM).
type tagPair struct{ resource, key, value string }

// position orders pairs by (resource, key): UserIds have a fixed width and
// RAM names cannot contain NUL, so the string order is that order.
func (t tagPair) position() string { return t.resource + "\x00" + t.key }

func matchingTags(u *userRecord, filters []tagParam) []tagPair {
	tags, _ := filterTags(u.Tags, filters)
	var out []tagPair
	for k, v := range tags {
		out = append(out, tagPair{u.ID, k, v})
	}
	return out
}
