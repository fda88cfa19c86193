// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"reflect"
	"testing"
)

func TestCreatePolicyVersionRequest(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"PolicyVersion": map[string]any{
		"VersionId": "v3", "PolicyDocument": "{}", "IsDefaultVersion": true, "CreateDate": "2024-01-02T03:04:05Z"}}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	v, err := c.CreatePolicyVersion(ctx, "p", "{}", true, "DeleteOldestNonDefaultVersionWhenLimitExceeded")
	if want := (PolicyVersion{VersionID: "v3", PolicyDocument: "{}", IsDefaultVersion: true, CreateDate: "2024-01-02T03:04:05Z"}); err != nil || *v != want {
		t.Fatalf("CreatePolicyVersion = %+v, %v", v, err)
	}
	if _, err := c.CreatePolicyVersion(ctx, "p", "{}", false, ""); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if reqs[0].RawQuery != "PolicyDocument=%7B%7D&PolicyName=p&RotateStrategy=DeleteOldestNonDefaultVersionWhenLimitExceeded&SetAsDefault=true" {
		t.Errorf("query %q", reqs[0].RawQuery)
	}
	if reqs[1].RawQuery != "PolicyDocument=%7B%7D&PolicyName=p" {
		t.Errorf("defaults sent: %q", reqs[1].RawQuery)
	}
}

func TestListPolicyVersions(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"PolicyVersions": map[string]any{"PolicyVersion": []any{
		map[string]any{"VersionId": "v1", "PolicyDocument": "a", "IsDefaultVersion": "false", "CreateDate": "D1"},
		map[string]any{"VersionId": "v2", "PolicyDocument": "b", "IsDefaultVersion": true, "CreateDate": "D2"},
	}}}))
	vs, err := testClient(t, f.URL).ListPolicyVersions(context.Background(), "p", "Custom")
	want := []PolicyVersion{{"v1", "a", false, "D1"}, {"v2", "b", true, "D2"}}
	if err != nil || !reflect.DeepEqual(vs, want) {
		t.Fatalf("ListPolicyVersions = %+v, %v", vs, err)
	}
	if reqs := f.requests(); len(reqs) != 1 || reqs[0].RawQuery != "PolicyName=p&PolicyType=Custom" {
		t.Errorf("requests %+v", reqs)
	}
}

func TestDeleteAndSetDefaultPolicyVersion(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL)
	if err := c.DeletePolicyVersion(context.Background(), "p", "v1"); err != nil {
		t.Fatal(err)
	}
	if err := c.SetDefaultPolicyVersion(context.Background(), "p", "v2"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if reqs[0].Action != "DeletePolicyVersion" || reqs[0].RawQuery != "PolicyName=p&VersionId=v1" ||
		reqs[1].Action != "SetDefaultPolicyVersion" || reqs[1].RawQuery != "PolicyName=p&VersionId=v2" {
		t.Errorf("requests %+v", reqs)
	}
}
