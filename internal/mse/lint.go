// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Lint returns warnings about a policy document: things RAM accepts but
// that are probably not meant. It checks, per statement:
//
//   - Action "*" (every action of every service);
//   - mse:* on every MSE resource ("*", acs:mse:*:*:* or
//     acs:mse:*:*:instance/*), which is AliyunMSEFullAccess written by hand;
//   - mse: actions not in the Catalog, and mse: patterns that match no
//     catalog action (a typo grants nothing, silently);
//   - one write among read-only actions (as seed 003's read-only gateway
//     policy has mse:UploadWasmFile); a pattern counts as a write if it
//     matches any write;
//   - account-level actions (mse:ListClusters, ...) whose Resource names
//     only instances, which therefore never match.
func Lint(doc *policy.Document) []string {
	if doc == nil {
		return nil
	}
	var out []string
	for i, s := range doc.Statements {
		where := fmt.Sprintf("statement %d", i)
		if s.Sid != "" {
			where += fmt.Sprintf(" (%q)", s.Sid)
		}
		warn := func(format string, args ...any) {
			out = append(out, where+": "+fmt.Sprintf(format, args...))
		}
		for _, a := range append(append([]string(nil), s.Actions...), s.NotActions...) {
			if w := unknownAction(a); w != "" {
				warn("%s", w)
			}
		}
		if s.Effect != policy.EffectAllow {
			continue
		}
		for _, a := range s.Actions {
			switch {
			case a == "*":
				warn("Action \"*\" grants every action of every service; name the services' actions")
			case strings.EqualFold(a, allMSE) && anyWholeService(s.Resources):
				warn("mse:* on every MSE resource is the system policy AliyunMSEFullAccess: attach that, or limit the Resource to instances")
			}
		}
		if w := lonelyWrite(s.Actions); w != "" {
			warn("grants read-only actions and one write, %s; if the statement is meant to be read-only, remove it", w)
		}
		if onlyInstances(s.Resources) {
			for _, a := range s.Actions {
				if c, ok := Lookup(a); ok && strings.HasPrefix(strings.ToLower(a), "mse:") && c.Scope == ScopeAccount {
					warn("%s is account-level, so a Resource naming instances never matches it: grant it on %s", c.Name, AllResources("", ""))
				}
			}
		}
	}
	return out
}

// unknownAction explains why an mse: action or pattern is unknown, or
// returns "".
func unknownAction(a string) string {
	svc, name, ok := strings.Cut(a, ":")
	if !ok || !strings.EqualFold(svc, "mse") || name == "*" {
		return ""
	}
	if !strings.ContainsAny(name, "*?") {
		if _, ok := Lookup(a); !ok {
			return fmt.Sprintf("%s is not a known MSE action (RAM action names are the MSE API names); check the spelling", a)
		}
		return ""
	}
	for _, p := range seedPatterns {
		if strings.EqualFold(p, a) {
			return ""
		}
	}
	if len(actionsMatching(a)) == 0 {
		return fmt.Sprintf("%s matches no known MSE action; check the spelling", a)
	}
	return ""
}

func anyWholeService(resources []string) bool {
	for _, r := range resources {
		switch r {
		case "*", "acs:mse:*:*:*", "acs:mse:*:*:instance/*":
			return true
		}
	}
	return false
}

// lonelyWrite returns the only write-granting entry of a list that also
// grants at least two read-only entries, or "". Entries matching no catalog
// action are ignored.
func lonelyWrite(actions []string) string {
	var reads int
	var writes []string
	for _, a := range actions {
		var matched []Action
		if c, ok := Lookup(a); ok { // the common case, without a scan
			matched = []Action{c}
		} else {
			matched = actionsMatching(a)
		}
		if len(matched) == 0 {
			continue
		}
		write := false
		for _, m := range matched {
			write = write || !m.ReadOnly
		}
		if write {
			writes = append(writes, a)
		} else {
			reads++
		}
	}
	if len(writes) == 1 && reads >= 2 {
		return writes[0]
	}
	return ""
}

// onlyInstances reports whether every resource names an MSE instance (or
// something below one), so account-level actions cannot match.
func onlyInstances(resources []string) bool {
	for _, r := range resources {
		parts := strings.SplitN(r, ":", 5)
		if len(parts) != 5 || parts[0] != "acs" || parts[1] != "mse" || !strings.HasPrefix(parts[4], "instance/") {
			return false
		}
	}
	return len(resources) > 0
}
