// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestAccessKeyLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})

	body := env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"})
	k1 := ramsimtest.Field(body, "AccessKey")
	id1, secret1 := ramsimtest.Str(k1, "AccessKeyId"), ramsimtest.Str(k1, "AccessKeySecret")
	if !regexp.MustCompile(`^LTAI[A-Za-z0-9]{20}$`).MatchString(id1) || !regexp.MustCompile(`^[A-Za-z0-9]{30}$`).MatchString(secret1) ||
		ramsimtest.Str(k1, "Status") != "Active" || ramsimtest.Str(k1, "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("CreateAccessKey: %v", body)
	}
	id2 := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey", "AccessKeyId")
	if id2 == id1 {
		t.Fatal("same key twice")
	}
	env.Fail(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}, 409, "LimitExceeded.User.AccessKey")

	body = env.OK(ramsimtest.VRAM, "ListAccessKeys", map[string]string{"UserName": "alice"})
	keys, _ := ramsimtest.Field(body, "AccessKeys", "AccessKey").([]any)
	if len(keys) != 2 || ramsimtest.Str(keys[0], "AccessKeyId") != id1 || ramsimtest.Str(keys[1], "AccessKeyId") != id2 {
		t.Fatalf("ListAccessKeys: %v", body)
	}
	for _, k := range keys {
		if _, ok := k.(map[string]any)["AccessKeySecret"]; ok {
			t.Fatalf("ListAccessKeys shows a secret: %v", body)
		}
	}

	env.OK(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1, "Status": "Inactive"})
	if ks := env.Srv.AccessKeys("alice"); len(ks) != 2 || ks[0].Status != "Inactive" || ks[1].Status != "Active" || ks[0].AccessKeyID != id1 {
		t.Fatalf("snapshot %+v", ks)
	}
	// An inactive key still counts toward the limit.
	env.Fail(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}, 409, "LimitExceeded.User.AccessKey")
	env.Fail(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1, "Status": "Disabled"}, 400, "InvalidParameter.Status")
	env.Fail(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1}, 400, "MissingStatus")
	env.Fail(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": "LTAInope", "Status": "Active"}, 404, "EntityNotExist.User.AccessKey")
	env.Fail(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice", "Status": "Active"}, 400, "MissingUserAccessKeyId")

	// A key is only found among its own user's keys.
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.Fail(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "bob", "UserAccessKeyId": id1}, 404, "EntityNotExist.User.AccessKey")
	if ks := env.Srv.AccessKeys("bob"); ks != nil {
		t.Fatalf("bob has keys %v", ks)
	}

	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice"}, 409, "DeleteConflict.User.AccessKey")
	env.OK(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1})
	env.Fail(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id1}, 404, "EntityNotExist.User.AccessKey")
	env.OK(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "alice", "UserAccessKeyId": id2})
	if got := ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListAccessKeys", map[string]string{"UserName": "alice"}), "AccessKeys", "AccessKey"); len(ramsimtest.AsList(t, got)) != 0 {
		t.Fatalf("keys left: %v", got)
	}
	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice"})

	for _, action := range []string{"CreateAccessKey", "ListAccessKeys"} {
		env.Fail(ramsimtest.VRAM, action, map[string]string{"UserName": "nobody"}, 404, "EntityNotExist.User")
		env.Fail(ramsimtest.VRAM, action, map[string]string{"UserName": "a b"}, 400, "InvalidParameter.UserName.InvalidChars")
		// The root account's own keys are not emulated: it must name a user.
		env.Fail(ramsimtest.VRAM, action, nil, 400, "MissingUserName")
	}
}

// DeleteUser reports the dependants in the documented order: AccessKey,
// LoginProfile, Group, Policy.
func TestDeleteUserConflictOrder(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u"})
	env.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "g"})
	env.OK(ramsimtest.VRAM, "AddUserToGroup", map[string]string{"GroupName": "g", "UserName": "u"})
	env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "u", "Password": "Passw0rd!"})
	key := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "u"}), "AccessKey", "AccessKeyId")
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.AccessKey")
	env.OK(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "u", "UserAccessKeyId": key})
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.LoginProfile")
	env.OK(ramsimtest.VRAM, "DeleteLoginProfile", map[string]string{"UserName": "u"})
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "u"}, 409, "DeleteConflict.User.Group")
}

func TestAccessKeyLimitConfigurable(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{AccessKeysPerUser: 1}})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "u"})
	env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "u"})
	env.Fail(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "u"}, 409, "LimitExceeded.User.AccessKey")
}

// A key made by CreateAccessKey signs requests as its user, with either
// signature version, until it is made Inactive, deleted, or its user goes.
func TestUserAccessKeySigns(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	uid := ramsimtest.Str(env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}), "User", "UserId")
	k := ramsimtest.Field(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	id, secret := ramsimtest.Str(k, "AccessKeyId"), ramsimtest.Str(k, "AccessKeySecret")
	as := func(v3 bool, sec string) ramsimtest.Signer { return ramsimtest.Signer{V3: v3, KeyID: id, Secret: sec} }

	for _, v3 := range []bool{true, false} {
		status, body := env.Do(env.Request(as(v3, secret), ramsimtest.VSTS, "GetCallerIdentity", nil))
		if status != http.StatusOK || body["IdentityType"] != "RAMUser" || body["Arn"] != "acs:ram::"+ramsimtest.Account+":user/alice" ||
			body["UserId"] != uid || body["PrincipalId"] != uid || body["AccountId"] != ramsimtest.Account {
			t.Fatalf("v3=%v GetCallerIdentity: %d %v", v3, status, body)
		}
	}
	// Without a policy the key may do nothing else; with one it may create
	// users and manage its own keys without naming the user.
	status, body := env.Do(env.Request(as(true, secret), ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "made-by-alice"}))
	ramsimtest.WantError(t, status, body, 403, "NoPermission")
	env.OK(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "alice-admin", "PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:CreateUser","ram:ListAccessKeys","ram:DeleteAccessKey"],"Resource":"*"}]}`})
	env.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"PolicyName": "alice-admin", "PolicyType": "Custom", "UserName": "alice"})
	status, body = env.Do(env.Request(as(true, secret), ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "made-by-alice"}))
	if status != http.StatusOK {
		t.Fatalf("CreateUser as alice: %d %v", status, body)
	}
	status, body = env.Do(env.Request(as(true, secret), ramsimtest.VRAM, "ListAccessKeys", nil))
	if keys, _ := ramsimtest.Field(body, "AccessKeys", "AccessKey").([]any); status != http.StatusOK || len(keys) != 1 || ramsimtest.Str(keys[0], "AccessKeyId") != id {
		t.Fatalf("ListAccessKeys as alice without UserName: %d %v", status, body)
	}
	status, body = env.Do(env.Request(as(true, "wrong"), ramsimtest.VSTS, "GetCallerIdentity", nil))
	ramsimtest.WantError(t, status, body, 400, "SignatureDoesNotMatch")

	// A renamed user keeps its keys; the ARN follows the name.
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	_, body = env.Do(env.Request(as(true, secret), ramsimtest.VSTS, "GetCallerIdentity", nil))
	if body["Arn"] != "acs:ram::"+ramsimtest.Account+":user/alice2" {
		t.Fatalf("after rename: %v", body)
	}

	env.OK(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id, "Status": "Inactive"})
	for _, v3 := range []bool{true, false} {
		status, body = env.Do(env.Request(as(v3, secret), ramsimtest.VSTS, "GetCallerIdentity", nil))
		ramsimtest.WantError(t, status, body, 400, "InvalidAccessKeyId.Inactive")
	}
	env.OK(ramsimtest.VRAM, "UpdateAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id, "Status": "Active"})
	if status, body = env.Do(env.Request(as(true, secret), ramsimtest.VSTS, "GetCallerIdentity", nil)); status != http.StatusOK {
		t.Fatalf("reactivated: %d %v", status, body)
	}

	env.OK(ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserName": "alice2", "UserAccessKeyId": id})
	status, body = env.Do(env.Request(as(true, secret), ramsimtest.VSTS, "GetCallerIdentity", nil))
	ramsimtest.WantError(t, status, body, 404, "InvalidAccessKeyId.NotFound")

	// Deleting the user (after its key) leaves no way in either.
	k = ramsimtest.Field(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice2"}), "AccessKey")
	id, secret = ramsimtest.Str(k, "AccessKeyId"), ramsimtest.Str(k, "AccessKeySecret")
	// The user deletes its own key, then the root deletes the user.
	if status, body = env.Do(env.Request(as(false, secret), ramsimtest.VRAM, "DeleteAccessKey", map[string]string{"UserAccessKeyId": id})); status != http.StatusOK {
		t.Fatalf("self DeleteAccessKey: %d %v", status, body)
	}
	env.OK(ramsimtest.VRAM, "DetachPolicyFromUser", map[string]string{"PolicyName": "alice-admin", "PolicyType": "Custom", "UserName": "alice2"})
	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice2"})
	status, body = env.Do(env.Request(as(true, secret), ramsimtest.VSTS, "GetCallerIdentity", nil))
	ramsimtest.WantError(t, status, body, 404, "InvalidAccessKeyId.NotFound")
}

// User keys survive a restart; the state file holds their secrets (it must
// to verify signatures) and is private to its owner.
func TestAccessKeyPersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	k := ramsimtest.Field(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "alice"}), "AccessKey")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file mode %v", fi.Mode())
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), ramsimtest.Str(k, "AccessKeySecret")) {
		t.Fatal("secret not persisted")
	}

	again := ramsimtest.New(t, ramsim.Config{StatePath: path})
	status, body := again.Do(again.Request(ramsimtest.Signer{V3: true, KeyID: ramsimtest.Str(k, "AccessKeyId"), Secret: ramsimtest.Str(k, "AccessKeySecret")}, ramsimtest.VSTS, "GetCallerIdentity", nil))
	if status != http.StatusOK || body["IdentityType"] != "RAMUser" {
		t.Fatalf("after reload: %d %v", status, body)
	}
}
