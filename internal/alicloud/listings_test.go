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

// The account-wide listings ask for RAM's largest page and send tag filters
// in each API's own form: RAM's JSON Tag, IMS's Tag.N.Key/Value.
func TestListingsRequestLayout(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"IsTruncated": false,
		"Users": map[string]any{"User": []any{}}, "Groups": map[string]any{"Group": []any{}},
		"Roles": map[string]any{"Role": []any{}}, "Policies": map[string]any{"Policy": []any{}}}))
	c := testClient(t, f.URL)
	ctx, calls := CountCalls(context.Background())
	for _, list := range []func() error{
		func() error { _, err := c.ListAllUsers(ctx); return err },
		func() error { _, err := c.ListGroups(ctx); return err },
		func() error { _, err := c.ListRolesTagged(ctx, nil); return err },
		func() error {
			_, err := c.ListRolesTagged(ctx, map[string]string{"team": "mse", "env": ""})
			return err
		},
		func() error { _, err := c.ListPoliciesTagged(ctx, "System", nil); return err },
		func() error { _, err := c.ListPoliciesTagged(ctx, "", map[string]string{"team": "mse"}); return err },
	} {
		if err := list(); err != nil {
			t.Fatal(err)
		}
	}
	want := []struct {
		action string
		query  url.Values
	}{
		{"ListUsers", url.Values{"MaxItems": {"1000"}}},
		{"ListGroups", url.Values{"MaxItems": {"1000"}}},
		{"ListRoles", url.Values{"MaxItems": {"1000"}}},
		{"ListRoles", url.Values{"MaxItems": {"1000"}, "Tag": {`[{"Key":"env","Value":""},{"Key":"team","Value":"mse"}]`}}},
		{"ListPolicies", url.Values{"MaxItems": {"1000"}, "PolicyType": {"System"}}},
		{"ListPolicies", url.Values{"MaxItems": {"1000"}, "Tag": {`[{"Key":"team","Value":"mse"}]`}}},
	}
	reqs := f.requests()
	if len(reqs) != len(want) || calls.Calls() != int64(len(want)) {
		t.Fatalf("%d requests, %d counted; want %d", len(reqs), calls.Calls(), len(want))
	}
	for i, w := range want {
		if reqs[i].Action != w.action || reqs[i].Query.Encode() != w.query.Encode() {
			t.Errorf("request %d: %s %v, want %s %v", i, reqs[i].Action, reqs[i].Query, w.action, w.query)
		}
	}
}

// UserIDsTagged keeps only users whose listed tags satisfy every filter,
// whatever the service did with several filters, and follows NextToken.
func TestUserIDsTagged(t *testing.T) {
	pair := func(id, k, v string) map[string]any {
		return map[string]any{"ResourceId": id, "ResourceType": "user", "TagKey": k, "TagValue": v}
	}
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		if n == 1 {
			writeJSON(w, 200, map[string]any{"RequestId": "R", "NextToken": "T2", "TagResources": map[string]any{
				"TagResource": []any{pair("1", "env", "prod"), pair("1", "team", "mse"), pair("2", "team", "mse")}}})
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R", "TagResources": map[string]any{
			"TagResource": []any{pair("3", "env", "prod"), pair("3", "team", "other"), pair("4", "env", "prod"), pair("4", "team", "mse")}}})
	})
	c := testClient(t, f.URL)
	ids, err := c.UserIDsTagged(context.Background(), map[string]string{"team": "mse", "env": "prod"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]bool{"1": true, "4": true}; !maps.Equal(ids, want) {
		t.Errorf("ids %v, want %v", ids, want)
	}
	reqs := f.requests()
	first := url.Values{"ResourceType": {"user"}, "Tag.1.Key": {"env"}, "Tag.1.Value": {"prod"}, "Tag.2.Key": {"team"}, "Tag.2.Value": {"mse"}}
	second := maps.Clone(first)
	second["NextToken"] = []string{"T2"}
	if len(reqs) != 2 || reqs[0].Action != "ListTagResources" || reqs[0].Version != "2019-08-15" ||
		reqs[0].Query.Encode() != first.Encode() || reqs[1].Query.Encode() != second.Encode() {
		t.Errorf("requests %+v", reqs)
	}
	if _, err := c.UserIDsTagged(context.Background(), nil); err == nil || f.count() != 2 {
		t.Errorf("no tags: err %v after %d requests; want an error and no request", err, f.count())
	}
}

// A context without a counter is not counted; one derived from a counted
// context is; a retried call counts once.
func TestCountCalls(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, n int) {
		if n == 1 {
			apiError(w, http.StatusServiceUnavailable, "ServiceUnavailable", "busy")
			return
		}
		writeJSON(w, 200, map[string]any{"RequestId": "R"})
	})
	c := testClient(t, f.URL)
	ctx, calls := CountCalls(context.Background())
	derived, cancel := context.WithCancel(ctx)
	defer cancel()
	for _, cx := range []context.Context{ctx, derived, context.Background()} {
		if err := c.DeleteGroup(cx, "g"); err != nil {
			t.Fatal(err)
		}
	}
	if calls.Calls() != 2 || f.count() != 4 {
		t.Errorf("counted %d of %d calls, want 2", calls.Calls(), f.count())
	}
}
