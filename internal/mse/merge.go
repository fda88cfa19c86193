// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"slices"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Both steps below change how a document reads, never what it allows or
// denies: they only drop what another statement already grants, and merge
// statements whose union means the same as the parts.

// prune removes from the typed blocks' statements each action that another
// action of the statement, or another unconditional Allow statement, already
// grants on all of the statement's resources. Console navigation's mse:Get*
// on an instance makes a read_only grant's mse:GetNacosConfig on a DataId of
// it redundant; full access's mse:* on an instance makes navigation's
// mse:List* on it redundant (Render has already merged the two, same
// resource, into one statement: that is how seed 001's example 1 has no
// navigation statement for the instance). Statements left without actions
// disappear. Raw, source and override statements are never cut.
//
// Statements are first sorted by their canonical JSON, so the result does
// not depend on the order of the request's blocks; when two statements
// cover each other the earlier one gives way.
func prune(list []stmt) []stmt {
	type keyed struct {
		s   stmt
		key string
	}
	ks := make([]keyed, len(list))
	for i, s := range list {
		ks[i] = keyed{s, statementKey(s.Statement)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	// Exact duplicates (navigation for the same instance from several
	// blocks, say) go first; a copy the user wrote keeps it unprunable.
	list = list[:0]
	for i, k := range ks {
		if i > 0 && k.key == ks[i-1].key {
			last := &list[len(list)-1]
			last.generated = last.generated && k.s.generated
			continue
		}
		list = append(list, k.s)
	}
	// The same pattern/resource pairs come up for many statement pairs.
	memo := map[[2]string]bool{}
	matches := func(p, r string) bool {
		// Different literal instance IDs never match (RAM wildcards in
		// region or account aside, which this shortcut may miss: then an
		// action is merely not pruned).
		if ip, ir := literalInstance(p), literalInstance(r); ip != "" && ir != "" && ip != ir {
			return false
		}
		k := [2]string{p, r}
		m, ok := memo[k]
		if !ok {
			m, _ = policy.MatchResource(p, r)
			m = m && !strings.Contains(p, "?")
			memo[k] = m
		}
		return m
	}
	for i := range list {
		s := &list[i]
		if !s.generated || !plainAllow(s.Statement) {
			continue
		}
		s.Actions = withoutSelfCovered(s.Actions)
		for j, t := range list {
			if j == i || !plainAllow(t.Statement) || len(t.Actions) == 0 || !allCovered(t.Resources, s.Resources, matches) {
				continue
			}
			s.Actions = slices.DeleteFunc(slices.Clone(s.Actions), func(a string) bool { return covers(t.Actions, a) })
			if len(s.Actions) == 0 {
				break
			}
		}
	}
	return slices.DeleteFunc(list, func(s stmt) bool { return len(s.Actions) == 0 && len(s.NotActions) == 0 })
}

// withoutSelfCovered drops the actions another action of the same list
// covers (mse:Get* under mse:*), one at a time so that of two patterns that
// cover each other one stays.
func withoutSelfCovered(actions []string) []string {
	out := slices.Clone(actions)
	for i := 0; i < len(out); {
		a := out[i]
		rest := append(slices.Clone(out[:i]), out[i+1:]...)
		if covers(rest, a) {
			out = rest
			continue
		}
		i++
	}
	return out
}

// plainAllow is an Allow statement with a plain Action list and no
// conditions: the only kind prune compares, since conditions would make
// coverage depend on the request.
func plainAllow(s policy.Statement) bool {
	return s.Effect == policy.EffectAllow && len(s.Conditions) == 0 && len(s.NotActions) == 0 && len(s.Principals) == 0
}

// covers reports whether one of patterns grants action (itself possibly a
// pattern). Patterns are compared by matching the covering pattern against
// the covered one as a literal string; that is exact set inclusion as long
// as the covering pattern has no '?', so patterns with '?' never cover.
func covers(patterns []string, action string) bool {
	return slices.ContainsFunc(patterns, func(q string) bool {
		return !strings.Contains(q, "?") && policy.MatchAction(q, action)
	})
}

// literalInstance returns the instance ID of an MSE ARN when it has no
// wildcard, or "".
func literalInstance(arn string) string {
	rest, ok := strings.CutPrefix(arn, "acs:mse:")
	if !ok {
		return ""
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) != 3 {
		return ""
	}
	id, ok := strings.CutPrefix(parts[2], "instance/")
	if !ok {
		return ""
	}
	id, _, _ = strings.Cut(id, "/")
	if strings.ContainsAny(id, "*?") {
		return ""
	}
	return id
}

// allCovered reports whether every resource is matched by one of patterns;
// match is policy.MatchResource refusing patterns with '?' (see covers).
func allCovered(patterns, resources []string, match func(p, r string) bool) bool {
	for _, r := range resources {
		if !slices.ContainsFunc(patterns, func(p string) bool { return match(p, r) }) {
			return false
		}
	}
	return true
}

// mergeStatements merges statements without a Sid (a Sid names a statement
// that overrides may target, so those stay as written), repeating until
// nothing changes:
//
//   - same effect, resources and conditions, and actions of one service:
//     one statement with the union of the actions. Statements of different
//     services stay apart, as the seeds write them (log: and arms: on "*"
//     are two statements in seed 003);
//   - same effect, actions and conditions: one statement with the union of
//     the resources.
func mergeStatements(list []stmt) []stmt {
	for {
		var changed1, changed2 bool
		list, changed1 = mergeSameResources(list)
		list, changed2 = mergeSameActions(list)
		if !changed1 && !changed2 {
			return list
		}
	}
}

// mergeSameResources is the first rule of mergeStatements. Render also
// applies it to the typed blocks' statements before prune, which then has
// fewer statements to compare (each with the union of the actions on that
// resource, so nothing prunable is lost).
func mergeSameResources(list []stmt) ([]stmt, bool) {
	return mergeBy(list, func(s policy.Statement) string {
		svc := singleService(s.Actions)
		if svc == "" {
			return ""
		}
		return s.Effect + "\x00" + svc + "\x00" + strings.Join(sortedSet(s.Resources), "\x01") + "\x00" + conditionKey(s)
	}, func(dst *policy.Statement, src policy.Statement) {
		dst.Actions = sortedSet(append(dst.Actions, src.Actions...))
	})
}

// mergeSameActions is the second rule of mergeStatements.
func mergeSameActions(list []stmt) ([]stmt, bool) {
	return mergeBy(list, func(s policy.Statement) string {
		return s.Effect + "\x00" + strings.Join(sortedSet(s.Actions), "\x01") + "\x00" + conditionKey(s)
	}, func(dst *policy.Statement, src policy.Statement) {
		dst.Resources = sortedSet(append(dst.Resources, src.Resources...))
	})
}

// mergeBy folds every mergeable statement into the first one with the same
// key ("" means "do not merge this one").
func mergeBy(list []stmt, key func(policy.Statement) string, fold func(dst *policy.Statement, src policy.Statement)) ([]stmt, bool) {
	first := map[string]int{}
	out := list[:0:0]
	changed := false
	for _, s := range list {
		k := ""
		if s.Sid == "" && len(s.NotActions) == 0 && len(s.Principals) == 0 {
			k = key(s.Statement)
		}
		if k != "" {
			if i, ok := first[k]; ok {
				fold(&out[i].Statement, s.Statement)
				out[i].generated = out[i].generated && s.generated
				changed = true
				continue
			}
			first[k] = len(out)
		}
		out = append(out, s)
	}
	return out, changed
}

// singleService returns the service prefix ("mse") all actions share, or "".
func singleService(actions []string) string {
	svc := ""
	for _, a := range actions {
		p, _, ok := strings.Cut(a, ":")
		if !ok || (svc != "" && !strings.EqualFold(p, svc)) {
			return ""
		}
		svc = strings.ToLower(p)
	}
	return svc
}

// conditionKey is the canonical JSON of a statement's conditions alone.
func conditionKey(s policy.Statement) string {
	if len(s.Conditions) == 0 {
		return ""
	}
	probe := policy.Statement{Effect: s.Effect, Actions: []string{"x:y"}, Resources: []string{"*"}, Conditions: s.Conditions}
	return statementKey(probe)
}

// statementKey is a statement's canonical JSON.
func statementKey(s policy.Statement) string {
	return (&policy.Document{Version: policy.Version, Statements: []policy.Statement{s}}).CanonicalJSON()
}

func sortedSet(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}
