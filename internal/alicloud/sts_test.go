// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"testing"
)

func TestGetCallerIdentity(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"AccountId": 123456789012, "UserId": "216123456789012345",
		"PrincipalId": "216123456789012345", "Arn": "acs:ram::123456789012:user/alice", "IdentityType": "RAMUser"}))
	id, err := testClient(t, f.URL).GetCallerIdentity(context.Background())
	want := CallerIdentity{AccountID: "123456789012", UserID: "216123456789012345", PrincipalID: "216123456789012345",
		ARN: "acs:ram::123456789012:user/alice", IdentityType: "RAMUser"}
	if err != nil || *id != want {
		t.Fatalf("GetCallerIdentity = %+v, %v", id, err)
	}
	if r := f.requests()[0]; r.Action != "GetCallerIdentity" || r.Version != "2015-04-01" || r.RawQuery != "" {
		t.Errorf("request %+v", r)
	}
}
