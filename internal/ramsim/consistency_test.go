// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/http"
	"testing"
	"time"
)

func TestConsistencyUsers(t *testing.T) {
	env := newEnv(t, Config{Faults: "consistency=2s"})
	alice := map[string]string{"UserName": "alice"}
	listed := func() string { return names(field(env.ok(vRAM, "ListUsers", nil), "Users", "User"), "UserName") }

	env.ok(vRAM, "CreateUser", alice)
	env.fail(vRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	if got := listed(); got != "" {
		t.Fatalf("ListUsers right after CreateUser: %q", got)
	}
	// Writes see the truth.
	env.fail(vRAM, "CreateUser", alice, http.StatusConflict, "EntityAlreadyExists.User")
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewComments": "c"})
	env.clock.add(1999 * time.Millisecond)
	env.fail(vRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	env.clock.add(time.Millisecond)
	if got := str(env.ok(vRAM, "GetUser", alice), "User", "Comments"); got != "c" {
		t.Fatalf("GetUser after 2s: comments %q", got)
	}
	if got := listed(); got != "alice" {
		t.Fatalf("ListUsers after 2s: %q", got)
	}

	env.ok(vRAM, "DeleteUser", alice)
	if _, ok := env.srv.User("alice"); ok {
		t.Fatal("deleted user still in the store")
	}
	env.ok(vRAM, "GetUser", alice)
	if got := listed(); got != "alice" {
		t.Fatalf("ListUsers right after DeleteUser: %q", got)
	}
	env.fail(vRAM, "DeleteUser", alice, http.StatusNotFound, "EntityNotExist.User") // a write: the truth
	env.clock.add(2 * time.Second)
	env.fail(vRAM, "GetUser", alice, http.StatusNotFound, "EntityNotExist.User")
	if got := listed(); got != "" {
		t.Fatalf("ListUsers 2s after DeleteUser: %q", got)
	}

	// A rename is immediate.
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.clock.add(2 * time.Second)
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "bobby"})
	env.ok(vRAM, "GetUser", map[string]string{"UserName": "bobby"})
	env.fail(vRAM, "GetUser", map[string]string{"UserName": "bob"}, http.StatusNotFound, "EntityNotExist.User")

	// Turning consistency off shows the truth at once.
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "carol"})
	if err := env.srv.SetFaults("", 0); err != nil {
		t.Fatal(err)
	}
	env.ok(vRAM, "GetUser", map[string]string{"UserName": "carol"})
}

func TestConsistencyPoliciesRolesGroups(t *testing.T) {
	env := newEnv(t, Config{Faults: "consistency=1s"})
	env.createPolicy("p1")
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "r1", "AssumeRolePolicyDocument": docTrust})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "g1"})
	pol := map[string]string{"PolicyName": "p1", "PolicyType": "Custom"}
	env.fail(vRAM, "GetPolicy", pol, http.StatusNotFound, "EntityNotExist.Policy")
	env.fail(vRAM, "GetRole", map[string]string{"RoleName": "r1"}, http.StatusNotFound, "EntityNotExist.Role")
	env.fail(vRAM, "GetGroup", map[string]string{"GroupName": "g1"}, http.StatusNotFound, "EntityNotExist.Group")
	if got := names(field(env.ok(vRAM, "ListPolicies", map[string]string{"PolicyType": "Custom"}), "Policies", "Policy"), "PolicyName"); got != "" {
		t.Fatalf("ListPolicies: %q", got)
	}
	if got := names(field(env.ok(vRAM, "ListRoles", nil), "Roles", "Role"), "RoleName"); got != "" {
		t.Fatalf("ListRoles: %q", got)
	}
	if got := names(field(env.ok(vRAM, "ListGroups", nil), "Groups", "Group"), "GroupName"); got != "" {
		t.Fatalf("ListGroups: %q", got)
	}
	env.clock.add(time.Second)
	env.ok(vRAM, "GetPolicy", pol)
	env.ok(vRAM, "GetRole", map[string]string{"RoleName": "r1"})
	env.ok(vRAM, "GetGroup", map[string]string{"GroupName": "g1"})

	env.ok(vRAM, "DeletePolicy", map[string]string{"PolicyName": "p1"})
	env.ok(vRAM, "DeleteRole", map[string]string{"RoleName": "r1"})
	env.ok(vRAM, "DeleteGroup", map[string]string{"GroupName": "g1"})
	env.ok(vRAM, "GetPolicy", pol)
	env.ok(vRAM, "GetRole", map[string]string{"RoleName": "r1"})
	if got := names(field(env.ok(vRAM, "ListGroups", nil), "Groups", "Group"), "GroupName"); got != "g1" {
		t.Fatalf("ListGroups after DeleteGroup: %q", got)
	}
	env.clock.add(time.Second)
	env.fail(vRAM, "GetPolicy", pol, http.StatusNotFound, "EntityNotExist.Policy")
	env.fail(vRAM, "GetRole", map[string]string{"RoleName": "r1"}, http.StatusNotFound, "EntityNotExist.Role")
	env.fail(vRAM, "GetGroup", map[string]string{"GroupName": "g1"}, http.StatusNotFound, "EntityNotExist.Group")
}

func TestConsistencyAttachmentsAndMemberships(t *testing.T) {
	env := newEnv(t, Config{Faults: "consistency=1s"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "ops"})
	env.createPolicy("p1")
	env.clock.add(time.Second)

	att := map[string]string{"UserName": "alice", "PolicyName": "p1", "PolicyType": "Custom"}
	mem := map[string]string{"UserName": "alice", "GroupName": "ops"}
	policiesOf := func() string {
		return names(field(env.ok(vRAM, "ListPoliciesForUser", map[string]string{"UserName": "alice"}), "Policies", "Policy"), "PolicyName")
	}
	groupsOf := func() string {
		return names(field(env.ok(vRAM, "ListGroupsForUser", map[string]string{"UserName": "alice"}), "Groups", "Group"), "GroupName")
	}
	membersOf := func() string {
		return names(field(env.ok(vRAM, "ListUsersForGroup", map[string]string{"GroupName": "ops"}), "Users", "User"), "UserName")
	}
	attachments := func() float64 {
		v, _ := field(env.ok(vRAM, "GetPolicy", map[string]string{"PolicyName": "p1", "PolicyType": "Custom"}), "Policy", "AttachmentCount").(float64)
		return v
	}
	env.ok(vRAM, "AttachPolicyToUser", att)
	env.ok(vRAM, "AddUserToGroup", mem)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "" || g != "" || m != "" || n != 0 {
		t.Fatalf("right after attaching and joining: policies %q groups %q members %q count %v", p, g, m, n)
	}
	// Writes see the truth: a second attach conflicts.
	env.fail(vRAM, "AttachPolicyToUser", att, http.StatusConflict, "EntityAlreadyExists.User.Policy")
	if got := env.srv.GroupMembers("ops"); len(got) != 1 {
		t.Fatalf("store members %v", got)
	}
	env.clock.add(time.Second)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "p1" || g != "ops" || m != "alice" || n != 1 {
		t.Fatalf("1s later: policies %q groups %q members %q count %v", p, g, m, n)
	}

	env.ok(vRAM, "DetachPolicyFromUser", att)
	env.ok(vRAM, "RemoveUserFromGroup", mem)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "p1" || g != "ops" || m != "alice" || n != 1 {
		t.Fatalf("right after detaching and leaving: policies %q groups %q members %q count %v", p, g, m, n)
	}
	env.clock.add(time.Second)
	if p, g, m, n := policiesOf(), groupsOf(), membersOf(), attachments(); p != "" || g != "" || m != "" || n != 0 {
		t.Fatalf("1s after detaching and leaving: policies %q groups %q members %q count %v", p, g, m, n)
	}
}
