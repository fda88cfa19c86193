// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"testing"
)

// Request layout: booleans always sent on create, nil fields not sent on
// update, optional SLR parameters left out when empty.
func TestCredentialRequestLayout(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"LoginProfile": map[string]any{"UserName": "u", "PasswordResetRequired": "true", "MFABindRequired": false}}))
	c := testClient(t, f.URL)
	ctx := context.Background()
	lp, err := c.CreateLoginProfile(ctx, "u", "p w", true, false)
	if err != nil || !lp.PasswordResetRequired || lp.MFABindRequired {
		t.Fatalf("CreateLoginProfile = %+v, %v", lp, err)
	}
	mfa := true
	if err := c.UpdateLoginProfile(ctx, "u", nil, nil, &mfa); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateServiceLinkedRole(ctx, "mse.aliyuncs.com", "", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateServiceLinkedRole(ctx, "x.aliyuncs.com", "sfx", "d"); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	for i, want := range []struct{ action, version, query string }{
		{"CreateLoginProfile", "2015-05-01", "MFABindRequired=false&PasswordResetRequired=true&UserName=u"}, // Password in the body
		{"UpdateLoginProfile", "2015-05-01", "MFABindRequired=true&UserName=u"},
		{"CreateServiceLinkedRole", "2020-03-31", "ServiceName=mse.aliyuncs.com"},
		{"CreateServiceLinkedRole", "2020-03-31", "CustomSuffix=sfx&Description=d&ServiceName=x.aliyuncs.com"},
	} {
		if r := reqs[i]; r.Action != want.action || r.Version != want.version || r.RawQuery != want.query {
			t.Errorf("request %d: %s %s %q, want %+v", i, r.Action, r.Version, r.RawQuery, want)
		}
	}
	if body := reqs[0].Body; body != "Password=p+w" {
		t.Errorf("CreateLoginProfile body %q, want the password alone", body)
	}
}

func TestDeletionStatusDecoding(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"Status": "FAILED", "Reason": map[string]any{"Message": "in use",
		"RoleUsages": map[string]any{"RoleUsage": []any{
			map[string]any{"Region": "global", "Resources": map[string]any{"Resource": []any{"a", "b"}}},
			map[string]any{"Region": "cn-hangzhou", "Resources": map[string]any{"Resource": []any{"c"}}},
		}}}}))
	st, err := testClient(t, f.URL).GetServiceLinkedRoleDeletionStatus(context.Background(), "task/x")
	if err != nil || st.Status != DeletionFailed || st.Reason != "in use" || len(st.Resources) != 3 || st.Resources[2] != "c" || !st.Done() {
		t.Fatalf("status = %+v, %v", st, err)
	}
	if r := f.requests()[0]; r.Action != "GetServiceLinkedRoleDeletionStatus" || r.Query.Get("DeletionTaskId") != "task/x" {
		t.Errorf("request %+v", r)
	}
}
