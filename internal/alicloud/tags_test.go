// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"testing"
)

func tagResource(key string, value any) map[string]any {
	return map[string]any{"ResourceId": "216123456789012345", "ResourceType": "user", "TagKey": key, "TagValue": value}
}

func TestListUserTagsFollowsNextToken(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, n int) {
		if n == 1 {
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": true, "NextToken": "T2",
				"TagResources": map[string]any{"TagResource": []any{tagResource("env", "prod"), tagResource("team", "mse")}}})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": "false",
			"TagResources": map[string]any{"TagResource": []any{tagResource("cost", 42)}}})
	})
	tags, err := testClient(t, f.URL).ListUserTags(context.Background(), "216123456789012345")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"env": "prod", "team": "mse", "cost": "42"}; !maps.Equal(tags, want) {
		t.Errorf("tags %v", tags)
	}
	reqs := f.requests()
	first := url.Values{"ResourceType": {"user"}, "ResourceId.1": {"216123456789012345"}}
	second := url.Values{"ResourceType": {"user"}, "ResourceId.1": {"216123456789012345"}, "NextToken": {"T2"}}
	if len(reqs) != 2 || reqs[0].Action != "ListTagResources" || reqs[0].Version != "2019-08-15" ||
		reqs[0].Query.Encode() != first.Encode() || reqs[1].Query.Encode() != second.Encode() {
		t.Errorf("requests %+v", reqs)
	}
}

func TestListUserTagsRepeatedToken(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"IsTruncated": true, "NextToken": "SAME", "TagResources": map[string]any{"TagResource": []any{}}}))
	if _, err := testClient(t, f.URL).ListUserTags(context.Background(), "1"); err == nil {
		t.Fatal("endless listing not detected")
	}
}

func TestTagAndUntagUser(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL)
	if err := c.TagUser(context.Background(), "7", map[string]string{"team": "mse", "env": "", "app": "nacos"}); err != nil {
		t.Fatal(err)
	}
	if err := c.UntagUser(context.Background(), "7", []string{"team", "env"}); err != nil {
		t.Fatal(err)
	}
	if err := c.TagUser(context.Background(), "7", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.UntagUser(context.Background(), "7", nil); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests; empty tag sets must not call the API", len(reqs))
	}
	wantTag := url.Values{"ResourceType": {"user"}, "ResourceId.1": {"7"},
		"Tag.1.Key": {"app"}, "Tag.1.Value": {"nacos"}, "Tag.2.Key": {"env"}, "Tag.2.Value": {""},
		"Tag.3.Key": {"team"}, "Tag.3.Value": {"mse"}}
	if reqs[0].Action != "TagResources" || reqs[0].Query.Encode() != wantTag.Encode() {
		t.Errorf("TagResources %s %v", reqs[0].Action, reqs[0].Query)
	}
	wantUntag := url.Values{"ResourceType": {"user"}, "ResourceId.1": {"7"}, "TagKey.1": {"team"}, "TagKey.2": {"env"}}
	if reqs[1].Action != "UntagResources" || reqs[1].Query.Encode() != wantUntag.Encode() {
		t.Errorf("UntagResources %s %v", reqs[1].Action, reqs[1].Query)
	}
}
