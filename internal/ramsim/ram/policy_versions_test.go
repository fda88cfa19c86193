// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// versionIDs lists the versions of the test policy "p" as "v1,v2*" (* marks
// the default).
func versionIDs(env *ramsimtest.Env) string {
	env.T.Helper()
	body := env.OK(ramsimtest.VRAM, "ListPolicyVersions", map[string]string{"PolicyName": "p", "PolicyType": "Custom"})
	var out []string
	for _, v := range ramsimtest.AsList(env.T, ramsimtest.Field(body, "PolicyVersions", "PolicyVersion")) {
		id := ramsimtest.Str(v, "VersionId")
		if ramsimtest.Field(v, "IsDefaultVersion") == true {
			id += "*"
		}
		out = append(out, id)
	}
	return strings.Join(out, ",")
}

func TestPolicyVersions(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	createPolicy(env, "p")
	newVersion := func(p map[string]string) map[string]any {
		p["PolicyName"] = "p"
		if p["PolicyDocument"] == "" {
			p["PolicyDocument"] = docMSEAll
		}
		return env.OK(ramsimtest.VRAM, "CreatePolicyVersion", p)
	}
	body := newVersion(map[string]string{})
	if ramsimtest.Str(body, "PolicyVersion", "VersionId") != "v2" || ramsimtest.Field(body, "PolicyVersion", "IsDefaultVersion") != false ||
		ramsimtest.Str(body, "PolicyVersion", "PolicyDocument") != docMSEAll {
		t.Fatalf("CreatePolicyVersion: %v", body)
	}
	body = newVersion(map[string]string{"SetAsDefault": "true"})
	if ramsimtest.Str(body, "PolicyVersion", "VersionId") != "v3" || ramsimtest.Field(body, "PolicyVersion", "IsDefaultVersion") != true {
		t.Fatalf("CreatePolicyVersion default: %v", body)
	}
	if got := versionIDs(env); got != "v1,v2,v3*" {
		t.Fatalf("versions %s", got)
	}
	got := env.OK(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "p", "PolicyType": "Custom"})
	if ramsimtest.Str(got, "Policy", "DefaultVersion") != "v3" || ramsimtest.Str(got, "DefaultPolicyVersion", "PolicyDocument") != docMSEAll {
		t.Fatalf("GetPolicy: %v", got)
	}
	got = env.OK(ramsimtest.VRAM, "GetPolicyVersion", map[string]string{"PolicyName": "p", "PolicyType": "Custom", "VersionId": "v1"})
	if ramsimtest.Str(got, "PolicyVersion", "PolicyDocument") != docMSERead || ramsimtest.Field(got, "PolicyVersion", "IsDefaultVersion") != false {
		t.Fatalf("GetPolicyVersion: %v", got)
	}

	env.OK(ramsimtest.VRAM, "SetDefaultPolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v1"})
	env.Fail(ramsimtest.VRAM, "DeletePolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v1"}, 409, "DeleteConflict.Policy.Version.Default")
	env.OK(ramsimtest.VRAM, "DeletePolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v3"})
	env.Fail(ramsimtest.VRAM, "DeletePolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v3"}, 404, "EntityNotExist.Policy.Version")
	// Ids are never reused.
	if id := ramsimtest.Str(newVersion(map[string]string{}), "PolicyVersion", "VersionId"); id != "v4" {
		t.Fatalf("after deleting v3 the next version is %s", id)
	}
	if got := versionIDs(env); got != "v1*,v2,v4" {
		t.Fatalf("versions %s", got)
	}

	for _, c := range []struct {
		action string
		p      map[string]string
		status int
		code   string
	}{
		{"GetPolicyVersion", map[string]string{"PolicyName": "p", "PolicyType": "Custom", "VersionId": "v9"}, 404, "EntityNotExist.Policy.Version"},
		{"GetPolicyVersion", map[string]string{"PolicyName": "p", "PolicyType": "Custom", "VersionId": "1"}, 400, "InvalidParameter.VersionId.Format"},
		{"GetPolicyVersion", map[string]string{"PolicyName": "p", "PolicyType": "Custom"}, 400, "MissingVersionId"},
		{"SetDefaultPolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v3"}, 404, "EntityNotExist.Policy.Version"},
		{"SetDefaultPolicyVersion", map[string]string{"PolicyName": "nope", "VersionId": "v1"}, 404, "EntityNotExist.Policy"},
		{"CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": "[]"}, 400, "MalformedPolicyDocument"},
		{"CreatePolicyVersion", map[string]string{"PolicyName": "p"}, 400, "MissingPolicyDocument"},
		{"CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": docMSEAll, "RotateStrategy": "Sometimes"}, 400, "InvalidParameter.RotateStrategy"},
		{"CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": docMSEAll, "SetAsDefault": "yes"}, 400, "InvalidParameter.SetAsDefault"},
		// System policies are read-only: the write actions only see custom ones.
		{"CreatePolicyVersion", map[string]string{"PolicyName": "AliyunMSEFullAccess", "PolicyDocument": docMSEAll}, 404, "EntityNotExist.Policy"},
		{"SetDefaultPolicyVersion", map[string]string{"PolicyName": "AliyunMSEFullAccess", "VersionId": "v1"}, 404, "EntityNotExist.Policy"},
		{"DeletePolicyVersion", map[string]string{"PolicyName": "AliyunMSEFullAccess", "VersionId": "v1"}, 404, "EntityNotExist.Policy"},
	} {
		env.Fail(ramsimtest.VRAM, c.action, c.p, c.status, c.code)
	}
	if got := versionIDs(env); got != "v1*,v2,v4" {
		t.Fatalf("failed calls changed versions: %s", got)
	}
	// System policies have one readable version.
	got = env.OK(ramsimtest.VRAM, "GetPolicyVersion", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System", "VersionId": "v1"})
	if !strings.Contains(ramsimtest.Str(got, "PolicyVersion", "PolicyDocument"), `"Action": "*"`) {
		t.Fatalf("system version: %v", got)
	}
}

func TestPolicyVersionLimitAndRotation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	createPolicy(env, "p")
	create := func(rotate string, setDefault bool) (int, map[string]any) {
		p := map[string]string{"PolicyName": "p", "PolicyDocument": docMSEAll}
		if rotate != "" {
			p["RotateStrategy"] = rotate
		}
		if setDefault {
			p["SetAsDefault"] = "true"
		}
		return env.Call(ramsimtest.VRAM, "CreatePolicyVersion", p)
	}
	for range 4 {
		if status, body := create("", false); status != 200 {
			t.Fatal(body)
		}
	}
	// The sixth version is over the limit of five.
	status, body := create("", false)
	ramsimtest.WantError(t, status, body, 409, "LimitExceeded.Policy.Version")
	status, body = create("None", false)
	ramsimtest.WantError(t, status, body, 409, "LimitExceeded.Policy.Version")
	if got := versionIDs(env); got != "v1*,v2,v3,v4,v5" {
		t.Fatalf("versions %s", got)
	}
	// Rotation deletes the oldest non-default version: v2 (v1 is default).
	if status, body = create(ram.RotateDeleteOldest, false); status != 200 || ramsimtest.Str(body, "PolicyVersion", "VersionId") != "v6" {
		t.Fatalf("%d %v", status, body)
	}
	if got := versionIDs(env); got != "v1*,v3,v4,v5,v6" {
		t.Fatalf("after the sixth: %s", got)
	}
	// The seventh, made default, rotates out v3; at most five remain.
	if status, body = create(ram.RotateDeleteOldest, true); status != 200 {
		t.Fatalf("%d %v", status, body)
	}
	if got := versionIDs(env); got != "v1,v4,v5,v6,v7*" {
		t.Fatalf("after the seventh: %s", got)
	}
	// Now v1 is the oldest non-default one.
	create(ram.RotateDeleteOldest, false)
	if got := versionIDs(env); got != "v4,v5,v6,v7*,v8" {
		t.Fatalf("after the eighth: %s", got)
	}

	// A lower limit; with a single version allowed there is nothing to rotate.
	env = ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{PolicyVersions: 1}})
	createPolicy(env, "p")
	status, body = create(ram.RotateDeleteOldest, false)
	ramsimtest.WantError(t, status, body, 409, "LimitExceeded.Policy.Version")
}
