// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"encoding/json"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// The account's settings for RAM users: the password policy (IMS
// GetPasswordPolicy / SetPasswordPolicy) and the security preference (IMS
// GetSecurityPreference / SetSecurityPreference). IMS is where the current
// API references put them, with fields RAM 2015-05-01 lacks
// (MinimumPasswordDifferentCharacter, MFAOperationForLogin, ...):
//   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setpasswordpolicy
//   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-getpasswordpolicy
//   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-setsecuritypreference
//   https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-getsecuritypreference
// Field names, ranges and defaults are those pages'. Every parameter of a
// Set action is optional; no document says whether one left out keeps its
// value or returns to its default: the emulator keeps it.

// accountSettings is what the Set actions changed; nil: never set, the
// defaults apply.
type accountSettings struct {
	PasswordPolicy     *passwordPolicyRecord     `json:"passwordPolicy,omitempty"`
	SecurityPreference *securityPreferenceRecord `json:"securityPreference,omitempty"`
}

// passwordPolicyRecord is the password policy as persisted. MaxLoginAttemps
// is the API's spelling.
type passwordPolicyRecord struct {
	MinimumPasswordLength             int  `json:"minimumPasswordLength"`
	RequireLowercaseCharacters        bool `json:"requireLowercaseCharacters"`
	RequireUppercaseCharacters        bool `json:"requireUppercaseCharacters"`
	RequireNumbers                    bool `json:"requireNumbers"`
	RequireSymbols                    bool `json:"requireSymbols"`
	HardExpire                        bool `json:"hardExpire"`
	MaxLoginAttemps                   int  `json:"maxLoginAttemps"`
	PasswordReusePrevention           int  `json:"passwordReusePrevention"`
	MaxPasswordAge                    int  `json:"maxPasswordAge"`
	MinimumPasswordDifferentCharacter int  `json:"minimumPasswordDifferentCharacter"`
	PasswordNotContainUserName        bool `json:"passwordNotContainUserName"`
	InitialPasswordAge                int  `json:"initialPasswordAge"`
	InterceptRiskPasswordOnApi        bool `json:"interceptRiskPasswordOnApi"`
}

// defaultPasswordPolicy is the policy of an account that never set one:
// SetPasswordPolicy's defaults (length 8, no character class, nothing
// limited, InitialPasswordAge 14), with Config.PasswordPolicy's choices.
func defaultPasswordPolicy(c PasswordPolicy) passwordPolicyRecord {
	return passwordPolicyRecord{
		MinimumPasswordLength:      c.MinimumPasswordLength,
		RequireLowercaseCharacters: c.RequireLowercaseCharacters,
		RequireUppercaseCharacters: c.RequireUppercaseCharacters,
		RequireNumbers:             c.RequireNumbers,
		RequireSymbols:             c.RequireSymbols,
		PasswordNotContainUserName: c.PasswordNotContainUserName,
		InitialPasswordAge:         14,
	}
}

// passwordPolicy is the account's current policy.
func (s *Service) passwordPolicy() passwordPolicyRecord {
	if p := s.st.settings.PasswordPolicy; p != nil {
		return *p
	}
	return defaultPasswordPolicy(s.cfg.PasswordPolicy)
}

// fields lists the policy's parameters with where each is kept and the
// values SetPasswordPolicy takes.
func (p *passwordPolicyRecord) fields() []setting {
	return []setting{
		intSetting("", "MinimumPasswordLength", &p.MinimumPasswordLength, 8, 32),
		boolSetting("", "RequireLowercaseCharacters", &p.RequireLowercaseCharacters),
		boolSetting("", "RequireUppercaseCharacters", &p.RequireUppercaseCharacters),
		boolSetting("", "RequireNumbers", &p.RequireNumbers),
		boolSetting("", "RequireSymbols", &p.RequireSymbols),
		boolSetting("", "HardExpire", &p.HardExpire),
		intSetting("", "MaxLoginAttemps", &p.MaxLoginAttemps, 0, 32),
		intSetting("", "PasswordReusePrevention", &p.PasswordReusePrevention, 0, 24),
		intSetting("", "MaxPasswordAge", &p.MaxPasswordAge, 0, 1095),
		intSetting("", "MinimumPasswordDifferentCharacter", &p.MinimumPasswordDifferentCharacter, 0, 8),
		boolSetting("", "PasswordNotContainUserName", &p.PasswordNotContainUserName),
		intSetting("", "InitialPasswordAge", &p.InitialPasswordAge, 0, 90),
		boolSetting("", "InterceptRiskPasswordOnApi", &p.InterceptRiskPasswordOnApi),
	}
}

// check applies the policy to a password being set for user (by
// CreateLoginProfile or UpdateLoginProfile). Every violation is
// InvalidParameter.Password.TooWeak, the one code RAM documents for it
// (https://www.alibabacloud.com/help/doc-detail/28754.htm). Passwords are
// at most 32 characters (the policy's upper bound; assumed to answer the
// same code). Which characters count as symbols is not documented: here
// anything that is not a letter or a digit. The policy's other fields
// (expiry, lockout, reuse, the initial password's age, risky passwords)
// concern console logons and password history, which the emulator does
// not have: they are kept and answered, not enforced.
func (p passwordPolicyRecord) check(user, password string) *wire.Error {
	runes := []rune(password)
	if len(runes) < p.MinimumPasswordLength || len(runes) > 32 {
		return errPasswordTooWeak()
	}
	var lower, upper, digit, symbol bool
	distinct := map[rune]bool{}
	for _, r := range runes {
		distinct[r] = true
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsDigit(r):
			digit = true
		default:
			symbol = true
		}
	}
	if (p.RequireLowercaseCharacters && !lower) || (p.RequireUppercaseCharacters && !upper) ||
		(p.RequireNumbers && !digit) || (p.RequireSymbols && !symbol) ||
		len(distinct) < p.MinimumPasswordDifferentCharacter ||
		(p.PasswordNotContainUserName && strings.Contains(strings.ToLower(password), strings.ToLower(user))) {
		return errPasswordTooWeak()
	}
	return nil
}

func (s *Service) getPasswordPolicy(*wire.Request) (map[string]any, *wire.Error) {
	p := s.passwordPolicy()
	return map[string]any{"PasswordPolicy": settingsWire(p.fields())}, nil
}

// setPasswordPolicy changes the parameters sent and answers the whole
// policy, as GetPasswordPolicy would.
func (s *Service) setPasswordPolicy(rq *wire.Request) (map[string]any, *wire.Error) {
	p := s.passwordPolicy()
	if err := applySettings(rq, p.fields()); err != nil {
		return nil, err
	}
	s.st.settings.PasswordPolicy = &p
	return map[string]any{"PasswordPolicy": settingsWire(p.fields())}, nil
}

// securityPreferenceRecord is the security preference as persisted.
type securityPreferenceRecord struct {
	EnableSaveMFATicket               bool   `json:"enableSaveMFATicket"`
	AllowUserToChangePassword         bool   `json:"allowUserToChangePassword"`
	AllowUserToLoginWithPasskey       bool   `json:"allowUserToLoginWithPasskey"`
	AllowUserToManageAccessKeys       bool   `json:"allowUserToManageAccessKeys"`
	AllowUserToManageMFADevices       bool   `json:"allowUserToManageMFADevices"`
	AllowUserToManagePersonalDingTalk bool   `json:"allowUserToManagePersonalDingTalk"`
	LoginSessionDuration              int    `json:"loginSessionDuration"`
	LoginNetworkMasks                 string `json:"loginNetworkMasks"`
	MFAOperationForLogin              string `json:"mfaOperationForLogin"`
	OperationForRiskLogin             string `json:"operationForRiskLogin"`
	MaxIdleDaysForAccessKeys          int    `json:"maxIdleDaysForAccessKeys"`
	MaxIdleDaysForUsers               int    `json:"maxIdleDaysForUsers"`
	// VerificationTypes has no documented default; an account that never
	// set it answers none.
	VerificationTypes []string `json:"verificationTypes"`
}

// defaultSecurityPreference holds SetSecurityPreference's documented
// defaults (OperationForRiskLogin's from GetSecurityPreference).
func defaultSecurityPreference() securityPreferenceRecord {
	return securityPreferenceRecord{
		AllowUserToChangePassword: true, AllowUserToLoginWithPasskey: true, AllowUserToManageMFADevices: true,
		AllowUserToManagePersonalDingTalk: true, LoginSessionDuration: 6, MFAOperationForLogin: "independent",
		OperationForRiskLogin: "autonomous", MaxIdleDaysForAccessKeys: 730, MaxIdleDaysForUsers: 730,
		VerificationTypes: []string{},
	}
}

func (s *Service) securityPreference() securityPreferenceRecord {
	if p := s.st.settings.SecurityPreference; p != nil {
		c := *p
		c.VerificationTypes = slices.Clone(p.VerificationTypes)
		return c
	}
	return defaultSecurityPreference()
}

// Groups of GetSecurityPreference's answer.
const (
	loginPreference = "LoginProfilePreference"
	idleDays        = "MaxIdleDays"
)

// The idle periods SetSecurityPreference takes, in days.
var idleDayChoices = []int{90, 180, 365, 730}

func (p *securityPreferenceRecord) fields() []setting {
	return []setting{
		boolSetting(loginPreference, "EnableSaveMFATicket", &p.EnableSaveMFATicket),
		boolSetting(loginPreference, "AllowUserToChangePassword", &p.AllowUserToChangePassword),
		boolSetting(loginPreference, "AllowUserToLoginWithPasskey", &p.AllowUserToLoginWithPasskey),
		intSetting(loginPreference, "LoginSessionDuration", &p.LoginSessionDuration, 1, 24),
		{group: loginPreference, name: "LoginNetworkMasks", str: &p.LoginNetworkMasks, valid: validLoginNetworkMasks},
		oneOfSetting(loginPreference, "MFAOperationForLogin", &p.MFAOperationForLogin, "mandatory", "independent", "adaptive"),
		oneOfSetting(loginPreference, "OperationForRiskLogin", &p.OperationForRiskLogin, "autonomous", "enforceVerify"),
		boolSetting("AccessKeyPreference", "AllowUserToManageAccessKeys", &p.AllowUserToManageAccessKeys),
		boolSetting("MFAPreference", "AllowUserToManageMFADevices", &p.AllowUserToManageMFADevices),
		boolSetting("PersonalInfoPreference", "AllowUserToManagePersonalDingTalk", &p.AllowUserToManagePersonalDingTalk),
		{group: idleDays, name: "MaxIdleDaysForAccessKeys", num: &p.MaxIdleDaysForAccessKeys, choices: idleDayChoices},
		{group: idleDays, name: "MaxIdleDaysForUsers", num: &p.MaxIdleDaysForUsers, choices: idleDayChoices},
	}
}

func (p *securityPreferenceRecord) wire() map[string]any {
	out := settingsWire(p.fields())
	// EnforceMFAForLogin is MFAOperationForLogin's older form ("mandatory"
	// is true); the classic SDK still reads it.
	if login, ok := out[loginPreference].(map[string]any); ok {
		login["EnforceMFAForLogin"] = p.MFAOperationForLogin == "mandatory"
	}
	out["VerificationPreference"] = map[string]any{"VerificationTypes": slices.Clone(p.VerificationTypes)}
	return out
}

func (s *Service) getSecurityPreference(*wire.Request) (map[string]any, *wire.Error) {
	p := s.securityPreference()
	return map[string]any{"SecurityPreference": p.wire()}, nil
}

// setSecurityPreference changes the parameters sent and answers the whole
// preference. EnforceMFAForLogin, which MFAOperationForLogin replaces, is
// still taken (true is "mandatory", false "independent"); when both are
// sent MFAOperationForLogin wins (no document says which does).
func (s *Service) setSecurityPreference(rq *wire.Request) (map[string]any, *wire.Error) {
	p := s.securityPreference()
	if _, ok := rq.Lookup("MFAOperationForLogin"); !ok {
		if v, ok := rq.Lookup("EnforceMFAForLogin"); ok && v != "" {
			enforce, err := rq.Boolean("EnforceMFAForLogin")
			if err != nil {
				return nil, err
			}
			p.MFAOperationForLogin = map[bool]string{true: "mandatory", false: "independent"}[enforce]
		}
	}
	if err := applySettings(rq, p.fields()); err != nil {
		return nil, err
	}
	if _, ok := rq.Lookup("VerificationTypes"); ok {
		types, err := verificationTypes(rq)
		if err != nil {
			return nil, err
		}
		p.VerificationTypes = types
	}
	s.st.settings.SecurityPreference = &p
	return map[string]any{"SecurityPreference": p.wire()}, nil
}

// verificationTypes reads VerificationTypes, a JSON list of MFA methods
// ("sms", "email": the reference's example and the methods the console
// offers); repeats count once. Another value, or a parameter that is not a
// JSON list of strings, answers InvalidParameter.VerificationTypes
// (assumed code).
func verificationTypes(rq *wire.Request) ([]string, *wire.Error) {
	var list []string
	if err := json.Unmarshal([]byte(rq.Get("VerificationTypes")), &list); err != nil {
		return nil, wire.Incorrect("VerificationTypes")
	}
	out := []string{}
	for _, v := range list {
		if !slices.Contains(verificationMethods, v) {
			return nil, wire.Incorrect("VerificationTypes")
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, nil
}

var verificationMethods = []string{"sms", "email"}

// validLoginNetworkMasks checks LoginNetworkMasks: "" (every address), or
// at most 40 masks separated by ";" and 512 characters in all
// (SetSecurityPreference). Each mask must be an IP address or a CIDR
// block; the reference shows only IPv4 blocks and does not say whether
// IPv6, spaces or an empty entry are accepted: the emulator takes IPv6 and
// refuses the others. The codes are assumed, in RAM's wording.
func validLoginNetworkMasks(v string) *wire.Error {
	if v == "" {
		return nil
	}
	masks := strings.Split(v, ";")
	if len(v) > 512 || len(masks) > 40 {
		return errLength("LoginNetworkMasks")
	}
	for _, m := range masks {
		if _, err := netip.ParsePrefix(m); err == nil {
			continue
		}
		if _, err := netip.ParseAddr(m); err != nil {
			return errFormat("LoginNetworkMasks")
		}
	}
	return nil
}

// setting is one parameter of a Set action and the field that keeps it:
// an integer in [lo, hi] or in choices, a boolean, or a string that valid
// accepts. group is the object of the Get answer it belongs in ("" at the
// top).
type setting struct {
	group, name string
	num         *int
	lo, hi      int
	choices     []int
	flag        *bool
	str         *string
	valid       func(string) *wire.Error
}

func intSetting(group, name string, ref *int, lo, hi int) setting {
	return setting{group: group, name: name, num: ref, lo: lo, hi: hi}
}

func boolSetting(group, name string, ref *bool) setting {
	return setting{group: group, name: name, flag: ref}
}

// oneOfSetting is a string parameter that takes only values; another answers
// InvalidParameter.<name> (assumed code).
func oneOfSetting(group, name string, ref *string, values ...string) setting {
	return setting{group: group, name: name, str: ref, valid: func(v string) *wire.Error {
		if !slices.Contains(values, v) {
			return wire.Incorrect(name)
		}
		return nil
	}}
}

// applySettings stores every parameter rq sends; an empty value counts as
// sent only for strings (it clears LoginNetworkMasks). The caller works on
// a copy, so an error leaves the account as it was.
func applySettings(rq *wire.Request, fields []setting) *wire.Error {
	for _, f := range fields {
		v, ok := rq.Lookup(f.name)
		if !ok || (v == "" && f.str == nil) {
			continue
		}
		switch {
		case f.flag != nil:
			b, err := rq.Boolean(f.name)
			if err != nil {
				return err
			}
			*f.flag = b
		case f.num != nil:
			n, err := strconv.Atoi(v)
			switch {
			case err != nil:
				return wire.Incorrect(f.name)
			case f.choices != nil && !slices.Contains(f.choices, n):
				return wire.Incorrect(f.name)
			case f.choices == nil && (n < f.lo || n > f.hi):
				return errRange(f.name, f.lo, f.hi)
			}
			*f.num = n
		default:
			if err := f.valid(v); err != nil {
				return err
			}
			*f.str = v
		}
	}
	return nil
}

// settingsWire is the Get answer's object: each field under its group.
func settingsWire(fields []setting) map[string]any {
	out := map[string]any{}
	groups := map[string]map[string]any{}
	for _, f := range fields {
		obj := out
		if f.group != "" {
			if groups[f.group] == nil {
				groups[f.group] = map[string]any{}
				out[f.group] = groups[f.group]
			}
			obj = groups[f.group]
		}
		switch {
		case f.flag != nil:
			obj[f.name] = *f.flag
		case f.num != nil:
			obj[f.name] = *f.num
		default:
			obj[f.name] = *f.str
		}
	}
	return out
}

// errRange answers an integer outside its documented range. RAM's error
// reference documents it for MinimumPasswordLength
// (InvalidParameter.MinimumPasswordLength.Range, "MUST be in the range of 8
// and 32": https://www.alibabacloud.com/help/doc-detail/28754.htm); the
// other parameters are assumed to answer in the same form.
func errRange(name string, lo, hi int) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter."+name+".Range",
		"The parameter - %q MUST be in the range of %d and %d.", name, lo, hi)
}

// AccountPasswordPolicy returns the current password policy as
// GetPasswordPolicy answers it, for tests.
func (s *Service) AccountPasswordPolicy() map[string]any {
	p := s.passwordPolicy()
	return settingsWire(p.fields())
}

// AccountSecurityPreference returns the current security preference as
// GetSecurityPreference answers it, for tests.
func (s *Service) AccountSecurityPreference() map[string]any {
	p := s.securityPreference()
	return p.wire()
}

// persisted is what the state file keeps: nil while nothing was set, so
// the file of an account that never changed its settings is unchanged.
func (a *accountSettings) persisted() *accountSettings {
	if a.PasswordPolicy == nil && a.SecurityPreference == nil {
		return nil
	}
	return a
}
