// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "strings"

// Principal is the caller asking to assume a role, for evaluating trust
// policies: Type is RAM, Service or Federated; ID is an ARN such as
// acs:ram::123456789012:user/alice, a service such as ecs.aliyuncs.com, or
// an identity provider ARN.
type Principal struct {
	Type, ID string
}

// isAccountID reports whether s is a bare Alibaba Cloud account ID (UID).
func isAccountID(s string) bool {
	return s != "" && len(s) <= 32 && strings.Trim(s, "0123456789") == ""
}

// canonicalRAMPrincipal writes a bare account ID as the account's root ARN,
// the form RAM's console writes, so that the two spellings are equivalent.
func canonicalRAMPrincipal(id string) string {
	if isAccountID(id) {
		return "acs:ram::" + id + ":root"
	}
	return id
}

// matchPrincipal reports whether a statement's principals admit the caller.
// A RAM account root (acs:ram::<uid>:root) admits every user and role of
// that account, which is what trusting an account means in RAM. Service
// names are domain names and match case-insensitively; ARNs match
// case-sensitively; all allow wildcards.
func matchPrincipal(principals map[string][]string, caller Principal) bool {
	id := caller.ID
	if caller.Type == PrincipalRAM {
		id = canonicalRAMPrincipal(id)
	}
	for _, p := range principals[caller.Type] {
		switch caller.Type {
		case PrincipalService:
			if wildcardMatch(p, id, true) {
				return true
			}
		case PrincipalRAM:
			p = canonicalRAMPrincipal(p)
			if wildcardMatch(p, id, false) {
				return true
			}
			if account, ok := strings.CutSuffix(p, ":root"); ok && strings.HasPrefix(id, account+":") {
				return true
			}
		default:
			if wildcardMatch(p, id, false) {
				return true
			}
		}
	}
	return false
}
