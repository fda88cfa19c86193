// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"unicode/utf8"

	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Field rules: internal/ramrules holds them, and the provider checks the
// same at plan time. Each check takes the parameter name so that
// UpdateUser reports New<Field> codes.

// validateName answers a ramrules problem with RAM's error for field.
func validateName(field, v string, rule ramrules.Name) *wire.Error {
	switch rule.Check(v) {
	case ramrules.BadLength:
		return errLength(field)
	case ramrules.BadChars:
		return errInvalidChars(field)
	}
	return nil
}

func validateUserName(field, v string) *wire.Error { return validateName(field, v, ramrules.UserName) }
func validateGroupName(field, v string) *wire.Error {
	return validateName(field, v, ramrules.GroupName)
}
func validateRoleName(field, v string) *wire.Error { return validateName(field, v, ramrules.RoleName) }

// validatePolicyName checks PolicyName.
func validatePolicyName(v string) *wire.Error {
	return validateName("PolicyName", v, ramrules.PolicyName)
}

// validateVersionID: "v" and a number, as the service issues them.
func validateVersionID(field, v string) *wire.Error {
	if !ramrules.PolicyVersionID.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateMaxLength: at most maxLen characters (an empty optional value is
// "not set" and passes).
func validateMaxLength(field, v string, maxLen int) *wire.Error {
	if utf8.RuneCountInString(v) > maxLen {
		return errLength(field)
	}
	return nil
}

// validateDescription: role and policy descriptions.
func validateDescription(field, v string) *wire.Error {
	return validateMaxLength(field, v, ramrules.DescriptionMaxLen)
}

// validateDisplayName: 1 to DisplayNameMaxLen characters, any script.
func validateDisplayName(field, v string) *wire.Error {
	if n := utf8.RuneCountInString(v); n < 1 || n > ramrules.DisplayNameMaxLen {
		return errLength(field)
	}
	return nil
}

// validateMobilePhone: "<country code>-<number>", e.g. 86-18600008888.
func validateMobilePhone(field, v string) *wire.Error {
	if !ramrules.MobilePhone.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateEmail: at most EmailMaxLen characters, local@domain.tld.
func validateEmail(field, v string) *wire.Error {
	if utf8.RuneCountInString(v) > ramrules.EmailMaxLen || !ramrules.Email.MatchString(v) {
		return errFormat(field)
	}
	return nil
}

// validateComments: users' and groups' comments.
func validateComments(field, v string) *wire.Error {
	return validateMaxLength(field, v, ramrules.CommentsMaxLen)
}

// validateTag applies IMS's tag rules to a user's tag.
func validateTag(key, value string) *wire.Error {
	return validateTagMax(key, value, ramrules.UserTagValueMaxLen)
}

// validateResourceTag applies RAM's tag rules to a role's or policy's tag.
func validateResourceTag(key, value string) *wire.Error {
	return validateTagMax(key, value, ramrules.RAMTagValueMaxLen)
}

func validateTagMax(key, value string, maxValue int) *wire.Error {
	if ramrules.TagKeyProblem(key) != "" {
		return wire.Incorrect("Tag.Key")
	}
	if ramrules.TagValueProblem(value, maxValue) != "" {
		return wire.Incorrect("Tag.Value")
	}
	return nil
}
