// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
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

func ramArnOf(relative string) string { return "acs:ram::" + ramsimtest.Account + ":" + relative }

func TestAuthzAttachNeedsThePolicy(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.Grant("User", "alice", "attach-to-bob", allow("ram:AttachPolicyToUser", ramArnOf("user/bob")))
	admin := map[string]string{"UserName": "bob", "PolicyName": "AdministratorAccess", "PolicyType": "System"}
	env.AsDenied(alice, ramsimtest.VRAM, "AttachPolicyToUser", admin, "ram:AttachPolicyToUser", "acs:ram::system:policy/AdministratorAccess")
	if got := env.Srv.AttachedPolicies("user", "bob"); len(got) != 0 {
		t.Fatalf("bob has %v after a refused attach", got)
	}

	// Allowed on bob and on ReadOnlyAccess (as documents write it, region
	// "*"), alice may attach that one and still not AdministratorAccess.
	env.Grant("User", "alice", "attach-readonly", allow("ram:AttachPolicyToUser", "acs:ram:*:system:policy/ReadOnlyAccess"))
	env.AsOK(alice, ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"UserName": "bob", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"})
	env.AsDenied(alice, ramsimtest.VRAM, "AttachPolicyToUser", admin, "ram:AttachPolicyToUser", "acs:ram::system:policy/AdministratorAccess")
	if got := strings.Join(env.Srv.AttachedPolicies("user", "bob"), ","); got != "System:ReadOnlyAccess" {
		t.Fatalf("bob has %s", got)
	}
	// A custom policy is acs:ram::<account>:policy/<name>.
	env.OK(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "wide", "PolicyDocument": allow("*", "*")})
	env.AsDenied(alice, ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"UserName": "bob", "PolicyName": "wide", "PolicyType": "Custom"},
		"ram:AttachPolicyToUser", ramArnOf("policy/wide"))
}

// alice may manage her own attachments but not remove the guardrail Deny
// attached to her, nor give her group or a role she can assume
// AdministratorAccess.
func TestAuthzNoSelfEscalation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	env.OK(ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "devs", "UserName": "alice"})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "deployer", "AssumeRolePolicyDocument": trustAccount})
	env.Grant("User", "alice", "guard", `{"Version":"1","Statement":[{"Effect":"Deny","Action":"ram:DeleteUser","Resource":"*"}]}`)
	env.Grant("User", "alice", "self-service", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["ram:DetachPolicyFromUser","ram:AttachPolicyToUser"],"Resource":"`+ramArnOf("user/alice")+`"},
		{"Effect":"Allow","Action":"ram:AttachPolicyToGroup","Resource":"`+ramArnOf("group/devs")+`"},
		{"Effect":"Allow","Action":["ram:AttachPolicyToRole","sts:AssumeRole"],"Resource":"`+ramArnOf("role/deployer")+`"}]}`)

	env.AsDenied(alice, ramsimtest.VRAM, "DetachPolicyFromUser", map[string]string{"UserName": "alice", "PolicyName": "guard", "PolicyType": "Custom"},
		"ram:DetachPolicyFromUser", ramArnOf("policy/guard"))
	env.AsDenied(alice, ramsimtest.VRAM, "AttachPolicyToGroup", map[string]string{"GroupName": "devs", "PolicyName": "AdministratorAccess", "PolicyType": "System"},
		"ram:AttachPolicyToGroup", "acs:ram::system:policy/AdministratorAccess")
	env.AsDenied(alice, ramsimtest.VRAM, "AttachPolicyToRole", map[string]string{"RoleName": "deployer", "PolicyName": "AdministratorAccess", "PolicyType": "System"},
		"ram:AttachPolicyToRole", "acs:ram::system:policy/AdministratorAccess")
	if got := strings.Join(env.Srv.AttachedPolicies("user", "alice"), ","); got != "Custom:guard,Custom:self-service" {
		t.Fatalf("alice has %s", got)
	}
	for _, p := range [][2]string{{"group", "devs"}, {"role", "deployer"}} {
		if got := env.Srv.AttachedPolicies(p[0], p[1]); len(got) != 0 {
			t.Fatalf("%s %s has %v", p[0], p[1], got)
		}
	}
}

// Adding a user to a group needs both: allowed on the admins group alone,
// alice cannot put bob (or herself) into it.
func TestAuthzGroupMembershipNeedsUserAndGroup(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "admins"})
	env.Grant("User", "alice", "admins", allow("ram:AddUserToGroup", ramArnOf("group/admins")))
	add := map[string]string{"GroupName": "admins", "UserName": "bob"}
	env.AsDenied(alice, ramsimtest.VRAM, "AddUserToGroup", add, "ram:AddUserToGroup", ramArnOf("user/bob"))
	env.Grant("User", "alice", "bob", allow("ram:*", ramArnOf("user/bob")))
	env.AsOK(alice, ramsimtest.VRAM, "AddUserToGroup", add)
	env.AsDenied(alice, ramsimtest.VRAM, "RemoveUserFromGroup", add, "ram:RemoveUserFromGroup", ramArnOf("group/admins"))
	if got := ramsimtest.Str(env.OK(ramsimtest.VRAM, "ListGroupsForUser", map[string]string{"UserName": "bob"}), "Groups"); got != "" {
		t.Fatalf("Groups is %q", got)
	}
}

// Renaming needs the new name too: a Deny on user/admin holds against a
// rename to admin (a name a role's trust policy might name).
func TestAuthzRenameNeedsTheNewName(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	env.Grant("User", "alice", "rename", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["ram:UpdateUser","ram:UpdateGroup"],"Resource":"*"},
		{"Effect":"Deny","Action":["ram:UpdateUser","ram:UpdateGroup"],"Resource":["`+ramArnOf("user/admin")+`","`+ramArnOf("group/admins")+`"]}]}`)
	env.AsDenied(alice, ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "admin"}, "ram:UpdateUser", ramArnOf("user/admin"))
	env.AsDenied(alice, ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "devs", "NewGroupName": "admins"}, "ram:UpdateGroup", ramArnOf("group/admins"))
	env.AsOK(alice, ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewUserName": "robert"})
	env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "robert"})
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "admin"}, 404, "EntityNotExist.User")
}

// AssumeRole is authorized on the role it resolves to, whatever the case
// of RoleArn.
func TestAuthzAssumeRoleResolvedArn(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "admin", "AssumeRolePolicyDocument": trustAccount})
	env.Grant("User", "alice", "assume", `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"},
		{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"`+ramArnOf("role/admin")+`"}]}`)
	for _, typed := range []string{"admin", "ADMIN", "Admin"} {
		env.AsDenied(alice, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": ramArnOf("role/" + typed), "RoleSessionName": "s1"},
			"sts:AssumeRole", ramArnOf("role/admin"))
	}
	// A role that does not exist is authorized as typed, then not found.
	status, body := env.As(alice, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": ramArnOf("role/nobody"), "RoleSessionName": "s1"})
	ramsimtest.WantError(t, status, body, 404, "EntityNotExist.Role")
}

// Creating and listing are checked on the kind's wildcard ARN: a statement
// on user/* allows them, one on user/dev-* does not.
func TestAuthzCreateAndListOnKindWildcard(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.Grant("User", "alice", "dev-users", allow("ram:*", "acs:ram:*:"+ramsimtest.Account+":user/dev-*"))
	env.AsDenied(alice, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "dev-bob"}, "ram:CreateUser", ramArnOf("user/*"))
	env.AsDenied(alice, ramsimtest.VRAM, "ListUsers", nil, "ram:ListUsers", ramArnOf("user/*"))
	env.Grant("User", "alice", "users", allow("ram:*", "acs:ram:*:"+ramsimtest.Account+":user/*"))
	env.AsOK(alice, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "dev-bob"})
	if n := len(ramsimtest.AsList(t, ramsimtest.Field(env.AsOK(alice, ramsimtest.VRAM, "ListUsers", nil), "Users", "User"))); n != 2 {
		t.Fatalf("ListUsers lists %d users", n)
	}
	for _, c := range []struct{ action, kind string }{{"ListGroups", "group"}, {"ListRoles", "role"}, {"ListPolicies", "policy"}} {
		env.AsDenied(alice, ramsimtest.VRAM, c.action, nil, "ram:"+c.action, ramArnOf(c.kind+"/*"))
	}
}
