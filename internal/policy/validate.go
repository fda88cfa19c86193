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
	switch _, ok := normalEffect(s.Effect); {
	case broken(elemEffect):
	case s.Effect == "":
		p.add(i, elemEffect, `is required ("Allow" or "Deny")`)
	case !ok:
		p.add(i, elemEffect, `must be "Allow" or "Deny", got %q`, s.Effect)
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
		p.add(i, elemPrincipal, "is only allowed in a role's trust policy, not in an identity policy")
	}
	if kind == Trust && len(s.Principals) == 0 && !broken(elemPrincipal) {
		p.add(i, elemPrincipal, "is required in a trust policy")
	}
	checkPrincipals(i, s.Principals, p)

	checkConditions(i, s.Conditions, p)
}

// normalEffect accepts Allow and Deny in any case: RAM documents them
// capitalised, and the policy_document type must not see a difference.
func normalEffect(e string) (string, bool) {
	switch {
	case strings.EqualFold(e, EffectAllow):
		return EffectAllow, true
	case strings.EqualFold(e, EffectDeny):
		return EffectDeny, true
	}
	return e, false
}

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
func checkPrincipals(i int, principals map[string][]string, p *problems) {
	for _, typ := range sortedKeys(principals) {
		element := joinElement(elemPrincipal, typ)
		if !contains(principalTypes, typ) {
			p.add(i, elemPrincipal, "unknown principal type %q; use RAM, Service or Federated", typ)
			continue
		}
		if len(principals[typ]) == 0 {
			p.add(i, element, "must name at least one principal")
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
func checkConditions(i int, conds []Condition, p *problems) {
	seen := map[string]bool{}
	for _, c := range conds {
		spec, known := operators[c.Operator]
		if !known {
			p.add(i, elemCondition, "unknown operator %q%s; RAM supports String*, Numeric*, Date*, Bool, IpAddress and NotIpAddress", c.Operator, suggest(c.Operator, operatorNames))
		}
		element := joinElement(elemCondition, c.Operator)
		if !validConditionKey(c.Key) {
			p.add(i, element, "condition key %q must be of the form <service>:<name>, such as acs:SourceIp", c.Key)
			continue
		}
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
			if !spec.family.valid(v) {
				p.add(i, element, "%q is not %s", v, spec.family.describe())
			}
		}
	}
}

func validConditionKey(k string) bool {
	prefix, name, ok := strings.Cut(k, ":")
	return ok && validCode(prefix) && validName(name)
}
