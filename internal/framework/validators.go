// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// The rules below are RAM's own (the CreateUser, CreatePolicy and CreateLoginProfile API references); checking them at
// plan time turns an apply-time InvalidParameter error into a plan error that
// names the attribute. Lengths count characters, as RAM does, not bytes.
var (
	userNamePattern    = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
	mobilePhonePattern = regexp.MustCompile(`^[0-9]{1,4}-[0-9]{4,20}$`)
	emailPattern       = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
	tagKeyReserved     = regexp.MustCompile(`^(?i:aliyun|acs:)`)
)

// MaxTagsPerUser is RAM's quota of tags on one user; roles and policies
// have the same quota.
const MaxTagsPerUser = 20

var policyNamePattern = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

// IsUserName reports whether s is a valid RAM user name, for IDs that do not
// pass through a schema validator (import).
func IsUserName(s string) bool {
	return utf8.RuneCountInString(s) <= 64 && userNamePattern.MatchString(s)
}

// IsPolicyName reports whether s is a valid policy name.
func IsPolicyName(s string) bool {
	return utf8.RuneCountInString(s) <= 128 && policyNamePattern.MatchString(s)
}

// UserName validates a RAM user name (logon name prefix).
func UserName() []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, 64),
		stringvalidator.RegexMatches(userNamePattern, "may contain only letters, digits, periods (.), hyphens (-) and underscores (_)"),
	}
}

// DisplayName validates a RAM user's display name.
func DisplayName() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, 128)}
}

// MobilePhone validates RAM's "<country code>-<number>" phone format.
func MobilePhone() []validator.String {
	return []validator.String{
		stringvalidator.RegexMatches(mobilePhonePattern, `must be "<country code>-<number>", for example "86-18600008888"`),
	}
}

// Email validates an e-mail address as RAM accepts it.
func Email() []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, 128),
		stringvalidator.RegexMatches(emailPattern, `must be an e-mail address such as "alice@example.com"`),
	}
}

// Comments validates a RAM comments field. An empty string is refused: RAM
// stores it as "not set", so it would read back as null and never converge;
// omit the attribute instead.
func Comments() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, 128)}
}

// UserTags validates the tags of a RAM user (IMS tag rules: values up to
// 128 characters).
func UserTags() []validator.Map {
	return tags(128)
}

// RAMTags validates the tags of a RAM role or policy (RAM tag rules: values
// up to 256 characters).
func RAMTags() []validator.Map {
	return tags(256)
}

func tags(maxValue int) []validator.Map {
	return []validator.Map{
		mapvalidator.SizeAtMost(MaxTagsPerUser),
		mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, 128), reservedTagPrefix{}),
		mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtMost(maxValue)),
	}
}

// PolicyName validates a custom policy name.
func PolicyName() []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, 128),
		stringvalidator.RegexMatches(policyNamePattern, "may contain only letters, digits and hyphens (-)"),
	}
}

// PolicyType validates a policy type.
func PolicyType() []validator.String {
	return []validator.String{stringvalidator.OneOf("System", "Custom")}
}

// Description validates a policy or role description.
func Description() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, 1024)}
}

// reservedTagPrefix refuses the tag key prefixes that Alibaba Cloud keeps for
// itself. The framework validators have no "does not match" form, and Go's
// regexp has no negative look-ahead, hence this small type.
type reservedTagPrefix struct{}

func (reservedTagPrefix) Description(context.Context) string {
	return `must not start with "aliyun" or "acs:"`
}

func (v reservedTagPrefix) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v reservedTagPrefix) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if key := req.ConfigValue.ValueString(); tagKeyReserved.MatchString(key) {
		resp.Diagnostics.AddAttributeError(req.Path, "Reserved tag key",
			fmt.Sprintf("Tag key %q %s: Alibaba Cloud reserves those prefixes for its own tags. Choose another key.", key, v.Description(ctx)))
	}
}
