// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

var (
	_ resource.ResourceWithConfigure   = (*accountSettingResource[accountPasswordPolicyModel, alicloud.PasswordPolicy, *accountPasswordPolicyModel])(nil)
	_ resource.ResourceWithImportState = (*accountSettingResource[accountPasswordPolicyModel, alicloud.PasswordPolicy, *accountPasswordPolicyModel])(nil)
)

// The password policy's defaults and ranges are IMS SetPasswordPolicy's:
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setpasswordpolicy
const docSetPasswordPolicy = "https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setpasswordpolicy"

// defaultPasswordPolicy is RAM's policy for an account that never set one:
// at least 8 characters, nothing else required or limited, initial
// passwords valid for 14 days.
var defaultPasswordPolicy = alicloud.PasswordPolicy{MinimumPasswordLength: 8, InitialPasswordAge: 14}

// NewAccountPasswordPolicyResource is the constructor the provider
// registers for mseram_account_password_policy.
func NewAccountPasswordPolicyResource() resource.Resource {
	return &accountSettingResource[accountPasswordPolicyModel, alicloud.PasswordPolicy, *accountPasswordPolicyModel]{base: base{typeName: "account_password_policy"}, setting: accountSetting[accountPasswordPolicyModel, alicloud.PasswordPolicy]{
		object: "the account's RAM password policy",
		description: "The password policy for the console passwords of the account's RAM users: length, character classes, " +
			"expiry, reuse and lockout. One per account: it always exists, so creating this resource sets it, **every argument left " +
			"out is set to RAM's default** (shown below), and destroying it sets RAM's defaults again. RAM checks the policy when " +
			"a password is set (`mseram_login_profile`), not for passwords already set. Defaults and ranges are those of IMS " +
			"[SetPasswordPolicy](" + docSetPasswordPolicy + "), checked at plan time.",
		attributes: passwordPolicyAttributes,
		get:        (*alicloud.Client).GetPasswordPolicy,
		set: func(c *alicloud.Client, ctx context.Context, m *accountPasswordPolicyModel) (*alicloud.PasswordPolicy, error) {
			return c.SetPasswordPolicy(ctx, m.toAPI())
		},
		reset: func(c *alicloud.Client, ctx context.Context) error {
			_, err := c.SetPasswordPolicy(ctx, defaultPasswordPolicy)
			return err
		},
	}}
}

type accountPasswordPolicyModel struct {
	ID                                types.String   `tfsdk:"id"`
	MinimumPasswordLength             types.Int64    `tfsdk:"minimum_password_length"`
	RequireLowercaseCharacters        types.Bool     `tfsdk:"require_lowercase_characters"`
	RequireUppercaseCharacters        types.Bool     `tfsdk:"require_uppercase_characters"`
	RequireNumbers                    types.Bool     `tfsdk:"require_numbers"`
	RequireSymbols                    types.Bool     `tfsdk:"require_symbols"`
	MinimumPasswordDifferentCharacter types.Int64    `tfsdk:"minimum_password_different_character"`
	PasswordNotContainUserName        types.Bool     `tfsdk:"password_not_contain_user_name"`
	MaxPasswordAge                    types.Int64    `tfsdk:"max_password_age"`
	HardExpiry                        types.Bool     `tfsdk:"hard_expiry"`
	PasswordReusePrevention           types.Int64    `tfsdk:"password_reuse_prevention"`
	MaxLoginAttempts                  types.Int64    `tfsdk:"max_login_attempts"`
	InitialPasswordAge                types.Int64    `tfsdk:"initial_password_age"`
	InterceptRiskPasswordOnAPI        types.Bool     `tfsdk:"intercept_risk_password_on_api"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

func (m *accountPasswordPolicyModel) setID(id string)              { m.ID = types.StringValue(id) }
func (m accountPasswordPolicyModel) timeoutsValue() timeouts.Value { return m.Timeouts }

func (m *accountPasswordPolicyModel) toAPI() alicloud.PasswordPolicy {
	return alicloud.PasswordPolicy{
		MinimumPasswordLength:             int(m.MinimumPasswordLength.ValueInt64()),
		RequireLowercaseCharacters:        m.RequireLowercaseCharacters.ValueBool(),
		RequireUppercaseCharacters:        m.RequireUppercaseCharacters.ValueBool(),
		RequireNumbers:                    m.RequireNumbers.ValueBool(),
		RequireSymbols:                    m.RequireSymbols.ValueBool(),
		HardExpire:                        m.HardExpiry.ValueBool(),
		MaxLoginAttemps:                   int(m.MaxLoginAttempts.ValueInt64()),
		PasswordReusePrevention:           int(m.PasswordReusePrevention.ValueInt64()),
		MaxPasswordAge:                    int(m.MaxPasswordAge.ValueInt64()),
		MinimumPasswordDifferentCharacter: int(m.MinimumPasswordDifferentCharacter.ValueInt64()),
		PasswordNotContainUserName:        m.PasswordNotContainUserName.ValueBool(),
		InitialPasswordAge:                int(m.InitialPasswordAge.ValueInt64()),
		InterceptRiskPasswordOnApi:        m.InterceptRiskPasswordOnAPI.ValueBool(),
	}
}

func (m *accountPasswordPolicyModel) fromAPI(p *alicloud.PasswordPolicy) {
	m.MinimumPasswordLength = types.Int64Value(int64(p.MinimumPasswordLength))
	m.RequireLowercaseCharacters = types.BoolValue(p.RequireLowercaseCharacters)
	m.RequireUppercaseCharacters = types.BoolValue(p.RequireUppercaseCharacters)
	m.RequireNumbers = types.BoolValue(p.RequireNumbers)
	m.RequireSymbols = types.BoolValue(p.RequireSymbols)
	m.HardExpiry = types.BoolValue(p.HardExpire)
	m.MaxLoginAttempts = types.Int64Value(int64(p.MaxLoginAttemps))
	m.PasswordReusePrevention = types.Int64Value(int64(p.PasswordReusePrevention))
	m.MaxPasswordAge = types.Int64Value(int64(p.MaxPasswordAge))
	m.MinimumPasswordDifferentCharacter = types.Int64Value(int64(p.MinimumPasswordDifferentCharacter))
	m.PasswordNotContainUserName = types.BoolValue(p.PasswordNotContainUserName)
	m.InitialPasswordAge = types.Int64Value(int64(p.InitialPasswordAge))
	m.InterceptRiskPasswordOnAPI = types.BoolValue(p.InterceptRiskPasswordOnApi)
}

func passwordPolicyAttributes(context.Context) map[string]schema.Attribute {
	d := defaultPasswordPolicy
	return map[string]schema.Attribute{
		"minimum_password_length": intSettingAttribute(
			"The minimum number of characters in a password, 8–32 (RAM allows at most 32 characters in any password).",
			d.MinimumPasswordLength, int64validator.Between(8, 32)),
		"require_lowercase_characters": boolSettingAttribute("Whether a password must contain a lowercase letter.", d.RequireLowercaseCharacters),
		"require_uppercase_characters": boolSettingAttribute("Whether a password must contain an uppercase letter.", d.RequireUppercaseCharacters),
		"require_numbers":              boolSettingAttribute("Whether a password must contain a digit.", d.RequireNumbers),
		"require_symbols": boolSettingAttribute("Whether a password must contain a special character (RAM's references do not list "+
			"which characters count).", d.RequireSymbols),
		"minimum_password_different_character": intSettingAttribute(
			"The minimum number of different characters in a password, 0–8; `0` sets no minimum.",
			d.MinimumPasswordDifferentCharacter, int64validator.Between(0, 8)),
		"password_not_contain_user_name": boolSettingAttribute("Whether a password must not contain the user's name.", d.PasswordNotContainUserName),
		"max_password_age": intSettingAttribute(
			"How many days a password stays valid, 0–1095; `0` means passwords never expire.",
			d.MaxPasswordAge, int64validator.Between(0, 1095)),
		"hard_expiry": boolSettingAttribute("What happens when a password expires (`max_password_age`): `false`, the user changes it "+
			"at the next logon; `true`, the user cannot log on until an administrator resets it. The API calls it `HardExpire`.",
			d.HardExpire),
		"password_reuse_prevention": intSettingAttribute(
			"How many of a user's previous passwords cannot be used again, 0–24; `0` allows reuse.",
			d.PasswordReusePrevention, int64validator.Between(0, 24)),
		"max_login_attempts": intSettingAttribute(
			"How many wrong passwords in a row lock the user out for one hour, 0–32; `0` sets no limit. "+
				"The API spells it `MaxLoginAttemps`.",
			d.MaxLoginAttemps, int64validator.Between(0, 32)),
		"initial_password_age": intSettingAttribute(
			"How many days the initial password of a new console logon stays valid, 0–90; `0` sets no limit.",
			d.InitialPasswordAge, int64validator.Between(0, 90)),
		"intercept_risk_password_on_api": boolSettingAttribute("Whether RAM refuses passwords it considers at risk (for instance "+
			"known to be leaked) when they are set through the API. The emulator ramsim stores this and does not check it.",
			d.InterceptRiskPasswordOnApi),
	}
}
