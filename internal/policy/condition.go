// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"fmt"
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
// matches any policy value, and therefore also when the key is missing. An
// IfExists operator holds when the request does not carry the key, and
// otherwise is its base operator.
type operatorSpec struct {
	family   family
	rel      relation
	negated  bool
	ifExists bool
}

// baseOperators are the condition operators of "Policy elements"
// (https://www.alibabacloud.com/help/doc-detail/93738.htm) and "Conditional
// operators" (https://www.alibabacloud.com/help/en/ram/conditional-operator).
// Names are case-sensitive, as RAM writes them; a near miss gets a
// suggestion.
var baseOperators = map[string]operatorSpec{
	"StringEquals":              {family: familyString, rel: relEqual},
	"StringNotEquals":           {family: familyString, rel: relEqual, negated: true},
	"StringEqualsIgnoreCase":    {family: familyString, rel: relEqualFold},
	"StringNotEqualsIgnoreCase": {family: familyString, rel: relEqualFold, negated: true},
	"StringLike":                {family: familyString, rel: relLike},
	"StringNotLike":             {family: familyString, rel: relLike, negated: true},
	"NumericEquals":             {family: familyNumeric, rel: relEqual},
	"NumericNotEquals":          {family: familyNumeric, rel: relEqual, negated: true},
	"NumericLessThan":           {family: familyNumeric, rel: relLess},
	"NumericLessThanEquals":     {family: familyNumeric, rel: relLessEqual},
	"NumericGreaterThan":        {family: familyNumeric, rel: relGreater},
	"NumericGreaterThanEquals":  {family: familyNumeric, rel: relGreaterEqual},
	"DateEquals":                {family: familyDate, rel: relEqual},
	"DateNotEquals":             {family: familyDate, rel: relEqual, negated: true},
	"DateLessThan":              {family: familyDate, rel: relLess},
	"DateLessThanEquals":        {family: familyDate, rel: relLessEqual},
	"DateGreaterThan":           {family: familyDate, rel: relGreater},
	"DateGreaterThanEquals":     {family: familyDate, rel: relGreaterEqual},
	"Bool":                      {family: familyBool, rel: relEqual},
	"IpAddress":                 {family: familyIP, rel: relWithin},
	"NotIpAddress":              {family: familyIP, rel: relWithin, negated: true},
}

// ifExistsSuffix makes an operator hold when the request lacks the key; when
// the key is present the base operator decides. Every base operator has this
// form (DateLessThanIfExists, NotIpAddressIfExists, ...); RAM's operators are
// described on "Conditional operators"
// (https://www.alibabacloud.com/help/en/ram/conditional-operator); the older
// "Policy elements" page lists only the base operators.
const ifExistsSuffix = "IfExists"

// operators are baseOperators and their IfExists forms.
var operators = func() map[string]operatorSpec {
	m := make(map[string]operatorSpec, 2*len(baseOperators))
	for name, spec := range baseOperators {
		m[name] = spec
		spec.ifExists = true
		m[name+ifExistsSuffix] = spec
	}
	return m
}()

// operatorNames lists the operators in a stable order, for suggestions and docs.
var operatorNames = func() []string {
	names := make([]string, 0, len(operators))
	for n := range operators {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}()

// Operators returns the names of the supported condition operators, sorted:
// the base operators and their IfExists forms.
func Operators() []string { return append([]string(nil), operatorNames...) }

func (f family) describe() string {
	return [...]string{
		familyString:  "a string",
		familyNumeric: "a number",
		familyDate:    "a date (ISO 8601, such as 2012-11-11T23:59:59Z or 2019-08-12T17:00:00+08:00)",
		familyBool:    `"true" or "false"`,
		familyIP:      "an IP address or CIDR block",
	}[f]
}

// check returns why v is not a well-formed policy value for the family ("is
// not a number"), or "" if it is.
func (f family) check(v string) string {
	var ok bool
	switch f {
	case familyString:
		ok = true
	case familyNumeric:
		_, ok = parseNumber(v)
	case familyDate:
		_, ok = parseDate(v)
		if !ok && isEpoch(v) {
			return "is epoch seconds, not " + f.describe()
		}
	case familyBool:
		_, ok = parseBool(v)
	case familyIP:
		_, ok = parsePrefix(v)
	}
	if ok {
		return ""
	}
	return "is not " + f.describe()
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
	if len(got) == 0 && spec.ifExists {
		return true
	}
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

// parseDate reads a Date* value. "Policy elements"
// (https://www.alibabacloud.com/help/doc-detail/93738.htm) gives
// acs:CurrentTime in ISO 8601, as in 2012-11-11T23:59:59Z, and RAM's examples
// write a zone offset (2019-08-12T17:00:00+08:00). Accepted are ISO 8601's
// extended date-times with a zone (RFC 3339, fractional seconds allowed), and
// two forms ISO 8601 allows but leaves ambiguous, read as UTC with a warning
// (see dateNote): a date-time without a zone and a plain date (midnight).
// Epoch seconds are not ISO 8601 and are refused. ISO 8601's basic format
// (20121111T235959Z), week and ordinal dates are refused too: no RAM page or
// policy in use writes them, and a reader would be hard put to check them.
// Request values are read the same way.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// dateLayouts: with a zone, without one (read as UTC), a plain date.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", time.DateOnly}

// dateNote says why a valid date value is ambiguous ("" if it is not).
func dateNote(s string) string {
	if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return ""
	}
	t, ok := parseDate(s)
	switch {
	case !ok:
		return ""
	case len(s) == len(time.DateOnly):
		return fmt.Sprintf("is a date without a time of day or zone; it is read as midnight UTC (%s), but RAM documents date-times with a zone: write one, such as %s", t.Format(time.RFC3339), t.Format(time.RFC3339))
	default:
		return fmt.Sprintf("has no zone; it is read as UTC (%s), but RAM documents ISO 8601 date-times with a zone: write Z or an offset such as +08:00", t.Format(time.RFC3339Nano))
	}
}

// isEpoch reports whether s looks like epoch seconds (digits only).
func isEpoch(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

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

// isHostCIDR reports whether s is a CIDR block of a single address
// (10.0.0.1/32, 2001:db8::1/128). "Policy elements"
// (https://www.alibabacloud.com/help/doc-detail/93738.htm; its text is also
// in the AlibabaCloudDocs/ram repository) says a single acs:SourceIp value
// must be written as the address, 10.0.0.1, not as 10.0.0.1/32: refused
// when it is the key's only value. The English page says "if you specify
// only one value"; the Chinese page says a single address is always written
// as such. Among several values a /32 is therefore accepted with a warning.
// It matches that one address either way.
func isHostCIDR(s string) bool {
	if !strings.Contains(s, "/") {
		return false
	}
	p, ok := parsePrefix(s)
	return ok && p.Bits() == p.Addr().BitLen()
}

// hostOf is the address a host CIDR block names ("10.0.0.1" for 10.0.0.1/32).
func hostOf(s string) string {
	p, _ := parsePrefix(s)
	return p.Addr().String()
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
