// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Every object a test creates is named NamePrefix, eight random lowercase
// letters or digits of its Env, a hyphen, then the test's own name: tests
// running at once in one account never collide, and the sweepers find
// what a failed run left by the form alone. The prefix uses only
// characters that every RAM name allows (users, groups, roles and
// policies), and the same names are used on both backends, so a test
// behaves the same on each.
const NamePrefix = "tfacc-"

// nameTokenLen is the length of the random part.
const nameTokenLen = 8

// maxNameLen is the shortest of RAM's name limits among the objects tests
// create: a user, group or role name has 1 to 64 characters (a policy's,
// up to 128), of letters, digits, periods and hyphens among others.
// User: https://alibabacloud.com/help/en/ram/api-user-management-apis-createuser
// Group: https://www.alibabacloud.com/help/doc-detail/28700.html
// Role: https://alibabacloud.com/help/en/resource-management/api-createrole
const maxNameLen = 64

// testName matches the names the harness gives, and nothing else: the
// sweepers delete only what matches.
var testName = regexp.MustCompile(`^` + regexp.QuoteMeta(NamePrefix) + `[a-z0-9]{8}-.`)

// IsTestName reports whether name is one an acceptance test gave (by its
// form).
func IsTestName(name string) bool { return testName.MatchString(name) }

// newNamePrefix draws an Env's prefix.
func newNamePrefix() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, nameTokenLen)
	for i := range b {
		b[i] = alphabet[rand.IntN(len(alphabet))]
	}
	return NamePrefix + string(b) + "-"
}

// Prefix is what every name of this Env starts with.
func (e *Env) Prefix() string { return e.prefix }

// Name is base with this Env's prefix, the name to give a RAM object the
// test creates. The same base always gives the same name within an Env.
// A result longer than RAM allows any principal fails the test: use a
// shorter base, or a literal for a plan-only step that creates nothing.
func (e *Env) Name(base string) string {
	e.t.Helper()
	if base == "" || strings.HasPrefix(base, NamePrefix) {
		e.t.Fatalf("Name(%q): give the test's own short name, without the prefix", base)
	}
	n := e.prefix + base
	if utf8.RuneCountInString(n) > maxNameLen {
		e.t.Fatalf("Name(%q) is %d characters with the prefix, more than RAM's %d for a user, group or role name",
			base, utf8.RuneCountInString(n), maxNameLen)
	}
	return n
}

// mine reports whether name belongs to this Env: on the emulator, which
// the test owns, every object does; on a real account, only those with
// the Env's prefix.
func (e *Env) mine(name string) bool {
	return e.backend == BackendRamsim || strings.HasPrefix(name, e.prefix)
}

// Named is text (a configuration, usually) with each quoted base name
// ("alice") replaced by the quoted Name of that base, for configurations
// written as constants.
func (e *Env) Named(text string, bases ...string) string {
	e.t.Helper()
	pairs := make([]string, 0, 2*len(bases))
	for _, b := range bases {
		pairs = append(pairs, `"`+b+`"`, `"`+e.Name(b)+`"`)
	}
	return strings.NewReplacer(pairs...).Replace(text)
}
