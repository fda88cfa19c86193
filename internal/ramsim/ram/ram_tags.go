// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// RAM 2015-05-01 tags roles and custom policies (users are tagged through
// IMS, tags.go). Its TagResources, UntagResources and ListTagResources, and
// the Tag parameter of CreateRole, CreatePolicy, ListRoles and
// ListPolicies, take JSON strings: Tag=[{"Key":"k","Value":"v"}],
// ResourceNames=["a","b"], TagKeys=["k"].

// jsonTags parses the JSON Tag parameter (absent: none). A Value that is
// absent stays distinguishable from an empty one for filters.
func jsonTags(rq *wire.Request) ([]tagParam, *wire.Error) {
	const param = "Tag"
	raw := rq.Get(param)
	if raw == "" {
		return nil, nil
	}
	var entries []struct {
		Key   string
		Value *string
	}
	if err := json.Unmarshal([]byte(raw), &entries); err != nil || len(entries) > maxTagsPerCall {
		return nil, wire.Incorrect(param)
	}
	out := make([]tagParam, len(entries))
	for i, e := range entries {
		out[i] = tagParam{key: e.Key, hasValue: e.Value != nil}
		if e.Value != nil {
			out[i].value = *e.Value
		}
	}
	return out, nil
}

// jsonStrings parses a JSON array of strings of at most limit entries.
func jsonStrings(rq *wire.Request, param string, limit int) ([]string, *wire.Error) {
	raw := rq.Get(param)
	if raw == "" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(raw), &out); err != nil || len(out) > limit {
		return nil, wire.Incorrect(param)
	}
	return out, nil
}

// tagSet validates tags to set on a role or policy.
func tagSet(tags []tagParam) (map[string]string, *wire.Error) {
	set := make(map[string]string, len(tags))
	for _, t := range tags {
		if err := validateResourceTag(t.key, t.value); err != nil {
			return nil, err
		}
		set[t.key] = t.value
	}
	return set, nil
}

// createTags reads the Tag parameter of CreateRole / CreatePolicy: nil
// when absent.
func (s *Service) createTags(rq *wire.Request) (map[string]string, *wire.Error) {
	tags, err := jsonTags(rq)
	if err != nil || len(tags) == 0 {
		return nil, err
	}
	set, err := tagSet(tags)
	if err != nil {
		return nil, err
	}
	return mergeTags(nil, set, s.cfg.Limits.TagsPerResource)
}

// mergeTags returns current overwritten by set, or LimitExceeded.Tag when
// the result would hold more than limit tags. current is not changed.
func mergeTags(current, set map[string]string, limit int) (map[string]string, *wire.Error) {
	merged := maps.Clone(current)
	if merged == nil {
		merged = make(map[string]string, len(set))
	}
	maps.Copy(merged, set)
	if len(merged) > limit {
		return nil, errTagLimit()
	}
	return merged, nil
}

// filterTags returns the tags that match filters and whether every filter
// matched: a filter matches a tag with its key and, when it has a Value,
// that value. Without filters every tag is returned.
func filterTags(tags map[string]string, filters []tagParam) (map[string]string, bool) {
	if len(filters) == 0 {
		return tags, true
	}
	out := map[string]string{}
	for _, f := range filters {
		v, ok := tags[f.key]
		if !ok || (f.hasValue && v != f.value) {
			return nil, false
		}
		out[f.key] = v
	}
	return out, true
}

// tagsWire is the Tags object of roles and policies:
// {"Tag":[{"TagKey":"k","TagValue":"v"}]}, sorted by key.
func tagsWire(tags map[string]string) map[string]any {
	return wire.Wrap("Tag", slices.Sorted(maps.Keys(tags)), func(k string) map[string]any {
		return map[string]any{"TagKey": k, "TagValue": tags[k]}
	})
}

// taggedResource is one role or policy addressed by RAM's tag actions.
type taggedResource struct {
	name string
	tags *map[string]string
}

// taggedResources resolves ResourceType (role|policy) and ResourceNames.
// Without names, all reports whether that is allowed (ListTagResources then
// covers every resource of the type). Unknown names answer
// EntityNotExist.Role / EntityNotExist.Policy; system policies cannot be
// tagged and so are unknown here.
func (s *Service) taggedResources(rq *wire.Request, all bool) (string, []taggedResource, *wire.Error) {
	rt, err := rq.Required("ResourceType")
	if err != nil {
		return "", nil, err
	}
	if rt != "role" && rt != "policy" {
		return "", nil, wire.Incorrect("ResourceType")
	}
	names, err := jsonStrings(rq, "ResourceNames", maxTagResources)
	if err != nil {
		return "", nil, err
	}
	var out []taggedResource
	if len(names) == 0 {
		if !all {
			return "", nil, wire.Missing("ResourceNames")
		}
		if rt == "role" {
			for _, r := range wire.SortedByName(s.st.roles) {
				out = append(out, taggedResource{r.Name, &r.Tags})
			}
		} else {
			for _, p := range wire.SortedByName(s.st.policies) {
				out = append(out, taggedResource{p.Name, &p.Tags})
			}
		}
		return rt, out, nil
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		if rt == "role" {
			r := s.st.roles[n]
			if r == nil {
				return "", nil, errNotExist("Role")
			}
			out = append(out, taggedResource{r.Name, &r.Tags})
		} else {
			p := s.st.policies[n]
			if p == nil {
				return "", nil, errNotExist("Policy")
			}
			out = append(out, taggedResource{p.Name, &p.Tags})
		}
	}
	return rt, out, nil
}

// ramTagResources sets tags on roles or policies, overwriting existing
// keys; a rejected call changes nothing.
func (s *Service) ramTagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	_, resources, err := s.taggedResources(rq, false)
	if err != nil {
		return nil, err
	}
	tags, err := jsonTags(rq)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, wire.Missing("Tag")
	}
	set, err := tagSet(tags)
	if err != nil {
		return nil, err
	}
	merged := make([]map[string]string, len(resources))
	for i, r := range resources {
		if merged[i], err = mergeTags(*r.tags, set, s.cfg.Limits.TagsPerResource); err != nil {
			return nil, err
		}
	}
	for i, r := range resources {
		*r.tags = merged[i]
	}
	return map[string]any{}, nil
}

// ramUntagResources removes the TagKeys, or every tag with All=true and no
// TagKeys. Absent keys are ignored.
func (s *Service) ramUntagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	_, resources, err := s.taggedResources(rq, false)
	if err != nil {
		return nil, err
	}
	keys, err := jsonStrings(rq, "TagKeys", maxTagsPerCall)
	if err != nil {
		return nil, err
	}
	all, err := rq.Boolean("All")
	if err != nil {
		return nil, err
	}
	for _, r := range resources {
		switch {
		case len(keys) > 0:
			for _, k := range keys {
				delete(*r.tags, k)
			}
		case all:
			*r.tags = nil
		}
		if len(*r.tags) == 0 {
			*r.tags = nil
		}
	}
	return map[string]any{}, nil
}

// ramListTagResources lists (resource, tag) pairs by resource name then
// key: TagResources is a bare array, NextToken appears when there is more.
// With Tag filters only resources carrying every filter tag are listed, and
// only their matching tags.
func (s *Service) ramListTagResources(rq *wire.Request) (map[string]any, *wire.Error) {
	rt, resources, err := s.taggedResources(rq, true)
	if err != nil {
		return nil, err
	}
	filters, err := jsonTags(rq)
	if err != nil {
		return nil, err
	}
	pg, err := wire.ReadPage(rq, "NextToken", "PageSize", 100, 100)
	if err != nil {
		return nil, err
	}
	var pairs []tagPair
	for _, r := range resources {
		if tags, ok := filterTags(*r.tags, filters); ok {
			for _, k := range slices.Sorted(maps.Keys(tags)) {
				pairs = append(pairs, tagPair{r.name, k, tags[k]})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b tagPair) int { return strings.Compare(a.position(), b.position()) })
	pagePairs, next := wire.Paginate(pg, pairs, tagPair.position)
	list := make([]any, 0, len(pagePairs))
	for _, tp := range pagePairs {
		list = append(list, map[string]any{"ResourceName": tp.resource, "ResourceType": rt, "TagKey": tp.key, "TagValue": tp.value})
	}
	resp := map[string]any{"TagResources": list}
	if next != "" {
		resp["NextToken"] = next
	}
	return resp, nil
}
