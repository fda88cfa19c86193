// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"strings"
	"unicode/utf8"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// maxPolicyDocument is the documented limit on a policy document, in
// characters (ram-20150501 CreatePolicy; CreatePolicyVersion says bytes).
// Trust policies get the same limit (assumed).
const maxPolicyDocument = 6144

// checkPolicyDocument validates an identity policy (trust false) or a role
// trust policy (trust true) sent as param: over-long documents answer
// InvalidParameter.<param>.Length, invalid ones MalformedPolicyDocument with
// the validator's reason.
func checkPolicyDocument(param, doc string, trust bool) *wire.Error {
	if utf8.RuneCountInString(doc) > maxPolicyDocument {
		return errLength(param)
	}
	parse := parseIdentityPolicy
	if trust {
		parse = parseTrustPolicy
	}
	if err := parse(doc); err != nil {
		// policy joins every problem with newlines; one line reads better.
		return errMalformedPolicy(strings.ReplaceAll(err.Error(), "\n", "; "))
	}
	return nil
}

// parseIdentityPolicy and parseTrustPolicy are the validators of package
// policy, the same the provider uses at plan time.
var (
	parseIdentityPolicy = func(doc string) error { _, err := policy.Parse(doc); return err }
	parseTrustPolicy    = func(doc string) error { _, err := policy.ParseTrust(doc); return err }
)
