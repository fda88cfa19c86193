// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestRoleLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	body := env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "ack-worker.v1", "AssumeRolePolicyDocument": docTrust,
		"Description": "ACK worker", "Tag": `[{"Key":"cluster","Value":"c1"}]`})
	r := ramsimtest.Field(body, "Role")
	id := ramsimtest.Str(r, "RoleId")
	if !regexp.MustCompile(`^[1-9][0-9]{15}$`).MatchString(id) || ramsimtest.Str(r, "Arn") != "acs:ram::"+ramsimtest.Account+":role/ack-worker.v1" ||
		ramsimtest.Field(r, "MaxSessionDuration") != 3600.0 || ramsimtest.Str(r, "AssumeRolePolicyDocument") != docTrust || ramsimtest.Str(r, "Description") != "ACK worker" ||
		ramsimtest.Str(r, "CreateDate") != "2025-03-04T05:06:07Z" || names(ramsimtest.Field(r, "Tags", "Tag"), "TagKey") != "cluster" {
		t.Fatalf("CreateRole: %v", body)
	}
	env.Fail(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "ack-worker.v1", "AssumeRolePolicyDocument": docTrust}, 409, "EntityAlreadyExists.Role")
	if got := env.OK(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "ack-worker.v1"}); ramsimtest.Str(got, "Role", "RoleId") != id {
		t.Fatalf("GetRole: %v", got)
	}

	env.Clock.Add(time.Hour)
	trust2 := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::` + ramsimtest.Account + `:root"]}}]}`
	body = env.OK(ramsimtest.VRAM, "UpdateRole", map[string]string{"RoleName": "ack-worker.v1", "NewAssumeRolePolicyDocument": trust2,
		"NewDescription": "", "NewMaxSessionDuration": "43200"})
	if ramsimtest.Str(body, "Role", "AssumeRolePolicyDocument") != trust2 || ramsimtest.Str(body, "Role", "Description") != "" ||
		ramsimtest.Field(body, "Role", "MaxSessionDuration") != 43200.0 || ramsimtest.Str(body, "Role", "UpdateDate") != "2025-03-04T06:06:07Z" {
		t.Fatalf("UpdateRole: %v", body)
	}
	// Absent parameters keep their values.
	env.OK(ramsimtest.VRAM, "UpdateRole", map[string]string{"RoleName": "ack-worker.v1", "NewDescription": "d"})
	snap, ok := env.Srv.Role("ack-worker.v1")
	if !ok || snap.RoleID != id || snap.AssumeRolePolicyDocument != trust2 || snap.MaxSessionDuration != 43200 || snap.Description != "d" ||
		snap.Arn != "acs:ram::"+ramsimtest.Account+":role/ack-worker.v1" || !maps.Equal(snap.Tags, map[string]string{"cluster": "c1"}) {
		t.Fatalf("snapshot %+v", snap)
	}

	env.OK(ramsimtest.VRAM, "DeleteRole", map[string]string{"RoleName": "ack-worker.v1"})
	env.Fail(ramsimtest.VRAM, "DeleteRole", map[string]string{"RoleName": "ack-worker.v1"}, 404, "EntityNotExist.Role")
	env.Fail(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "ack-worker.v1"}, 404, "EntityNotExist.Role")
	if len(env.Srv.Roles()) != 0 {
		t.Fatal("role still there")
	}
}

func TestRoleValidation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "r", "AssumeRolePolicyDocument": docTrust})
	noPrincipal := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}`
	cases := []struct {
		action string
		p      map[string]string
		code   string
	}{
		{"CreateRole", map[string]string{"AssumeRolePolicyDocument": docTrust}, "MissingRoleName"},
		{"CreateRole", map[string]string{"RoleName": "x"}, "MissingAssumeRolePolicyDocument"},
		{"CreateRole", map[string]string{"RoleName": strings.Repeat("r", 65), "AssumeRolePolicyDocument": docTrust}, "InvalidParameter.RoleName.Length"},
		{"CreateRole", map[string]string{"RoleName": "a_b", "AssumeRolePolicyDocument": docTrust}, "InvalidParameter.RoleName.InvalidChars"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": docMSERead}, "MalformedPolicyDocument"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": noPrincipal}, "MalformedPolicyDocument"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": strings.Repeat(" ", 6145)}, "InvalidParameter.AssumeRolePolicyDocument.Length"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": docTrust, "Description": strings.Repeat("d", 1025)}, "InvalidParameter.Description.Length"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": docTrust, "MaxSessionDuration": "3599"}, "InvalidParameter.MaxSessionDuration"},
		{"CreateRole", map[string]string{"RoleName": "x", "AssumeRolePolicyDocument": docTrust, "MaxSessionDuration": "43201"}, "InvalidParameter.MaxSessionDuration"},
		{"UpdateRole", map[string]string{"RoleName": "r", "NewMaxSessionDuration": "100"}, "InvalidParameter.NewMaxSessionDuration"},
		{"UpdateRole", map[string]string{"RoleName": "r", "NewAssumeRolePolicyDocument": "{}"}, "MalformedPolicyDocument"},
		{"UpdateRole", map[string]string{"RoleName": "r", "NewAssumeRolePolicyDocument": ""}, "MissingNewAssumeRolePolicyDocument"},
		{"UpdateRole", map[string]string{"RoleName": "r", "NewDescription": strings.Repeat("d", 1025)}, "InvalidParameter.NewDescription.Length"},
		{"GetRole", map[string]string{"RoleName": "a b"}, "InvalidParameter.RoleName.InvalidChars"},
	}
	for _, c := range cases {
		t.Run(c.action+"/"+c.code, func(t *testing.T) {
			env.Fail(ramsimtest.VRAM, c.action, c.p, 400, c.code)
		})
	}
	if r, _ := env.Srv.Role("r"); r.MaxSessionDuration != 3600 || r.AssumeRolePolicyDocument != docTrust || len(env.Srv.Roles()) != 1 {
		t.Fatalf("a rejected call changed roles: %+v", env.Srv.Roles())
	}
	env.Fail(ramsimtest.VRAM, "UpdateRole", map[string]string{"RoleName": "nobody", "NewDescription": "x"}, 404, "EntityNotExist.Role")
}

func TestRoleLimitAndPaging(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{Roles: 5}})
	for _, n := range []string{"e", "c", "a", "d", "b"} {
		env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": n, "AssumeRolePolicyDocument": docTrust})
	}
	env.Fail(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "f", "AssumeRolePolicyDocument": docTrust}, 409, "LimitExceeded.Role")
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["b","d"]`, "Tag": `[{"Key":"k","Value":"v"}]`})

	var got []string
	marker := ""
	for {
		p := map[string]string{"MaxItems": "2"}
		if marker != "" {
			p["Marker"] = marker
		}
		body := env.OK(ramsimtest.VRAM, "ListRoles", p)
		got = append(got, names(ramsimtest.Field(body, "Roles", "Role"), "RoleName"))
		if body["IsTruncated"] != true {
			break
		}
		marker = ramsimtest.Str(body, "Marker")
	}
	if fmt.Sprint(got) != "[a,b c,d e]" {
		t.Fatalf("pages %v", got)
	}
	if n := names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListRoles", map[string]string{"Tag": `[{"Key":"k","Value":"v"}]`}), "Roles", "Role"), "RoleName"); n != "b,d" {
		t.Fatalf("tag filter: %s", n)
	}
	env.Fail(ramsimtest.VRAM, "ListRoles", map[string]string{"MaxItems": "0"}, 400, "InvalidParameter.MaxItems")
}

// Seed 004: an ACK dedicated cluster's worker role exists before Terraform
// runs; AliyunMSEFullAccess and a custom Simple Log Service policy are
// attached to it. Tests pre-create such a role through the API.
func TestSeed004WorkerRole(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "KubernetesWorkerRole-0a1b2c3d",
		"AssumeRolePolicyDocument": docTrust, "Description": "ACK worker role"})
	sls := `{"Version":"1","Statement":[` +
		`{"Action":["log:CloseProductDataCollection","log:OpenProductDataCollection","log:GetProductDataCollection"],` +
		`"Resource":["acs:mse:*:*:instance/*","acs:log:*:*:project/*/logstore/mse_*"],"Effect":"Allow"},` +
		`{"Action":"ram:PassRole","Resource":"acs:ram::*:role/aliyunserviceroleforslsaudit","Effect":"Allow"},` +
		`{"Action":"ram:CreateServiceLinkedRole","Resource":"*","Effect":"Allow","Condition":{"StringEquals":{"ram:ServiceName":"audit.log.aliyuncs.com"}}}]}`
	env.OK(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "mse-ingress-sls", "PolicyDocument": sls})
	for _, p := range [][2]string{{"System", "AliyunMSEFullAccess"}, {"Custom", "mse-ingress-sls"}} {
		env.OK(ramsimtest.VRAM, "AttachPolicyToRole", map[string]string{"RoleName": "KubernetesWorkerRole-0a1b2c3d", "PolicyType": p[0], "PolicyName": p[1]})
	}
	if got := env.Srv.AttachedPolicies("role", "KubernetesWorkerRole-0a1b2c3d"); fmt.Sprint(got) != "[Custom:mse-ingress-sls System:AliyunMSEFullAccess]" {
		t.Fatalf("attached %v", got)
	}
}
