// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestLoginProfileLifecycle(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})

	env.Fail(ramsimtest.VRAM, "GetLoginProfile", map[string]string{"UserName": "alice"}, 404, "EntityNotExist.User.LoginProfile")
	body := env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "alice", "Password": "Passw0rd!", "PasswordResetRequired": "true"})
	lp := ramsimtest.Field(body, "LoginProfile")
	if ramsimtest.Str(lp, "UserName") != "alice" || ramsimtest.Field(lp, "PasswordResetRequired") != true || ramsimtest.Field(lp, "MFABindRequired") != false ||
		ramsimtest.Str(lp, "CreateDate") != "2025-03-04T05:06:07Z" {
		t.Fatalf("CreateLoginProfile: %v", body)
	}
	if _, ok := body["LoginProfile"].(map[string]any)["Password"]; ok {
		t.Fatal("password echoed")
	}
	env.Fail(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "alice", "Password": "Passw0rd!"}, 409, "EntityAlreadyExists.User.LoginProfile")
	if got := env.OK(ramsimtest.VRAM, "GetLoginProfile", map[string]string{"UserName": "alice"}); ramsimtest.Field(got, "LoginProfile", "PasswordResetRequired") != true {
		t.Fatalf("GetLoginProfile: %v", got)
	}

	// Update: only what is sent changes.
	env.Clock.Add(time.Hour)
	body = env.OK(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "alice", "MFABindRequired": "true"})
	if len(body) != 1 { // RequestId only
		t.Fatalf("UpdateLoginProfile answers %v", body)
	}
	snap, ok := env.Srv.LoginProfile("alice")
	if !ok || !snap.PasswordResetRequired || !snap.MFABindRequired || snap.UserName != "alice" ||
		!snap.CreateDate.Equal(time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)) {
		t.Fatalf("snapshot %+v", snap)
	}
	if !env.Srv.PasswordMatches("alice", "Passw0rd!") {
		t.Fatal("password not kept")
	}
	env.OK(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "alice", "Password": "another-one", "PasswordResetRequired": "false"})
	if snap, _ = env.Srv.LoginProfile("alice"); snap.PasswordResetRequired || !snap.MFABindRequired {
		t.Fatalf("after update %+v", snap)
	}
	if env.Srv.PasswordMatches("alice", "Passw0rd!") || !env.Srv.PasswordMatches("alice", "another-one") {
		t.Fatal("password not changed")
	}
	env.Fail(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "alice", "Password": "short"}, 400, "InvalidParameter.Password.TooWeak")
	env.Fail(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "alice", "MFABindRequired": "maybe"}, 400, "InvalidParameter.MFABindRequired")

	// DeleteUser is refused while the profile exists.
	env.Fail(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice"}, 409, "DeleteConflict.User.LoginProfile")
	env.OK(ramsimtest.VRAM, "DeleteLoginProfile", map[string]string{"UserName": "alice"})
	if _, ok := env.Srv.LoginProfile("alice"); ok {
		t.Fatal("profile survived DeleteLoginProfile")
	}
	for _, action := range []string{"GetLoginProfile", "DeleteLoginProfile"} {
		env.Fail(ramsimtest.VRAM, action, map[string]string{"UserName": "alice"}, 404, "EntityNotExist.User.LoginProfile")
	}
	env.Fail(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "alice", "Password": "Passw0rd!"}, 404, "EntityNotExist.User.LoginProfile")
	env.OK(ramsimtest.VRAM, "DeleteUser", map[string]string{"UserName": "alice"})
}

func TestLoginProfileErrors(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	cases := []struct {
		name   string
		action string
		p      map[string]string
		status int
		code   string
	}{
		{"no user name", "CreateLoginProfile", map[string]string{"Password": "Passw0rd!"}, 400, "MissingUserName"},
		{"bad user name", "CreateLoginProfile", map[string]string{"UserName": "b b", "Password": "Passw0rd!"}, 400, "InvalidParameter.UserName.InvalidChars"},
		{"unknown user", "CreateLoginProfile", map[string]string{"UserName": "nobody", "Password": "Passw0rd!"}, 404, "EntityNotExist.User"},
		{"no password", "CreateLoginProfile", map[string]string{"UserName": "bob"}, 400, "MissingPassword"},
		{"7 characters", "CreateLoginProfile", map[string]string{"UserName": "bob", "Password": "1234567"}, 400, "InvalidParameter.Password.TooWeak"},
		{"33 characters", "CreateLoginProfile", map[string]string{"UserName": "bob", "Password": strings.Repeat("a", 33)}, 400, "InvalidParameter.Password.TooWeak"},
		{"bad bool", "CreateLoginProfile", map[string]string{"UserName": "bob", "Password": "Passw0rd!", "PasswordResetRequired": "yes"}, 400, "InvalidParameter.PasswordResetRequired"},
		{"get unknown user", "GetLoginProfile", map[string]string{"UserName": "nobody"}, 404, "EntityNotExist.User"},
		{"update unknown user", "UpdateLoginProfile", map[string]string{"UserName": "nobody"}, 404, "EntityNotExist.User"},
		{"delete unknown user", "DeleteLoginProfile", map[string]string{"UserName": "nobody"}, 404, "EntityNotExist.User"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { env.Fail(ramsimtest.VRAM, c.action, c.p, c.status, c.code) })
	}
	// The default policy: 8 characters of anything will do.
	env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "bob", "Password": "aaaaaaaa"})
	if _, ok := env.Srv.LoginProfile("bob"); !ok {
		t.Fatal("no profile")
	}
}

func TestPasswordPolicy(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{PasswordPolicy: ram.PasswordPolicy{
		MinimumPasswordLength: 10, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true,
		RequireNumbers: true, RequireSymbols: true, PasswordNotContainUserName: true,
	}})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol"})
	for _, weak := range []string{
		"Ab1!Ab1!a",      // 9 characters
		"AB1!AB1!AB1!",   // no lowercase
		"ab1!ab1!ab1!",   // no uppercase
		"Abc!Abc!Abc!",   // no digit
		"Abc1Abc1Abc1",   // no symbol
		"xCAROL1!xyzzy!", // contains the user name
	} {
		env.Fail(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "carol", "Password": weak}, 400, "InvalidParameter.Password.TooWeak")
	}
	env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "carol", "Password": "Str0ng!Pass"})
}

// Passwords never reach the state file; only a salted hash does.
func TestLoginProfilePersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "dave"})
	env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "dave", "Password": "Secret-Password-1", "MFABindRequired": "true"})
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "Secret-Password-1") {
		t.Fatal("password in the state file")
	}
	again, err := ramsim.New(ramsim.Config{StatePath: path, AccountID: ramsimtest.Account})
	if err != nil {
		t.Fatal(err)
	}
	if lp, ok := again.LoginProfile("dave"); !ok || !lp.MFABindRequired || !again.PasswordMatches("dave", "Secret-Password-1") {
		t.Fatalf("after reload %+v %v", lp, ok)
	}
}
