// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Params are one request's API parameters: the query merged with a form
// body. Presence matters: a parameter sent with an empty value is present
// (UpdateUser clears a field that way), an absent one is not.
type Params url.Values

// Get returns the first value of name, or "".
func (p Params) Get(name string) string { return url.Values(p).Get(name) }

// Lookup returns the value of name and whether it was sent at all.
func (p Params) Lookup(name string) (string, bool) {
	v, ok := p[name]
	if !ok || len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// Required returns the value of a mandatory parameter; absent or empty
// answers Missing<name>, as the gateway does.
func (p Params) Required(name string) (string, *Error) {
	v := p.Get(name)
	if v == "" {
		return "", Missing(name)
	}
	return v, nil
}

// Indexes returns, sorted, every N for which a parameter "prefix.N" or
// "prefix.N.<field>" was sent: the flattened form of repeated parameters
// (ResourceId.1, Tag.2.Key) that both SDKs produce.
func (p Params) Indexes(prefix string) []int {
	var ns []int
	for k := range p {
		rest, ok := strings.CutPrefix(k, prefix+".")
		if !ok {
			continue
		}
		num, _, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(num); err == nil && n > 0 && !slices.Contains(ns, n) {
			ns = append(ns, n)
		}
	}
	slices.Sort(ns)
	return ns
}

// List returns the values of the repeated parameter prefix.1..prefix.N in
// order of N; more than limit entries is an invalid parameter.
func (p Params) List(prefix string, limit int) ([]string, *Error) {
	ns := p.Indexes(prefix)
	if len(ns) > limit {
		return nil, Incorrect(prefix)
	}
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = p.Get(prefix + "." + strconv.Itoa(n))
	}
	return out, nil
}

// IntRange parses an optional integer parameter in [lo, hi], def when absent.
func (p Params) IntRange(name string, def, lo, hi int) (int, *Error) {
	v, ok := p.Lookup(name)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, Incorrect(name)
	}
	return n, nil
}

// Boolean parses an optional "true"/"false" parameter, false when absent.
func (p Params) Boolean(name string) (bool, *Error) {
	v, ok := p.Lookup(name)
	if !ok || v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, Incorrect(name)
	}
	return b, nil
}
