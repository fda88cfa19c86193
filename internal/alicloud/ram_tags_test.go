// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"testing"
)

func TestListResourceTagsFollowsNextToken(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, n int) {
		if n == 1 { // a bare array, unlike IMS's {"TagResource": [...]}
			writeJSON(w, 200, map[string]any{"RequestId": "R", "NextToken": "T2", "TagResources": []any{
				map[string]any{"ResourceName": "ops", "ResourceType": "role", "TagKey": "a", "TagValue": "1"}}})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "TagResources": []any{
			map[string]any{"ResourceName": "ops", "ResourceType": "role", "TagKey": "b", "TagValue": ""}}})
	})
	tags, err := testClient(t, f.URL).ListResourceTags(context.Background(), RAMResourceRole, "ops")
	if err != nil || !reflect.DeepEqual(tags, map[string]string{"a": "1", "b": ""}) {
		t.Fatalf("ListResourceTags = %v, %v", tags, err)
	}
	reqs := f.requests()
	first := url.Values{"ResourceType": {"role"}, "ResourceNames": {`["ops"]`}}
	second := url.Values{"ResourceType": {"role"}, "ResourceNames": {`["ops"]`}, "NextToken": {"T2"}}
	if len(reqs) != 2 || reqs[0].Action != "ListTagResources" || reqs[0].Version != "2015-05-01" ||
		!reflect.DeepEqual(reqs[0].Query, first) || !reflect.DeepEqual(reqs[1].Query, second) {
		t.Errorf("requests %+v", reqs)
	}
}

func TestListResourceTagsEmpty(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"TagResources": []any{}}))
	tags, err := testClient(t, f.URL).ListResourceTags(context.Background(), RAMResourcePolicy, "p")
	if err != nil || tags == nil || len(tags) != 0 {
		t.Fatalf("ListResourceTags = %#v, %v", tags, err)
	}
}

func TestTagAndUntagResource(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	if err := c.TagResource(ctx, RAMResourcePolicy, "p", map[string]string{"z": "1", "a": `"q"`}); err != nil {
		t.Fatal(err)
	}
	if err := c.UntagResource(ctx, RAMResourcePolicy, "p", []string{"z", "a"}); err != nil {
		t.Fatal(err)
	}
	if err := c.TagResource(ctx, RAMResourceRole, "r", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.UntagResource(ctx, RAMResourceRole, "r", []string{}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2 (empty changes make no call)", len(reqs))
	}
	tag := url.Values{"ResourceType": {"policy"}, "ResourceNames": {`["p"]`}, "Tag": {`[{"Key":"a","Value":"\"q\""},{"Key":"z","Value":"1"}]`}}
	untag := url.Values{"ResourceType": {"policy"}, "ResourceNames": {`["p"]`}, "TagKeys": {`["z","a"]`}}
	if reqs[0].Action != "TagResources" || !reflect.DeepEqual(reqs[0].Query, tag) {
		t.Errorf("TagResources %s %v", reqs[0].Action, reqs[0].Query)
	}
	if reqs[1].Action != "UntagResources" || !reflect.DeepEqual(reqs[1].Query, untag) {
		t.Errorf("UntagResources %s %v", reqs[1].Action, reqs[1].Query)
	}
}
