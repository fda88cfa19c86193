// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"maps"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// ramTagList reads a RAM ListTagResources answer as "name:key=value".
func ramTagList(t *testing.T, body map[string]any, typ string) []string {
	t.Helper()
	var out []string
	for _, tr := range ramsimtest.AsList(t, body["TagResources"]) {
		if ramsimtest.Str(tr, "ResourceType") != typ {
			t.Fatalf("ResourceType %v", tr)
		}
		out = append(out, ramsimtest.Str(tr, "ResourceName")+":"+ramsimtest.Str(tr, "TagKey")+"="+ramsimtest.Str(tr, "TagValue"))
	}
	return out
}

func TestRAMTags(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{TagsPerResource: 3}})
	for _, r := range []string{"r1", "r2"} {
		env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": r, "AssumeRolePolicyDocument": docTrust})
	}
	createPolicy(env, "p1", "Tag", `[{"Key":"created","Value":"yes"}]`)

	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r2","r1"]`,
		"Tag": `[{"Key":"env","Value":"prod"},{"Key":"team","Value":""}]`})
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1"]`, "Tag": `[{"Key":"env","Value":"dev"}]`})
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "policy", "ResourceNames": `["p1"]`, "Tag": `[{"Key":"env","Value":"x"}]`})
	if r, _ := env.Srv.Role("r1"); !maps.Equal(r.Tags, map[string]string{"env": "dev", "team": ""}) {
		t.Fatalf("r1 tags %v", r.Tags)
	}

	list := func(p map[string]string) (string, map[string]any) {
		body := env.OK(ramsimtest.VRAM, "ListTagResources", p)
		return strings.Join(ramTagList(t, body, p["ResourceType"]), ","), body
	}
	if got, _ := list(map[string]string{"ResourceType": "role"}); got != "r1:env=dev,r1:team=,r2:env=prod,r2:team=" {
		t.Fatalf("all roles: %s", got)
	}
	if got, _ := list(map[string]string{"ResourceType": "role", "ResourceNames": `["r2"]`}); got != "r2:env=prod,r2:team=" {
		t.Fatalf("r2: %s", got)
	}
	if got, _ := list(map[string]string{"ResourceType": "role", "Tag": `[{"Key":"env","Value":"prod"}]`}); got != "r2:env=prod" {
		t.Fatalf("filtered: %s", got)
	}
	if got, _ := list(map[string]string{"ResourceType": "policy"}); got != "p1:created=yes,p1:env=x" {
		t.Fatalf("policies: %s", got)
	}
	// Paging with NextToken.
	got, body := list(map[string]string{"ResourceType": "role", "PageSize": "3"})
	if got != "r1:env=dev,r1:team=,r2:env=prod" || ramsimtest.Str(body, "NextToken") == "" {
		t.Fatalf("page 1: %s %v", got, body)
	}
	got, body = list(map[string]string{"ResourceType": "role", "PageSize": "3", "NextToken": ramsimtest.Str(body, "NextToken")})
	if _, has := body["NextToken"]; got != "r2:team=" || has {
		t.Fatalf("page 2: %s %v", got, body)
	}

	env.Fail(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1"]`,
		"Tag": `[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]`}, 409, "LimitExceeded.Tag")
	for _, c := range []struct {
		action string
		p      map[string]string
		status int
		code   string
	}{
		{"TagResources", map[string]string{"ResourceType": "user", "ResourceNames": `["r1"]`, "Tag": `[{"Key":"a","Value":"1"}]`}, 400, "InvalidParameter.ResourceType"},
		{"TagResources", map[string]string{"ResourceNames": `["r1"]`, "Tag": `[{"Key":"a","Value":"1"}]`}, 400, "MissingResourceType"},
		{"TagResources", map[string]string{"ResourceType": "role", "Tag": `[{"Key":"a","Value":"1"}]`}, 400, "MissingResourceNames"},
		{"TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1"]`}, 400, "MissingTag"},
		{"TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `r1`, "Tag": `[{"Key":"a","Value":"1"}]`}, 400, "InvalidParameter.ResourceNames"},
		{"TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1","nope"]`, "Tag": `[{"Key":"a","Value":"1"}]`}, 404, "EntityNotExist.Role"},
		{"TagResources", map[string]string{"ResourceType": "policy", "ResourceNames": `["AdministratorAccess"]`, "Tag": `[{"Key":"a","Value":"1"}]`}, 404, "EntityNotExist.Policy"},
		{"TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1"]`, "Tag": `[{"Key":"aliyun-x","Value":"1"}]`}, 400, "InvalidParameter.Tag.Key"},
		{"UntagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1"]`, "TagKeys": `"env"`}, 400, "InvalidParameter.TagKeys"},
		{"ListTagResources", map[string]string{"ResourceType": "role", "PageSize": "101"}, 400, "InvalidParameter.PageSize"},
		{"ListTagResources", map[string]string{"ResourceType": "role", "NextToken": "!"}, 400, "InvalidParameter.NextToken"},
	} {
		env.Fail(ramsimtest.VRAM, c.action, c.p, c.status, c.code)
	}
	if r, _ := env.Srv.Role("r1"); len(r.Tags) != 2 {
		t.Fatalf("a rejected call changed tags: %v", r.Tags)
	}

	env.OK(ramsimtest.VRAM, "UntagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["r1","r2"]`, "TagKeys": `["env","absent"]`})
	if got, _ := list(map[string]string{"ResourceType": "role"}); got != "r1:team=,r2:team=" {
		t.Fatalf("after untag: %s", got)
	}
	env.OK(ramsimtest.VRAM, "UntagResources", map[string]string{"ResourceType": "policy", "ResourceNames": `["p1"]`, "All": "true"})
	if p, _ := env.Srv.Policy("p1"); p.Tags != nil {
		t.Fatalf("p1 tags %v", p.Tags)
	}
}
