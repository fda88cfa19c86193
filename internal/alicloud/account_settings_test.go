// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

// passwordPolicyBody is GetPasswordPolicy's documented sample with two fields as
// strings, as a less careful server might send them.
func passwordPolicyBody() map[string]any {
	return map[string]any{
		"MinimumPasswordLength": 12, "RequireLowercaseCharacters": true, "RequireUppercaseCharacters": false,
		"RequireNumbers": "true", "RequireSymbols": false, "HardExpire": true, "MaxLoginAttemps": "5",
		"PasswordReusePrevention": 3, "MaxPasswordAge": 90, "MinimumPasswordDifferentCharacter": 4,
		"PasswordNotContainUserName": true, "InitialPasswordAge": 14, "InterceptRiskPasswordOnApi": false,
	}
}

var wantPasswordPolicy = PasswordPolicy{
	MinimumPasswordLength: 12, RequireLowercaseCharacters: true, RequireNumbers: true, HardExpire: true,
	MaxLoginAttemps: 5, PasswordReusePrevention: 3, MaxPasswordAge: 90, MinimumPasswordDifferentCharacter: 4,
	PasswordNotContainUserName: true, InitialPasswordAge: 14,
}

func TestGetPasswordPolicy(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"PasswordPolicy": passwordPolicyBody()}))
	p, err := testClient(t, f.URL).GetPasswordPolicy(context.Background())
	if err != nil || *p != wantPasswordPolicy {
		t.Fatalf("GetPasswordPolicy = %+v, %v", p, err)
	}
	if r := f.requests()[0]; r.Action != "GetPasswordPolicy" || r.Version != "2019-08-15" || r.RawQuery != "" {
		t.Errorf("request %s %s %q", r.Action, r.Version, r.RawQuery)
	}
}

// Every field is sent, false and 0 included, with the API's names.
func TestSetPasswordPolicySendsEveryField(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"PasswordPolicy": passwordPolicyBody()}))
	p, err := testClient(t, f.URL).SetPasswordPolicy(context.Background(), wantPasswordPolicy)
	if err != nil || *p != wantPasswordPolicy {
		t.Fatalf("SetPasswordPolicy = %+v, %v", p, err)
	}
	r := f.requests()[0]
	want := "HardExpire=true&InitialPasswordAge=14&InterceptRiskPasswordOnApi=false&MaxLoginAttemps=5&MaxPasswordAge=90&" +
		"MinimumPasswordDifferentCharacter=4&MinimumPasswordLength=12&PasswordNotContainUserName=true&PasswordReusePrevention=3&" +
		"RequireLowercaseCharacters=true&RequireNumbers=true&RequireSymbols=false&RequireUppercaseCharacters=false"
	if r.Action != "SetPasswordPolicy" || r.Version != "2019-08-15" || r.RawQuery != want {
		t.Errorf("request %s %s\n got %s\nwant %s", r.Action, r.Version, r.RawQuery, want)
	}
}

func TestSecurityPreference(t *testing.T) {
	body := map[string]any{"SecurityPreference": map[string]any{
		"LoginProfilePreference": map[string]any{
			"EnableSaveMFATicket": false, "AllowUserToChangePassword": true, "AllowUserToLoginWithPasskey": "true",
			"LoginSessionDuration": 6, "LoginNetworkMasks": "10.0.0.0/8", "MFAOperationForLogin": "adaptive",
			"OperationForRiskLogin": "autonomous", "EnforceMFAForLogin": false,
		},
		"AccessKeyPreference":    map[string]any{"AllowUserToManageAccessKeys": false},
		"MFAPreference":          map[string]any{"AllowUserToManageMFADevices": true},
		"PersonalInfoPreference": map[string]any{"AllowUserToManagePersonalDingTalk": true},
		"MaxIdleDays":            map[string]any{"MaxIdleDaysForAccessKeys": 730, "MaxIdleDaysForUsers": "365"},
		"VerificationPreference": map[string]any{"VerificationTypes": []any{"sms", "email"}},
	}}
	f := newFakeAPI(t, ok(body))
	c := testClient(t, f.URL)
	got, err := c.GetSecurityPreference(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var want SecurityPreference
	want.LoginProfilePreference.AllowUserToChangePassword = true
	want.LoginProfilePreference.AllowUserToLoginWithPasskey = true
	want.LoginProfilePreference.LoginSessionDuration = 6
	want.LoginProfilePreference.LoginNetworkMasks = "10.0.0.0/8"
	want.LoginProfilePreference.MFAOperationForLogin = "adaptive"
	want.MFAPreference.AllowUserToManageMFADevices = true
	want.PersonalInfoPreference.AllowUserToManagePersonalDingTalk = true
	want.MaxIdleDays.MaxIdleDaysForAccessKeys, want.MaxIdleDays.MaxIdleDaysForUsers = 730, 365
	want.VerificationPreference.VerificationTypes = []string{"sms", "email"}
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("GetSecurityPreference\n got %+v\nwant %+v", *got, want)
	}

	in := SecurityPreferenceInput{AllowUserToChangePassword: true, LoginSessionDuration: 6, MaxIdleDaysForAccessKeys: 730,
		MaxIdleDaysForUsers: 365, MFAOperationForLogin: "mandatory"}
	if _, err := c.SetSecurityPreference(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	in.VerificationTypes = []string{}
	if _, err := c.SetSecurityPreference(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	common := "AllowUserToChangePassword=true&AllowUserToLoginWithPasskey=false&AllowUserToManageAccessKeys=false&" +
		"AllowUserToManageMFADevices=false&AllowUserToManagePersonalDingTalk=false&EnableSaveMFATicket=false&" +
		"LoginNetworkMasks=&LoginSessionDuration=6&MFAOperationForLogin=mandatory&MaxIdleDaysForAccessKeys=730&MaxIdleDaysForUsers=365"
	// nil VerificationTypes is not sent; an empty list is, as "[]". The
	// empty LoginNetworkMasks is sent: it clears the masks.
	if r := reqs[1]; r.Action != "SetSecurityPreference" || r.Version != "2019-08-15" || r.RawQuery != common {
		t.Errorf("request %s %s\n got %s\nwant %s", r.Action, r.Version, r.RawQuery, common)
	}
	if r := reqs[2]; r.RawQuery != common+"&VerificationTypes=%5B%5D" {
		t.Errorf("with an empty list: %s", r.RawQuery)
	}
}

func TestAccountSettingsErrors(t *testing.T) {
	f := newFakeAPI(t, func(w http.ResponseWriter, _ seen, _ int) {
		apiError(w, 400, "InvalidParameter.MinimumPasswordLength.Range", `The parameter - "MinimumPasswordLength" MUST be in the range of 8 and 32.`)
	})
	_, err := testClient(t, f.URL).SetPasswordPolicy(context.Background(), PasswordPolicy{MinimumPasswordLength: 7})
	if ErrorCode(err) != "InvalidParameter.MinimumPasswordLength.Range" || f.count() != 1 {
		t.Fatalf("err %v after %d requests; a 400 is not retried", err, f.count())
	}
}
