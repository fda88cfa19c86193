// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAccessKeyLifecycle(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"})

	body := env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"})
	k1 := field(body, "AccessKey")
	id1, secret1 := str(k1, "AccessKeyId"), str(k1, "AccessKeySecret")
	if !regexp.MustCompile(`^LTAI[A-Za-z0-9]{20}$`).MatchString(id1) || !regexp.MustCompile(`^[A-Za-z0-9]{30}$`).MatchString(secret1) ||
		str(k1, "Status") != "Active" || str(k1, "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("CreateAccessKey: %v", body)
	}
	id2 := str(env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey", "AccessKeyId")
	if id2 == id1 {
		t.Fatal("same key twice")
	}
	env.fail(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}, 409, "LimitExceeded.User.AccessKey")

	body = env.ok(vRAM, "ListAccessKeys", map[string]string{"UserName": "alice"})
	keys, _ := field(body, "AccessKeys", "AccessKey").([]any)
	if len(keys) != 2 || str(keys[0], "AccessKeyId") != id1 || str(keys[1], "AccessKeyId") != id2 {
		t.Fatalf("ListAccessKeys: %v", body)
	}
	for _, k := range keys {
		if _, ok := k.(map[string]any)["AccessKeySecret"]; ok {
			t.Fatalf("ListAccessKeys shows a secret: %v", body)
		}
	}

	env.ok(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1, "Status": "Inactive"})
	if ks := env.srv.AccessKeys("alice"); len(ks) != 2 || ks[0].Status != "Inactive" || ks[1].Status != "Active" || ks[0].AccessKeyID != id1 {
		t.Fatalf("snapshot %+v", ks)
	}
	// An inactive key still counts toward the limit.
	env.fail(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}, 409, "LimitExceeded.User.AccessKey")
	env.fail(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1, "Status": "Disabled"}, 400, "InvalidParameter.Status")
	env.fail(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1}, 400, "MissingStatus")
	env.fail(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": "LTAInope", "Status": "Active"}, 404, "EntityNotExist.User.AccessKey")
	env.fail(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "Status": "Active"}, 400, "MissingUserAccessKeyId")

	// A key is only found among its own user's keys.
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.fail(vRAM, "DeleteAccessKey", map[string]string{"UserName": "bob", "UserAccessKeyId": id1}, 404, "EntityNotExist.User.AccessKey")
	if ks := env.srv.AccessKeys("bob"); ks != nil {
		t.Fatalf("bob has keys %v", ks)
	}

	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "alice"}, 409, "DeleteConflict.User.AccessKey")
	env.ok(vRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1})
	env.fail(vRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1}, 404, "EntityNotExist.User.AccessKey")
	env.ok(vRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id2})
	if got := field(env.ok(vRAM, "ListAccessKeys", map[string]string{"UserName": "alice"}), "AccessKeys", "AccessKey"); len(asList(t, got)) != 0 {
		t.Fatalf("keys left: %v", got)
	}
	env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "alice"})

	for _, action := range []string{"CreateAccessKey", "ListAccessKeys"} {
		env.fail(vRAM, action, map[string]string{"UserName": "nobody"}, 404, "EntityNotExist.User")
		env.fail(vRAM, action, map[string]string{"UserName": "a b"}, 400, "InvalidParameter.UserName.InvalidChars")
		// The root account's own keys are not emulated: it must name a user.
		env.fail(vRAM, action, nil, 400, "MissingUserName")
	}
}

// DeleteUser reports the dependants in the documented order: AccessKey,
// LoginProfile, Group, Policy.
func TestDeleteUserConflictOrder(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "u"})
	env.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "g"})
	env.ok(vRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "u"})
	env.ok(vRAM, "CreateLoginProfile", map[string]string{"UserName": "u", "Password": "Passw0rd!"})
	key := str(env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "u"}), "AccessKey", "AccessKeyId")
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.AccessKey")
	env.ok(vRAM, "DeleteAccessKey", map[string]string{"UserName": "u", "UserAccessKeyId": key})
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.LoginProfile")
	env.ok(vRAM, "DeleteLoginProfile", map[string]string{"UserName": "u"})
	env.fail(vRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.Group")
}

func TestAccessKeyLimitConfigurable(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{AccessKeysPerUser: 1}})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "u"})
	env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "u"})
	env.fail(vRAM, "CreateAccessKey", map[string]string{"UserName": "u"}, 409, "LimitExceeded.User.AccessKey")
}

// A key made by CreateAccessKey signs requests as its user, with either
// signature version, until it is made Inactive, deleted, or its user goes.
func TestUserAccessKeySigns(t *testing.T) {
	env := newEnv(t, Config{})
	uid := str(env.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"}), "User", "UserId")
	k := field(env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	id, secret := str(k, "AccessKeyId"), str(k, "AccessKeySecret")
	as := func(v3 bool, sec string) signer { return signer{v3: v3, keyID: id, secret: sec} }

	for _, v3 := range []bool{true, false} {
		status, body := env.do(env.request(as(v3, secret), vSTS, "GetCallerIdentity", nil))
		if status != http.StatusOK || body["IdentityType"] != "RAMUser" || body["Arn"] != "acs:ram::"+testAccount+":user/alice" ||
			body["UserId"] != uid || body["PrincipalId"] != uid || body["AccountId"] != testAccount {
			t.Fatalf("v3=%v GetCallerIdentity: %d %v", v3, status, body)
		}
	}
	// Without a policy the key may do nothing else; with one it may create
	// users and manage its own keys without naming the user.
	status, body := env.do(env.request(as(true, secret), vRAM, "CreateUser", map[string]string{"UserName": "made-by-alice"}))
	wantError(t, status, body, 403, "NoPermission")
	env.ok(vRAM, "CreatePolicy", map[string]string{"PolicyName": "alice-admin", "PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:CreateUser","ram:ListAccessKeys","ram:DeleteAccessKey"],"Resource":"*"}]}`})
	env.ok(vRAM, "AttachPolicyToUser", map[string]string{"PolicyName": "alice-admin", "PolicyType": "Custom", "UserName": "alice"})
	status, body = env.do(env.request(as(true, secret), vRAM, "CreateUser", map[string]string{"UserName": "made-by-alice"}))
	if status != http.StatusOK {
		t.Fatalf("CreateUser as alice: %d %v", status, body)
	}
	status, body = env.do(env.request(as(true, secret), vRAM, "ListAccessKeys", nil))
	if keys, _ := field(body, "AccessKeys", "AccessKey").([]any); status != http.StatusOK || len(keys) != 1 || str(keys[0], "AccessKeyId") != id {
		t.Fatalf("ListAccessKeys as alice without UserName: %d %v", status, body)
	}
	status, body = env.do(env.request(as(true, "wrong"), vSTS, "GetCallerIdentity", nil))
	wantError(t, status, body, 400, "SignatureDoesNotMatch")

	// A renamed user keeps its keys; the ARN follows the name.
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	_, body = env.do(env.request(as(true, secret), vSTS, "GetCallerIdentity", nil))
	if body["Arn"] != "acs:ram::"+testAccount+":user/alice2" {
		t.Fatalf("after rename: %v", body)
	}

	env.ok(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id, "Status": "Inactive"})
	for _, v3 := range []bool{true, false} {
		status, body = env.do(env.request(as(v3, secret), vSTS, "GetCallerIdentity", nil))
		wantError(t, status, body, 400, "InvalidAccessKeyId.Inactive")
	}
	env.ok(vRAM, "UpdateAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id, "Status": "Active"})
	if status, body = env.do(env.request(as(true, secret), vSTS, "GetCallerIdentity", nil)); status != http.StatusOK {
		t.Fatalf("reactivated: %d %v", status, body)
	}

	env.ok(vRAM, "DeleteAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id})
	status, body = env.do(env.request(as(true, secret), vSTS, "GetCallerIdentity", nil))
	wantError(t, status, body, 404, "InvalidAccessKeyId.NotFound")

	// Deleting the user (after its key) leaves no way in either.
	k = field(env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice2"}), "AccessKey")
	id, secret = str(k, "AccessKeyId"), str(k, "AccessKeySecret")
	// The user deletes its own key, then the root deletes the user.
	if status, body = env.do(env.request(as(false, secret), vRAM, "DeleteAccessKey", map[string]string{"UserAccessKeyId": id})); status != http.StatusOK {
		t.Fatalf("self DeleteAccessKey: %d %v", status, body)
	}
	env.ok(vRAM, "DetachPolicyFromUser", map[string]string{"PolicyName": "alice-admin", "PolicyType": "Custom", "UserName": "alice2"})
	env.ok(vRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
	status, body = env.do(env.request(as(true, secret), vSTS, "GetCallerIdentity", nil))
	wantError(t, status, body, 404, "InvalidAccessKeyId.NotFound")
}

// User keys survive a restart; the state file holds their secrets (it must
// to verify signatures) and is private to its owner.
func TestAccessKeyPersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := newEnv(t, Config{StatePath: path})
	env.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"})
	k := field(env.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v", fi.Mode())
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), str(k, "AccessKeySecret")) {
		t.Fatal("secret not persisted")
	}

	again := newEnv(t, Config{StatePath: path})
	status, body := again.do(again.request(signer{v3: true, keyID: str(k, "AccessKeyId"), secret: str(k, "AccessKeySecret")}, vSTS, "GetCallerIdentity", nil))
	if status != http.StatusOK || body["IdentityType"] != "RAMUser" {
		t.Fatalf("after reload: %d %v", status, body)
	}
}
