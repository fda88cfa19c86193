// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"math"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"time"
)

// family is a group of operators that read values the same way.
type family int

const (
	familyString family = iota
	familyNumeric
	familyDate
	familyBool
	familyIP
)

// relation is what an operator asks of a (request value, policy value) pair.
type relation int

const (
	relEqual relation = iota
	relEqualFold
	relLike
	relLess
	relLessEqual
	relGreater
	relGreaterEqual
	relWithin // IP address within a CIDR
)

// operatorSpec describes an operator. A negated operator is the exact
// negation of its positive counterpart: it matches when no request value
// matches any policy value, and therefore also when the key is missing.
type operatorSpec struct {
	family  family
	rel     relation
	negated bool
}

// operators are the condition operators RAM documents. Names are
// case-sensitive, as RAM writes them; a near miss gets a suggestion.
var operators = map[string]operatorSpec{
	"StringEquals":              {familyString, relEqual, false},
	"StringNotEquals":           {familyString, relEqual, true},
	"StringEqualsIgnoreCase":    {familyString, relEqualFold, false},
	"StringNotEqualsIgnoreCase": {familyString, relEqualFold, true},
	"StringLike":                {familyString, relLike, false},
	"StringNotLike":             {familyString, relLike, true},
	"NumericEquals":             {familyNumeric, relEqual, false},
	"NumericNotEquals":          {familyNumeric, relEqual, true},
	"NumericLessThan":           {familyNumeric, relLess, false},
	"NumericLessThanEquals":     {familyNumeric, relLessEqual, false},
	"NumericGreaterThan":        {familyNumeric, relGreater, false},
	"NumericGreaterThanEquals":  {familyNumeric, relGreaterEqual, false},
	"DateEquals":                {familyDate, relEqual, false},
	"DateNotEquals":             {familyDate, relEqual, true},
	"DateLessThan":              {familyDate, relLess, false},
	"DateLessThanEquals":        {familyDate, relLessEqual, false},
	"DateGreaterThan":           {familyDate, relGreater, false},
	"DateGreaterThanEquals":     {familyDate, relGreaterEqual, false},
	"Bool":                      {familyBool, relEqual, false},
	"IpAddress":                 {familyIP, relWithin, false},
	"NotIpAddress":              {familyIP, relWithin, true},
}

// operatorNames lists the operators in a stable order, for suggestions and docs.
var operatorNames = func() []string {
	names := make([]string, 0, len(operators))
	for n := range operators {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}()

// Operators returns the names of the supported condition operators, sorted.
func Operators() []string { return append([]string(nil), operatorNames...) }

func (f family) describe() string {
	return [...]string{
		familyString:  "a string",
		familyNumeric: "a number",
		familyDate:    "a date (ISO 8601 such as 2026-01-02T15:04:05Z, a date such as 2026-01-02, or epoch seconds)",
		familyBool:    `"true" or "false"`,
		familyIP:      "an IP address or CIDR block",
	}[f]
}

// valid reports whether v is a well-formed policy value for the family.
func (f family) valid(v string) bool {
	var ok bool
	switch f {
	case familyString:
		ok = true
	case familyNumeric:
		_, ok = parseNumber(v)
	case familyDate:
		_, ok = parseDate(v)
	case familyBool:
		_, ok = parseBool(v)
	case familyIP:
		_, ok = parsePrefix(v)
	}
	return ok
}

// matches evaluates the condition against a request context. Keys are looked
// up case-insensitively. Several request values for one key (rare; RAM's
// global keys are single-valued) match if any of them matches any policy
// value.
func (c Condition) matches(ctx map[string][]string) bool {
	spec, ok := operators[c.Operator]
	if !ok {
		return false // only a hand-built, unvalidated document gets here
	}
	got := lookup(ctx, c.Key)
	matched := false
	for _, r := range got {
		for _, v := range c.Values {
			if spec.test(r, v) {
				matched = true
				break
			}
		}
		if matched {
			break
		}
	}
	return matched != spec.negated
}

// test compares one request value r with one policy value v. A value that
// does not parse for the operator's family never matches (so the negated
// operator matches it).
func (s operatorSpec) test(r, v string) bool {
	switch s.family {
	case familyString:
		switch s.rel {
		case relEqualFold:
			return strings.EqualFold(r, v)
		case relLike:
			return wildcardMatch(v, r, false)
		}
		return r == v
	case familyNumeric:
		a, ok1 := parseNumber(r)
		b, ok2 := parseNumber(v)
		return ok1 && ok2 && compare(s.rel, cmpFloat(a, b))
	case familyDate:
		a, ok1 := parseDate(r)
		b, ok2 := parseDate(v)
		return ok1 && ok2 && compare(s.rel, a.Compare(b))
	case familyBool:
		a, ok1 := parseBool(r)
		b, ok2 := parseBool(v)
		return ok1 && ok2 && a == b
	case familyIP:
		a, err := netip.ParseAddr(r)
		pfx, ok := parsePrefix(v)
		return err == nil && ok && pfx.Contains(a.Unmap())
	}
	return false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compare(rel relation, c int) bool {
	switch rel {
	case relLess:
		return c < 0
	case relLessEqual:
		return c <= 0
	case relGreater:
		return c > 0
	case relGreaterEqual:
		return c >= 0
	}
	return c == 0
}

// lookup finds a context key case-insensitively, trying the exact spelling
// first so that the common case allocates nothing.
func lookup(ctx map[string][]string, key string) []string {
	if v, ok := ctx[key]; ok {
		return v
	}
	for k, v := range ctx {
		if strings.EqualFold(k, key) {
			return v
		}
	}
	return nil
}

// parseNumber reads a decimal number (integer or fraction, optional
// exponent). Hex, infinities and NaN, which strconv also reads, are refused.
func parseNumber(s string) (float64, bool) {
	if s == "" || strings.IndexFunc(s, func(c rune) bool { return !strings.ContainsRune("0123456789+-.eE", c) }) >= 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil && !math.IsInf(f, 0)
}

// parseDate reads ISO 8601 date-times with a zone (RFC 3339, optionally with
// fractional seconds), plain dates (midnight UTC) and epoch seconds.
func parseDate(s string) (time.Time, bool) {
	if s != "" && strings.Trim(s, "0123456789") == "" && len(s) <= 12 {
		n, err := strconv.ParseInt(s, 10, 64)
		return time.Unix(n, 0).UTC(), err == nil
	}
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseBool reads "true" and "false" in any case.
func parseBool(s string) (bool, bool) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// parsePrefix reads a policy's IP value: a CIDR block or a single address
// (which means that one address). Host bits in a CIDR are ignored, as in
// 10.1.2.3/8 meaning 10.0.0.0/8.
func parsePrefix(s string) (netip.Prefix, bool) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			return netip.Prefix{}, false
		}
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		return p.Masked(), true
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	a = a.Unmap()
	return netip.PrefixFrom(a, a.BitLen()), true
}

// wellKnownKeys are the documented spellings of RAM's global condition keys
// (and ram:ServiceName, which MSE's service-linked role policies use). The
// canonical form writes these keys this way whatever the case written;
// other keys are kept as written, since nothing says how their owner spells
// them.
var wellKnownKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{
		KeyCurrentTime, KeySecureTransport, KeySourceIP, KeyMFAPresent, KeyServiceName,
		"acs:SourceVpc", "acs:AccessId",
	} {
		m[strings.ToLower(k)] = k
	}
	return m
}()

// Context keys RAM fills in on every request.
const (
	KeyCurrentTime     = "acs:CurrentTime"
	KeySecureTransport = "acs:SecureTransport"
	KeySourceIP        = "acs:SourceIp"
	KeyMFAPresent      = "acs:MFAPresent"
	KeyServiceName     = "ram:ServiceName"
)

func canonicalKey(k string) string {
	if w, ok := wellKnownKeys[strings.ToLower(k)]; ok {
		return w
	}
	return k
}
