// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"reflect"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ims"
)

// The classic SDK's IMS types decode the account-settings answers: the
// password policy flat (with the API's MaxLoginAttemps spelling), the
// security preference nested in its preference objects, the MFA methods as
// a list. It sends VerificationTypes as a JSON list.
func TestConformanceAccountSettings(t *testing.T) {
	// Serial: startServer clears the proxy variables with t.Setenv.
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)

	setPolicy := ims.CreateSetPasswordPolicyRequest()
	setPolicy.MinimumPasswordLength = requests.NewInteger(14)
	setPolicy.RequireSymbols = requests.NewBoolean(true)
	setPolicy.HardExpire = requests.NewBoolean(true)
	setPolicy.MaxLoginAttemps = requests.NewInteger(5)
	setPolicy.MinimumPasswordDifferentCharacter = requests.NewInteger(6)
	setPolicy.PasswordNotContainUserName = requests.NewBoolean(true)
	set := ims.CreateSetPasswordPolicyResponse()
	if err := c.DoAction(setPolicy, set); err != nil {
		t.Fatal(err)
	}
	want := ims.PasswordPolicy{MinimumPasswordLength: 14, RequireSymbols: true, HardExpire: true, MaxLoginAttemps: 5,
		MinimumPasswordDifferentCharacter: 6, PasswordNotContainUserName: true}
	if set.PasswordPolicy != want || set.RequestId == "" {
		t.Fatalf("SetPasswordPolicy: %+v", set)
	}
	got := ims.CreateGetPasswordPolicyResponse()
	if err := c.DoAction(ims.CreateGetPasswordPolicyRequest(), got); err != nil || got.PasswordPolicy != want {
		t.Fatalf("GetPasswordPolicy: %+v %v", got.PasswordPolicy, err)
	}
	bad := ims.CreateSetPasswordPolicyRequest()
	bad.MinimumPasswordLength = requests.NewInteger(7)
	if err := c.DoAction(bad, ims.CreateSetPasswordPolicyResponse()); classicCode(t, err, 400) != "InvalidParameter.MinimumPasswordLength.Range" {
		t.Fatalf("MinimumPasswordLength 7: %v", err)
	}

	setPref := ims.CreateSetSecurityPreferenceRequest()
	setPref.AllowUserToManageAccessKeys = requests.NewBoolean(true)
	setPref.LoginSessionDuration = requests.NewInteger(12)
	setPref.LoginNetworkMasks = "10.0.0.0/8;192.168.0.0/16"
	setPref.MFAOperationForLogin = "adaptive"
	setPref.VerificationTypes = &[]string{"sms", "email"}
	if err := c.DoAction(setPref, ims.CreateSetSecurityPreferenceResponse()); err != nil {
		t.Fatal(err)
	}
	pref := ims.CreateGetSecurityPreferenceResponse()
	if err := c.DoAction(ims.CreateGetSecurityPreferenceRequest(), pref); err != nil {
		t.Fatal(err)
	}
	sp := pref.SecurityPreference
	wantLogin := ims.LoginProfilePreference{AllowUserToChangePassword: true, LoginSessionDuration: 12,
		LoginNetworkMasks: "10.0.0.0/8;192.168.0.0/16", MFAOperationForLogin: "adaptive", OperationForRiskLogin: "autonomous"}
	if sp.LoginProfilePreference != wantLogin || !sp.AccessKeyPreference.AllowUserToManageAccessKeys ||
		!sp.MFAPreference.AllowUserToManageMFADevices || !sp.PersonalInfoPreference.AllowUserToManagePersonalDingTalk ||
		!reflect.DeepEqual(sp.VerificationPreference.VerificationTypes, []string{"sms", "email"}) {
		t.Fatalf("GetSecurityPreference: %+v", sp)
	}
}
