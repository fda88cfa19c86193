// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Field rules, the same the provider checks at plan time. Each takes the
// parameter name so that UpdateUser reports New<Field> codes.
var (
	userNameChars   = regexp.MustCompile(`^[A-Za-z0-9._-]+$`) // also GroupName
	roleNameChars   = regexp.MustCompile(`^[A-Za-z0-9.-]+$`)
	policyNameChars = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	versionID       = regexp.MustCompile(`^v[1-9][0-9]{0,8}$`)
	mobilePhone     = regexp.MustCompile(`^[0-9]{1,4}-[0-9]{4,20}$`)
	emailAddress    = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// validateName: 1-maxLen characters matching chars; length is checked first,
// so an over-long name of bad characters reports Length.
func validateName(field, v string, maxLen int, chars *regexp.Regexp) *apiError {
	if n := utf8.RuneCountInString(v); n < 1 || n > maxLen {
		return errLength(field)
	}
	if !chars.MatchString(v) {
		return errInvalidChars(field)
	}
	return nil
}

// validateUserName: 1-64 characters of [A-Za-z0-9._-].
func validateUserName(field, v string) *apiError { return validateName(field, v, 64, userNameChars) }

// validateGroupName: 1-64 characters of [A-Za-z0-9._-].
func validateGroupName(field, v string) *apiError { return validateName(field, v, 64, userNameChars) }

// validateRoleName: 1-64 characters of [A-Za-z0-9.-].
func validateRoleName(field, v string) *apiError { return validateName(field, v, 64, roleNameChars) }

// validatePolicyName: PolicyName, 1-128 characters of [A-Za-z0-9-].
func validatePolicyName(v string) *apiError {
	return validateName("PolicyName", v, 128, policyNameChars)
}

// validateVersionID: "v" and a number, as the service issues them.
func validateVersionID(field, v string) *apiError {
	if !versionID.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateMaxLength: at most maxLen characters (an empty optional value is
// "not set" and passes).
func validateMaxLength(field, v string, maxLen int) *apiError {
	if utf8.RuneCountInString(v) > maxLen {
		return errLength(field)
	}
	return nil
}

// validateDescription: role and policy descriptions, at most 1024 characters.
func validateDescription(field, v string) *apiError { return validateMaxLength(field, v, 1024) }

// validateDisplayName: 1-128 characters, any script.
func validateDisplayName(field, v string) *apiError {
	if n := utf8.RuneCountInString(v); n < 1 || n > 128 {
		return errLength(field)
	}
	return nil
}

// validateMobilePhone: "<country code>-<number>", e.g. 86-18600008888.
func validateMobilePhone(field, v string) *apiError {
	if !mobilePhone.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateEmail: at most 128 characters, local@domain.tld.
func validateEmail(field, v string) *apiError {
	if utf8.RuneCountInString(v) > 128 || !emailAddress.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateComments: at most 128 characters (users and groups).
func validateComments(field, v string) *apiError { return validateMaxLength(field, v, 128) }

// validateTag applies IMS's tag rules (ims-20190815 TagResources model
// docs): the key is 1-128 characters, does not start with "aliyun" or
// "acs:", and neither key nor value (0-128 characters) contains "http://"
// or "https://".
func validateTag(key, value string) *apiError { return validateTagMax(key, value, 128) }

// validateResourceTag applies RAM's rules for role and policy tags
// (ram-20150501 TagResources): as IMS, but values up to 256 characters.
func validateResourceTag(key, value string) *apiError { return validateTagMax(key, value, 256) }

func validateTagMax(key, value string, maxValue int) *apiError {
	if n := utf8.RuneCountInString(key); n < 1 || n > 128 ||
		strings.HasPrefix(key, "aliyun") || strings.HasPrefix(key, "acs:") || hasURL(key) {
		return errIncorrect("Tag.Key")
	}
	if utf8.RuneCountInString(value) > maxValue || hasURL(value) {
		return errIncorrect("Tag.Value")
	}
	return nil
}

func hasURL(s string) bool {
	return strings.Contains(s, "http://") || strings.Contains(s, "https://")
}
