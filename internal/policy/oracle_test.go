// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy_test

// This file is a second RAM policy evaluator, written from Alibaba Cloud's
// documentation alone, to check package policy against. It deliberately
// shares nothing with package policy (only the standard library is
// imported, and TestOracleImportsOnlyStandardLibrary keeps it so) and
// prefers obviously-correct over fast: a quadratic wildcard matcher, maps,
// no caching. Each rule names its source, or says that no document decides
// it and which way it goes (then it follows package policy's choice, so
// that the comparison checks everything else).
//
// Pages cited:
//
//	elements:   https://www.alibabacloud.com/help/en/ram/policy-elements
//	syntax:     https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax
//	operators:  https://www.alibabacloud.com/help/en/ram/conditional-operator
//	evaluation: https://www.alibabacloud.com/help/en/ram/policy-evaluation-process
//	mse-ram:    https://www.alibabacloud.com/help/en/mse/security-and-compliance/grant-permissions-on-microservices-registry-resources
//	nacos-cfg:  https://www.alibabacloud.com/help/en/mse/user-guide/fine-grained-authorization-in-configuration-centers
//	nacos-reg:  https://www.alibabacloud.com/help/en/mse/user-guide/fine-grained-authorization-in-registries

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Oracle decisions, spelled as policy.Decision's String spells them.
const (
	oracleAllow        = "Allow"
	oracleExplicitDeny = "ExplicitDeny"
	oracleImplicitDeny = "ImplicitDeny"
)

// oracleDoc is a policy document as the oracle reads it. encoding/json
// matches field names case-insensitively, which is also how package policy
// reads an element name in another case ("condition"); documents that
// spell one element twice are refused by policy.Parse and never get here.
type oracleDoc struct {
	Version   string
	Statement []oracleStatement
}

type oracleStatement struct {
	Effect      string
	Action      oracleList
	NotAction   oracleList
	Resource    oracleList
	NotResource oracleList
	// Condition maps operator -> condition key -> values.
	Condition map[string]map[string]oracleList
}

// oracleList is an element that may be written as one value or a list
// (syntax: "Action": "x" and "Action": ["x"] are the same). A JSON number
// or boolean stands for the text it spells (syntax asks for quoted values;
// RAM accepts unquoted ones and so does package policy).
type oracleList []string

func (l *oracleList) UnmarshalJSON(b []byte) error {
	var raws []json.RawMessage
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '[' {
		if err := json.Unmarshal(b, &raws); err != nil {
			return err
		}
	} else {
		raws = []json.RawMessage{b}
	}
	*l = make(oracleList, 0, len(raws))
	for _, r := range raws {
		r = bytes.TrimSpace(r)
		if len(r) > 0 && r[0] == '"' {
			var s string
			if err := json.Unmarshal(r, &s); err != nil {
				return err
			}
			*l = append(*l, s)
			continue
		}
		if string(r) == "null" || len(r) == 0 || r[0] == '{' || r[0] == '[' {
			return fmt.Errorf("oracle: %s is not a string, number or boolean", r)
		}
		*l = append(*l, string(r))
	}
	return nil
}

// oracleParse reads a policy document. It does not validate: the documents
// it is given are ones policy.Parse accepted.
func oracleParse(text string) (oracleDoc, error) {
	var d oracleDoc
	err := json.Unmarshal([]byte(text), &d)
	return d, err
}

// oracleRequest is what a caller asks: an action on a resource with the
// condition keys RAM supplies.
type oracleRequest struct {
	Action, Resource string
	Context          map[string][]string
}

// oracleDecide applies evaluation's two principles across every statement
// of every document: an applicable Deny decides ExplicitDeny whatever
// allows it ("explicit deny overrides allow"; also elements: "if a policy
// contains both Allow and Deny, Deny takes precedence"); otherwise an
// applicable Allow decides Allow; otherwise the request is denied by
// default. Statement and document order do not matter.
func oracleDecide(docs []oracleDoc, req oracleRequest) string {
	allowed := false
	for _, d := range docs {
		for _, s := range d.Statement {
			if !s.applies(req) {
				continue
			}
			switch s.Effect {
			case "Deny":
				return oracleExplicitDeny
			case "Allow":
				allowed = true
			}
		}
	}
	if allowed {
		return oracleAllow
	}
	return oracleImplicitDeny
}

// applies: the action, the resource and every condition must match
// (elements: a statement takes effect on the operations and resources it
// names, when its conditions hold).
func (s oracleStatement) applies(req oracleRequest) bool {
	return s.coversAction(req.Action) && s.coversResource(req.Resource) && s.conditionsHold(req.Context)
}

// coversAction: Action lists the operations covered; NotAction covers every
// operation except those listed (elements). Action values "are not
// case-sensitive in most cases" (elements), so they match ignoring case.
func (s oracleStatement) coversAction(action string) bool {
	if len(s.NotAction) > 0 {
		return !anyWildcard(s.NotAction, action, true)
	}
	return anyWildcard(s.Action, action, true)
}

// coversResource: Resource lists the resources covered. NotResource, in the
// older grammar of the syntax page ("Resource" | "NotResource"), covers every
// resource except those listed; the current pages list only Resource and
// policy.Parse refuses NotResource, so the differential test only checks
// that refusal. No page says whether resources match case-sensitively;
// they do here, as ARNs are written by each service, and in package policy.
func (s oracleStatement) coversResource(resource string) bool {
	if len(s.NotResource) > 0 {
		for _, p := range s.NotResource {
			if oracleResourceMatch(p, resource) {
				return false
			}
		}
		return true
	}
	for _, p := range s.Resource {
		if oracleResourceMatch(p, resource) {
			return true
		}
	}
	return false
}

func anyWildcard(patterns []string, s string, fold bool) bool {
	for _, p := range patterns {
		if oracleWildcard(p, s, fold) {
			return true
		}
	}
	return false
}

// oracleWildcard: '*' matches any run of characters, the empty run
// included, and '?' exactly one character (operators, StringLike; syntax,
// wildcards). Nothing is a separator: '*' runs across '/' and ':' alike.
// It is the textbook dynamic program over characters (runes): at[j]
// says whether the pattern read so far matches s[:j].
func oracleWildcard(pattern, s string, fold bool) bool {
	t := []rune(s)
	at := make([]bool, len(t)+1)
	at[0] = true
	for _, c := range pattern {
		next := make([]bool, len(t)+1)
		if c == '*' {
			seen := false
			for j := range next {
				seen = seen || at[j]
				next[j] = seen
			}
		} else {
			for j := 1; j <= len(t); j++ {
				next[j] = at[j-1] && (c == '?' || c == t[j-1] || fold && foldEqual(c, t[j-1]))
			}
		}
		at = next
	}
	return at[len(t)]
}

// foldEqual compares two characters ignoring case. For ASCII letters this is
// what elements means; beyond ASCII no page decides (action names are
// ASCII). As in package policy, two characters are equal when their upper
// or their lower cases are, so both dotted İ and dotless ı match i.
func foldEqual(a, b rune) bool {
	return unicode.ToUpper(a) == unicode.ToUpper(b) || unicode.ToLower(a) == unicode.ToLower(b)
}

// oracleResourceMatch is RAM's wildcard match plus MSE's hierarchy.
//
// MSE's pages grant on an instance as access to what is in it (mse-ram: the
// read-only example grants mse:Get* etc. on acs:mse:*:*:instance/<id>, the
// namespace example grants config writes on instance/<id>/<namespace>), and
// the fine-grained Nacos pages (nacos-cfg, nacos-reg) say permissions can be
// granted per instance, namespace, group or DataId/service. So a pattern
// covers a resource when it matches the resource's ARN, or the ARN of the
// instance, namespace or group that holds it.
//
// The same pages spell a configuration or service two ways:
// instance/<id>/<ns>/<group>/<dataId> (mse-ram) and
// instance/<id>/<ns>/<group>/config/<dataId> or .../naming/<service>
// (nacos-cfg, nacos-reg). Both spellings are read as the first, in the
// pattern and in the resource. No page says whether a config/ pattern also
// covers the service of the same name; since the first spelling cannot tell
// them apart, it does, here and in package policy.
func oracleResourceMatch(pattern, resource string) bool {
	if oracleWildcard(pattern, resource, false) {
		return true
	}
	if !strings.HasPrefix(pattern, "acs:mse:") || !strings.HasPrefix(resource, "acs:mse:") {
		return false
	}
	p := mseShortForm(pattern)
	for _, r := range mseSelfAndAncestors(mseShortForm(resource)) {
		if oracleWildcard(p, r, false) {
			return true
		}
	}
	return false
}

// mseSplit cuts an ARN acs:<service>:<region>:<account>:<relative-id> into
// its head (through the fourth ':') and the '/'-separated relative ID.
func mseSplit(arn string) (head string, segs []string, ok bool) {
	n, i := 0, 0
	for ; i < len(arn) && n < 4; i++ {
		if arn[i] == ':' {
			n++
		}
	}
	if n < 4 {
		return "", nil, false
	}
	return arn[:i], strings.Split(arn[i:], "/"), true
}

// mseShortForm rewrites instance/<id>/<ns>/<group>/config|naming/<name> to
// instance/<id>/<ns>/<group>/<name>.
func mseShortForm(arn string) string {
	head, segs, ok := mseSplit(arn)
	if !ok || len(segs) != 6 || segs[0] != "instance" || segs[4] != "config" && segs[4] != "naming" {
		return arn
	}
	return head + strings.Join(append(segs[:4:4], segs[5]), "/")
}

// mseSelfAndAncestors lists the ARN and those of the instance
// (instance/<id>), namespace and group above it.
func mseSelfAndAncestors(arn string) []string {
	out := []string{arn}
	head, segs, ok := mseSplit(arn)
	if !ok || segs[0] != "instance" {
		return out
	}
	for depth := 2; depth <= 4 && depth < len(segs); depth++ {
		out = append(out, head+strings.Join(segs[:depth], "/"))
	}
	return out
}

// conditionsHold: every operator and every key of the Condition block must
// hold; of the several values of one key, one is enough (elements,
// Condition: keys are ANDed, the values of a key ORed).
func (s oracleStatement) conditionsHold(ctx map[string][]string) bool {
	for op, keys := range s.Condition {
		for key, values := range keys {
			if !oracleCondition(op, contextValues(ctx, key), values) {
				return false
			}
		}
	}
	return true
}

// contextValues finds a key's request values. No page says whether
// condition keys are case-sensitive; here, as in package policy, they are
// not (acs:sourceip is acs:SourceIp), and keys differing only in case are
// one key.
func contextValues(ctx map[string][]string, key string) []string {
	var out []string
	for k, v := range ctx {
		if strings.EqualFold(k, key) {
			out = append(out, v...)
		}
	}
	return out
}

// oracleCondition decides one operator on one key. Operators (operators):
// the String, Numeric, Date, Bool and IpAddress families; a Not form is the
// negation of its positive form; an IfExists form holds when the request
// lacks the key and is its base operator otherwise.
//
// The missing-key rules are not spelled out on operators; here, as in
// package policy (and in AWS, whose language RAM's follows), a positive
// operator does not match a missing key and so a Not operator does. With
// several request values, a positive operator holds if any of them
// matches any policy value (no page decides; package policy's choice).
func oracleCondition(op string, got, want []string) bool {
	base, ifExists := strings.CutSuffix(op, "IfExists")
	if len(got) == 0 && ifExists {
		return true
	}
	positive, negated := base, false
	if p, ok := oracleNegations[base]; ok {
		positive, negated = p, true
	}
	test, ok := oracleTests[positive]
	if !ok {
		return false // not an operator; policy.Parse refuses it
	}
	matched := false
	for _, g := range got {
		for _, w := range want {
			matched = matched || test(g, w)
		}
	}
	return matched != negated
}

// oracleNegations maps each Not operator to its positive form (operators).
var oracleNegations = map[string]string{
	"StringNotEquals":           "StringEquals",
	"StringNotEqualsIgnoreCase": "StringEqualsIgnoreCase",
	"StringNotLike":             "StringLike",
	"NumericNotEquals":          "NumericEquals",
	"DateNotEquals":             "DateEquals",
	"NotIpAddress":              "IpAddress",
}

// oracleTests compare one request value with one policy value.
var oracleTests = map[string]func(got, want string) bool{
	// operators: StringEquals is case-sensitive, the IgnoreCase form is
	// not, StringLike is case-sensitive with '*' and '?'.
	"StringEquals":           func(g, w string) bool { return g == w },
	"StringEqualsIgnoreCase": strings.EqualFold,
	"StringLike":             func(g, w string) bool { return oracleWildcard(w, g, false) },

	"NumericEquals":            numericTest(func(c int) bool { return c == 0 }),
	"NumericLessThan":          numericTest(func(c int) bool { return c < 0 }),
	"NumericLessThanEquals":    numericTest(func(c int) bool { return c <= 0 }),
	"NumericGreaterThan":       numericTest(func(c int) bool { return c > 0 }),
	"NumericGreaterThanEquals": numericTest(func(c int) bool { return c >= 0 }),

	"DateEquals":            dateTest(func(c int) bool { return c == 0 }),
	"DateLessThan":          dateTest(func(c int) bool { return c < 0 }),
	"DateLessThanEquals":    dateTest(func(c int) bool { return c <= 0 }),
	"DateGreaterThan":       dateTest(func(c int) bool { return c > 0 }),
	"DateGreaterThanEquals": dateTest(func(c int) bool { return c >= 0 }),

	"Bool": func(g, w string) bool {
		a, ok1 := oracleBool(g)
		b, ok2 := oracleBool(w)
		return ok1 && ok2 && a == b
	},
	"IpAddress": func(g, w string) bool {
		a, ok1 := oracleAddr(g)
		p, ok2 := oraclePrefix(w)
		return ok1 && ok2 && p.Contains(a)
	},
}

// oracleNumber reads a decimal number, sign, fraction and exponent allowed.
// No page gives the precision; numbers are compared as IEEE doubles, and a
// value beyond their range is not a number (package policy's choice).
var oracleNumberText = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func oracleNumber(s string) (float64, bool) {
	if !oracleNumberText.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !math.IsInf(f, 0)
}

func numericTest(rel func(int) bool) func(g, w string) bool {
	return func(g, w string) bool {
		a, ok1 := oracleNumber(g)
		b, ok2 := oracleNumber(w)
		if !ok1 || !ok2 {
			return false
		}
		switch {
		case a < b:
			return rel(-1)
		case a > b:
			return rel(1)
		}
		return rel(0)
	}
}

// oracleDate reads acs:CurrentTime-style values: ISO 8601 date-times
// (elements: 2012-11-11T23:59:59Z; operators' examples write an offset such
// as +08:00). A date-time without a zone, and a plain date, are ISO 8601 too;
// no page says which zone they are in: UTC here, as in package policy.
func oracleDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func dateTest(rel func(int) bool) func(g, w string) bool {
	return func(g, w string) bool {
		a, ok1 := oracleDate(g)
		b, ok2 := oracleDate(w)
		return ok1 && ok2 && rel(a.Compare(b))
	}
}

// oracleBool reads "true" or "false" (operators, Bool). No page says
// whether "TRUE" is a boolean; it is here, as in package policy.
func oracleBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// oracleAddr reads a request's source address. An IPv4-mapped IPv6 address
// (::ffff:10.0.0.1) is that IPv4 address; IPv4 and IPv6 are otherwise
// distinct families (no page decides either; package policy's choice).
func oracleAddr(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	return a.Unmap(), err == nil
}

// oraclePrefix reads a policy's IpAddress value: an address or a CIDR block
// (elements, acs:SourceIp: "an IP address or a CIDR block"), host bits
// ignored; mapped IPv4 blocks (::ffff:10.0.0.0/104) become IPv4 blocks.
func oraclePrefix(s string) (netip.Prefix, bool) {
	if !strings.Contains(s, "/") {
		a, ok := oracleAddr(s)
		return netip.PrefixFrom(a, a.BitLen()), ok
	}
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	if p.Addr().Is4In6() && p.Bits() >= 96 {
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
	}
	return p.Masked(), true
}
