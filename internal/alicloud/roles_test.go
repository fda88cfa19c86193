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

const trust = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}`

// roleBody has RoleId and MaxSessionDuration as numbers, and Tags, which
// Role does not keep.
func roleBody(name string) map[string]any {
	return map[string]any{"RoleId": 301234567890123456, "RoleName": name, "Arn": "acs:ram::1:role/" + name,
		"Description": "d", "AssumeRolePolicyDocument": trust, "MaxSessionDuration": 7200,
		"CreateDate": "2024-01-02T03:04:05Z", "UpdateDate": "2024-01-03T03:04:05Z", "Tags": map[string]any{"Tag": []any{}}}
}

func wantRole(name string) Role {
	return Role{RoleID: "301234567890123456", RoleName: name, Arn: "acs:ram::1:role/" + name, Description: "d",
		AssumeRolePolicyDocument: trust, MaxSessionDuration: 7200, CreateDate: "2024-01-02T03:04:05Z", UpdateDate: "2024-01-03T03:04:05Z"}
}

func TestCreateRoleRequest(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Role": roleBody("ops")}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	r, err := c.CreateRole(ctx, CreateRoleInput{RoleName: "ops", AssumeRolePolicyDocument: trust, Description: "d",
		MaxSessionDuration: 7200, Tags: map[string]string{"b": "", "a": "1"}})
	if err != nil || *r != wantRole("ops") {
		t.Fatalf("CreateRole = %+v, %v", r, err)
	}
	if _, err := c.CreateRole(ctx, CreateRoleInput{RoleName: "min", AssumeRolePolicyDocument: trust}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	want := url.Values{"RoleName": {"ops"}, "AssumeRolePolicyDocument": {trust}, "Description": {"d"},
		"MaxSessionDuration": {"7200"}, "Tag": {`[{"Key":"a","Value":"1"},{"Key":"b","Value":""}]`}}
	if !reflect.DeepEqual(reqs[0].Query, want) {
		t.Errorf("query %v", reqs[0].Query)
	}
	if want := (url.Values{"RoleName": {"min"}, "AssumeRolePolicyDocument": {trust}}); !reflect.DeepEqual(reqs[1].Query, want) {
		t.Errorf("minimal query %v", reqs[1].Query)
	}
}

func TestUpdateRoleSendsOnlyGivenFields(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Role": roleBody("ops")}))
	c := testClient(t, f.URL)
	empty, d := "", 3600
	if _, err := c.UpdateRole(context.Background(), UpdateRoleInput{RoleName: "ops", NewDescription: &empty, NewMaxSessionDuration: &d}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.UpdateRole(context.Background(), UpdateRoleInput{RoleName: "ops", NewAssumeRolePolicyDocument: &empty}); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if reqs[0].RawQuery != "NewDescription=&NewMaxSessionDuration=3600&RoleName=ops" {
		t.Errorf("query %q", reqs[0].RawQuery)
	}
	if reqs[1].RawQuery != "NewAssumeRolePolicyDocument=&RoleName=ops" {
		t.Errorf("query %q", reqs[1].RawQuery)
	}
}

func TestGetDeleteAndListRoles(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, r seen, n int) {
		switch {
		case r.Action == "GetRole":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "Role": roleBody("ops")})
		case r.Action == "ListRoles" && r.Query.Get("Marker") == "":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": true, "Marker": "M2",
				"Roles": map[string]any{"Role": []any{roleBody("a")}}})
		case r.Action == "ListRoles":
			writeJSON(w, 200, map[string]any{"RequestId": "R", "IsTruncated": false,
				"Roles": map[string]any{"Role": []any{roleBody("b")}}})
		default:
			writeJSON(w, 200, map[string]any{"RequestId": "R"})
		}
	})
	c := testClient(t, f.URL)
	ctx := context.Background()
	if r, err := c.GetRole(ctx, "ops"); err != nil || *r != wantRole("ops") {
		t.Fatalf("GetRole = %+v, %v", r, err)
	}
	if err := c.DeleteRole(ctx, "ops"); err != nil {
		t.Fatal(err)
	}
	rs, err := c.ListRoles(ctx)
	if err != nil || !reflect.DeepEqual(rs, []Role{wantRole("a"), wantRole("b")}) {
		t.Fatalf("ListRoles = %+v, %v", rs, err)
	}
	reqs := f.requests()
	if reqs[1].RawQuery != "RoleName=ops" || reqs[2].RawQuery != "" || reqs[3].RawQuery != "Marker=M2" {
		t.Errorf("requests %+v", reqs)
	}
}
