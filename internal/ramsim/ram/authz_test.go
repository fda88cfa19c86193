// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"crypto/tls"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

const allowGetBob = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"acs:ram::` +
	ramsimtest.Account + `:user/bob"}]}`

// A user without policies may do nothing but ask who it is, with either
// signature version, and a refused request changes nothing (not even the
// state file).
func TestAuthzNoPolicyRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, v3 := range []bool{false, true} {
		sg := alice
		sg.V3 = v3
		detail := env.AsDenied(sg, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "mallory"}, "ram:CreateUser", ramsimtest.UserArn("*"))
		if detail["NoPermissionType"] != "ImplicitDeny" || detail["PolicyType"] != "AccountLevelIdentityBasedPolicy" ||
			detail["AuthPrincipalType"] != "SubUser" || detail["AuthPrincipalDisplayName"] != "alice" || detail["AuthPrincipalOwnerId"] != ramsimtest.Account {
			t.Fatalf("detail %v", detail)
		}
		env.AsDenied(sg, ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "bob"}, "ram:DeleteUser", ramsimtest.UserArn("bob"))
		env.AsDenied(sg, ramsimtest.VRAM, "ListUsers", nil, "ram:ListUsers", ramsimtest.UserArn("*"))
		env.AsDenied(sg, ramsimtest.VRAM, "ListAccessKeys", nil, "ram:ListAccessKeys", ramsimtest.UserArn("alice"))
		if body := env.AsOK(sg, ramsimtest.VSTS, "GetCallerIdentity", nil); body["Arn"] != ramsimtest.UserArn("alice") {
			t.Fatalf("GetCallerIdentity %v", body)
		}
	}
	if _, ok := env.Srv.User("mallory"); ok {
		t.Fatal("refused CreateUser created the user")
	}
	if _, ok := env.Srv.User("bob"); !ok {
		t.Fatal("refused DeleteUser deleted the user")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a refused request changed the state file")
	}
	// A missing parameter is answered before authorization, as the handler would.
	status, body := env.As(alice, ramsimtest.VRAM, "GetUser", nil)
	ramsimtest.WantError(t, status, body, 400, "MissingUserName")
}

func TestAuthzCustomPolicyOnOneUser(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol"})
	env.Grant("User", "alice", "get-bob", allowGetBob)

	for _, v3 := range []bool{false, true} {
		sg := alice
		sg.V3 = v3
		if body := env.AsOK(sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}); ramsimtest.Str(body, "User", "UserName") != "bob" {
			t.Fatalf("GetUser bob: %v", body)
		}
		env.AsDenied(sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"}, "ram:GetUser", ramsimtest.UserArn("carol"))
		env.AsDenied(sg, ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewComments": "x"}, "ram:UpdateUser", ramsimtest.UserArn("bob"))
	}
	// A new default version takes effect at once.
	env.OK(ramsimtest.VRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "get-bob", "SetAsDefault": "true",
		"PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:Get*","Resource":"acs:ram:*:*:user/c*"}]}`})
	env.AsOK(alice, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"})
	env.AsDenied(alice, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}, "ram:GetUser", ramsimtest.UserArn("bob"))
	// Detached, it allows nothing.
	env.OK(ramsimtest.VRAM, "DetachPolicyFromUser", map[string]string{"PolicyName": "get-bob", "PolicyType": "Custom", "UserName": "alice"})
	env.AsDenied(alice, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"}, "ram:GetUser", ramsimtest.UserArn("carol"))
}

// Policies of the user's groups count, system policies too.
func TestAuthzGroupAndSystemPolicies(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "admins"})
	env.OK(ramsimtest.VRAM, "AttachPolicyToGroup", map[string]string{"PolicyName": "ReadOnlyAccess", "PolicyType": "System", "GroupName": "admins"})
	env.AsDenied(alice, ramsimtest.VRAM, "ListUsers", nil, "ram:ListUsers", ramsimtest.UserArn("*"))

	env.OK(ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "admins", "UserName": "alice"})
	sg := alice
	sg.V3 = true
	if users, _ := ramsimtest.Field(env.AsOK(sg, ramsimtest.VRAM, "ListUsers", nil), "Users", "User").([]any); len(users) != 1 {
		t.Fatalf("ListUsers as alice: %v", users)
	}
	env.AsOK(alice, ramsimtest.VRAM, "GetGroup", map[string]string{"GroupName": "admins"})
	env.AsDenied(alice, ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "more"}, "ram:CreateGroup", "acs:ram::"+ramsimtest.Account+":group/*")

	env.OK(ramsimtest.VRAM, "RemoveUserFromGroup", map[string]string{"GroupName": "admins", "UserName": "alice"})
	env.AsDenied(alice, ramsimtest.VRAM, "ListUsers", nil, "ram:ListUsers", ramsimtest.UserArn("*"))
}

func TestAuthzExplicitDenyWins(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System", "UserName": "alice"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "g"})
	env.OK(ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "alice"})
	env.Grant("Group", "g", "no-deleting-bob", `{"Version":"1","Statement":[{"Sid":"keep","Effect":"Deny","Action":"ram:DeleteUser","Resource":"acs:ram:*:*:user/bob"}]}`)
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol"})

	detail := env.AsDenied(alice, ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "bob"}, "ram:DeleteUser", ramsimtest.UserArn("bob"))
	if detail["NoPermissionType"] != "ExplicitDeny" {
		t.Fatalf("detail %v", detail)
	}
	env.AsOK(alice, ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "carol"})

	allowed, why := env.Srv.Authorize("alice", "ram:DeleteUser", ramsimtest.UserArn("bob"), nil)
	if allowed || why != "ExplicitDeny by Custom:no-deleting-bob statement 0 (Sid keep)" {
		t.Fatalf("Authorize: %v %q", allowed, why)
	}
	allowed, why = env.Srv.Authorize("alice", "ram:DeleteUser", ramsimtest.UserArn("carol"), nil)
	if !allowed || why != "Allow by System:AdministratorAccess statement 0" {
		t.Fatalf("Authorize: %v %q", allowed, why)
	}
	if allowed, why = env.Srv.Authorize("nobody", "ram:GetUser", ramsimtest.UserArn("bob"), nil); allowed || why != "user not found" {
		t.Fatalf("Authorize unknown user: %v %q", allowed, why)
	}
}

// acs:SourceIp is the connection's address, acs:SecureTransport whether it
// is TLS; Server.Authorize takes them from its ctx argument.
func TestAuthzNetworkConditions(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.Grant("User", "alice", "loopback-only", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"*",`+
		`"Condition":{"IpAddress":{"acs:SourceIp":["127.0.0.0/8","::1"]}}},`+
		`{"Effect":"Allow","Action":"ram:ListUsers","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}}]}`)
	from := func(addr string, v3 bool) ramsimtest.Signer {
		sg := alice
		sg.V3 = v3
		sg.Mutate = func(r *http.Request) { r.RemoteAddr = addr }
		return sg
	}
	for _, v3 := range []bool{false, true} {
		env.AsOK(from("127.0.0.1:5555", v3), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"})
		env.AsOK(from("[::1]:5555", v3), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"})
		env.AsDenied(from("192.0.2.1:1234", v3), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}, "ram:GetUser", ramsimtest.UserArn("bob"))
	}
	env.AsDenied(alice, ramsimtest.VRAM, "ListUsers", nil, "ram:ListUsers", ramsimtest.UserArn("*"))
	tlsSigner := alice
	tlsSigner.Mutate = func(r *http.Request) { r.TLS = &tls.ConnectionState{} }
	env.AsOK(tlsSigner, ramsimtest.VRAM, "ListUsers", nil)

	if ok, _ := env.Srv.Authorize("alice", "ram:GetUser", ramsimtest.UserArn("bob"), map[string]string{"acs:SourceIp": "127.0.0.2"}); !ok {
		t.Fatal("Authorize from loopback refused")
	}
	if ok, why := env.Srv.Authorize("alice", "ram:GetUser", ramsimtest.UserArn("bob"), nil); ok || why != "ImplicitDeny: no statement allows it" {
		t.Fatalf("Authorize without source IP: %v %q", ok, why)
	}
}

// The policy of seed 000's FAQ lets a RAM user create MSE's
// service-linked role, and no other service's.
func TestAuthzServiceLinkedRoleServiceName(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.Grant("User", "alice", "create-mse-slr", `{
    "Statement": [
        {
            "Action": [
                "ram:CreateServiceLinkedRole"
            ],
            "Resource": "acs:ram:*:`+ramsimtest.Account+`:role/*",
            "Effect": "Allow",
            "Condition": {
                "StringEquals": {
                    "ram:ServiceName": [
                        "mse.aliyuncs.com"
                    ]
                }
            }
        }
    ],
    "Version": "1"
}`)
	for _, v3 := range []bool{true, false} {
		sg := alice
		sg.V3 = v3
		env.AsDenied(sg, ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"},
			"ram:CreateServiceLinkedRole", "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformssp")
	}
	body := env.AsOK(alice, ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	if ramsimtest.Str(body, "Role", "RoleName") != "AliyunServiceRoleForMSE" {
		t.Fatalf("CreateServiceLinkedRole: %v", body)
	}
	if _, ok := env.Srv.Role("AliyunServiceRoleForMssp"); ok {
		t.Fatal("refused CreateServiceLinkedRole created the role")
	}
	// Deleting needs its own grant, here seed 000's for the engine service
	// only.
	env.AsDenied(alice, ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"},
		"ram:DeleteServiceLinkedRole", "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformse")
	env.Grant("User", "alice", "delete-engine-slr", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:DeleteServiceLinkedRole","Resource":"*",`+
		`"Condition":{"StringEquals":{"ram:ServiceName":"engine-service.mse.aliyuncs.com"}}}]}`)
	env.AsDenied(alice, ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"},
		"ram:DeleteServiceLinkedRole", "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformse")
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com"})
	task := ramsimtest.Str(env.AsOK(alice, ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "DeletionTaskId")
	env.AsDenied(alice, ramsimtest.VRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": task},
		"ram:GetServiceLinkedRoleDeletionStatus", "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformseengineservice")
}

// The root key is never refused: it has no policies and needs none.
func TestAuthzRootBypass(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, v3 := range []bool{false, true} {
		root := ramsimtest.Signer{V3: v3}
		env.AsOK(root, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u"})
		env.AsOK(root, ramsimtest.VRM, "ListRoles", nil)
		env.AsOK(root, ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "u"})
	}
	if ok, why := env.Srv.Authorize("root", "ram:GetUser", "*", nil); ok || why != "user not found" {
		t.Fatalf("Authorize is about RAM users: %v %q", ok, why)
	}
}

// Every route of RAM, IMS, ResourceManager and STS says what it is
// authorized on, or is exempt. (MSE's routes have their own test.)
func TestAuthzResourcesCoverRoutes(t *testing.T) {
	for _, p := range ram.APIs {
		for action := range p.Actions {
			if p.Resources[action] == nil && !ram.AuthzExempt[p.ActionCode(action)] {
				t.Errorf("%s %s has no resource function", p.Name, action)
			}
		}
		for action := range p.Resources {
			if _, ok := p.Actions[action]; !ok {
				t.Errorf("%s %s has a resource function but no route", p.Name, action)
			}
		}
	}
}

// What each kind of action is authorized on, through the resources
// functions, for a few representative requests.
func TestAuthzResourceARNs(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	uid := ramsimtest.Str(env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"}), "User", "UserId")
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": trustAccount})
	acct := "acs:ram::" + ramsimtest.Account + ":"
	for _, c := range []struct {
		version, action string
		p               map[string]string
		want            string
	}{
		{ramsimtest.VRAM, "AttachPolicyToRole", map[string]string{"RoleName": "worker", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, acct + "role/worker"},
		{ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"UserName": "alice", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, acct + "user/alice"},
		{ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, "acs:ram::system:policy/ReadOnlyAccess"},
		{ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "mine", "PolicyType": "Custom"}, acct + "policy/mine"},
		{ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "alice"}, acct + "user/alice"},
		{ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"}, acct + "user/*"},
		{ramsimtest.VRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["worker"]`, "Tag": `[{"Key":"k","Value":"v"}]`}, acct + "role/worker"},
		{ramsimtest.VRAM, "ListTagResources", map[string]string{"ResourceType": "policy"}, acct + "*"},
		{ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": uid, "Tag.1.Key": "k", "Tag.1.Value": "v"}, acct + "user/alice"},
		{ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user"}, acct + "*"},
		{ramsimtest.VRM, "ListRoles", nil, acct + "role/*"},
		{ramsimtest.VRM, "GetRole", map[string]string{"RoleName": "worker"}, acct + "role/worker"},
		{ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": acct + "role/worker", "RoleSessionName": "s1"}, acct + "role/worker"},
	} {
		code := map[string]string{ramsimtest.VRAM: "ram:", ramsimtest.VIMS: "ram:", ramsimtest.VRM: "ram:", ramsimtest.VSTS: "sts:"}[c.version] + c.action
		env.AsDenied(alice, c.version, c.action, c.p, code, c.want)
	}
	// An IMS request naming an unknown user answers as the handler would.
	status, body := env.As(alice, ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": "42", "Tag.1.Key": "k"})
	ramsimtest.WantError(t, status, body, 404, "EntityNotExist.User")
	if strings.Contains(ramsimtest.Str(body, "Message"), "authorized") {
		t.Fatal(body)
	}
}
