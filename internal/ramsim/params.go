// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// params are one request's API parameters: the query merged with a form
// body. Presence matters: a parameter sent with an empty value is present
// (UpdateUser clears a field that way), an absent one is not.
type params url.Values

// get returns the first value of name, or "".
func (p params) get(name string) string { return url.Values(p).Get(name) }

// lookup returns the value of name and whether it was sent at all.
func (p params) lookup(name string) (string, bool) {
	v, ok := p[name]
	if !ok || len(v) == 0 {
		return "", false
	}
	return v[0], true
}

// required returns the value of a mandatory parameter; absent or empty
// answers Missing<name>, as the gateway does.
func (p params) required(name string) (string, *apiError) {
	v := p.get(name)
	if v == "" {
		return "", errMissing(name)
	}
	return v, nil
}

// indexes returns, sorted, every N for which a parameter "prefix.N" or
// "prefix.N.<field>" was sent: the flattened form of repeated parameters
// (ResourceId.1, Tag.2.Key) that both SDKs produce.
func (p params) indexes(prefix string) []int {
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

// list returns the values of the repeated parameter prefix.1..prefix.N in
// order of N; more than limit entries is an invalid parameter.
func (p params) list(prefix string, limit int) ([]string, *apiError) {
	ns := p.indexes(prefix)
	if len(ns) > limit {
		return nil, errIncorrect(prefix)
	}
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = p.get(prefix + "." + strconv.Itoa(n))
	}
	return out, nil
}

// intRange parses an optional integer parameter in [lo, hi], def when absent.
func (p params) intRange(name string, def, lo, hi int) (int, *apiError) {
	v, ok := p.lookup(name)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, errIncorrect(name)
	}
	return n, nil
}

// boolean parses an optional "true"/"false" parameter, false when absent.
func (p params) boolean(name string) (bool, *apiError) {
	v, ok := p.lookup(name)
	if !ok || v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, errIncorrect(name)
	}
	return b, nil
}
