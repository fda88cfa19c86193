// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"slices"
	"strings"
)

// Warnings returns what the document does that RAM accepts but that is
// probably not what its author meant, or that RAM's documentation advises
// against: each is accepted by Parse and evaluated as described in the
// message. They are not errors; a caller shows them as warnings. The result
// is in statement order (document-level ones first), nil if there is none.
//
// Some come from the JSON text and are known only for a document returned by
// Parse, ParseTrust or ParseAny:
//
//   - an element name in another case than RAM's grammar writes it
//     ("condition"), read as the documented element;
//   - a condition value written as a JSON number or boolean (3600), read as
//     the string it spells.
//
// The others come from the document itself, however it was built:
//
//   - an empty principal list ("Service": []), which names no one;
//   - a condition key not of the form <service>:<name> ("Action"), which no
//     request carries, so the condition always sees it missing;
//   - a Date* value without a zone, or a plain date, read as UTC;
//   - a /32 (or /128) CIDR block among several acs:SourceIp values, where
//     RAM's documentation asks for the plain address.
func (d *Document) Warnings() []*ValidationError {
	p := problems{warnings: make([]*ValidationError, 0, len(d.notes))}
	for _, n := range d.notes {
		c := *n
		p.warnings = append(p.warnings, &c)
	}
	for i := range d.Statements {
		d.Statements[i].warnings(i, &p)
	}
	if len(p.warnings) == 0 {
		return nil
	}
	slices.SortStableFunc(p.warnings, func(a, b *ValidationError) int { return a.Statement - b.Statement })
	for _, w := range p.warnings {
		if w.Statement >= 0 && w.Statement < len(d.Statements) {
			w.Sid = d.Statements[w.Statement].Sid
		}
	}
	return p.warnings
}

// warnings adds the statement's warnings that its content shows.
func (s *Statement) warnings(i int, p *problems) {
	for _, typ := range sortedKeys(s.Principals) {
		if len(s.Principals[typ]) == 0 && contains(principalTypes, typ) {
			p.warn(i, joinElement(elemPrincipal, typ), "is an empty list, which names no principal")
		}
	}
	for _, c := range s.Conditions {
		element := joinElement(joinElement(elemCondition, c.Operator), c.Key)
		if !validConditionKey(c.Key) {
			p.warn(i, joinElement(elemCondition, c.Operator),
				"condition key %q is not of the form acs:<name> or <service>:<name> that RAM documents; no request carries it, so the condition is evaluated as if the key were missing", c.Key)
		}
		spec, ok := operators[c.Operator]
		if !ok {
			continue
		}
		switch spec.family {
		case familyDate:
			for _, v := range c.Values {
				if note := dateNote(v); note != "" {
					p.warn(i, element, "%q %s", v, note)
				}
			}
		case familyIP:
			if !strings.EqualFold(c.Key, KeySourceIP) || len(c.Values) < 2 {
				continue // a lone /32 is an error (see checkConditions)
			}
			for _, v := range c.Values {
				if isHostCIDR(v) {
					p.warn(i, element, "%q is a CIDR block of one address; RAM's documentation asks for a single acs:SourceIp address to be written as %s", v, hostOf(v))
				}
			}
		}
	}
}
