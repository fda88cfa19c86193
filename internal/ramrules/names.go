// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramrules

import (
	"regexp"
	"unicode/utf8"
)

// Name is the rule for one kind of entity name: 1 to MaxLen characters
// (counted as characters, not bytes) of Chars.
type Name struct {
	MaxLen int
	Chars  *regexp.Regexp
	// CharsRule says which characters are allowed, for messages.
	CharsRule string
}

// The name rules. Users and groups share one; role names have no
// underscore; policy names only letters, digits and hyphens.
var (
	UserName = Name{MaxLen: 64, Chars: regexp.MustCompile(`^[A-Za-z0-9._-]+$`),
		CharsRule: "letters, digits, periods (.), hyphens (-) and underscores (_)"}
	GroupName = UserName
	RoleName  = Name{MaxLen: 64, Chars: regexp.MustCompile(`^[A-Za-z0-9.-]+$`),
		CharsRule: "letters, digits, periods (.) and hyphens (-)"}
	PolicyName = Name{MaxLen: 128, Chars: regexp.MustCompile(`^[A-Za-z0-9-]+$`),
		CharsRule: "letters, digits and hyphens (-)"}
)

// Problem is what is wrong with a value; the zero value means nothing.
type Problem int

const (
	OK        Problem = iota
	BadLength         // too short or too long
	BadChars          // a character outside the allowed set
	BadFormat         // not of the required shape
)

// Check reports the first problem of v: its length, then its characters
// (so an over-long name of bad characters reports its length, as RAM does).
func (n Name) Check(v string) Problem {
	if l := utf8.RuneCountInString(v); l < 1 || l > n.MaxLen {
		return BadLength
	}
	if !n.Chars.MatchString(v) {
		return BadChars
	}
	return OK
}

// Valid reports whether v satisfies the rule.
func (n Name) Valid(v string) bool { return n.Check(v) == OK }

// Lengths of free-text fields, in characters.
const (
	DisplayNameMaxLen = 128  // users: 1-128
	CommentsMaxLen    = 128  // users and groups
	DescriptionMaxLen = 1024 // roles and policies
	EmailMaxLen       = 128
)

// Contact formats of a user: "<country code>-<number>" and an e-mail
// address.
var (
	MobilePhone = regexp.MustCompile(`^[0-9]{1,4}-[0-9]{4,20}$`)
	Email       = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// PolicyVersionID is a policy version's id as RAM issues them: v1, v2, ...
var PolicyVersionID = regexp.MustCompile(`^v[1-9][0-9]{0,8}$`)

// A role's MaxSessionDuration, in seconds: 3600 to 43200, 3600 when not set.
const (
	MinRoleSessionDuration     = 3600
	MaxRoleSessionDuration     = 43200
	DefaultRoleSessionDuration = 3600
)
