// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Parse parses and validates an identity policy document (one attached to a
// user, group or role). Every problem found is reported; see ValidationError.
func Parse(doc string) (*Document, error) {
	return parse(doc, Identity, true)
}

// ParseTrust parses and validates a trust policy (a role's
// AssumeRolePolicyDocument).
func ParseTrust(doc string) (*Document, error) {
	return parse(doc, Trust, true)
}

// ParseAny parses a document of either kind: a document in which some
// statement names a Principal is validated as a trust policy, any other as
// an identity policy.
func ParseAny(doc string) (*Document, Kind, error) {
	d, err := parse(doc, -1, true)
	kind := Identity
	if d != nil {
		kind = d.kind()
	}
	return d, kind, err
}

// kind guesses a document's kind from its content.
func (d *Document) kind() Kind {
	for _, s := range d.Statements {
		if s.Principals != nil {
			return Trust
		}
	}
	return Identity
}

// Element names, as RAM spells them.
const (
	elemVersion     = "Version"
	elemStatement   = "Statement"
	elemSid         = "Sid"
	elemEffect      = "Effect"
	elemAction      = "Action"
	elemNotAction   = "NotAction"
	elemResource    = "Resource"
	elemNotResource = "NotResource"
	elemPrincipal   = "Principal"
	elemCondition   = "Condition"
)

var (
	documentElements  = []string{elemVersion, elemStatement}
	statementElements = []string{elemSid, elemEffect, elemAction, elemNotAction, elemResource, elemPrincipal, elemCondition}
)

// parse decodes doc and validates it as kind (a negative kind means: guess
// it from the content). checkLength is false only in tests that need to
// re-parse canonical output that outgrew the limit.
func parse(doc string, kind Kind, checkLength bool) (*Document, error) {
	var p problems
	if strings.TrimSpace(doc) == "" {
		p.add(-1, "", "document is empty")
		return nil, p.err(nil)
	}
	if n := utf8.RuneCountInString(doc); checkLength && n > MaxDocumentLength {
		p.add(-1, "", "document is %d characters; RAM allows at most %d", n, MaxDocumentLength)
		return nil, p.err(nil)
	}
	root, err := decodeJSON(doc)
	if err != nil {
		p.add(-1, "", "invalid JSON: %v", err)
		return nil, p.err(nil)
	}
	d, broken := decodeDocument(root, &p)
	if d == nil {
		return nil, p.err(nil)
	}
	if kind < 0 {
		kind = d.kind()
	}
	d.validate(kind, broken, &p)
	if err := p.err(d); err != nil {
		return nil, err
	}
	d.notes = p.warnings
	return d, nil
}

// brokenElements records, per statement (-1 for the document), the elements
// that were present but could not be decoded, so that validation does not
// add "is required" on top of "must be a string".
type brokenElements map[int]map[string]bool

func (b brokenElements) mark(stmt int, elem string) {
	if b[stmt] == nil {
		b[stmt] = map[string]bool{}
	}
	b[stmt][elem] = true
}

func (b brokenElements) has(stmt int, elem string) bool { return b[stmt][elem] }

func decodeDocument(root jsonValue, p *problems) (*Document, brokenElements) {
	if root.kind != jsonObject {
		p.add(-1, "", "the document must be a JSON object, got a %v", root.kind)
		return nil, nil
	}
	d := &Document{}
	broken := brokenElements{}
	for _, m := range uniqueMembers(root.members, -1, "", documentElements, true, p) {
		switch m.key {
		case elemVersion:
			if m.val.kind != jsonString {
				p.add(-1, elemVersion, "must be the string %q, got a %v", Version, m.val.kind)
				broken.mark(-1, elemVersion)
				continue
			}
			d.Version = m.val.str
		case elemStatement:
			if m.val.kind != jsonArray {
				p.add(-1, elemStatement, "must be a list of statements, got a %v", m.val.kind)
				broken.mark(-1, elemStatement)
				continue
			}
			d.Statements = make([]Statement, len(m.val.elems))
			for i, sv := range m.val.elems {
				decodeStatement(&d.Statements[i], i, sv, broken, p)
			}
		}
	}
	return d, broken
}

func decodeStatement(s *Statement, i int, v jsonValue, broken brokenElements, p *problems) {
	if v.kind != jsonObject {
		p.add(i, "", "a statement must be a JSON object, got a %v", v.kind)
		broken.mark(i, "")
		return
	}
	for _, m := range uniqueMembers(v.members, i, "", statementElements, true, p) {
		before := len(p.list)
		switch m.key {
		case elemSid:
			s.Sid = decodeString(m.val, i, m.key, p)
		case elemEffect:
			s.Effect = decodeString(m.val, i, m.key, p)
		case elemAction:
			s.Actions = decodeStrings(m.val, i, m.key, listRules{}, p)
		case elemNotAction:
			s.NotActions = decodeStrings(m.val, i, m.key, listRules{}, p)
		case elemResource:
			s.Resources = decodeStrings(m.val, i, m.key, listRules{}, p)
		case elemPrincipal:
			s.Principals = decodePrincipal(m.val, i, p)
		case elemCondition:
			s.Conditions = decodeCondition(m.val, i, p)
		}
		if len(p.list) > before {
			broken.mark(i, m.key)
		}
	}
}

// uniqueMembers reports unknown and repeated keys of an object and returns
// the members worth decoding (known, first occurrence), keyed by the known
// name. element prefixes the reported element name for nested objects.
//
// With foldCase, a key that differs from a known name only in case is read
// as that name, with a warning. RAM's grammar spells every element
// capitalised ("Policy structure and syntax",
// https://www.alibabacloud.com/help/doc-detail/93739.htm), but
// no document says another case is refused, and policies in use today write
// "condition" (the trust policy of the public module
// alibabacloud-automation/terraform-alicloud-ram, ram-assumable-roles, with
// MFA required). Reading it as Condition enforces the conditions its author
// meant; refusing it would be stricter than RAM. Two keys naming one element
// (Condition and condition) are still an error: which one counts is
// anyone's guess.
func uniqueMembers(members []jsonMember, stmt int, element string, known []string, foldCase bool, p *problems) []jsonMember {
	seen := make(map[string]bool, len(members))
	out := make([]jsonMember, 0, len(members))
	for _, m := range members {
		name := joinElement(element, m.key)
		key := m.key
		if foldCase && !contains(known, key) {
			if k, ok := foldMatch(key, known); ok {
				p.warn(stmt, name, "element names are case-sensitive in RAM's policy grammar; read as %q, which is how it should be written", k)
				key = k
			}
		}
		switch {
		case seen[key]:
			p.add(stmt, name, "appears more than once")
		case strings.EqualFold(key, elemNotResource) && contains(known, elemResource):
			p.add(stmt, name, "NotResource is not part of the RAM policy language; list the resources in Resource and carve out exceptions with a Deny statement")
		case known != nil && !contains(known, key):
			p.add(stmt, name, "unknown element%s", suggest(key, known))
		default:
			out = append(out, jsonMember{key: key, val: m.val})
		}
		seen[key] = true
	}
	return out
}

// foldMatch finds the known name that equals s ignoring case.
func foldMatch(s string, known []string) (string, bool) {
	for _, k := range known {
		if strings.EqualFold(k, s) {
			return k, true
		}
	}
	return "", false
}

func joinElement(parent, child string) string {
	if parent == "" {
		return child
	}
	return parent + ": " + child
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest offers the known name that differs from s only in case, the most
// common slip ("stringEquals", "allow").
func suggest(s string, known []string) string {
	if k, ok := foldMatch(s, known); ok {
		return ` (did you mean "` + k + `"?)`
	}
	return ""
}

func decodeString(v jsonValue, stmt int, element string, p *problems) string {
	if v.kind != jsonString {
		p.add(stmt, element, "must be a string, got a %v", v.kind)
	}
	return v.str
}

// listRules say what a list element may hold besides non-empty strings.
type listRules struct {
	// emptyString: "" is a value (`"oss:Prefix": ""` is meaningful).
	emptyString bool
	// emptyList: [] is accepted and means nothing is named (principals).
	emptyList bool
	// scalars: JSON numbers and booleans are read as their text, with a
	// warning (condition values).
	scalars bool
}

// decodeStrings accepts a string or a list of strings, and what rules adds.
// Actions and resources must be non-empty strings in a non-empty list.
func decodeStrings(v jsonValue, stmt int, element string, rules listRules, p *problems) []string {
	switch v.kind {
	case jsonString:
		if v.str == "" && !rules.emptyString {
			p.add(stmt, element, "must not be an empty string")
			return nil
		}
		return []string{v.str}
	case jsonNumber, jsonBool:
		if rules.scalars {
			warnScalar(stmt, element, v, p)
			return []string{v.str}
		}
	case jsonArray:
		if len(v.elems) == 0 {
			if rules.emptyList {
				return []string{}
			}
			p.add(stmt, element, "must not be an empty list")
			return nil
		}
		out := make([]string, 0, len(v.elems))
		for j, e := range v.elems {
			switch {
			case rules.scalars && (e.kind == jsonNumber || e.kind == jsonBool):
				warnScalar(stmt, fmt.Sprintf("%s: entry %d", element, j), e, p)
				out = append(out, e.str)
			case e.kind != jsonString:
				p.add(stmt, element, "entry %d must be a string, got a %v", j, e.kind)
			case e.str == "" && !rules.emptyString:
				p.add(stmt, element, "entry %d is an empty string", j)
			default:
				out = append(out, e.str)
			}
		}
		return out
	}
	p.add(stmt, element, "must be a string or a list of strings, got a %v", v.kind)
	return nil
}

// warnScalar notes a condition value written as a JSON number or boolean.
// "Policy structure and syntax"
// (https://www.alibabacloud.com/help/doc-detail/93739.htm)
// says numbers, dates, booleans and IP addresses are written in double
// quotation marks; RAM nevertheless accepts the unquoted forms, which public
// modules send today (alibabacloud-automation/terraform-alicloud-ram,
// ram-assumable-roles: "acs:MultiFactorAuthAge": 86400). So they are
// accepted as the string they spell, and 3600 and "3600" are the same value
// (also in the canonical form, which quotes every value).
func warnScalar(stmt int, element string, v jsonValue, p *problems) {
	p.warn(stmt, element, "%s is a JSON %v; RAM's policy grammar writes condition values in double quotes, so it is read as the string %q", v.str, v.kind, v.str)
}

var principalTypes = []string{PrincipalRAM, PrincipalService, PrincipalFederated}

func decodePrincipal(v jsonValue, stmt int, p *problems) map[string][]string {
	if v.kind != jsonObject {
		p.add(stmt, elemPrincipal, `must be an object such as {"RAM": ["acs:ram::<account-id>:root"]} or {"Service": ["ecs.aliyuncs.com"]}, got a %v`, v.kind)
		return nil
	}
	if len(v.members) == 0 {
		p.add(stmt, elemPrincipal, "must name at least one of RAM, Service or Federated")
		return nil
	}
	out := map[string][]string{}
	for _, m := range uniqueMembers(v.members, stmt, elemPrincipal, principalTypes, false, p) {
		before := len(p.list)
		// An empty list names no one; it is accepted (see checkPrincipals).
		if ids := decodeStrings(m.val, stmt, joinElement(elemPrincipal, m.key), listRules{emptyList: true}, p); len(p.list) == before {
			out[m.key] = ids
		}
	}
	return out
}

// decodeCondition reads {Operator: {Key: values}} in the order written.
// Operator names and values are checked by validate, which hand-built
// documents also go through.
func decodeCondition(v jsonValue, stmt int, p *problems) []Condition {
	if v.kind != jsonObject {
		p.add(stmt, elemCondition, `must be an object such as {"StringEquals": {"ram:ServiceName": "mse.aliyuncs.com"}}, got a %v`, v.kind)
		return nil
	}
	var out []Condition
	for _, op := range uniqueMembers(v.members, stmt, elemCondition, nil, false, p) {
		element := joinElement(elemCondition, op.key)
		if op.val.kind != jsonObject {
			p.add(stmt, element, "must be an object of condition keys and values, got a %v", op.val.kind)
			continue
		}
		if len(op.val.members) == 0 {
			p.add(stmt, element, "must name at least one condition key")
			continue
		}
		for _, k := range uniqueMembers(op.val.members, stmt, element, nil, false, p) {
			before := len(p.list)
			if vals := decodeStrings(k.val, stmt, joinElement(element, k.key), listRules{emptyString: true, scalars: true}, p); len(p.list) == before {
				out = append(out, Condition{Operator: op.key, Key: k.key, Values: vals})
			}
		}
	}
	return out
}
