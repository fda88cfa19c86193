// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"strings"
)

// Validate checks a document against the rules for kind and returns every
// problem found (nil if none). Parse and ParseTrust call it; call it on a
// Document built in Go before rendering it. It does not check
// MaxDocumentLength, which applies to the text sent: check the length of
// what you send.
func (d *Document) Validate(kind Kind) error {
	var p problems
	d.validate(kind, nil, &p)
	return p.err(d)
}

func (d *Document) validate(kind Kind, broken brokenElements, p *problems) {
	switch {
	case broken.has(-1, elemVersion):
	case d.Version == "":
		p.add(-1, elemVersion, "is required and must be %q", Version)
	case d.Version != Version:
		p.add(-1, elemVersion, "must be %q, got %q", Version, d.Version)
	}
	if len(d.Statements) == 0 && !broken.has(-1, elemStatement) {
		p.add(-1, elemStatement, "must contain at least one statement")
	}
	sids := map[string]int{}
	for i := range d.Statements {
		if broken.has(i, "") {
			continue
		}
		s := &d.Statements[i]
		if s.Sid != "" {
			if j, dup := sids[s.Sid]; dup {
				p.add(i, elemSid, "%q is also the Sid of statement %d; Sids must be unique", s.Sid, j)
			} else {
				sids[s.Sid] = i
			}
		}
		s.validate(i, kind, func(e string) bool { return broken.has(i, e) }, p)
	}
}

// validate checks one statement. broken reports elements that were present
// in the JSON but undecodable (already reported), so that "is required" is
// not said of them too.
func (s *Statement) validate(i int, kind Kind, broken func(string) bool, p *problems) {
	switch {
	case broken(elemEffect):
	case s.Effect == "":
		p.add(i, elemEffect, `is required ("Allow" or "Deny")`)
	case !validEffect(s.Effect):
		p.add(i, elemEffect, `must be "Allow" or "Deny", got %q%s`, s.Effect, suggest(s.Effect, effects))
	}

	hasAction := len(s.Actions) > 0 || broken(elemAction)
	hasNotAction := len(s.NotActions) > 0 || broken(elemNotAction)
	switch {
	case hasAction && hasNotAction:
		p.add(i, elemAction, "Action and NotAction cannot both be set")
	case !hasAction && !hasNotAction:
		p.add(i, elemAction, "one of Action or NotAction is required")
	}
	for _, a := range s.Actions {
		checkAction(i, elemAction, a, kind, p)
	}
	for _, a := range s.NotActions {
		checkAction(i, elemNotAction, a, Identity, p)
	}

	if len(s.Resources) == 0 && kind == Identity && !broken(elemResource) {
		p.add(i, elemResource, "is required")
	}
	for _, r := range s.Resources {
		checkResource(i, r, p)
	}

	switch {
	case kind == Trust && len(s.NotActions) > 0:
		p.add(i, elemNotAction, "a trust policy grants %q with Action, not NotAction", ActionAssumeRole)
	case kind == Identity && s.Principals != nil && !broken(elemPrincipal):
		p.add(i, elemPrincipal, "is only allowed in a role's trust policy, not in an identity policy: a Principal says who may "+
			"assume a role, while a policy attached to a user, group or role applies to that principal itself. Use this "+
			"document as the role's trust policy (mseram_role.assume_role_policy_document), or remove Principal")
	}
	if kind == Trust && len(s.Principals) == 0 && !broken(elemPrincipal) {
		p.add(i, elemPrincipal, "is required in a trust policy")
	}
	checkPrincipals(i, s.Principals, p)

	checkConditions(i, s.Conditions, p)
}

// effects are the values of Effect. RAM's grammar gives exactly these two
// strings, ("Allow" | "Deny"), and "Policy elements" lists Allow and Deny as
// the valid values ("Policy structure and syntax",
// https://www.alibabacloud.com/help/doc-detail/93739.htm; "Policy elements",
// https://www.alibabacloud.com/help/doc-detail/93738.htm). Another case
// ("allow") is outside the grammar and refused, with a suggestion.
var effects = []string{EffectAllow, EffectDeny}

func validEffect(e string) bool { return e == EffectAllow || e == EffectDeny }

// checkAction accepts "*" and "<service>:<action>", either part with
// wildcards. In a trust policy every action must cover sts:AssumeRole.
func checkAction(i int, element, a string, kind Kind, p *problems) {
	if a != "*" {
		service, action, ok := strings.Cut(a, ":")
		if !ok || !validCode(service) || !validName(action) || strings.Contains(action, ":") {
			p.add(i, element, `%q is not of the form <service>:<action> (such as "mse:GetNacosConfig") or "*"`, a)
			return
		}
	}
	if kind == Trust && !MatchAction(a, ActionAssumeRole) {
		p.add(i, element, "a trust policy may only grant %q, got %q", ActionAssumeRole, a)
	}
}

// checkResource accepts "*" and acs:<service>:<region>:<account>:<relative>.
// Region and account may be empty or "*"; the relative part may contain
// colons (OSS object keys, Nacos DataIds).
func checkResource(i int, r string, p *problems) {
	if r == "*" {
		return
	}
	parts := strings.SplitN(r, ":", 5)
	if len(parts) != 5 || parts[0] != "acs" || !validCode(parts[1]) || parts[4] == "" || strings.TrimSpace(r) != r {
		p.add(i, elemResource, `%q is not an ARN of the form acs:<service>:<region>:<account-id>:<resource> (such as "acs:mse:*:*:instance/mse-cn-xxx") or "*"`, r)
	}
}

// validCode reports whether s can be a service code ("mse", "yundun-greenweb",
// "ecs*"): letters, digits, '-', '_' and wildcards.
func validCode(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !isCodeRune(c) {
			return false
		}
	}
	return true
}

// isCodeRune reports whether c may appear in a service code: an ASCII letter
// or digit, '-', '_' or a wildcard.
func isCodeRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_*?", c)
}

// validName reports whether s can be a name after "service:": non-empty and
// free of whitespace and control characters.
func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

// checkPrincipals checks trust policy principals: known types, and ARNs where
// RAM and Federated expect them. A RAM principal may also be a bare account
// ID, which means that account's root (see canonicalPrincipal).
//
// An empty list ("Service": []) is accepted, with a warning: no document
// forbids it, and public modules send it whenever their list variable is
// left at its default (alibabacloud-automation/terraform-alicloud-ram,
// ram-assumable-roles, "Service": ${jsonencode(var.trusted_role_services)}).
// It names no one, which is what it means in evaluation too.
func checkPrincipals(i int, principals map[string][]string, p *problems) {
	for _, typ := range sortedKeys(principals) {
		element := joinElement(elemPrincipal, typ)
		if !contains(principalTypes, typ) {
			p.add(i, elemPrincipal, "unknown principal type %q; use RAM, Service or Federated", typ)
			continue
		}
		for _, id := range principals[typ] {
			ok := validName(id)
			switch typ {
			case PrincipalRAM:
				ok = ok && (strings.HasPrefix(id, "acs:ram:") || isAccountID(id))
			case PrincipalFederated:
				ok = ok && strings.HasPrefix(id, "acs:ram:")
			}
			if !ok {
				p.add(i, element, "%q is not a valid %s principal", id, typ)
			}
		}
	}
}

// checkConditions checks operators, keys and values. Keys are compared
// case-insensitively (as RAM evaluates them), so one key written twice in
// different case under one operator is reported rather than silently ANDed.
//
// A key not of the documented form acs:<name> or <service>:<name> (such as
// "Action") is accepted with a warning: "Policy elements"
// (https://www.alibabacloud.com/help/doc-detail/93738.htm) describes the two
// forms, but does not say RAM refuses others, and policies in use today
// write keys such as "Action" under StringNotLike. No request carries such a
// key, so it is evaluated as missing (see Document.Warnings).
func checkConditions(i int, conds []Condition, p *problems) {
	seen := map[string]bool{}
	for _, c := range conds {
		spec, known := operators[c.Operator]
		if !known {
			p.add(i, elemCondition, "unknown operator %q%s; RAM supports String*, Numeric*, Date*, Bool, IpAddress and NotIpAddress, each also with the suffix IfExists", c.Operator, suggest(c.Operator, operatorNames))
		}
		element := joinElement(elemCondition, c.Operator)
		id := c.Operator + "\x00" + strings.ToLower(c.Key)
		if seen[id] {
			p.add(i, element, "condition key %q appears more than once (keys are case-insensitive)", c.Key)
		}
		seen[id] = true
		element = joinElement(element, c.Key)
		if len(c.Values) == 0 {
			p.add(i, element, "must have at least one value")
		}
		if !known {
			continue
		}
		for _, v := range c.Values {
			if msg := spec.family.check(v); msg != "" {
				p.add(i, element, "%q %s", v, msg)
			}
		}
		if spec.family == familyIP && strings.EqualFold(c.Key, KeySourceIP) && len(c.Values) == 1 && isHostCIDR(c.Values[0]) {
			p.add(i, element, "%q: a single acs:SourceIp value must be the address itself (%s), not a CIDR block of one address", c.Values[0], hostOf(c.Values[0]))
		}
	}
}

// validConditionKey reports whether k has the documented form
// <service>:<name> (acs:<name> for the global keys).
func validConditionKey(k string) bool {
	prefix, name, ok := strings.Cut(k, ":")
	return ok && validCode(prefix) && validName(name)
}
