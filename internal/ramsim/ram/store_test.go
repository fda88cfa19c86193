// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	id := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice", "Comments": "c"}), "User", "UserId")
	env.OK(ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": id, "Tag.1.Key": "env", "Tag.1.Value": "prod"})

	// Saved after each mutating request, without Close, with mode 0600 and
	// no temporary file left behind.
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("directory holds %v", entries)
	}
	reloaded := ramsimtest.New(t, ramsim.Config{StatePath: path})
	u, ok := reloaded.Srv.User("alice")
	if !ok || u.UserID != id || u.Comments != "c" || !maps.Equal(u.Tags, map[string]string{"env": "prod"}) {
		t.Fatalf("reloaded %+v", u)
	}
	if !u.CreateDate.Equal(env.Clock.Now()) {
		t.Fatalf("CreateDate %v", u.CreateDate)
	}

	// A failed request does not rewrite the file; Close does.
	before, _ := os.ReadFile(path)
	env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}, 409, "EntityAlreadyExists.User")
	os.Remove(path)
	if err := env.Srv.Close(); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Fatalf("Close saved %q (%v), want %q", after, err, before)
	}
}

func TestStateErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ramsim.New(ramsim.Config{StatePath: bad}); err == nil {
		t.Fatal("New accepted a corrupt state file")
	}
	future := filepath.Join(dir, "future.json")
	if err := os.WriteFile(future, []byte(`{"format":99}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ramsim.New(ramsim.Config{StatePath: future}); err == nil {
		t.Fatal("New accepted an unknown state format")
	}
	// A save that fails answers InternalError.
	env := ramsimtest.New(t, ramsim.Config{StatePath: filepath.Join(dir, "missing-dir", "state.json")})
	env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "x"}, 500, "InternalError")
}

func TestStartURLClose(t *testing.T) {
	srv, err := ramsim.New(ramsim.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if srv.URL() != "" || srv.AccountID() != "1234567890123456" {
		t.Fatalf("URL %q, account %q", srv.URL(), srv.AccountID())
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err == nil {
		t.Fatal("second Start succeeded")
	}
	if u := srv.URL(); len(u) < len("http://127.0.0.1:1") || u[:17] != "http://127.0.0.1:" {
		t.Fatalf("URL %q", u)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
}

// Groups, roles, policies, attachments and memberships survive a restart.
func TestPersistenceOfPoliciesRolesGroups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	createPrincipals(env)
	createPolicy(env, "p", "Description", "d", "Tag", `[{"Key":"k","Value":"v"}]`)
	env.OK(ramsimtest.VRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": docMSEAll, "SetAsDefault": "true"})
	env.OK(ramsimtest.VRAM, "DeletePolicyVersion", map[string]string{"PolicyName": "p", "VersionId": "v1"})
	env.OK(ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "devs", "UserName": "alice"})
	for _, c := range principalCases {
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "p"))
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "AliyunMSEFullAccess"))
	}
	env.OK(ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["worker"]`, "Tag": `[{"Key":"a","Value":"b"}]`})

	reloaded := ramsimtest.New(t, ramsim.Config{StatePath: path})
	for _, c := range principalCases {
		if got := reloaded.Srv.AttachedPolicies(c.kind, c.name); strings.Join(got, ",") != "Custom:p,System:AliyunMSEFullAccess" {
			t.Fatalf("%s: %v", c.kind, got)
		}
	}
	if m := reloaded.Srv.GroupMembers("devs"); strings.Join(m, ",") != "alice" {
		t.Fatalf("members %v", m)
	}
	p, _ := reloaded.Srv.Policy("p")
	if p.DefaultVersion != "v2" || len(p.Versions) != 1 || p.Document() != docMSEAll || p.AttachmentCount != 3 || p.Tags["k"] != "v" || p.Description != "d" {
		t.Fatalf("policy %+v", p)
	}
	// Version ids keep counting after a reload.
	body := reloaded.OK(ramsimtest.VRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "p", "PolicyDocument": docMSERead})
	if ramsimtest.Str(body, "PolicyVersion", "VersionId") != "v3" {
		t.Fatalf("next version %v", body)
	}
	if r, _ := reloaded.Srv.Role("worker"); r.Tags["a"] != "b" || r.AssumeRolePolicyDocument != docTrust {
		t.Fatalf("role %+v", r)
	}
	if _, ok := reloaded.Srv.Group("devs"); !ok {
		t.Fatal("group lost")
	}
	// System policies are never written to the state.
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), `"AdministratorAccess"`) || !strings.Contains(string(data), `"AliyunMSEFullAccess"`) {
		t.Fatalf("state: %s", data)
	}
}
