// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"strings"
	"testing"
)

func TestServiceLinkedRoleCatalog(t *testing.T) {
	cat := ServiceLinkedRoles()
	want := map[string]string{
		"mse.aliyuncs.com":                "AliyunServiceRoleForMSE",
		"engine-service.mse.aliyuncs.com": "AliyunServiceRoleForMSEEngineService",
		"mssp.aliyuncs.com":               "AliyunServiceRoleForMssp",
		"esa.mssp.aliyuncs.com":           "AliyunServiceRoleForESAMssp",
	}
	if len(cat) != len(want) {
		t.Fatalf("catalog has %d entries, want %d", len(cat), len(want))
	}
	seenRole := map[string]bool{}
	for _, e := range cat {
		if want[e.ServiceName] != e.RoleName {
			t.Errorf("%s: role %q, want %q", e.ServiceName, e.RoleName, want[e.ServiceName])
		}
		if !IsServiceName(e.ServiceName) {
			t.Errorf("%s: not a service name", e.ServiceName)
		}
		if e.Description == "" || e.Source == "" || !strings.HasPrefix(e.PolicyName, "AliyunServiceRolePolicyFor") {
			t.Errorf("incomplete entry %+v", e)
		}
		// Role names are looked up without the suffix, so none may be a
		// prefix-with-underscore of another or repeat.
		if seenRole[e.RoleName] || strings.Contains(e.RoleName, "_") {
			t.Errorf("%s: role name %q repeats or contains '_'", e.ServiceName, e.RoleName)
		}
		seenRole[e.RoleName] = true
		got, ok := ServiceLinkedRoleFor(e.ServiceName)
		if !ok || got != e {
			t.Errorf("ServiceLinkedRoleFor(%s) = %+v, %v", e.ServiceName, got, ok)
		}
		got, suffix, ok := ServiceLinkedRoleNamed(e.RoleName + "_blue")
		if !ok || got != e || suffix != "blue" {
			t.Errorf("ServiceLinkedRoleNamed(%s_blue) = %+v, %q, %v", e.RoleName, got, suffix, ok)
		}
		// The seeds name no service that accepts either.
		if e.CheckSuffix("x") == nil || e.CheckDescription("x") == nil || e.CheckDescription(e.Description) != nil {
			t.Errorf("%s accepts a suffix or description", e.ServiceName)
		}
	}
	cat[0].RoleName = "changed"
	if ServiceLinkedRoles()[0].RoleName != "AliyunServiceRoleForMSE" {
		t.Fatal("ServiceLinkedRoles shares its slice")
	}
	if _, ok := ServiceLinkedRoleFor("nope.aliyuncs.com"); ok {
		t.Fatal("unknown service found")
	}
	if _, _, ok := ServiceLinkedRoleNamed("AliyunServiceRoleForNope"); ok {
		t.Fatal("unknown role found")
	}
	if got := strings.Join(ServiceNames(), ","); got != "mse.aliyuncs.com,engine-service.mse.aliyuncs.com,mssp.aliyuncs.com,esa.mssp.aliyuncs.com" {
		t.Fatalf("ServiceNames %s", got)
	}
}

func TestServiceLinkedRoleChecks(t *testing.T) {
	open := ServiceLinkedRole{ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB", AcceptsSuffix: true, AcceptsDescription: true}
	if err := open.CheckSuffix("prod-1.a"); err != nil {
		t.Fatal(err)
	}
	if got := open.RoleNameWithSuffix("prod"); got != "AliyunServiceRoleForPolarDB_prod" {
		t.Fatal(got)
	}
	if got := open.RoleNameWithSuffix(""); got != "AliyunServiceRoleForPolarDB" {
		t.Fatal(got)
	}
	if err := open.CheckDescription("mine"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "a_b", "with space", strings.Repeat("x", 64-len(open.RoleName))} {
		if err := open.CheckSuffix(bad); err == nil {
			t.Errorf("suffix %q accepted", bad)
		}
	}
	if err := open.CheckSuffix(strings.Repeat("x", 63-len(open.RoleName))); err != nil {
		t.Errorf("longest suffix refused: %v", err)
	}
	closed := ServiceLinkedRole{ServiceName: "mse.aliyuncs.com", RoleName: "AliyunServiceRoleForMSE", Description: "MSE's own"}
	if err := closed.CheckSuffix("x"); err == nil || !strings.Contains(err.Error(), "mse.aliyuncs.com") {
		t.Fatalf("CheckSuffix: %v", err)
	}
	if err := closed.CheckDescription("mine"); err == nil || !strings.Contains(err.Error(), "mse.aliyuncs.com") {
		t.Fatalf("CheckDescription: %v", err)
	}
	// Its own description is not custom: import writes it, and it is not sent.
	if err := closed.CheckDescription("MSE's own"); err != nil || closed.CustomDescription("MSE's own") != "" || closed.CustomDescription("mine") != "mine" {
		t.Fatalf("own description: %v", err)
	}
	for s, want := range map[string]bool{
		"mse.aliyuncs.com": true, "engine-service.mse.aliyuncs.com": true, "a.b-c.aliyuncs.com": true,
		"MSE.aliyuncs.com": false, "mse": false, ".aliyuncs.com": false, "-x.aliyuncs.com": false, "mse.example.com": false, "": false,
	} {
		if IsServiceName(s) != want {
			t.Errorf("IsServiceName(%q) != %v", s, want)
		}
	}
}

// One message per mistaken service name: a suggestion where one is close,
// the escape hatch only for a well-formed name outside the catalog.
func TestCheckServiceName(t *testing.T) {
	cases := []struct {
		name         string
		allowUnknown bool
		want         string // substring; "" means accepted
		notWant      string
	}{
		{"mse.aliyuncs.com", false, "", ""},
		{"ecs.aliyuncs.com", true, "", ""},
		{"", false, "must not be empty", "allow_unknown_service"},
		{"  ", false, "must not be empty", "allow_unknown_service"},
		{"mse", false, `did you mean "mse.aliyuncs.com"?`, "allow_unknown_service"},
		{"AliyunServiceRoleForMSE", false, `did you mean "mse.aliyuncs.com"?`, "allow_unknown_service"},
		{"AliyunServiceRolePolicyForMssp", false, `did you mean "mssp.aliyuncs.com"?`, "allow_unknown_service"},
		{"MSE.aliyuncs.com", false, `did you mean "mse.aliyuncs.com"?`, "allow_unknown_service"},
		{"mse.aliyuncs.co", true, `did you mean "mse.aliyuncs.com"?`, "allow_unknown_service"},
		{"mse.example.com", false, "a lower-case host under aliyuncs.com", "did you mean"},
		{"msse.aliyuncs.com", false, `did you mean "mse.aliyuncs.com"?`, "allow_unknown_service"},
		{"ecs.aliyuncs.com", false, "set allow_unknown_service = true", "did you mean"},
	}
	for _, tc := range cases {
		err := CheckServiceName(tc.name, tc.allowUnknown)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckServiceName(%q, %v) = %v, want nil", tc.name, tc.allowUnknown, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("CheckServiceName(%q, %v) = %v, want it to contain %q", tc.name, tc.allowUnknown, err, tc.want)
		case err != nil && tc.notWant != "" && strings.Contains(err.Error(), tc.notWant):
			t.Errorf("CheckServiceName(%q, %v) = %v, must not contain %q", tc.name, tc.allowUnknown, err, tc.notWant)
		}
	}
}
