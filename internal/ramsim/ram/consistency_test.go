// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestConsistencyUsers(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "consistency=2s"})
	alice := map[string]string{"UserName": "alice"}
	listed := func() string {
		return names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListUsers", nil), "Users", "User"), "UserName")
	}

	env.OK(ramsimtest.VRAM, "CreateUser", alice)
	env.Fail(ramsimtest.VRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	if got := listed(); got != "" {
		t.Fatalf("ListUsers right after CreateUser: %q", got)
	}
	// Writes see the truth.
	env.Fail(ramsimtest.VRAM, "CreateUser", alice, http.StatusConflict, "EntityAlreadyExists.User")
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewComments": "c"})
	env.Clock.Add(1999 * time.Millisecond)
	env.Fail(ramsimtest.VRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	env.Clock.Add(time.Millisecond)
	if got := ramsimtest.Str(env.OK(ramsimtest.VRAM, "GetUser", alice), "User", "Comments"); got != "c" {
		t.Fatalf("GetUser after 2s: comments %q", got)
	}
	if got := listed(); got != "alice" {
		t.Fatalf("ListUsers after 2s: %q", got)
	}

	env.OK(ramsimtest.VRAM, "DeleteUser", alice)
	if _, ok := env.Srv.User("alice"); ok {
		t.Fatal("deleted user still in the store")
	}
	env.OK(ramsimtest.VRAM, "GetUser", alice)
	if got := listed(); got != "alice" {
		t.Fatalf("ListUsers right after DeleteUser: %q", got)
	}
	env.Fail(ramsimtest.VRAM, "DeleteUser", alice, http.StatusNotFound, "EntityNotExist.User") // a write: the truth
	env.Clock.Add(2 * time.Second)
	env.Fail(ramsimtest.VRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	if got := listed(); got != "" {
		t.Fatalf("ListUsers 2s after DeleteUser: %q", got)
	}

	// A rename is immediate.
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.Clock.Add(2 * time.Second)
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "bobby"})
	env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bobby"})
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}, http.StatusNotFound, "EntityNotExist.User")

	// Turning consistency off shows the truth at once.
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol"})
	if err := env.Srv.SetFaults("", 0); err != nil {
		t.Fatal(err)
	}
	env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"})
}

func TestConsistencyPoliciesRolesGroups(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "consistency=1s"})
	createPolicy(env, "p1")
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "r1", "AssumeRolePolicyDocument": docTrust})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "g1"})
	pol := map[string]string{"PolicyName": "p1", "PolicyType": "Custom"}
	env.Fail(ramsimtest.VRAM, "GetPolicy", pol, http.StatusNotFound, "EntityNotExist.Policy")
	env.Fail(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "r1"}, http.StatusNotFound, "EntityNotExist.Role")
	env.Fail(ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "g1"}, http.StatusNotFound, "EntityNotExist.Group")
	if got := names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListPolicies", map[string]string{"PolicyType": "Custom"}), "Policies", "Policy"), "PolicyName"); got != "" {
		t.Fatalf("ListPolicies: %q", got)
	}
	if got := names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListRoles", nil), "Roles", "Role"), "RoleName"); got != "" {
		t.Fatalf("ListRoles: %q", got)
	}
	if got := names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListGroups", nil), "Groups", "Group"), "GroupName"); got != "" {
		t.Fatalf("ListGroups: %q", got)
	}
	env.Clock.Add(time.Second)
	env.OK(ramsimtest.VRAM, "GetPolicy", pol)
	env.OK(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "r1"})
	env.OK(ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "g1"})

	env.OK(ramsimtest.VRAM, "DeletePolicy", map[string]string{"PolicyName": "p1"})
	env.OK(ramsimtest.VRAM, "DeleteRole", map[string]string{"RoleName": "r1"})
	env.OK(ramsimtest.VRAM, "DeleteGroup", map[string]string{"GroupName": "g1"})
	env.OK(ramsimtest.VRAM, "GetPolicy", pol)
	env.OK(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "r1"})
	if got := names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListGroups", nil), "Groups", "Group"), "GroupName"); got != "g1" {
		t.Fatalf("ListGroups after DeleteGroup: %q", got)
	}
	env.Clock.Add(time.Second)
	env.Fail(ramsimtest.VRAM, "GetPolicy", pol, http.StatusNotFound, "EntityNotExist.Policy")
	env.Fail(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "r1"}, http.StatusNotFound, "EntityNotExist.Role")
	env.Fail(ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "g1"}, http.StatusNotFound, "EntityNotExist.Group")
}

func TestConsistencyAttachmentsAndMemberships(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "consistency=1s"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "ops"})
	createPolicy(env, "p1")
	env.Clock.Add(time.Second)

	att := map[string]string{"UserName": "alice", "PolicyName": "p1", "PolicyType": "Custom"}
	mem := map[string]string{"UserName": "alice", "GroupName": "ops"}
	policiesOf := func() string {
		return names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListPoliciesForUser", map[string]string{"UserName": "alice"}), "Policies", "Policy"), "PolicyName")
	}
	groupsOf := func() string {
		return names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListGroupsForUser", map[string]string{"UserName": "alice"}), "Groups", "Group"), "GroupName")
	}
	membersOf := func() string {
		return names(ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListUsersForGroup", map[string]string{"GroupName": "ops"}), "Users", "User"), "UserName")
	}
	attachments := func() float64 {
		v, _ := ramsimtest.Field(env.OK(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "p1", "PolicyType": "Custom"}), "Policy", "AttachmentCount").(float64)
		return v
	}
	env.OK(ramsimtest.VRAM, "AttachPolicyToUser", att)
	env.OK(ramsimtest.VRAM, "AddUserToGroup", mem)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "" || g != "" || m != "" || n != 0 {
		t.Fatalf("right after attaching and joining: policies %q groups %q members %q count %v", p, g, m, n)
	}
	// Writes see the truth: a second attach conflicts.
	env.Fail(ramsimtest.VRAM, "AttachPolicyToUser", att, http.StatusConflict, "EntityAlreadyExists.User.Policy")
	if got := env.Srv.GroupMembers("ops"); len(got) != 1 {
		t.Fatalf("store members %v", got)
	}
	env.Clock.Add(time.Second)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "p1" || g != "ops" || m != "alice" || n != 1 {
		t.Fatalf("1s later: policies %q groups %q members %q count %v", p, g, m, n)
	}

	env.OK(ramsimtest.VRAM, "DetachPolicyFromUser", att)
	env.OK(ramsimtest.VRAM, "RemoveUserFromGroup", mem)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "p1" || g != "ops" || m != "alice" || n != 1 {
		t.Fatalf("right after detaching and leaving: policies %q groups %q members %q count %v", p, g, m, n)
	}
	env.Clock.Add(time.Second)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "" || g != "" || m != "" || n != 0 {
		t.Fatalf("1s after detaching and leaving: policies %q groups %q members %q count %v", p, g, m, n)
	}
}
