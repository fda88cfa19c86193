// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Spec is a parsed fault specification (syntax: the ramsim guide,
// docs/guides/ramsim.md, section "Faults"). The zero value injects nothing.
type Spec struct {
	throttle, fiveXX, lost, reset float64 // probabilities per request
	latency, jitter               time.Duration
	qps                           float64 // per-AccessKey limit; 0 means none
	consistency                   time.Duration
	actions                       map[string]bool // nil: every action
}

// faultKeys are the keys of a spec, in the order String writes them.
var faultKeys = []string{"throttle", "5xx", "lost", "reset", "latency", "jitter", "qps", "consistency", "actions"}

// Parse parses "key=value,key=value". Whitespace around keys and
// values is ignored; an empty spec injects nothing. Every error names the
// offending key and the rule it breaks.
func Parse(text string, known func(action string) bool) (Spec, error) {
	var sp Spec
	seen := map[string]bool{}
	for _, item := range strings.Split(text, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		key, value, ok := strings.Cut(item, "=")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok {
			return Spec{}, fmt.Errorf("faults: %q: want key=value (keys: %s)", item, strings.Join(faultKeys, ", "))
		}
		if seen[key] {
			return Spec{}, fmt.Errorf("faults: key %q: given more than once", key)
		}
		seen[key] = true
		var err error
		switch key {
		case "throttle":
			sp.throttle, err = parseRate(value)
		case "5xx":
			sp.fiveXX, err = parseRate(value)
		case "lost":
			sp.lost, err = parseRate(value)
		case "reset":
			sp.reset, err = parseRate(value)
		case "latency":
			sp.latency, err = parseSpecDuration(value)
		case "jitter":
			sp.jitter, err = parseSpecDuration(value)
		case "consistency":
			sp.consistency, err = parseSpecDuration(value)
		case "qps":
			sp.qps, err = strconv.ParseFloat(value, 64)
			if err != nil || !(sp.qps > 0) || math.IsInf(sp.qps, 0) {
				err = fmt.Errorf("must be a number greater than 0 (requests per second per AccessKey), got %q", value)
			}
		case "actions":
			sp.actions, err = parseActions(value, known)
		default:
			return Spec{}, fmt.Errorf("faults: unknown key %q (keys: %s)", key, strings.Join(faultKeys, ", "))
		}
		if err != nil {
			return Spec{}, fmt.Errorf("faults: key %q: %w", key, err)
		}
	}
	if sum := sp.throttle + sp.fiveXX + sp.lost + sp.reset; sum > 1+1e-9 {
		return Spec{}, fmt.Errorf("faults: keys \"throttle\", \"5xx\", \"lost\", \"reset\": the rates add up to %g, more than 1", sum)
	}
	return sp, nil
}

func parseRate(v string) (float64, error) {
	r, err := strconv.ParseFloat(v, 64)
	if err != nil || !(r >= 0 && r <= 1) {
		return 0, fmt.Errorf("must be a probability between 0 and 1, got %q", v)
	}
	return r, nil
}

func parseSpecDuration(v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("must be a duration of 0 or more such as 50ms or 1s, got %q", v)
	}
	return d, nil
}

// parseActions parses "CreateUser|CreatePolicy": action names that some
// emulated product implements.
func parseActions(v string, known func(action string) bool) (map[string]bool, error) {
	out := map[string]bool{}
	for _, a := range strings.Split(v, "|") {
		a = strings.TrimSpace(a)
		if a == "" {
			return nil, fmt.Errorf("must be action names separated by |, got %q", v)
		}
		if !known(a) {
			return nil, fmt.Errorf("%q is no action of the emulated APIs", a)
		}
		out[a] = true
	}
	return out, nil
}

// Consistency is the delay after which reads see creations and
// deletions; 0 means at once.
func (sp Spec) Consistency() time.Duration { return sp.consistency }

// injects reports whether the spec may inject a per-request fault (all
// keys but consistency).
func (sp Spec) injects() bool {
	return sp.throttle > 0 || sp.fiveXX > 0 || sp.lost > 0 || sp.reset > 0 ||
		sp.latency > 0 || sp.jitter > 0 || sp.qps > 0
}

// scoped reports whether per-request faults apply to action.
func (sp Spec) scoped(action string) bool { return sp.actions == nil || sp.actions[action] }

// String is the canonical form of the spec: set keys only, in faultKeys
// order; Parse(sp.String()) gives sp back.
func (sp Spec) String() string {
	var parts []string
	rate := func(k string, v float64) {
		if v > 0 {
			parts = append(parts, k+"="+strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	dur := func(k string, v time.Duration) {
		if v > 0 {
			parts = append(parts, k+"="+v.String())
		}
	}
	rate("throttle", sp.throttle)
	rate("5xx", sp.fiveXX)
	rate("lost", sp.lost)
	rate("reset", sp.reset)
	dur("latency", sp.latency)
	dur("jitter", sp.jitter)
	rate("qps", sp.qps)
	dur("consistency", sp.consistency)
	if sp.actions != nil {
		names := make([]string, 0, len(sp.actions))
		for a := range sp.actions {
			names = append(names, a)
		}
		sort.Strings(names)
		parts = append(parts, "actions="+strings.Join(names, "|"))
	}
	return strings.Join(parts, ",")
}
