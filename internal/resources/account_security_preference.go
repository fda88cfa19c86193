// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

var (
	_ resource.ResourceWithConfigure   = (*accountSettingResource[accountSecurityPreferenceModel, alicloud.SecurityPreference, *accountSecurityPreferenceModel])(nil)
	_ resource.ResourceWithImportState = (*accountSettingResource[accountSecurityPreferenceModel, alicloud.SecurityPreference, *accountSecurityPreferenceModel])(nil)
)

// The security preference's arguments, defaults and ranges are IMS
// SetSecurityPreference's.
const docSetSecurityPreference = "https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setsecuritypreference"

// defaultSecurityPreference holds SetSecurityPreference's documented
// defaults. The MFA methods (VerificationTypes) have none in the
// documentation, so they are not part of it.
var defaultSecurityPreference = alicloud.SecurityPreferenceInput{
	AllowUserToChangePassword: true, AllowUserToManageMFADevices: true, AllowUserToManagePersonalDingTalk: true,
	AllowUserToLoginWithPasskey: true, LoginSessionDuration: 6, MFAOperationForLogin: mfaIndependent,
	MaxIdleDaysForAccessKeys: 730, MaxIdleDaysForUsers: 730,
}

// MFAOperationForLogin's values.
const (
	mfaMandatory   = "mandatory"
	mfaIndependent = "independent"
	mfaAdaptive    = "adaptive"
)

// NewAccountSecurityPreferenceResource is the constructor the provider
// registers for mseram_account_security_preference.
func NewAccountSecurityPreferenceResource() resource.Resource {
	return &accountSettingResource[accountSecurityPreferenceModel, alicloud.SecurityPreference, *accountSecurityPreferenceModel]{base: base{typeName: "account_security_preference"}, setting: accountSetting[accountSecurityPreferenceModel, alicloud.SecurityPreference]{
		object: "the account's RAM security preference",
		description: "The security preference that governs the account's RAM users in the console: whether MFA is enforced at " +
			"logon, whether users may change their own password or manage their own AccessKeys and MFA devices, how long a console " +
			"session lasts and from which addresses users may log on. One per account: it always exists, so creating this resource " +
			"sets it, **every argument left out is set to RAM's default** (shown below; `verification_types` excepted: RAM " +
			"documents no default, so leaving it out keeps the account's value), and destroying it sets RAM's defaults again. " +
			"Defaults and ranges are those of IMS [SetSecurityPreference](" + docSetSecurityPreference + "), checked at plan time.",
		attributes: securityPreferenceAttributes,
		get:        (*alicloud.Client).GetSecurityPreference,
		set: func(c *alicloud.Client, ctx context.Context, m *accountSecurityPreferenceModel) (*alicloud.SecurityPreference, error) {
			return c.SetSecurityPreference(ctx, m.toAPI())
		},
		reset: func(c *alicloud.Client, ctx context.Context) error {
			_, err := c.SetSecurityPreference(ctx, defaultSecurityPreference)
			return err
		},
	}}
}

type accountSecurityPreferenceModel struct {
	ID                                types.String   `tfsdk:"id"`
	MFAOperationForLogin              types.String   `tfsdk:"mfa_operation_for_login"`
	EnableSaveMFATicket               types.Bool     `tfsdk:"enable_save_mfa_ticket"`
	VerificationTypes                 types.Set      `tfsdk:"verification_types"`
	AllowUserToChangePassword         types.Bool     `tfsdk:"allow_user_to_change_password"`
	AllowUserToManageAccessKeys       types.Bool     `tfsdk:"allow_user_to_manage_access_keys"`
	AllowUserToManageMFADevices       types.Bool     `tfsdk:"allow_user_to_manage_mfa_devices"`
	AllowUserToManagePersonalDingTalk types.Bool     `tfsdk:"allow_user_to_manage_personal_ding_talk"`
	AllowUserToLoginWithPasskey       types.Bool     `tfsdk:"allow_user_to_login_with_passkey"`
	LoginSessionDuration              types.Int64    `tfsdk:"login_session_duration"`
	LoginNetworkMasks                 types.Set      `tfsdk:"login_network_masks"`
	MaxIdleDaysForAccessKeys          types.Int64    `tfsdk:"max_idle_days_for_access_keys"`
	MaxIdleDaysForUsers               types.Int64    `tfsdk:"max_idle_days_for_users"`
	Timeouts                          timeouts.Value `tfsdk:"timeouts"`
}

func (m *accountSecurityPreferenceModel) setID(id string)              { m.ID = types.StringValue(id) }
func (m accountSecurityPreferenceModel) timeoutsValue() timeouts.Value { return m.Timeouts }

func (m *accountSecurityPreferenceModel) toAPI() alicloud.SecurityPreferenceInput {
	in := alicloud.SecurityPreferenceInput{
		EnableSaveMFATicket:               m.EnableSaveMFATicket.ValueBool(),
		AllowUserToChangePassword:         m.AllowUserToChangePassword.ValueBool(),
		AllowUserToLoginWithPasskey:       m.AllowUserToLoginWithPasskey.ValueBool(),
		AllowUserToManageAccessKeys:       m.AllowUserToManageAccessKeys.ValueBool(),
		AllowUserToManageMFADevices:       m.AllowUserToManageMFADevices.ValueBool(),
		AllowUserToManagePersonalDingTalk: m.AllowUserToManagePersonalDingTalk.ValueBool(),
		LoginSessionDuration:              int(m.LoginSessionDuration.ValueInt64()),
		MaxIdleDaysForAccessKeys:          int(m.MaxIdleDaysForAccessKeys.ValueInt64()),
		MaxIdleDaysForUsers:               int(m.MaxIdleDaysForUsers.ValueInt64()),
		MFAOperationForLogin:              m.MFAOperationForLogin.ValueString(),
		// Sorted, so the same set is always sent the same way; none (null)
		// is "", every address.
		LoginNetworkMasks: strings.Join(setStrings(m.LoginNetworkMasks), ";"),
	}
	// Unknown when left out of the configuration on create: not sent, the
	// account keeps its methods.
	if !m.VerificationTypes.IsUnknown() && !m.VerificationTypes.IsNull() {
		in.VerificationTypes = setStrings(m.VerificationTypes)
	}
	return in
}

func (m *accountSecurityPreferenceModel) fromAPI(p *alicloud.SecurityPreference) {
	lp := p.LoginProfilePreference
	m.EnableSaveMFATicket = types.BoolValue(lp.EnableSaveMFATicket)
	m.AllowUserToChangePassword = types.BoolValue(lp.AllowUserToChangePassword)
	m.AllowUserToLoginWithPasskey = types.BoolValue(lp.AllowUserToLoginWithPasskey)
	m.LoginSessionDuration = types.Int64Value(int64(lp.LoginSessionDuration))
	m.MFAOperationForLogin = types.StringValue(lp.MFAOperationForLogin)
	m.LoginNetworkMasks = types.SetNull(types.StringType)
	if lp.LoginNetworkMasks != "" {
		m.LoginNetworkMasks = stringSet(strings.Split(lp.LoginNetworkMasks, ";"))
	}
	m.AllowUserToManageAccessKeys = types.BoolValue(p.AccessKeyPreference.AllowUserToManageAccessKeys)
	m.AllowUserToManageMFADevices = types.BoolValue(p.MFAPreference.AllowUserToManageMFADevices)
	m.AllowUserToManagePersonalDingTalk = types.BoolValue(p.PersonalInfoPreference.AllowUserToManagePersonalDingTalk)
	m.MaxIdleDaysForAccessKeys = types.Int64Value(int64(p.MaxIdleDays.MaxIdleDaysForAccessKeys))
	m.MaxIdleDaysForUsers = types.Int64Value(int64(p.MaxIdleDays.MaxIdleDaysForUsers))
	m.VerificationTypes = stringSet(p.VerificationPreference.VerificationTypes)
}

// setStrings returns a known set's strings, sorted; nil for null or
// unknown.
func setStrings(s types.Set) []string {
	var out []string
	for _, e := range s.Elements() {
		if v, ok := e.(types.String); ok {
			out = append(out, v.ValueString())
		}
	}
	slices.Sort(out)
	return out
}

// stringSet is a set of the given strings (empty, not null, for none).
func stringSet(values []string) types.Set {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.SetValueMust(types.StringType, elems)
}

func securityPreferenceAttributes(context.Context) map[string]schema.Attribute {
	d := defaultSecurityPreference
	idleDays := int64validator.OneOf(90, 180, 365, 730)
	return map[string]schema.Attribute{
		"mfa_operation_for_login": schema.StringAttribute{
			MarkdownDescription: "When RAM users must pass multi-factor authentication (MFA) to log on to the console: " +
				"`mandatory` (every user, every logon), `independent` (as set for each user, e.g. by " +
				"`mfa_bind_required` of `mseram_login_profile`) or `adaptive` (only for logons RAM finds unusual). " +
				"It replaces the API's older `EnforceMFAForLogin` (`true` is `mandatory`). Default `" + d.MFAOperationForLogin + "`.",
			Optional:   true,
			Computed:   true,
			Default:    stringdefault.StaticString(d.MFAOperationForLogin),
			Validators: []validator.String{stringvalidator.OneOf(mfaMandatory, mfaIndependent, mfaAdaptive)},
		},
		"enable_save_mfa_ticket": boolSettingAttribute("Whether a user who passed MFA at logon may skip it on the same device "+
			"for the next seven days.", d.EnableSaveMFATicket),
		"verification_types": schema.SetAttribute{
			MarkdownDescription: "The MFA methods users may use besides an MFA device or app: `sms` (a text to the user's phone) " +
				"and `email`. An empty set allows neither. RAM documents no default: leaving it out keeps the account's current " +
				"methods, which the plan shows after the first apply, and destroying the resource leaves them as they are.",
			ElementType:   types.StringType,
			Optional:      true,
			Computed:      true,
			PlanModifiers: []planmodifier.Set{setplanmodifier.UseStateForUnknown()},
			Validators:    []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf("sms", "email"))},
		},
		"allow_user_to_change_password": boolSettingAttribute("Whether RAM users may change their own console password.",
			d.AllowUserToChangePassword),
		"allow_user_to_manage_access_keys": boolSettingAttribute("Whether RAM users may create, disable and delete their own "+
			"AccessKey pairs.", d.AllowUserToManageAccessKeys),
		"allow_user_to_manage_mfa_devices": boolSettingAttribute("Whether RAM users may bind and unbind their own MFA devices.",
			d.AllowUserToManageMFADevices),
		"allow_user_to_manage_personal_ding_talk": boolSettingAttribute("Whether RAM users may link and unlink their personal "+
			"DingTalk account.", d.AllowUserToManagePersonalDingTalk),
		"allow_user_to_login_with_passkey": boolSettingAttribute("Whether RAM users may log on to the console with a passkey.",
			d.AllowUserToLoginWithPasskey),
		"login_session_duration": intSettingAttribute("How many hours a console session of a RAM user lasts, 1–24.",
			d.LoginSessionDuration, int64validator.Between(1, 24)),
		"login_network_masks": schema.SetAttribute{
			MarkdownDescription: "The IP addresses or CIDR blocks (e.g. `10.0.0.0/8`) from which RAM users may log on to the " +
				"console, by password or single sign-on; API calls with AccessKeys are not affected. At most 40, " +
				"512 characters in all when joined with `;`. Leave it out to allow logons from any address (RAM's default); " +
				"an empty set is refused, so that a list that came out empty by mistake is not read as \"everywhere\". " +
				"RAM's reference shows IPv4 blocks only; whether it takes IPv6 is not documented.",
			ElementType: types.StringType,
			Optional:    true,
			Validators: []validator.Set{
				setvalidator.SizeBetween(1, maxLoginNetworkMasks),
				setvalidator.ValueStringsAre(ipOrCIDR{}),
				joinedLengthAtMost{limit: maxLoginNetworkMasksLength},
			},
		},
		"max_idle_days_for_access_keys": intSettingAttribute("How many days an AccessKey pair of a RAM user may go unused before "+
			"RAM disables it (the next day): 90, 180, 365 or 730.", d.MaxIdleDaysForAccessKeys, idleDays),
		"max_idle_days_for_users": intSettingAttribute("How many days a RAM user with console logon may go without logging on "+
			"(single sign-on excepted) before RAM disables the logon (the next day): 90, 180, 365 or 730.", d.MaxIdleDaysForUsers, idleDays),
	}
}

// LoginNetworkMasks' limits (SetSecurityPreference).
const (
	maxLoginNetworkMasks       = 40
	maxLoginNetworkMasksLength = 512
)

// ipOrCIDR accepts an IP address or a CIDR block.
type ipOrCIDR struct{}

func (ipOrCIDR) Description(context.Context) string {
	return "must be an IP address or a CIDR block"
}

func (v ipOrCIDR) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (ipOrCIDR) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if _, err := netip.ParsePrefix(s); err == nil {
		return
	}
	if _, err := netip.ParseAddr(s); err == nil {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Not an IP address or CIDR block",
		fmt.Sprintf("%q is neither an IP address (e.g. 192.168.1.10) nor a CIDR block (e.g. 10.0.0.0/8). "+
			"Write one address or block per element of the set.", s))
}

// joinedLengthAtMost bounds the length of a set's strings joined with ";",
// the form the API takes.
type joinedLengthAtMost struct{ limit int }

func (v joinedLengthAtMost) Description(context.Context) string {
	return fmt.Sprintf("joined with \";\", the values must be at most %d characters", v.limit)
}

func (v joinedLengthAtMost) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v joinedLengthAtMost) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	n := -1
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsUnknown() {
			return
		}
		n += len(s.ValueString()) + 1
	}
	if n > v.limit {
		resp.Diagnostics.AddAttributeError(req.Path, "Too many characters",
			fmt.Sprintf("Joined with \";\", as RAM takes them, these values are %d characters; RAM allows at most %d. "+
				"Use fewer or wider CIDR blocks.", n, v.limit))
	}
}
