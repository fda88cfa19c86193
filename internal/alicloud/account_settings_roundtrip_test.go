// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// The account-settings calls against the emulator: what Set sends, Get
// reads back; the emulator's refusals keep their codes and classes.
func TestAccountSettingsRoundTrip(t *testing.T) {
	_, c := emulated(t)
	ctx := context.Background()

	p, err := c.GetPasswordPolicy(ctx)
	if err != nil || *p != (alicloud.PasswordPolicy{MinimumPasswordLength: 8, InitialPasswordAge: 14}) {
		t.Fatalf("default policy %+v, %v", p, err)
	}
	want := alicloud.PasswordPolicy{MinimumPasswordLength: 16, RequireLowercaseCharacters: true, RequireUppercaseCharacters: true,
		RequireNumbers: true, RequireSymbols: true, HardExpire: true, MaxLoginAttemps: 5, PasswordReusePrevention: 4,
		MaxPasswordAge: 90, MinimumPasswordDifferentCharacter: 6, PasswordNotContainUserName: true, InitialPasswordAge: 7,
		InterceptRiskPasswordOnApi: true}
	if got, err := c.SetPasswordPolicy(ctx, want); err != nil || *got != want {
		t.Fatalf("SetPasswordPolicy = %+v, %v", got, err)
	}
	if got, err := c.GetPasswordPolicy(ctx); err != nil || *got != want {
		t.Fatalf("GetPasswordPolicy = %+v, %v", got, err)
	}
	bad := want
	bad.MaxPasswordAge = 1096
	_, err = c.SetPasswordPolicy(ctx, bad)
	wantErr(t, "MaxPasswordAge 1096", err, alicloud.ClassOther, "InvalidParameter.MaxPasswordAge.Range")

	in := alicloud.SecurityPreferenceInput{EnableSaveMFATicket: true, AllowUserToLoginWithPasskey: true,
		AllowUserToManageAccessKeys: true, LoginSessionDuration: 12, MaxIdleDaysForAccessKeys: 90, MaxIdleDaysForUsers: 180,
		LoginNetworkMasks: "10.0.0.0/8;192.168.0.0/16", MFAOperationForLogin: "mandatory", VerificationTypes: []string{"email"}}
	var wantPref alicloud.SecurityPreference
	lp := &wantPref.LoginProfilePreference
	lp.EnableSaveMFATicket, lp.AllowUserToLoginWithPasskey, lp.LoginSessionDuration = true, true, 12
	lp.LoginNetworkMasks, lp.MFAOperationForLogin = "10.0.0.0/8;192.168.0.0/16", "mandatory"
	wantPref.AccessKeyPreference.AllowUserToManageAccessKeys = true
	wantPref.MaxIdleDays.MaxIdleDaysForAccessKeys, wantPref.MaxIdleDays.MaxIdleDaysForUsers = 90, 180
	wantPref.VerificationPreference.VerificationTypes = []string{"email"}
	if got, err := c.SetSecurityPreference(ctx, in); err != nil || !reflect.DeepEqual(*got, wantPref) {
		t.Fatalf("SetSecurityPreference\n got %+v, %v\nwant %+v", got, err, wantPref)
	}
	// "" and an empty list clear; nil leaves the MFA methods alone.
	in.LoginNetworkMasks, in.VerificationTypes = "", nil
	lp.LoginNetworkMasks = ""
	if _, err := c.SetSecurityPreference(ctx, in); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetSecurityPreference(ctx); err != nil || !reflect.DeepEqual(*got, wantPref) {
		t.Fatalf("GetSecurityPreference\n got %+v, %v\nwant %+v", got, err, wantPref)
	}
	in.VerificationTypes = []string{}
	if got, err := c.SetSecurityPreference(ctx, in); err != nil || len(got.VerificationPreference.VerificationTypes) != 0 {
		t.Fatalf("clearing the MFA methods: %+v, %v", got, err)
	}
	in.LoginSessionDuration = 25
	_, err = c.SetSecurityPreference(ctx, in)
	wantErr(t, "LoginSessionDuration 25", err, alicloud.ClassOther, "InvalidParameter.LoginSessionDuration.Range")
}
