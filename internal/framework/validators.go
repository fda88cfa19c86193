// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-validators/mapvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// Schema validators for RAM's own rules, which internal/ramrules holds (the
// emulator checks the same ones): checking them at plan time turns an
// apply-time InvalidParameter error into a plan error that names the
// attribute. Lengths count characters, as RAM does, not bytes.

// name validates one kind of RAM name.
func name(rule ramrules.Name) []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, rule.MaxLen),
		stringvalidator.RegexMatches(rule.Chars, "may contain only "+rule.CharsRule),
	}
}

// UserName validates a RAM user name.
func UserName() []validator.String { return name(ramrules.UserName) }

// PolicyName validates a RAM policy name.
func PolicyName() []validator.String { return name(ramrules.PolicyName) }

// DisplayName validates a user's display name.
func DisplayName() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, ramrules.DisplayNameMaxLen)}
}

// MobilePhone validates "<country code>-<number>".
func MobilePhone() []validator.String {
	return []validator.String{
		stringvalidator.RegexMatches(ramrules.MobilePhone, `must be "<country code>-<number>", for example "86-18600008888"`),
	}
}

// Email validates an e-mail address.
func Email() []validator.String {
	return []validator.String{
		stringvalidator.UTF8LengthBetween(1, ramrules.EmailMaxLen),
		stringvalidator.RegexMatches(ramrules.Email, `must be an e-mail address such as "alice@example.com"`),
	}
}

// Comments validates a user's comments: 1–128 characters (an empty string
// never converges; omit the attribute instead).
func Comments() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, ramrules.CommentsMaxLen)}
}

// UserTags validates the tags of a user (IMS: values up to 128 characters).
func UserTags() []validator.Map { return tags(ramrules.UserTagValueMaxLen) }

// RAMTags validates the tags of a role or policy (RAM: values up to 256).
func RAMTags() []validator.Map { return tags(ramrules.RAMTagValueMaxLen) }

func tags(maxValue int) []validator.Map {
	return []validator.Map{
		mapvalidator.SizeAtMost(ramrules.MaxTagsPerResource),
		mapvalidator.KeysAre(stringvalidator.UTF8LengthBetween(1, ramrules.TagKeyMaxLen), tagRule{maxLen: ramrules.TagKeyMaxLen}),
		mapvalidator.ValueStringsAre(stringvalidator.UTF8LengthAtMost(maxValue), tagRule{value: true, maxLen: maxValue}),
	}
}

// PolicyType validates System or Custom.
func PolicyType() []validator.String {
	return []validator.String{stringvalidator.OneOf("System", "Custom")}
}

// Description validates a role's or policy's description: 1–1024
// characters.
func Description() []validator.String {
	return []validator.String{stringvalidator.UTF8LengthBetween(1, ramrules.DescriptionMaxLen)}
}

// tagRule applies ramrules' tag key or value rule beyond its length, which
// the length validator beside it reports in the framework's words.
type tagRule struct {
	value  bool
	maxLen int
}

func (v tagRule) Description(context.Context) string {
	if v.value {
		return fmt.Sprintf(`at most %d characters, without "http://" or "https://"`, v.maxLen)
	}
	return `1 to 128 characters, not starting with "aliyun" or "acs:", without "http://" or "https://"`
}

func (v tagRule) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v tagRule) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if n := utf8.RuneCountInString(s); n > v.maxLen || (!v.value && n < 1) {
		return
	}
	if v.value {
		if problem := ramrules.TagValueProblem(s, v.maxLen); problem != "" {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid tag value",
				fmt.Sprintf("A tag value %s (at most %d characters, no URL). Shorten or change it.", problem, v.maxLen))
		}
		return
	}
	if problem := ramrules.TagKeyProblem(s); problem != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid tag key",
			fmt.Sprintf("Tag key %q %s. Choose another key.", s, problem))
	}
}
