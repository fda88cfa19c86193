// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"strings"
	"testing"
)

// The ways a RAM user could widen its own access if an action on two
// entities were authorized on one of them only. Each is refused on the
// entity the narrow policy does not cover, as the API references'
// authorization tables require (both resources listed for each action).

// allow is a one-statement Allow policy document.
func allow(action string, resources ...string) string {
	return `{"Version":"1","Statement":[{"Effect":"Allow","Action":"` + action + `","Resource":["` +
		strings.Join(resources, `","`) + `"]}]}`
}

func ramArnOf(relative string) string { return "acs:ram::" + testAccount + ":" + relative }

func TestAuthzAttachNeedsThePolicy(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.grant("User", "alice", "attach-to-bob", allow("ram:AttachPolicyToUser", ramArnOf("user/bob")))
	admin := map[string]string{"UserName": "bob", "PolicyName": "AdministratorAccess", "PolicyType": "System"}
	env.asDenied(alice, vRAM, "AttachPolicyToUser", admin, "ram:AttachPolicyToUser", "acs:ram::system:policy/AdministratorAccess")
	if got := env.srv.AttachedPolicies("user", "bob"); len(got) != 0 {
		t.Fatalf("bob has %v after a refused attach", got)
	}

	// Allowed on bob and on ReadOnlyAccess (as documents write it, region
	// "*"), alice may attach that one and still not AdministratorAccess.
	env.grant("User", "alice", "attach-readonly", allow("ram:AttachPolicyToUser", "acs:ram:*:system:policy/ReadOnlyAccess"))
	env.asOK(alice, vRAM, "AttachPolicyToUser", map[string]string{"UserName": "bob", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"})
	env.asDenied(alice, vRAM, "AttachPolicyToUser", admin, "ram:AttachPolicyToUser", "acs:ram::system:policy/AdministratorAccess")
	if got := strings.Join(env.srv.AttachedPolicies("user", "bob"), ","); got != "System:ReadOnlyAccess" {
		t.Fatalf("bob has %s", got)
	}
	// A custom policy is acs:ram::<account>:policy/<name>.
	env.ok(vRAM, "CreatePolicy", map[string]string{"PolicyName": "wide", "PolicyDocument": allow("*", "*")})
	env.asDenied(alice, vRAM, "AttachPolicyToUser", map[string]string{"UserName": "bob", "PolicyName": "wide", "PolicyType": "Custom"},
		"ram:AttachPolicyToUser", ramArnOf("policy/wide"))
}

// alice may manage her own attachments but not remove the guardrail Deny
// attached to her, nor give her group or a role she can assume
// AdministratorAccess.
func TestAuthzNoSelfEscalation(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	env.ok(vRAM, "AddUserToGroup", map[string]string{"GroupName": "devs", "UserName": "alice"})
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "deployer", "AssumeRolePolicyDocument": trustAccount})
	env.grant("User", "alice", "guard", `{"Version":"1","Statement":[{"Effect":"Deny","Action":"ram:DeleteUser","Resource":"*"}]}`)
	env.grant("User", "alice", "self-service", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["ram:DetachPolicyFromUser","ram:AttachPolicyToUser"],"Resource":"`+ramArnOf("user/alice")+`"},
		{"Effect":"Allow","Action":"ram:AttachPolicyToGroup","Resource":"`+ramArnOf("group/devs")+`"},
		{"Effect":"Allow","Action":["ram:AttachPolicyToRole","sts:AssumeRole"],"Resource":"`+ramArnOf("role/deployer")+`"}]}`)

	env.asDenied(alice, vRAM, "DetachPolicyFromUser", map[string]string{"UserName": "alice", "PolicyName": "guard", "PolicyType": "Custom"},
		"ram:DetachPolicyFromUser", ramArnOf("policy/guard"))
	env.asDenied(alice, vRAM, "AttachPolicyToGroup", map[string]string{"GroupName": "devs", "PolicyName": "AdministratorAccess", "PolicyType": "System"},
		"ram:AttachPolicyToGroup", "acs:ram::system:policy/AdministratorAccess")
	env.asDenied(alice, vRAM, "AttachPolicyToRole", map[string]string{"RoleName": "deployer", "PolicyName": "AdministratorAccess", "PolicyType": "System"},
		"ram:AttachPolicyToRole", "acs:ram::system:policy/AdministratorAccess")
	if got := strings.Join(env.srv.AttachedPolicies("user", "alice"), ","); got != "Custom:guard,Custom:self-service" {
		t.Fatalf("alice has %s", got)
	}
	for _, p := range [][2]string{{"group", "devs"}, {"role", "deployer"}} {
		if got := env.srv.AttachedPolicies(p[0], p[1]); len(got) != 0 {
			t.Fatalf("%s %s has %v", p[0], p[1], got)
		}
	}
}

// Adding a user to a group needs both: allowed on the admins group alone,
// alice cannot put bob (or herself) into it.
func TestAuthzGroupMembershipNeedsUserAndGroup(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "admins"})
	env.grant("User", "alice", "admins", allow("ram:AddUserToGroup", ramArnOf("group/admins")))
	add := map[string]string{"GroupName": "admins", "UserName": "bob"}
	env.asDenied(alice, vRAM, "AddUserToGroup", add, "ram:AddUserToGroup", ramArnOf("user/bob"))
	env.grant("User", "alice", "bob", allow("ram:*", ramArnOf("user/bob")))
	env.asOK(alice, vRAM, "AddUserToGroup", add)
	env.asDenied(alice, vRAM, "RemoveUserFromGroup", add, "ram:RemoveUserFromGroup", ramArnOf("group/admins"))
	if got := str(env.ok(vRAM, "ListGroupsForUser", map[string]string{"UserName": "bob"}), "Groups"); got != "" {
		t.Fatalf("Groups is %q", got)
	}
}

// Renaming needs the new name too: a Deny on user/admin holds against a
// rename to admin (a name a role's trust policy might name).
func TestAuthzRenameNeedsTheNewName(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	env.grant("User", "alice", "rename", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["ram:UpdateUser","ram:UpdateGroup"],"Resource":"*"},
		{"Effect":"Deny","Action":["ram:UpdateUser","ram:UpdateGroup"],"Resource":["`+ramArnOf("user/admin")+`","`+ramArnOf("group/admins")+`"]}]}`)
	env.asDenied(alice, vRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "admin"}, "ram:UpdateUser", ramArnOf("user/admin"))
	env.asDenied(alice, vRAM, "UpdateGroup", map[string]string{"GroupName": "devs", "NewGroupName": "admins"}, "ram:UpdateGroup", ramArnOf("group/admins"))
	env.asOK(alice, vRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "robert"})
	env.ok(vRAM, "GetUser", map[string]string{"UserName": "robert"})
	env.fail(vRAM, "GetUser", map[string]string{"UserName": "admin"}, 404, "EntityNotExist.User")
}

// AssumeRole is authorized on the role it resolves to, whatever the case
// of RoleArn.
func TestAuthzAssumeRoleResolvedArn(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "admin", "AssumeRolePolicyDocument": trustAccount})
	env.grant("User", "alice", "assume", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"},
		{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"`+ramArnOf("role/admin")+`"}]}`)
	for _, typed := range []string{"admin", "ADMIN", "Admin"} {
		env.asDenied(alice, vSTS, "AssumeRole", map[string]string{"RoleArn": ramArnOf("role/" + typed), "RoleSessionName": "s1"},
			"sts:AssumeRole", ramArnOf("role/admin"))
	}
	// A role that does not exist is authorized as typed, then not found.
	status, body := env.as(alice, vSTS, "AssumeRole", map[string]string{"RoleArn": ramArnOf("role/nobody"), "RoleSessionName": "s1"})
	wantError(t, status, body, 404, "EntityNotExist.Role")
}

// Creating and listing are checked on the kind's wildcard ARN: a statement
// on user/* allows them, one on user/dev-* does not.
func TestAuthzCreateAndListOnKindWildcard(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.grant("User", "alice", "dev-users", allow("ram:*", "acs:ram:*:"+testAccount+":user/dev-*"))
	env.asDenied(alice, vRAM, "CreateUser", map[string]string{"UserName": "dev-bob"}, "ram:CreateUser", ramArnOf("user/*"))
	env.asDenied(alice, vRAM, "ListUsers", nil, "ram:ListUsers", ramArnOf("user/*"))
	env.grant("User", "alice", "users", allow("ram:*", "acs:ram:*:"+testAccount+":user/*"))
	env.asOK(alice, vRAM, "CreateUser", map[string]string{"UserName": "dev-bob"})
	if n := len(asList(t, field(env.asOK(alice, vRAM, "ListUsers", nil), "Users", "User"))); n != 2 {
		t.Fatalf("ListUsers lists %d users", n)
	}
	for _, c := range []struct{ action, kind string }{{"ListGroups", "group"}, {"ListRoles", "role"}, {"ListPolicies", "policy"}} {
		env.asDenied(alice, vRAM, c.action, nil, "ram:"+c.action, ramArnOf(c.kind+"/*"))
	}
}
