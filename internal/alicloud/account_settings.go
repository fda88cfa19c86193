// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"strconv"
)

// The account's settings for RAM users, through IMS, where the current API
// references keep them with every field (RAM 2015-05-01's versions lack
// the newer ones):
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setpasswordpolicy
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setsecuritypreference

// PasswordPolicy is the password policy for RAM users, as GetPasswordPolicy
// answers it and SetPasswordPolicy takes it. MaxLoginAttemps is the API's
// own spelling.
type PasswordPolicy struct {
	MinimumPasswordLength             int  `json:",string"`
	RequireLowercaseCharacters        bool `json:",string"`
	RequireUppercaseCharacters        bool `json:",string"`
	RequireNumbers                    bool `json:",string"`
	RequireSymbols                    bool `json:",string"`
	HardExpire                        bool `json:",string"`
	MaxLoginAttemps                   int  `json:",string"`
	PasswordReusePrevention           int  `json:",string"`
	MaxPasswordAge                    int  `json:",string"`
	MinimumPasswordDifferentCharacter int  `json:",string"`
	PasswordNotContainUserName        bool `json:",string"`
	InitialPasswordAge                int  `json:",string"`
	InterceptRiskPasswordOnApi        bool `json:",string"`
}

func (c *Client) GetPasswordPolicy(ctx context.Context) (*PasswordPolicy, error) {
	var out struct{ PasswordPolicy PasswordPolicy }
	if err := c.callInto(ctx, ProductIMS, "GetPasswordPolicy", query{}, &out); err != nil {
		return nil, err
	}
	return &out.PasswordPolicy, nil
}

// SetPasswordPolicy sends every field of p, so the result does not depend
// on what the API does with a field left out (no document says), and
// returns the policy the API answers.
func (c *Client) SetPasswordPolicy(ctx context.Context, p PasswordPolicy) (*PasswordPolicy, error) {
	q := query{
		"MinimumPasswordLength":             strconv.Itoa(p.MinimumPasswordLength),
		"RequireLowercaseCharacters":        strconv.FormatBool(p.RequireLowercaseCharacters),
		"RequireUppercaseCharacters":        strconv.FormatBool(p.RequireUppercaseCharacters),
		"RequireNumbers":                    strconv.FormatBool(p.RequireNumbers),
		"RequireSymbols":                    strconv.FormatBool(p.RequireSymbols),
		"HardExpire":                        strconv.FormatBool(p.HardExpire),
		"MaxLoginAttemps":                   strconv.Itoa(p.MaxLoginAttemps),
		"PasswordReusePrevention":           strconv.Itoa(p.PasswordReusePrevention),
		"MaxPasswordAge":                    strconv.Itoa(p.MaxPasswordAge),
		"MinimumPasswordDifferentCharacter": strconv.Itoa(p.MinimumPasswordDifferentCharacter),
		"PasswordNotContainUserName":        strconv.FormatBool(p.PasswordNotContainUserName),
		"InitialPasswordAge":                strconv.Itoa(p.InitialPasswordAge),
		"InterceptRiskPasswordOnApi":        strconv.FormatBool(p.InterceptRiskPasswordOnApi),
	}
	var out struct{ PasswordPolicy PasswordPolicy }
	if err := c.callInto(ctx, ProductIMS, "SetPasswordPolicy", q, &out); err != nil {
		return nil, err
	}
	return &out.PasswordPolicy, nil
}

// SecurityPreference is the security preference for RAM users as
// GetSecurityPreference answers it: fields grouped by what they govern.
type SecurityPreference struct {
	LoginProfilePreference struct {
		EnableSaveMFATicket         bool `json:",string"`
		AllowUserToChangePassword   bool `json:",string"`
		AllowUserToLoginWithPasskey bool `json:",string"`
		LoginSessionDuration        int  `json:",string"`
		// LoginNetworkMasks are IP addresses or CIDR blocks separated by
		// ";"; "" allows console logon from any address.
		LoginNetworkMasks    string
		MFAOperationForLogin string
	}
	AccessKeyPreference struct {
		AllowUserToManageAccessKeys bool `json:",string"`
	}
	MFAPreference struct {
		AllowUserToManageMFADevices bool `json:",string"`
	}
	PersonalInfoPreference struct {
		AllowUserToManagePersonalDingTalk bool `json:",string"`
	}
	MaxIdleDays struct {
		MaxIdleDaysForAccessKeys int `json:",string"`
		MaxIdleDaysForUsers      int `json:",string"`
	}
	VerificationPreference struct {
		VerificationTypes []string
	}
}

// SecurityPreferenceInput is what SetSecurityPreference sends: every field,
// LoginNetworkMasks even when "" (which clears it); VerificationTypes only
// when non-nil (an empty list clears it).
type SecurityPreferenceInput struct {
	EnableSaveMFATicket, AllowUserToChangePassword, AllowUserToLoginWithPasskey bool
	AllowUserToManageAccessKeys, AllowUserToManageMFADevices                    bool
	AllowUserToManagePersonalDingTalk                                           bool
	LoginSessionDuration, MaxIdleDaysForAccessKeys, MaxIdleDaysForUsers         int
	LoginNetworkMasks, MFAOperationForLogin                                     string
	VerificationTypes                                                           []string
}

func (c *Client) GetSecurityPreference(ctx context.Context) (*SecurityPreference, error) {
	var out struct{ SecurityPreference SecurityPreference }
	if err := c.callInto(ctx, ProductIMS, "GetSecurityPreference", query{}, &out); err != nil {
		return nil, err
	}
	return &out.SecurityPreference, nil
}

// SetSecurityPreference returns the preference the API answers.
func (c *Client) SetSecurityPreference(ctx context.Context, in SecurityPreferenceInput) (*SecurityPreference, error) {
	q := query{
		"EnableSaveMFATicket":               strconv.FormatBool(in.EnableSaveMFATicket),
		"AllowUserToChangePassword":         strconv.FormatBool(in.AllowUserToChangePassword),
		"AllowUserToLoginWithPasskey":       strconv.FormatBool(in.AllowUserToLoginWithPasskey),
		"AllowUserToManageAccessKeys":       strconv.FormatBool(in.AllowUserToManageAccessKeys),
		"AllowUserToManageMFADevices":       strconv.FormatBool(in.AllowUserToManageMFADevices),
		"AllowUserToManagePersonalDingTalk": strconv.FormatBool(in.AllowUserToManagePersonalDingTalk),
		"LoginSessionDuration":              strconv.Itoa(in.LoginSessionDuration),
		"MaxIdleDaysForAccessKeys":          strconv.Itoa(in.MaxIdleDaysForAccessKeys),
		"MaxIdleDaysForUsers":               strconv.Itoa(in.MaxIdleDaysForUsers),
		"LoginNetworkMasks":                 in.LoginNetworkMasks,
		"MFAOperationForLogin":              in.MFAOperationForLogin,
	}
	if in.VerificationTypes != nil {
		// A JSON list, as the SDKs send it.
		q["VerificationTypes"] = jsonParam(in.VerificationTypes)
	}
	var out struct{ SecurityPreference SecurityPreference }
	if err := c.callInto(ctx, ProductIMS, "SetSecurityPreference", q, &out); err != nil {
		return nil, err
	}
	return &out.SecurityPreference, nil
}
