// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"reflect"
	"testing"
)

func TestAttachmentActionsPerKind(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Policies": map[string]any{"Policy": []any{map[string]any{
		"PolicyName": "p", "PolicyType": "System", "Description": "d", "DefaultVersion": "v1", "AttachDate": "D"}}}}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	for _, k := range []PrincipalKind{PrincipalUser, PrincipalGroup, PrincipalRole} {
		if err := c.AttachPolicy(ctx, k, "x", "p", "System"); err != nil {
			t.Fatal(err)
		}
		if err := c.DetachPolicy(ctx, k, "x", "p", "System"); err != nil {
			t.Fatal(err)
		}
		ps, err := c.ListPoliciesFor(ctx, k, "x")
		if want := []AttachedPolicy{{"p", "System", "d", "v1", "D"}}; err != nil || !reflect.DeepEqual(ps, want) {
			t.Fatalf("ListPoliciesFor%s = %+v, %v", k, ps, err)
		}
	}
	reqs := f.requests()
	var got []string
	for _, r := range reqs {
		got = append(got, r.Action+"?"+r.RawQuery)
	}
	want := []string{
		"AttachPolicyToUser?PolicyName=p&PolicyType=System&UserName=x",
		"DetachPolicyFromUser?PolicyName=p&PolicyType=System&UserName=x",
		"ListPoliciesForUser?UserName=x",
		"AttachPolicyToGroup?GroupName=x&PolicyName=p&PolicyType=System",
		"DetachPolicyFromGroup?GroupName=x&PolicyName=p&PolicyType=System",
		"ListPoliciesForGroup?GroupName=x",
		"AttachPolicyToRole?PolicyName=p&PolicyType=System&RoleName=x",
		"DetachPolicyFromRole?PolicyName=p&PolicyType=System&RoleName=x",
		"ListPoliciesForRole?RoleName=x",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requests\n%q\nwant\n%q", got, want)
	}
}

func TestUnknownPrincipalKind(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL)
	if err := c.AttachPolicy(context.Background(), "Account", "x", "p", "Custom"); err == nil {
		t.Error("unknown kind accepted")
	}
	if _, err := c.ListPoliciesFor(context.Background(), "user", "x"); err == nil {
		t.Error("lower-case kind accepted")
	}
	if f.count() != 0 {
		t.Error("request sent for an unknown kind")
	}
}

func TestListEntitiesForPolicy(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{
		"Users":  map[string]any{"User": []any{map[string]any{"UserId": 1, "UserName": "alice", "AttachDate": "D"}, map[string]any{"UserName": "bob"}}},
		"Groups": map[string]any{"Group": []any{}},
		"Roles":  map[string]any{"Role": []any{map[string]any{"RoleName": "ops", "Arn": "acs:ram::1:role/ops"}}},
	}))
	e, err := testClient(t, f.URL).ListEntitiesForPolicy(context.Background(), "p", "Custom")
	if want := (&PolicyEntities{Users: []string{"alice", "bob"}, Roles: []string{"ops"}}); err != nil || !reflect.DeepEqual(e, want) {
		t.Fatalf("ListEntitiesForPolicy = %+v, %v", e, err)
	}
	if r := f.requests()[0]; r.Action != "ListEntitiesForPolicy" || r.RawQuery != "PolicyName=p&PolicyType=Custom" {
		t.Errorf("request %s %q", r.Action, r.RawQuery)
	}
}
