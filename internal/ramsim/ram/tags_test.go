// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"maps"
	"strconv"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// tagList reads a ListTagResources answer as "id:key=value" strings.
func tagList(t *testing.T, body map[string]any) []string {
	t.Helper()
	var out []string
	for _, tr := range ramsimtest.AsList(t, ramsimtest.Field(body, "TagResources", "TagResource")) {
		if ramsimtest.Str(tr, "ResourceType") != "user" {
			t.Fatalf("ResourceType %v", tr)
		}
		out = append(out, ramsimtest.Str(tr, "ResourceId")+":"+ramsimtest.Str(tr, "TagKey")+"="+ramsimtest.Str(tr, "TagValue"))
	}
	return out
}

func TestUserTags(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}), "User", "UserId")
	bob := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"}), "User", "UserId")

	env.OK(ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": alice,
		"Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "team", "Tag.2.Value": ""})
	env.OK(ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user",
		"ResourcePrincipalName.1": "bob@" + ramsimtest.Account + ".onaliyun.com", "ResourcePrincipalName.2": "alice@" + ramsimtest.Account + ".onaliyun.com",
		"Tag.1.Key": "env", "Tag.1.Value": "dev"})
	if u, _ := env.Srv.User("alice"); !maps.Equal(u.Tags, map[string]string{"env": "dev", "team": ""}) {
		t.Fatalf("alice tags %v", u.Tags)
	}

	got := tagList(t, env.OK(ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user", "ResourceId.1": alice}))
	if strings.Join(got, ",") != alice+":env=dev,"+alice+":team=" {
		t.Fatalf("list %v", got)
	}
	got = tagList(t, env.OK(ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user", "ResourcePrincipalName.1": "bob@" + ramsimtest.Account + ".onaliyun.com"}))
	if strings.Join(got, ",") != bob+":env=dev" {
		t.Fatalf("list %v", got)
	}
	// Filters: every filter tag must match; only matching tags are listed.
	got = tagList(t, env.OK(ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user", "Tag.1.Key": "team"}))
	if strings.Join(got, ",") != alice+":team=" {
		t.Fatalf("filtered %v", got)
	}
	got = tagList(t, env.OK(ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user", "Tag.1.Key": "env", "Tag.1.Value": "prod"}))
	if len(got) != 0 {
		t.Fatalf("filtered by value %v", got)
	}

	// Renaming keeps tags; they follow the UserId.
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "carol"})
	if u, _ := env.Srv.User("carol"); len(u.Tags) != 2 {
		t.Fatalf("tags lost on rename: %v", u.Tags)
	}

	env.OK(ramsimtest.VIMS, "UntagResources", map[string]string{"ResourceType": "user", "ResourceId.1": alice, "TagKey.1": "env", "TagKey.2": "absent"})
	if u, _ := env.Srv.User("carol"); !maps.Equal(u.Tags, map[string]string{"team": ""}) {
		t.Fatalf("after untag %v", u.Tags)
	}
	// Without TagKey and All, nothing is removed; All=true removes all.
	env.OK(ramsimtest.VIMS, "UntagResources", map[string]string{"ResourceType": "user", "ResourceId.1": bob})
	env.OK(ramsimtest.VIMS, "UntagResources", map[string]string{"ResourceType": "user", "ResourceId.1": alice, "All": "true"})
	if u, _ := env.Srv.User("carol"); len(u.Tags) != 0 {
		t.Fatalf("after All %v", u.Tags)
	}
	if u, _ := env.Srv.User("bob"); len(u.Tags) != 1 {
		t.Fatalf("bob %v", u.Tags)
	}
}

func TestTagErrors(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{TagsPerUser: 3}})
	id := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u"}), "User", "UserId")
	base := func(extra map[string]string) map[string]string {
		p := map[string]string{"ResourceType": "user", "ResourceId.1": id}
		maps.Copy(p, extra)
		return p
	}
	cases := []struct {
		name   string
		action string
		p      map[string]string
		status int
		code   string
	}{
		{"missing ResourceType", "TagResources", map[string]string{"ResourceId.1": id, "Tag.1.Key": "k"}, 400, "MissingResourceType"},
		{"wrong ResourceType", "TagResources", map[string]string{"ResourceType": "role", "ResourceId.1": id, "Tag.1.Key": "k"}, 400, "InvalidParameter.ResourceType"},
		{"no resource", "TagResources", map[string]string{"ResourceType": "user", "Tag.1.Key": "k"}, 400, "MissingResourceId"},
		{"both resource kinds", "TagResources", base(map[string]string{"ResourcePrincipalName.1": "u@" + ramsimtest.Account + ".onaliyun.com", "Tag.1.Key": "k"}), 400, "InvalidParameter"},
		{"unknown id", "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": "999", "Tag.1.Key": "k"}, 404, "EntityNotExist.User"},
		{"unknown principal", "ListTagResources", map[string]string{"ResourceType": "user", "ResourcePrincipalName.1": "nobody@" + ramsimtest.Account + ".onaliyun.com"}, 404, "EntityNotExist.User"},
		{"principal of another account", "UntagResources", map[string]string{"ResourceType": "user", "ResourcePrincipalName.1": "u@1.onaliyun.com", "All": "true"}, 404, "EntityNotExist.User"},
		{"no tags", "TagResources", base(nil), 400, "MissingTag"},
		{"empty key", "TagResources", base(map[string]string{"Tag.1.Value": "v"}), 400, "InvalidParameter.Tag.Key"},
		{"aliyun key", "TagResources", base(map[string]string{"Tag.1.Key": "aliyunx"}), 400, "InvalidParameter.Tag.Key"},
		{"acs: key", "TagResources", base(map[string]string{"Tag.1.Key": "acs:x"}), 400, "InvalidParameter.Tag.Key"},
		{"long key", "TagResources", base(map[string]string{"Tag.1.Key": strings.Repeat("k", 129)}), 400, "InvalidParameter.Tag.Key"},
		{"url value", "TagResources", base(map[string]string{"Tag.1.Key": "k", "Tag.1.Value": "see https://x"}), 400, "InvalidParameter.Tag.Value"},
		{"long value", "TagResources", base(map[string]string{"Tag.1.Key": "k", "Tag.1.Value": strings.Repeat("v", 129)}), 400, "InvalidParameter.Tag.Value"},
		{"over the limit", "TagResources", base(map[string]string{"Tag.1.Key": "a", "Tag.2.Key": "b", "Tag.3.Key": "c", "Tag.4.Key": "d"}), 409, "LimitExceeded.Tag"},
		{"bad All", "UntagResources", base(map[string]string{"All": "maybe"}), 400, "InvalidParameter.All"},
		{"bad PageSize", "ListTagResources", base(map[string]string{"PageSize": "101"}), 400, "InvalidParameter.PageSize"},
		{"bad NextToken", "ListTagResources", base(map[string]string{"NextToken": "*"}), 400, "InvalidParameter.NextToken"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := env.Fail(ramsimtest.VIMS, c.action, c.p, c.status, c.code)
			if body["HostId"] != "ims.aliyuncs.com" {
				t.Fatalf("HostId %v", body["HostId"])
			}
		})
	}
	var many = map[string]string{}
	for i := 1; i <= 21; i++ {
		many["Tag."+strconv.Itoa(i)+".Key"] = "k" + strconv.Itoa(i)
	}
	env.Fail(ramsimtest.VIMS, "TagResources", base(many), 400, "InvalidParameter.Tag")
	many = map[string]string{"ResourceType": "user", "Tag.1.Key": "k"}
	for i := 1; i <= 51; i++ {
		many["ResourceId."+strconv.Itoa(i)] = id
	}
	env.Fail(ramsimtest.VIMS, "TagResources", many, 400, "InvalidParameter.ResourceId")

	// The limit counts distinct keys: overwriting does not add, and a
	// rejected call changes nothing.
	env.OK(ramsimtest.VIMS, "TagResources", base(map[string]string{"Tag.1.Key": "a", "Tag.2.Key": "b", "Tag.3.Key": "c"}))
	env.OK(ramsimtest.VIMS, "TagResources", base(map[string]string{"Tag.1.Key": "a", "Tag.1.Value": "new"}))
	env.Fail(ramsimtest.VIMS, "TagResources", base(map[string]string{"Tag.1.Key": "a", "Tag.1.Value": "newer", "Tag.2.Key": "d"}), 409, "LimitExceeded.Tag")
	if u, _ := env.Srv.User("u"); u.Tags["a"] != "new" || len(u.Tags) != 3 {
		t.Fatalf("tags %v", u.Tags)
	}
}

func TestListTagResourcesPaging(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, n := range []string{"a", "b", "c"} {
		id := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": n}), "User", "UserId")
		env.OK(ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": id,
			"Tag.1.Key": "k1", "Tag.1.Value": n, "Tag.2.Key": "k2", "Tag.2.Value": n})
	}
	var all []string
	token := ""
	for {
		p := map[string]string{"ResourceType": "user", "PageSize": "4"}
		if token != "" {
			p["NextToken"] = token
		}
		body := env.OK(ramsimtest.VIMS, "ListTagResources", p)
		page := tagList(t, body)
		all = append(all, page...)
		if body["IsTruncated"] != true {
			break
		}
		if len(page) != 4 {
			t.Fatalf("short truncated page %v", page)
		}
		token = ramsimtest.Str(body, "NextToken")
	}
	if len(all) != 6 {
		t.Fatalf("listed %v", all)
	}
	seen := map[string]bool{}
	for i, s := range all {
		if seen[s] || (i > 0 && all[i-1] > s) {
			t.Fatalf("duplicate or unordered pairs %v", all)
		}
		seen[s] = true
	}
}
