// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// Policy documents used by the tests.
const (
	docMSERead = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:List*","mse:Get*"],"Resource":"*"}]}`
	docMSEAll  = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:*"}]}`
	docTrust   = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`
)

// createPolicy creates a custom policy with docMSERead.
func createPolicy(e *ramsimtest.Env, name string, extra ...string) map[string]any {
	e.T.Helper()
	p := map[string]string{"PolicyName": name, "PolicyDocument": docMSERead}
	for i := 0; i+1 < len(extra); i += 2 {
		p[extra[i]] = extra[i+1]
	}
	return e.OK(ramsimtest.VRAM, "CreatePolicy", p)
}

func names(list any, field string) string {
	var out []string
	items, _ := list.([]any)
	for _, it := range items {
		out = append(out, ramsimtest.Str(it, field))
	}
	return strings.Join(out, ",")
}

func TestPolicyLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	body := createPolicy(env, "mse-read", "Description", "read MSE", "Tag", `[{"Key":"env","Value":"prod"}]`)
	p := ramsimtest.Field(body, "Policy")
	want := map[string]string{"PolicyName": "mse-read", "PolicyType": "Custom", "Description": "read MSE",
		"DefaultVersion": "v1", "CreateDate": "2025-03-04T05:06:07Z"}
	for k, v := range want {
		if ramsimtest.Str(p, k) != v {
			t.Errorf("%s = %q, want %q", k, ramsimtest.Str(p, k), v)
		}
	}
	env.Fail(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "mse-read", "PolicyDocument": docMSERead}, 409, "EntityAlreadyExists.Policy")
	env.Fail(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "AliyunMSEFullAccess", "PolicyDocument": docMSERead}, 409, "EntityAlreadyExists.Policy")

	got := env.OK(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "mse-read", "PolicyType": "Custom"})
	if ramsimtest.Str(got, "DefaultPolicyVersion", "VersionId") != "v1" || ramsimtest.Str(got, "DefaultPolicyVersion", "PolicyDocument") != docMSERead ||
		ramsimtest.Field(got, "DefaultPolicyVersion", "IsDefaultVersion") != true || ramsimtest.Field(got, "Policy", "AttachmentCount") != 0.0 ||
		names(ramsimtest.Field(got, "Policy", "Tags", "Tag"), "TagKey") != "env" {
		t.Fatalf("GetPolicy: %v", got)
	}
	env.Fail(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "mse-read", "PolicyType": "System"}, 404, "EntityNotExist.Policy")
	env.Fail(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "mse-read"}, 400, "MissingPolicyType")
	env.Fail(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "mse-read", "PolicyType": "custom"}, 400, "InvalidParameter.PolicyType")

	env.Clock.Add(time.Minute)
	body = env.OK(ramsimtest.VRAM, "UpdatePolicyDescription", map[string]string{"PolicyName": "mse-read", "NewDescription": "new"})
	if ramsimtest.Str(body, "Policy", "Description") != "new" || ramsimtest.Str(body, "Policy", "UpdateDate") != "2025-03-04T05:07:07Z" {
		t.Fatalf("UpdatePolicyDescription: %v", body)
	}
	env.OK(ramsimtest.VRAM, "UpdatePolicyDescription", map[string]string{"PolicyName": "mse-read", "NewDescription": ""})
	snap, ok := env.Srv.Policy("mse-read")
	if !ok || snap.Description != "" || snap.PolicyType != "Custom" || snap.DefaultVersion != "v1" || snap.Document() != docMSERead ||
		!maps.Equal(snap.Tags, map[string]string{"env": "prod"}) || len(snap.Versions) != 1 {
		t.Fatalf("snapshot %+v", snap)
	}
	env.Fail(ramsimtest.VRAM, "UpdatePolicyDescription", map[string]string{"PolicyName": "AdministratorAccess", "NewDescription": "x"}, 404, "EntityNotExist.Policy")

	env.OK(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "mse-read"})
	env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "mse-read"}, 404, "EntityNotExist.Policy")
	if _, ok := env.Srv.Policy("mse-read"); ok || len(env.Srv.Policies()) != 0 {
		t.Fatal("policy still there")
	}
	// System policies cannot be deleted: DeletePolicy addresses custom ones.
	env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "AdministratorAccess"}, 404, "EntityNotExist.Policy")
}

func TestPolicyValidation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	long := strings.Repeat("x", 6145)
	bigDoc := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"` + strings.Repeat("a", 6144) + `"}]}`
	cases := []struct {
		p    map[string]string
		code string
	}{
		{map[string]string{"PolicyDocument": docMSERead}, "MissingPolicyName"},
		{map[string]string{"PolicyName": "p"}, "MissingPolicyDocument"},
		{map[string]string{"PolicyName": strings.Repeat("p", 129), "PolicyDocument": docMSERead}, "InvalidParameter.PolicyName.Length"},
		{map[string]string{"PolicyName": "p_q", "PolicyDocument": docMSERead}, "InvalidParameter.PolicyName.InvalidChars"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": long}, "InvalidParameter.PolicyDocument.Length"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": bigDoc}, "InvalidParameter.PolicyDocument.Length"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": "{"}, "MalformedPolicyDocument"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": `{"Version":"2","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`}, "MalformedPolicyDocument"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": `{"Version":"1","Statement":[]}`}, "MalformedPolicyDocument"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}`}, "MalformedPolicyDocument"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": docMSERead, "Description": strings.Repeat("d", 1025)}, "InvalidParameter.Description.Length"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": docMSERead, "Tag": "not json"}, "InvalidParameter.Tag"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": docMSERead, "Tag": `[{"Key":"acs:x","Value":"v"}]`}, "InvalidParameter.Tag.Key"},
		{map[string]string{"PolicyName": "p", "PolicyDocument": docMSERead, "Tag": `[{"Key":"k","Value":"` + strings.Repeat("v", 257) + `"}]`}, "InvalidParameter.Tag.Value"},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			body := env.Fail(ramsimtest.VRAM, "CreatePolicy", c.p, 400, c.code)
			if c.code == "MalformedPolicyDocument" && !strings.Contains(ramsimtest.Str(body, "Message"), "malformed: ") {
				t.Fatalf("Message %q", ramsimtest.Str(body, "Message"))
			}
		})
	}
	if len(env.Srv.Policies()) != 0 {
		t.Fatal("a rejected CreatePolicy created a policy")
	}
	// Limits are inclusive.
	createPolicy(env, strings.Repeat("p", 128), "Description", strings.Repeat("d", 1024),
		"Tag", `[{"Key":"k","Value":"`+strings.Repeat("v", 256)+`"}]`)
	prefix, suffix := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:instance/`, `"}]}`
	fit := prefix + strings.Repeat("a", 6144-len(prefix)-len(suffix)) + suffix
	env.OK(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "fit", "PolicyDocument": fit})
	env.Fail(ramsimtest.VRAM, "ListPolicies", map[string]string{"PolicyType": "Other"}, 400, "InvalidParameter.PolicyType")
}

func TestPolicyLimit(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{Policies: 2, TagsPerResource: 1}})
	env.Fail(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "t", "PolicyDocument": docMSERead,
		"Tag": `[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]`}, 409, "LimitExceeded.Tag")
	createPolicy(env, "p1")
	createPolicy(env, "p2")
	env.Fail(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "p3", "PolicyDocument": docMSERead}, 409, "LimitExceeded.Policy")
	env.OK(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p1"})
	createPolicy(env, "p3")
}

func TestListPolicies(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, n := range []string{"c", "a", "b"} {
		createPolicy(env, n)
	}
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "policy", "ResourceNames": `["a","c"]`, "Tag": `[{"Key":"team","Value":"mse"}]`})
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "policy", "ResourceNames": `["c"]`, "Tag": `[{"Key":"env","Value":"prod"}]`})

	list := func(p map[string]string) (string, map[string]any) {
		body := env.OK(ramsimtest.VRAM, "ListPolicies", p)
		return names(ramsimtest.Field(body, "Policies", "Policy"), "PolicyName"), body
	}
	if got, _ := list(map[string]string{"PolicyType": "Custom"}); got != "a,b,c" {
		t.Fatalf("custom: %s", got)
	}
	system := strings.Join(slices.Sorted(maps.Keys(ram.SystemPolicies)), ",")
	if got, _ := list(map[string]string{"PolicyType": "System", "MaxItems": "1000"}); got != system {
		t.Fatalf("system: %s", got)
	}
	if got, _ := list(map[string]string{"MaxItems": "1000"}); got != "a,b,c,"+system {
		t.Fatalf("all: %s", got)
	}
	if got, _ := list(map[string]string{"Tag": `[{"Key":"team"}]`}); got != "a,c" {
		t.Fatalf("by tag key: %s", got)
	}
	if got, _ := list(map[string]string{"Tag": `[{"Key":"team","Value":"mse"},{"Key":"env","Value":"prod"}]`}); got != "c" {
		t.Fatalf("by two tags: %s", got)
	}
	if got, _ := list(map[string]string{"Tag": `[{"Key":"team","Value":"other"}]`}); got != "" {
		t.Fatalf("by tag value: %s", got)
	}

	// Paging across both types.
	var all []string
	marker := ""
	for {
		p := map[string]string{"MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		got, body := list(p)
		all = append(all, got)
		if body["IsTruncated"] != true {
			break
		}
		marker = ramsimtest.Str(body, "Marker")
	}
	if strings.Join(all, ",") != "a,b,c,"+system {
		t.Fatalf("paged: %v", all)
	}
	env.Fail(ramsimtest.VRAM, "ListPolicies", map[string]string{"Marker": "%%"}, 400, "InvalidParameter.Marker")
	env.Fail(ramsimtest.VRAM, "ListPolicies", map[string]string{"Tag": `{"Key":"k"}`}, 400, "InvalidParameter.Tag")
}

func TestDeletePolicyConflicts(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	createPolicy(env, "p")
	env.OK(ramsimtest.VRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": docMSEAll})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": docTrust})
	attach := map[string]string{"PolicyName": "p", "PolicyType": "Custom"}
	for _, k := range []struct{ kind, param, name string }{{"User", "UserName", "alice"}, {"Group", "GroupName", "devs"}, {"Role", "RoleName", "worker"}} {
		p := maps.Clone(attach)
		p[k.param] = k.name
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+k.kind, p)
	}
	if snap, _ := env.Srv.Policy("p"); snap.AttachmentCount != 3 {
		t.Fatalf("AttachmentCount %d", snap.AttachmentCount)
	}
	// The codes RAM's error code list gives, and for a role the one the
	// alicloud provider retries on (no document gives it; see policyInUse).
	for _, k := range []struct{ kind, param, name, code string }{
		{"User", "UserName", "alice", "DeleteConflict.Policy.User"},
		{"Group", "GroupName", "devs", "DeleteConflict.Policy.Group"},
		{"Role", "RoleName", "worker", "DeleteConflict.Role.Policy"},
	} {
		env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p", "CascadingDelete": "true"}, 409, k.code)
		p := maps.Clone(attach)
		p[k.param] = k.name
		env.OK(ramsimtest.VRAM, "DetachPolicyFrom"+k.kind, p)
	}
	env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p"}, 409, "DeleteConflict.Policy.Version")
	env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p", "CascadingDelete": "false"}, 409, "DeleteConflict.Policy.Version")
	env.Fail(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p", "CascadingDelete": "maybe"}, 400, "InvalidParameter.CascadingDelete")
	env.OK(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p", "CascadingDelete": "true"})

	// Without cascading, deleting the non-default versions first works.
	createPolicy(env, "q")
	env.OK(ramsimtest.VRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "q", "PolicyDocument": docMSEAll})
	env.OK(ramsimtest.VRAM, "DeletePolicyVersion", map[string]string{"PolicyName": "q", "VersionId": "v2"})
	env.OK(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "q"})
}
