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
	userNameChars = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
	mobilePhone   = regexp.MustCompile(`^[0-9]{1,4}-[0-9]{4,20}$`)
	emailAddress  = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// validateUserName: 1-64 characters of [A-Za-z0-9._-]; length is checked
// first, so an over-long name of bad characters reports Length.
func validateUserName(field, v string) *apiError {
	if n := utf8.RuneCountInString(v); n < 1 || n > 64 {
		return errLength(field)
	}
	if !userNameChars.MatchString(v) {
		return errInvalidChars(field)
	}
	return nil
}

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

// validateComments: at most 128 characters.
func validateComments(field, v string) *apiError {
	if utf8.RuneCountInString(v) > 128 {
		return errLength(field)
	}
	return nil
}

// validateTag applies IMS's tag rules (ims-20190815 TagResources model
// docs): the key is 1-128 characters, does not start with "aliyun" or
// "acs:", and neither key nor value (0-128 characters) contains "http://"
// or "https://".
func validateTag(key, value string) *apiError {
	if n := utf8.RuneCountInString(key); n < 1 || n > 128 ||
		strings.HasPrefix(key, "aliyun") || strings.HasPrefix(key, "acs:") || hasURL(key) {
		return errIncorrect("Tag.Key")
	}
	if utf8.RuneCountInString(value) > 128 || hasURL(value) {
		return errIncorrect("Tag.Value")
	}
	return nil
}

func hasURL(s string) bool {
	return strings.Contains(s, "http://") || strings.Contains(s, "https://")
}
