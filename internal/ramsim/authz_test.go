// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"crypto/tls"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// newAliceKey creates the RAM user alice with an access key and returns a
// signer for it (V1; set v3 on the copy for V3).
func (e *testEnv) newAliceKey() signer {
	e.t.Helper()
	e.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"})
	k := field(e.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	return signer{keyID: str(k, "AccessKeyId"), secret: str(k, "AccessKeySecret")}
}

// grant creates a custom policy and attaches it to a principal (kind User,
// Group or Role).
func (e *testEnv) grant(kind, principal, policyName, doc string) {
	e.t.Helper()
	e.ok(vRAM, "CreatePolicy", map[string]string{"PolicyName": policyName, "PolicyDocument": doc})
	e.ok(vRAM, "AttachPolicyTo"+kind, map[string]string{"PolicyName": policyName, "PolicyType": "Custom", kind + "Name": principal})
}

// as makes a call signed by sg.
func (e *testEnv) as(sg signer, version, action string, p map[string]string) (int, map[string]any) {
	e.t.Helper()
	return e.do(e.request(sg, version, action, p))
}

// asOK makes a call signed by sg that must succeed.
func (e *testEnv) asOK(sg signer, version, action string, p map[string]string) map[string]any {
	e.t.Helper()
	status, body := e.as(sg, version, action, p)
	if status != http.StatusOK {
		e.t.Fatalf("%s %v as %s: %d %v", action, p, sg.keyID, status, body)
	}
	return body
}

// asDenied makes a call signed by sg that must be refused with
// NoPermission naming action and resource; it returns AccessDeniedDetail.
func (e *testEnv) asDenied(sg signer, version, action string, p map[string]string, wantAction, wantResource string) map[string]any {
	e.t.Helper()
	status, body := e.as(sg, version, action, p)
	wantError(e.t, status, body, http.StatusForbidden, "NoPermission")
	want := "You are not authorized to do this action. Action: " + wantAction + ", Resource: " + wantResource
	if msg := str(body, "Message"); msg != want {
		e.t.Fatalf("message %q, want %q", msg, want)
	}
	detail, ok := body["AccessDeniedDetail"].(map[string]any)
	if !ok || detail["AuthAction"] != wantAction {
		e.t.Fatalf("AccessDeniedDetail %v", body["AccessDeniedDetail"])
	}
	for k, v := range detail {
		if _, ok := v.(string); !ok {
			e.t.Fatalf("AccessDeniedDetail.%s is not a string: %v", k, detail)
		}
	}
	return detail
}

func userArn(name string) string { return "acs:ram::" + testAccount + ":user/" + name }

const allowGetBob = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"acs:ram::` +
	testAccount + `:user/bob"}]}`

// A user without policies may do nothing but ask who it is, with either
// signature version, and a refused request changes nothing (not even the
// state file).
func TestAuthzNoPolicyRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := newEnv(t, Config{StatePath: path})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, v3 := range []bool{false, true} {
		sg := alice
		sg.v3 = v3
		detail := env.asDenied(sg, vRAM, "CreateUser", map[string]string{"UserName": "mallory"}, "ram:CreateUser", userArn("*"))
		if detail["NoPermissionType"] != "ImplicitDeny" || detail["PolicyType"] != "AccountLevelIdentityBasedPolicy" ||
			detail["AuthPrincipalType"] != "SubUser" || detail["AuthPrincipalDisplayName"] != "alice" || detail["AuthPrincipalOwnerId"] != testAccount {
			t.Fatalf("detail %v", detail)
		}
		env.asDenied(sg, vRAM, "DeleteUser", map[string]string{"UserName": "bob"}, "ram:DeleteUser", userArn("bob"))
		env.asDenied(sg, vRAM, "ListUsers", nil, "ram:ListUsers", userArn("*"))
		env.asDenied(sg, vRAM, "ListAccessKeys", nil, "ram:ListAccessKeys", userArn("alice"))
		if body := env.asOK(sg, vSTS, "GetCallerIdentity", nil); body["Arn"] != userArn("alice") {
			t.Fatalf("GetCallerIdentity %v", body)
		}
	}
	if _, ok := env.srv.User("mallory"); ok {
		t.Fatal("refused CreateUser created the user")
	}
	if _, ok := env.srv.User("bob"); !ok {
		t.Fatal("refused DeleteUser deleted the user")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("a refused request changed the state file")
	}
	// A missing parameter is answered before authorization, as the handler would.
	status, body := env.as(alice, vRAM, "GetUser", nil)
	wantError(t, status, body, 400, "MissingUserName")
}

func TestAuthzCustomPolicyOnOneUser(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "carol"})
	env.grant("User", "alice", "get-bob", allowGetBob)

	for _, v3 := range []bool{false, true} {
		sg := alice
		sg.v3 = v3
		if body := env.asOK(sg, vRAM, "GetUser", map[string]string{"UserName": "bob"}); str(body, "User", "UserName") != "bob" {
			t.Fatalf("GetUser bob: %v", body)
		}
		env.asDenied(sg, vRAM, "GetUser", map[string]string{"UserName": "carol"}, "ram:GetUser", userArn("carol"))
		env.asDenied(sg, vRAM, "UpdateUser", map[string]string{"UserName": "bob", "NewComments": "x"}, "ram:UpdateUser", userArn("bob"))
	}
	// A new default version takes effect at once.
	env.ok(vRAM, "CreatePolicyVersion", map[string]string{"PolicyName": "get-bob", "SetAsDefault": "true",
		"PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:Get*","Resource":"acs:ram:*:*:user/c*"}]}`})
	env.asOK(alice, vRAM, "GetUser", map[string]string{"UserName": "carol"})
	env.asDenied(alice, vRAM, "GetUser", map[string]string{"UserName": "bob"}, "ram:GetUser", userArn("bob"))
	// Detached, it allows nothing.
	env.ok(vRAM, "DetachPolicyFromUser", map[string]string{"PolicyName": "get-bob", "PolicyType": "Custom", "UserName": "alice"})
	env.asDenied(alice, vRAM, "GetUser", map[string]string{"UserName": "carol"}, "ram:GetUser", userArn("carol"))
}

// Policies of the user's groups count, system policies too.
func TestAuthzGroupAndSystemPolicies(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "admins"})
	env.ok(vRAM, "AttachPolicyToGroup", map[string]string{"PolicyName": "ReadOnlyAccess", "PolicyType": "System", "GroupName": "admins"})
	env.asDenied(alice, vRAM, "ListUsers", nil, "ram:ListUsers", userArn("*"))

	env.ok(vRAM, "AddUserToGroup", map[string]string{"GroupName": "admins", "UserName": "alice"})
	sg := alice
	sg.v3 = true
	if users, _ := field(env.asOK(sg, vRAM, "ListUsers", nil), "Users", "User").([]any); len(users) != 1 {
		t.Fatalf("ListUsers as alice: %v", users)
	}
	env.asOK(alice, vRAM, "GetGroup", map[string]string{"GroupName": "admins"})
	env.asDenied(alice, vRAM, "CreateGroup", map[string]string{"GroupName": "more"}, "ram:CreateGroup", "acs:ram::"+testAccount+":group/*")

	env.ok(vRAM, "RemoveUserFromGroup", map[string]string{"GroupName": "admins", "UserName": "alice"})
	env.asDenied(alice, vRAM, "ListUsers", nil, "ram:ListUsers", userArn("*"))
}

func TestAuthzExplicitDenyWins(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "AttachPolicyToUser", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System", "UserName": "alice"})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "g"})
	env.ok(vRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "alice"})
	env.grant("Group", "g", "no-deleting-bob", `{"Version":"1","Statement":[{"Sid":"keep","Effect":"Deny","Action":"ram:DeleteUser","Resource":"acs:ram:*:*:user/bob"}]}`)
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "carol"})

	detail := env.asDenied(alice, vRAM, "DeleteUser", map[string]string{"UserName": "bob"}, "ram:DeleteUser", userArn("bob"))
	if detail["NoPermissionType"] != "ExplicitDeny" {
		t.Fatalf("detail %v", detail)
	}
	env.asOK(alice, vRAM, "DeleteUser", map[string]string{"UserName": "carol"})

	allowed, why := env.srv.Authorize("alice", "ram:DeleteUser", userArn("bob"), nil)
	if allowed || why != "ExplicitDeny by Custom:no-deleting-bob statement 0 (Sid keep)" {
		t.Fatalf("Authorize: %v %q", allowed, why)
	}
	allowed, why = env.srv.Authorize("alice", "ram:DeleteUser", userArn("carol"), nil)
	if !allowed || why != "Allow by System:AdministratorAccess statement 0" {
		t.Fatalf("Authorize: %v %q", allowed, why)
	}
	if allowed, why = env.srv.Authorize("nobody", "ram:GetUser", userArn("bob"), nil); allowed || why != "user not found" {
		t.Fatalf("Authorize unknown user: %v %q", allowed, why)
	}
}

// acs:SourceIp is the connection's address, acs:SecureTransport whether it
// is TLS; Server.Authorize takes them from its ctx argument.
func TestAuthzNetworkConditions(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.grant("User", "alice", "loopback-only", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"*",`+
		`"Condition":{"IpAddress":{"acs:SourceIp":["127.0.0.0/8","::1"]}}},`+
		`{"Effect":"Allow","Action":"ram:ListUsers","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}}]}`)
	from := func(addr string, v3 bool) signer {
		sg := alice
		sg.v3 = v3
		sg.mutate = func(r *http.Request) { r.RemoteAddr = addr }
		return sg
	}
	for _, v3 := range []bool{false, true} {
		env.asOK(from("127.0.0.1:5555", v3), vRAM, "GetUser", map[string]string{"UserName": "bob"})
		env.asOK(from("[::1]:5555", v3), vRAM, "GetUser", map[string]string{"UserName": "bob"})
		env.asDenied(from("192.0.2.1:1234", v3), vRAM, "GetUser", map[string]string{"UserName": "bob"}, "ram:GetUser", userArn("bob"))
	}
	env.asDenied(alice, vRAM, "ListUsers", nil, "ram:ListUsers", userArn("*"))
	tlsSigner := alice
	tlsSigner.mutate = func(r *http.Request) { r.TLS = &tls.ConnectionState{} }
	env.asOK(tlsSigner, vRAM, "ListUsers", nil)

	if ok, _ := env.srv.Authorize("alice", "ram:GetUser", userArn("bob"), map[string]string{"acs:SourceIp": "127.0.0.2"}); !ok {
		t.Fatal("Authorize from loopback refused")
	}
	if ok, why := env.srv.Authorize("alice", "ram:GetUser", userArn("bob"), nil); ok || why != "ImplicitDeny: no statement allows it" {
		t.Fatalf("Authorize without source IP: %v %q", ok, why)
	}
}

// The policy of seed 000's FAQ lets a RAM user create MSE's
// service-linked role, and no other service's.
func TestAuthzServiceLinkedRoleServiceName(t *testing.T) {
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	env.grant("User", "alice", "create-mse-slr", `{
    "Statement": [
        {
            "Action": [
                "ram:CreateServiceLinkedRole"
            ],
            "Resource": "acs:ram:*:`+testAccount+`:role/*",
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
		sg.v3 = v3
		env.asDenied(sg, vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"},
			"ram:CreateServiceLinkedRole", "acs:ram::"+testAccount+":role/aliyunserviceroleformssp")
	}
	body := env.asOK(alice, vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	if str(body, "Role", "RoleName") != "AliyunServiceRoleForMSE" {
		t.Fatalf("CreateServiceLinkedRole: %v", body)
	}
	if _, ok := env.srv.Role("AliyunServiceRoleForMssp"); ok {
		t.Fatal("refused CreateServiceLinkedRole created the role")
	}
	// Deleting needs its own grant, here seed 000's for the engine service
	// only.
	env.asDenied(alice, vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"},
		"ram:DeleteServiceLinkedRole", "acs:ram::"+testAccount+":role/aliyunserviceroleformse")
	env.grant("User", "alice", "delete-engine-slr", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:DeleteServiceLinkedRole","Resource":"*",`+
		`"Condition":{"StringEquals":{"ram:ServiceName":"engine-service.mse.aliyuncs.com"}}}]}`)
	env.asDenied(alice, vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"},
		"ram:DeleteServiceLinkedRole", "acs:ram::"+testAccount+":role/aliyunserviceroleformse")
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com"})
	task := str(env.asOK(alice, vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "DeletionTaskId")
	env.asDenied(alice, vRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": task},
		"ram:GetServiceLinkedRoleDeletionStatus", "acs:ram::"+testAccount+":role/aliyunserviceroleformseengineservice")
}

// The root key is never refused: it has no policies and needs none.
func TestAuthzRootBypass(t *testing.T) {
	env := newEnv(t, Config{})
	for _, v3 := range []bool{false, true} {
		root := signer{v3: v3}
		env.asOK(root, vRAM, "CreateUser", map[string]string{"UserName": "u"})
		env.asOK(root, vRM, "ListRoles", nil)
		env.asOK(root, vRAM, "DeleteUser", map[string]string{"UserName": "u"})
	}
	if ok, why := env.srv.Authorize("root", "ram:GetUser", "*", nil); ok || why != "user not found" {
		t.Fatalf("Authorize is about RAM users: %v %q", ok, why)
	}
}

// Every route of RAM, IMS, ResourceManager and STS says what it is
// authorized on, or is exempt. (MSE's routes have their own test.)
func TestAuthzResourcesCoverRoutes(t *testing.T) {
	for _, p := range []*wire.API[*Server]{ramAPI, imsAPI, rmAPI, stsAPI} {
		for action := range p.Actions {
			if p.Resources[action] == nil && !authzExempt[p.ActionCode(action)] {
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
	env := newEnv(t, Config{})
	alice := env.newAliceKey()
	uid := str(env.ok(vRAM, "GetUser", map[string]string{"UserName": "alice"}), "User", "UserId")
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": trustAccount})
	acct := "acs:ram::" + testAccount + ":"
	for _, c := range []struct {
		version, action string
		p               map[string]string
		want            string
	}{
		{vRAM, "AttachPolicyToRole", map[string]string{"RoleName": "worker", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, acct + "role/worker"},
		{vRAM, "AttachPolicyToUser", map[string]string{"UserName": "alice", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, acct + "user/alice"},
		{vRAM, "GetPolicy", map[string]string{"PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, "acs:ram::system:policy/ReadOnlyAccess"},
		{vRAM, "GetPolicy", map[string]string{"PolicyName": "mine", "PolicyType": "Custom"}, acct + "policy/mine"},
		{vRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "alice"}, acct + "user/alice"},
		{vRAM, "CreateUser", map[string]string{"UserName": "bob"}, acct + "user/*"},
		{vRAM, "TagResources", map[string]string{"ResourceType": "role", "ResourceNames": `["worker"]`, "Tag": `[{"Key":"k","Value":"v"}]`}, acct + "role/worker"},
		{vRAM, "ListTagResources", map[string]string{"ResourceType": "policy"}, acct + "*"},
		{vIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": uid, "Tag.1.Key": "k", "Tag.1.Value": "v"}, acct + "user/alice"},
		{vIMS, "ListTagResources", map[string]string{"ResourceType": "user"}, acct + "*"},
		{vRM, "ListRoles", nil, acct + "role/*"},
		{vRM, "GetRole", map[string]string{"RoleName": "worker"}, acct + "role/worker"},
		{vSTS, "AssumeRole", map[string]string{"RoleArn": acct + "role/worker", "RoleSessionName": "s1"}, acct + "role/worker"},
	} {
		code := map[string]string{vRAM: "ram:", vIMS: "ram:", vRM: "ram:", vSTS: "sts:"}[c.version] + c.action
		env.asDenied(alice, c.version, c.action, c.p, code, c.want)
	}
	// An IMS request naming an unknown user answers as the handler would.
	status, body := env.as(alice, vIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourceId.1": "42", "Tag.1.Key": "k"})
	wantError(t, status, body, 404, "EntityNotExist.User")
	if strings.Contains(str(body, "Message"), "authorized") {
		t.Fatal(body)
	}
}
