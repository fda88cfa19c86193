// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Canonical returns the document's canonical form: actions, resources,
// principals and condition values sorted and de-duplicated (condition values
// written as JSON numbers or booleans become strings); empty principal lists
// dropped beside non-empty ones; bare account IDs in RAM principals written
// as acs:ram::<uid>:root; the documented global condition keys in their
// documented spelling; conditions sorted by operator and key; statements
// sorted by their canonical JSON and exact duplicates dropped. Two documents
// are Equivalent exactly when their canonical forms are equal. The receiver
// is not modified. It assumes a valid document (see Validate).
func (d *Document) Canonical() *Document {
	return d.canonical().doc
}

// CanonicalJSON renders the canonical form as compact JSON. Every list
// element (Action, NotAction, Resource, principal identifiers, condition
// values) is a JSON array, even with one entry, so that a one-element list
// and a string cannot render differently; keys come in the order Version,
// Statement and, within a statement, Sid, Effect, Principal, Action or
// NotAction, Resource, Condition; nothing is HTML-escaped. The output is a
// fixed point: parsing it and rendering again gives the same string.
//
// The output can be longer than the text it was parsed from (arrays add
// brackets), so check MaxDocumentLength against what you send.
func (d *Document) CanonicalJSON() string {
	return string(d.canonical().json)
}

// IndentedJSON is CanonicalJSON indented by two spaces, for people.
func (d *Document) IndentedJSON() string {
	var b bytes.Buffer
	_ = json.Indent(&b, d.canonical().json, "", "  ") // our own valid JSON
	return b.String()
}

type canonicalDoc struct {
	doc  *Document
	json []byte
}

func (d *Document) canonical() canonicalDoc {
	type encoded struct {
		s   Statement
		enc []byte
	}
	list := make([]encoded, 0, len(d.Statements))
	for _, s := range d.Statements {
		cs := s.canonical()
		list = append(list, encoded{cs, cs.appendJSON(nil)})
	}
	sort.SliceStable(list, func(i, j int) bool { return bytes.Compare(list[i].enc, list[j].enc) < 0 })
	list = slices.CompactFunc(list, func(a, b encoded) bool { return bytes.Equal(a.enc, b.enc) })

	out := &Document{Version: d.Version, Statements: make([]Statement, len(list))}
	b := []byte(`{"Version":`)
	b = appendString(b, d.Version)
	b = append(b, `,"Statement":[`...)
	for i, e := range list {
		out.Statements[i] = e.s
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.enc...)
	}
	b = append(b, "]}"...)
	return canonicalDoc{out, b}
}

func (s Statement) canonical() Statement {
	c := Statement{
		Sid:        s.Sid,
		Effect:     s.Effect,
		Actions:    sortedSet(s.Actions),
		NotActions: sortedSet(s.NotActions),
		Resources:  sortedSet(s.Resources),
	}
	if len(s.Principals) > 0 {
		c.Principals = make(map[string][]string, len(s.Principals))
		// An empty list names no one: beside a list that names someone it
		// changes nothing and is dropped. A Principal of empty lists only is
		// kept as it is, so that the document stays a trust policy.
		named := false
		for _, ids := range s.Principals {
			named = named || len(ids) > 0
		}
		for typ, ids := range s.Principals {
			if named && len(ids) == 0 {
				continue
			}
			if typ == PrincipalRAM {
				ids = mapped(ids, canonicalRAMPrincipal)
			}
			c.Principals[typ] = sortedSet(ids)
		}
	}
	for _, cond := range s.Conditions {
		c.Conditions = append(c.Conditions, Condition{
			Operator: cond.Operator,
			Key:      canonicalKey(cond.Key),
			Values:   sortedSet(cond.Values),
		})
	}
	sort.SliceStable(c.Conditions, func(i, j int) bool {
		a, b := c.Conditions[i], c.Conditions[j]
		if a.Operator != b.Operator {
			return a.Operator < b.Operator
		}
		return a.Key < b.Key
	})
	return c
}

// appendJSON renders a canonical statement.
func (s Statement) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	field := func(name string) {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendString(b, name)
		b = append(b, ':')
	}
	if s.Sid != "" {
		field(elemSid)
		b = appendString(b, s.Sid)
	}
	field(elemEffect)
	b = appendString(b, s.Effect)
	if len(s.Principals) > 0 {
		field(elemPrincipal)
		b = append(b, '{')
		for i, typ := range sortedKeys(s.Principals) {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, typ)
			b = append(b, ':')
			b = appendStrings(b, s.Principals[typ])
		}
		b = append(b, '}')
	}
	for _, l := range []struct {
		name string
		list []string
	}{{elemAction, s.Actions}, {elemNotAction, s.NotActions}, {elemResource, s.Resources}} {
		if len(l.list) > 0 {
			field(l.name)
			b = appendStrings(b, l.list)
		}
	}
	if len(s.Conditions) > 0 {
		field(elemCondition)
		b = append(b, '{')
		for i, c := range s.Conditions {
			if i == 0 || c.Operator != s.Conditions[i-1].Operator {
				if i > 0 {
					b = append(b, "},"...)
				}
				b = appendString(b, c.Operator)
				b = append(b, ":{"...)
			} else {
				b = append(b, ',')
			}
			b = appendString(b, c.Key)
			b = append(b, ':')
			b = appendStrings(b, c.Values)
		}
		b = append(b, "}}"...)
	}
	return append(b, '}')
}

func appendStrings(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString writes s as a JSON string. Unlike encoding/json it does not
// escape <, > and &: they are harmless in a policy and \u003c would only make
// the document harder to read (and longer). It escapes control characters,
// invalid UTF-8 (as U+FFFD, which is what a JSON decoder produces for it)
// and U+2028/U+2029.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, `\n`...)
			case c == '\r':
				b = append(b, `\r`...)
			case c == '\t':
				b = append(b, `\t`...)
			case c < 0x20 || c == 0x7f:
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, `\u`...)
			b = strconv.AppendInt(b, int64(r), 16)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// sortedSet returns the distinct elements of list in byte order (nil for an
// empty list). Case is kept: "mse:Get*" and "mse:get*" stay two entries, so
// equivalence never hides a change a person could see.
func sortedSet(list []string) []string {
	if len(list) == 0 {
		return nil
	}
	out := slices.Clone(list)
	slices.Sort(out)
	return slices.Compact(out)
}

func mapped(list []string, f func(string) string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = f(s)
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
