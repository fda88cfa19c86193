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

// policyBody is a Policy as RAM sends it; AttachmentCount as a string, as
// the classic API sometimes answers, and Tags.
func policyBody(name string) map[string]any {
	return map[string]any{"PolicyName": name, "PolicyType": "Custom", "Description": "d", "DefaultVersion": "v2",
		"CreateDate": "2024-01-02T03:04:05Z", "UpdateDate": "2024-01-03T03:04:05Z", "AttachmentCount": "3",
		"Tags": map[string]any{"Tag": []any{map[string]any{"TagKey": "k", "TagValue": "v"}}}}
}

func wantPolicy(name string) Policy {
	return Policy{PolicyName: name, PolicyType: "Custom", Description: "d", DefaultVersion: "v2",
		CreateDate: "2024-01-02T03:04:05Z", UpdateDate: "2024-01-03T03:04:05Z", AttachmentCount: 3,
		Tags: &PolicyTags{Tag: []PolicyTag{{TagKey: "k", TagValue: "v"}}}}
}

func TestCreatePolicyRequest(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Policy": policyBody("p")}))
	c := testClient(t, f.URL)
	p, err := c.CreatePolicy(context.Background(), CreatePolicyInput{PolicyName: "p", PolicyDocument: `{"Version":"1"}`,
		Description: "d", Tags: map[string]string{"team": "mse", "app": "a&b<c>"}})
	if err != nil || !reflect.DeepEqual(*p, wantPolicy("p")) {
		t.Fatalf("CreatePolicy = %+v, %v", p, err)
	}
	// Empty Description and Tags are not sent at all.
	if _, err := c.CreatePolicy(context.Background(), CreatePolicyInput{PolicyName: "q", PolicyDocument: "{}"}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	want := url.Values{"PolicyName": {"p"}, "PolicyDocument": {`{"Version":"1"}`}, "Description": {"d"},
		"Tag": {`[{"Key":"app","Value":"a&b<c>"},{"Key":"team","Value":"mse"}]`}}
	if reqs[0].Action != "CreatePolicy" || reqs[0].Version != "2015-05-01" || !reflect.DeepEqual(reqs[0].Query, want) {
		t.Errorf("request %s %v", reqs[0].Action, reqs[0].Query)
	}
	if want := (url.Values{"PolicyName": {"q"}, "PolicyDocument": {"{}"}}); !reflect.DeepEqual(reqs[1].Query, want) {
		t.Errorf("minimal request %v", reqs[1].Query)
	}
}

func TestGetPolicyDecodesDefaultVersion(t *testing.T) {
	body := policyBody("p")
	body["PolicyDocument"] = "{}"
	f := newFakeAPI(t, ok(map[string]any{"Policy": body, "DefaultPolicyVersion": map[string]any{
		"VersionId": "v2", "PolicyDocument": `{"Version":"1"}`, "IsDefaultVersion": "true", "CreateDate": "2024-01-03T03:04:05Z"}}))
	p, v, err := testClient(t, f.URL).GetPolicy(context.Background(), "p", "Custom")
	if err != nil || !reflect.DeepEqual(*p, wantPolicy("p")) {
		t.Fatalf("GetPolicy = %+v, %v", p, err)
	}
	if want := (PolicyVersion{VersionID: "v2", PolicyDocument: `{"Version":"1"}`, IsDefaultVersion: true, CreateDate: "2024-01-03T03:04:05Z"}); v == nil || *v != want {
		t.Errorf("default version %+v", v)
	}
	if r := f.requests()[0]; r.RawQuery != "PolicyName=p&PolicyType=Custom" {
		t.Errorf("query %q", r.RawQuery)
	}
}

func TestListPoliciesFollowsMarker(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, n int) {
		switch n {
		case 1:
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": "true", "Marker": "M2",
				"Policies": map[string]any{"Policy": []any{policyBody("a"), policyBody("b")}}})
		case 2:
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": true, "Marker": "M3",
				"Policies": map[string]any{"Policy": []any{}}})
		default:
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": false,
				"Policies": map[string]any{"Policy": []any{policyBody("c")}}})
		}
	})
	ps, err := testClient(t, f.URL).ListPolicies(context.Background(), "Custom")
	if err != nil || !reflect.DeepEqual(ps, []Policy{wantPolicy("a"), wantPolicy("b"), wantPolicy("c")}) {
		t.Fatalf("ListPolicies = %+v, %v", ps, err)
	}
	reqs := f.requests()
	if len(reqs) != 3 || reqs[0].RawQuery != "PolicyType=Custom" || reqs[1].RawQuery != "Marker=M2&PolicyType=Custom" ||
		reqs[2].RawQuery != "Marker=M3&PolicyType=Custom" {
		t.Errorf("requests %+v", reqs)
	}
}

func TestListPoliciesAllTypesAndEndlessMarker(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"IsTruncated": true, "Marker": "SAME", "Policies": map[string]any{"Policy": []any{}}}))
	if _, err := testClient(t, f.URL).ListPolicies(context.Background(), ""); err == nil {
		t.Fatal("endless listing not detected")
	}
	if reqs := f.requests(); len(reqs) != 2 || reqs[0].RawQuery != "" {
		t.Errorf("requests %+v", reqs)
	}
	g := newFakeAPI(t, ok(map[string]any{"IsTruncated": true, "Policies": map[string]any{"Policy": []any{}}}))
	if _, err := testClient(t, g.URL).ListPolicies(context.Background(), ""); err == nil {
		t.Fatal("truncated answer without a marker accepted")
	}
}

func TestDeletePolicyAndDescription(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Policy": policyBody("p")}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	if err := c.DeletePolicy(ctx, "p", false); err != nil {
		t.Fatal(err)
	}
	if err := c.DeletePolicy(ctx, "p", true); err != nil {
		t.Fatal(err)
	}
	if p, err := c.UpdatePolicyDescription(ctx, "p", ""); err != nil || p.PolicyName != "p" {
		t.Fatalf("UpdatePolicyDescription = %+v, %v", p, err)
	}
	reqs := f.requests()
	for i, want := range []string{"PolicyName=p", "CascadingDelete=true&PolicyName=p", "NewDescription=&PolicyName=p"} {
		if reqs[i].RawQuery != want {
			t.Errorf("request %d %s: %q, want %q", i, reqs[i].Action, reqs[i].RawQuery, want)
		}
	}
}

// A GetPolicy answer with Tags needs no second call; one without them (an
// older answer) falls back to ListTagResources.
func TestPolicyTagsOf(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"TagResources": []any{
		map[string]any{"ResourceName": "p", "ResourceType": "policy", "TagKey": "team", "TagValue": "mse"}}}))
	c := testClient(t, f.URL)
	p := wantPolicy("p")
	tags, err := c.PolicyTagsOf(context.Background(), &p)
	if err != nil || !reflect.DeepEqual(tags, map[string]string{"k": "v"}) || f.count() != 0 {
		t.Fatalf("with Tags in the answer: %v, %v, %d calls", tags, err, f.count())
	}
	p.Tags = nil
	tags, err = c.PolicyTagsOf(context.Background(), &p)
	if err != nil || !reflect.DeepEqual(tags, map[string]string{"team": "mse"}) || f.count() != 1 {
		t.Fatalf("without Tags in the answer: %v, %v, %d calls", tags, err, f.count())
	}
	if a := f.requests()[0].Action; a != "ListTagResources" {
		t.Fatalf("fallback called %s", a)
	}
}
