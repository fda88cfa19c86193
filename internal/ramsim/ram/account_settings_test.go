// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// The documented defaults (IMS SetPasswordPolicy and GetPasswordPolicy).
var wantDefaultPolicy = map[string]any{
	"MinimumPasswordLength": 8.0, "RequireLowercaseCharacters": false, "RequireUppercaseCharacters": false,
	"RequireNumbers": false, "RequireSymbols": false, "HardExpire": false, "MaxLoginAttemps": 0.0,
	"PasswordReusePrevention": 0.0, "MaxPasswordAge": 0.0, "MinimumPasswordDifferentCharacter": 0.0,
	"PasswordNotContainUserName": false, "InitialPasswordAge": 14.0, "InterceptRiskPasswordOnApi": false,
}

func TestPasswordPolicyDefaultsAndSet(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	if got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "GetPasswordPolicy", nil), "PasswordPolicy"); !reflect.DeepEqual(got, wantDefaultPolicy) {
		t.Fatalf("default policy\n got %v\nwant %v", got, wantDefaultPolicy)
	}
	set := map[string]string{
		"MinimumPasswordLength": "32", "RequireLowercaseCharacters": "true", "RequireUppercaseCharacters": "true",
		"RequireNumbers": "true", "RequireSymbols": "true", "HardExpire": "true", "MaxLoginAttemps": "32",
		"PasswordReusePrevention": "24", "MaxPasswordAge": "1095", "MinimumPasswordDifferentCharacter": "8",
		"PasswordNotContainUserName": "true", "InitialPasswordAge": "90", "InterceptRiskPasswordOnApi": "true",
	}
	want := map[string]any{
		"MinimumPasswordLength": 32.0, "RequireLowercaseCharacters": true, "RequireUppercaseCharacters": true,
		"RequireNumbers": true, "RequireSymbols": true, "HardExpire": true, "MaxLoginAttemps": 32.0,
		"PasswordReusePrevention": 24.0, "MaxPasswordAge": 1095.0, "MinimumPasswordDifferentCharacter": 8.0,
		"PasswordNotContainUserName": true, "InitialPasswordAge": 90.0, "InterceptRiskPasswordOnApi": true,
	}
	if got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "SetPasswordPolicy", set), "PasswordPolicy"); !reflect.DeepEqual(got, want) {
		t.Fatalf("SetPasswordPolicy answered %v", got)
	}
	if got := env.Srv.AccountPasswordPolicy(); !reflect.DeepEqual(jsonRoundTrip(t, got), want) {
		t.Fatalf("stored %v", got)
	}
	// A parameter left out keeps its value; the lower bounds are accepted.
	want["MinimumPasswordLength"], want["MaxLoginAttemps"] = 8.0, 0.0
	got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{"MinimumPasswordLength": "8", "MaxLoginAttemps": "0"}), "PasswordPolicy")
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("partial SetPasswordPolicy: %v", got)
	}
	if got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "GetPasswordPolicy", nil), "PasswordPolicy"); !reflect.DeepEqual(got, want) {
		t.Fatalf("GetPasswordPolicy after set: %v", got)
	}
}

func TestPasswordPolicyValidation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, c := range []struct{ param, value, code string }{
		{"MinimumPasswordLength", "7", "InvalidParameter.MinimumPasswordLength.Range"},
		{"MinimumPasswordLength", "33", "InvalidParameter.MinimumPasswordLength.Range"},
		{"MaxLoginAttemps", "33", "InvalidParameter.MaxLoginAttemps.Range"},
		{"MaxLoginAttemps", "-1", "InvalidParameter.MaxLoginAttemps.Range"},
		{"PasswordReusePrevention", "25", "InvalidParameter.PasswordReusePrevention.Range"},
		{"MaxPasswordAge", "1096", "InvalidParameter.MaxPasswordAge.Range"},
		{"MinimumPasswordDifferentCharacter", "9", "InvalidParameter.MinimumPasswordDifferentCharacter.Range"},
		{"InitialPasswordAge", "91", "InvalidParameter.InitialPasswordAge.Range"},
		{"MinimumPasswordLength", "twelve", "InvalidParameter.MinimumPasswordLength"},
		{"RequireNumbers", "yes", "InvalidParameter.RequireNumbers"},
	} {
		// The valid parameter sent along must not be applied either.
		body := env.Fail(ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{c.param: c.value, "RequireSymbols": "true"}, 400, c.code)
		if c.code == "InvalidParameter.MinimumPasswordLength.Range" {
			if msg := ramsimtest.Str(body, "Message"); msg != `The parameter - "MinimumPasswordLength" MUST be in the range of 8 and 32.` {
				t.Errorf("message %q", msg)
			}
		}
	}
	if got := env.Srv.AccountPasswordPolicy(); !reflect.DeepEqual(jsonRoundTrip(t, got), wantDefaultPolicy) {
		t.Fatalf("a refused SetPasswordPolicy changed the policy: %v", got)
	}
}

// CreateLoginProfile and UpdateLoginProfile apply the policy in force,
// and a relaxed policy takes effect at once.
func TestPasswordPolicyEnforcedOnLoginProfiles(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "erin"})
	env.OK(ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{"MinimumPasswordLength": "12", "MinimumPasswordDifferentCharacter": "8"})
	for _, weak := range []string{
		"Abcdef1!xyz",  // 11 characters
		"aaaaBBBB1111", // 12 characters, 3 distinct
	} {
		env.Fail(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "erin", "Password": weak}, 400, "InvalidParameter.Password.TooWeak")
	}
	if _, ok := env.Srv.LoginProfile("erin"); ok {
		t.Fatal("a refused password created a login profile")
	}
	env.OK(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "erin", "Password": "Abcdefgh1!xy"})
	env.Fail(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "erin", "Password": "short-pw"}, 400, "InvalidParameter.Password.TooWeak")
	if !env.Srv.PasswordMatches("erin", "Abcdefgh1!xy") {
		t.Fatal("a refused update changed the password")
	}
	env.OK(ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{"MinimumPasswordLength": "8", "MinimumPasswordDifferentCharacter": "0"})
	env.OK(ramsimtest.VRAM, "UpdateLoginProfile", map[string]string{"UserName": "erin", "Password": "short-pw"})
	if !env.Srv.PasswordMatches("erin", "short-pw") {
		t.Fatal("the password allowed by the relaxed policy was not set")
	}
}

var wantDefaultPreference = map[string]any{
	"LoginProfilePreference": map[string]any{
		"EnableSaveMFATicket": false, "AllowUserToChangePassword": true, "AllowUserToLoginWithPasskey": true,
		"LoginSessionDuration": 6.0, "LoginNetworkMasks": "", "MFAOperationForLogin": "independent",
		"OperationForRiskLogin": "autonomous", "EnforceMFAForLogin": false,
	},
	"AccessKeyPreference":    map[string]any{"AllowUserToManageAccessKeys": false},
	"MFAPreference":          map[string]any{"AllowUserToManageMFADevices": true},
	"PersonalInfoPreference": map[string]any{"AllowUserToManagePersonalDingTalk": true},
	"MaxIdleDays":            map[string]any{"MaxIdleDaysForAccessKeys": 730.0, "MaxIdleDaysForUsers": 730.0},
	"VerificationPreference": map[string]any{"VerificationTypes": []any{}},
}

func TestSecurityPreferenceDefaultsAndSet(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	if got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "GetSecurityPreference", nil), "SecurityPreference"); !reflect.DeepEqual(got, wantDefaultPreference) {
		t.Fatalf("default preference\n got %v\nwant %v", got, wantDefaultPreference)
	}
	got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{
		"EnableSaveMFATicket": "true", "AllowUserToChangePassword": "false", "AllowUserToLoginWithPasskey": "false",
		"AllowUserToManageAccessKeys": "true", "AllowUserToManageMFADevices": "false", "AllowUserToManagePersonalDingTalk": "false",
		"LoginSessionDuration": "1", "LoginNetworkMasks": "10.0.0.0/8;192.168.1.10;2001:db8::/32", "MFAOperationForLogin": "mandatory",
		"OperationForRiskLogin": "enforceVerify", "MaxIdleDaysForAccessKeys": "90", "MaxIdleDaysForUsers": "365",
		"VerificationTypes": `["sms","email","sms"]`,
	}), "SecurityPreference")
	want := map[string]any{
		"LoginProfilePreference": map[string]any{
			"EnableSaveMFATicket": true, "AllowUserToChangePassword": false, "AllowUserToLoginWithPasskey": false,
			"LoginSessionDuration": 1.0, "LoginNetworkMasks": "10.0.0.0/8;192.168.1.10;2001:db8::/32", "MFAOperationForLogin": "mandatory",
			"OperationForRiskLogin": "enforceVerify", "EnforceMFAForLogin": true,
		},
		"AccessKeyPreference":    map[string]any{"AllowUserToManageAccessKeys": true},
		"MFAPreference":          map[string]any{"AllowUserToManageMFADevices": false},
		"PersonalInfoPreference": map[string]any{"AllowUserToManagePersonalDingTalk": false},
		"MaxIdleDays":            map[string]any{"MaxIdleDaysForAccessKeys": 90.0, "MaxIdleDaysForUsers": 365.0},
		"VerificationPreference": map[string]any{"VerificationTypes": []any{"sms", "email"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("SetSecurityPreference answered\n got %v\nwant %v", got, want)
	}
	// An empty LoginNetworkMasks clears the masks, "[]" the MFA methods;
	// the other fields keep their values. EnforceMFAForLogin=false is
	// "independent".
	env.OK(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{"LoginNetworkMasks": "", "VerificationTypes": "[]", "EnforceMFAForLogin": "false"})
	lp, _ := want["LoginProfilePreference"].(map[string]any)
	lp["LoginNetworkMasks"], lp["MFAOperationForLogin"], lp["EnforceMFAForLogin"] = "", "independent", false
	want["VerificationPreference"] = map[string]any{"VerificationTypes": []any{}}
	if got := ramsimtest.Field(env.OK(ramsimtest.VIMS, "GetSecurityPreference", nil), "SecurityPreference"); !reflect.DeepEqual(got, want) {
		t.Fatalf("after clearing\n got %v\nwant %v", got, want)
	}
	// MFAOperationForLogin wins over the older EnforceMFAForLogin.
	got = ramsimtest.Field(env.OK(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{"EnforceMFAForLogin": "true", "MFAOperationForLogin": "adaptive"}),
		"SecurityPreference", "LoginProfilePreference", "MFAOperationForLogin")
	if got != "adaptive" {
		t.Fatalf("MFAOperationForLogin %v", got)
	}
}

func TestSecurityPreferenceValidation(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	forty := strings.Repeat("10.0.0.1;", 40)
	for _, c := range []struct{ param, value, code string }{
		{"LoginSessionDuration", "0", "InvalidParameter.LoginSessionDuration.Range"},
		{"LoginSessionDuration", "25", "InvalidParameter.LoginSessionDuration.Range"},
		{"MaxIdleDaysForUsers", "100", "InvalidParameter.MaxIdleDaysForUsers"},
		{"MaxIdleDaysForAccessKeys", "0", "InvalidParameter.MaxIdleDaysForAccessKeys"},
		{"MFAOperationForLogin", "always", "InvalidParameter.MFAOperationForLogin"},
		{"MFAOperationForLogin", "", "InvalidParameter.MFAOperationForLogin"},
		{"OperationForRiskLogin", "skip", "InvalidParameter.OperationForRiskLogin"},
		{"EnforceMFAForLogin", "maybe", "InvalidParameter.EnforceMFAForLogin"},
		{"AllowUserToManageAccessKeys", "1x", "InvalidParameter.AllowUserToManageAccessKeys"},
		{"LoginNetworkMasks", forty + "10.0.0.2", "InvalidParameter.LoginNetworkMasks.Length"}, // 41 masks
		{"LoginNetworkMasks", strings.Repeat("1", 513), "InvalidParameter.LoginNetworkMasks.Length"},
		{"LoginNetworkMasks", "10.0.0.0/8;", "InvalidParameter.LoginNetworkMasks.Format"},
		{"LoginNetworkMasks", "10.0.0.0/33", "InvalidParameter.LoginNetworkMasks.Format"},
		{"LoginNetworkMasks", "office", "InvalidParameter.LoginNetworkMasks.Format"},
		{"VerificationTypes", `["voice"]`, "InvalidParameter.VerificationTypes"},
		{"VerificationTypes", "sms", "InvalidParameter.VerificationTypes"},
	} {
		env.Fail(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{c.param: c.value, "EnableSaveMFATicket": "true"}, 400, c.code)
	}
	if got := env.Srv.AccountSecurityPreference(); !reflect.DeepEqual(jsonRoundTrip(t, got), wantDefaultPreference) {
		t.Fatalf("a refused SetSecurityPreference changed the preference: %v", got)
	}
	// Forty masks are accepted.
	env.OK(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{"LoginNetworkMasks": strings.TrimSuffix(forty, ";")})
}

// The four actions are authorized under RAM's codes on every resource of
// the account ("All Resources" in their tables): a RAM user needs them
// granted, on "*" as the references write it.
func TestAccountSettingsAuthorization(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	account := "acs:ram::" + ramsimtest.Account + ":*"
	for _, a := range []string{"GetPasswordPolicy", "SetPasswordPolicy", "GetSecurityPreference", "SetSecurityPreference"} {
		env.AsDenied(alice, ramsimtest.VIMS, a, nil, "ram:"+a, account)
	}
	env.Grant("User", "alice", "read-settings", `{"Version":"1","Statement":[{"Effect":"Allow",`+
		`"Action":["ram:GetPasswordPolicy","ram:GetSecurityPreference"],"Resource":"*"}]}`)
	env.AsOK(alice, ramsimtest.VIMS, "GetPasswordPolicy", nil)
	env.AsOK(alice, ramsimtest.VIMS, "GetSecurityPreference", nil)
	env.AsDenied(alice, ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{"MinimumPasswordLength": "8"}, "ram:SetPasswordPolicy", account)
	if got := env.Srv.AccountPasswordPolicy(); !reflect.DeepEqual(jsonRoundTrip(t, got), wantDefaultPolicy) {
		t.Fatalf("a refused call changed the policy: %v", got)
	}
}

// The settings survive a restart with a state file; a file of an account
// that never changed them has no entry for them.
func TestAccountSettingsPersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "frank"})
	if data, err := os.ReadFile(path); err != nil || strings.Contains(string(data), "accountSettings") {
		t.Fatalf("state file of an untouched account: %v\n%s", err, data)
	}
	env.OK(ramsimtest.VIMS, "SetPasswordPolicy", map[string]string{"MinimumPasswordLength": "20", "RequireSymbols": "true"})
	env.OK(ramsimtest.VIMS, "SetSecurityPreference", map[string]string{"LoginNetworkMasks": "10.0.0.0/8", "VerificationTypes": `["email"]`})
	again := ramsimtest.New(t, ramsim.Config{StatePath: path})
	if got := again.Srv.AccountPasswordPolicy(); got["MinimumPasswordLength"] != 20 || got["RequireSymbols"] != true {
		t.Fatalf("policy after reload: %v", got)
	}
	pref := jsonRoundTrip(t, again.Srv.AccountSecurityPreference())
	if ramsimtest.Str(pref, "LoginProfilePreference", "LoginNetworkMasks") != "10.0.0.0/8" ||
		!reflect.DeepEqual(ramsimtest.Field(pref, "VerificationPreference", "VerificationTypes"), []any{"email"}) {
		t.Fatalf("preference after reload: %v", pref)
	}
	again.Fail(ramsimtest.VRAM, "CreateLoginProfile", map[string]string{"UserName": "frank", "Password": "Long-enough-1"}, 400, "InvalidParameter.Password.TooWeak")
}

// jsonRoundTrip is v as a JSON answer decodes (numbers as float64).
func jsonRoundTrip(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
