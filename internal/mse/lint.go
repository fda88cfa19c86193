// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agext/levenshtein"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Lint rule names. They are stable: users silence a rule by name with the
// provider's lint_ignore, so a name never changes meaning.
const (
	RuleStarAction        = "star_action"
	RuleFullAccessByHand  = "full_access_by_hand"
	RuleUnknownAction     = "unknown_action"
	RuleLonelyWrite       = "lonely_write"
	RuleAccountOnInstance = "account_level_on_instance"
	RuleWideWrite         = "wide_write"
	RuleWildcardGateway   = "wildcard_gateway"
	RuleListNeedsInstance = "list_needs_instance"
	RuleDocument          = "document"
	RuleTrustAnyone       = "trust_anyone"
)

// LintRules lists every rule name with what it reports, for documentation
// and for checking lint_ignore.
var LintRules = map[string]string{
	RuleStarAction:        "`Action \"*\"`: every action of every service.",
	RuleFullAccessByHand:  "`mse:*` on every MSE resource, which is the system policy `AliyunMSEFullAccess` written by hand.",
	RuleUnknownAction:     "an `mse:` action that is not in the catalog, or a pattern that matches none (a typo grants nothing), with a suggestion.",
	RuleLonelyWrite:       "one write action among read-only ones, as in a read-only policy that slipped.",
	RuleAccountOnInstance: "an account-level action (`mse:ListClusters`, ...) whose `Resource` names only instances, so it never matches.",
	RuleWideWrite:         "a typed block that grants writes on a whole instance or more (every namespace, production included).",
	RuleWildcardGateway:   "a `gateway_id` containing `*`, which covers every gateway whose ID matches.",
	RuleListNeedsInstance: "a `nacos_service` read grant below the instance without console navigation: listing services needs the instance.",
	RuleDocument:          "something RAM accepts in a document but that is probably a slip (see the policy language notes).",
	RuleTrustAnyone:       "a trust policy that lets any account, or every principal of another account, assume the role.",
}

// Finding is one lint result: the rule, where it was found as the user
// wrote it ("nacos_config[1]", `statement 2 ("ReadConfig")`), and what is
// wrong and how to fix it.
type Finding struct {
	Rule, Where, Msg string
}

// String is "<where>: <message> [<rule>]", the form of the warnings list.
func (f Finding) String() string {
	s := f.Msg + " [" + f.Rule + "]"
	if f.Where != "" {
		s = f.Where + ": " + s
	}
	return s
}

// Warnings is findings as the warnings list shows them: their String form,
// sorted, without repeats.
func Warnings(findings []Finding) []string {
	out := make([]string, 0, len(findings))
	for _, f := range findings {
		out = append(out, f.String())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Lint returns findings about a policy document: things RAM accepts but that
// are probably not meant. Each statement is named by its index and Sid; see
// lintStatement for the rules, and policy's document warnings (RuleDocument).
func Lint(doc *policy.Document) []Finding {
	if doc == nil {
		return nil
	}
	out := documentFindings(doc)
	for i, s := range doc.Statements {
		out = append(out, lintStatement(statementName(i, s.Sid), s)...)
	}
	return out
}

// documentFindings turns the policy package's document warnings (what RAM
// accepts but is probably a slip) into findings.
func documentFindings(doc *policy.Document) []Finding {
	var out []Finding
	for _, w := range doc.Warnings() {
		out = append(out, Finding{Rule: RuleDocument, Where: statementName(w.Statement, w.Sid), Msg: elementMsg(w)})
	}
	return out
}

func statementName(i int, sid string) string {
	if i < 0 {
		return "document"
	}
	where := fmt.Sprintf("statement %d", i)
	if sid != "" {
		where += fmt.Sprintf(" (%q)", sid)
	}
	return where
}

func elementMsg(w *policy.ValidationError) string {
	if w.Element == "" {
		return w.Msg
	}
	return w.Element + ": " + w.Msg
}

// lintStatement checks one statement of an identity policy:
//
//   - Action "*" (every action of every service);
//   - mse:* on every MSE resource ("*", acs:mse:*:*:* or
//     acs:mse:*:*:instance/*), which is AliyunMSEFullAccess written by hand;
//   - mse: actions not in the Catalog, and mse: patterns that match no
//     catalog action (a typo grants nothing, silently), with the closest
//     catalog name as a suggestion;
//   - one write among read-only actions (as seed 003's read-only gateway
//     policy has mse:UploadWasmFile); a pattern counts as a write if it
//     matches any write;
//   - account-level actions (mse:ListClusters, ...) whose Resource names
//     only instances, which therefore never match.
func lintStatement(where string, s policy.Statement) []Finding {
	var out []Finding
	warn := func(rule, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Where: where, Msg: fmt.Sprintf(format, args...)})
	}
	for _, a := range append(append([]string(nil), s.Actions...), s.NotActions...) {
		if w := unknownAction(a); w != "" {
			warn(RuleUnknownAction, "%s", w)
		}
	}
	if s.Effect != policy.EffectAllow {
		return out
	}
	for _, a := range s.Actions {
		switch {
		case a == "*":
			warn(RuleStarAction, "Action \"*\" grants every action of every service; name the services' actions")
		case strings.EqualFold(a, allMSE) && anyWholeService(s.Resources):
			warn(RuleFullAccessByHand, "mse:* on every MSE resource is the system policy AliyunMSEFullAccess: attach that, or limit the Resource to instances")
		}
	}
	if w := lonelyWrite(s.Actions); w != "" {
		warn(RuleLonelyWrite, "grants read-only actions and one write, %s; if the statement is meant to be read-only, remove it", w)
	}
	if onlyInstances(s.Resources) {
		for _, a := range s.Actions {
			if c, ok := Lookup(a); ok && strings.HasPrefix(strings.ToLower(a), "mse:") && c.Scope == ScopeAccount {
				warn(RuleAccountOnInstance, "%s is account-level, so a Resource naming instances never matches it: grant it on %s", c.Name, AllResources("", ""))
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
			return fmt.Sprintf("%s is not a known MSE action (RAM action names are the MSE API names)%s", a, didYouMean(suggestAction(a)))
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

func didYouMean(s string) string {
	if s == "" {
		return "; check the spelling"
	}
	return "; did you mean " + s + "?"
}

// suggestAction returns the catalog action closest to an unknown mse:
// action name, or "" when none is close. Close means an edit distance of at
// most a fifth of the name (at least 2), ignoring case, which catches typos
// and a missing or extra letter without suggesting unrelated APIs.
func suggestAction(a string) string {
	_, name, ok := strings.Cut(a, ":")
	if !ok {
		name = a
	}
	s := "mse:" + name
	return closest(s, catalogNames(), max(2, len(s)/5), nil)
}

func catalogNames() []string {
	c := catalog()
	names := make([]string, len(c.list))
	for i, x := range c.list {
		names[i] = x.Name
	}
	return names
}

// closest returns the candidate nearest to s, both compared in lower case,
// within limit edits, or "". key maps a candidate to the text compared (the
// candidate itself when nil).
func closest(s string, candidates []string, limit int, key func(string) string) string {
	best, bestDist := "", limit+1
	for _, c := range candidates {
		k := c
		if key != nil {
			k = key(c)
		}
		if d := levenshtein.Distance(strings.ToLower(s), strings.ToLower(k), nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
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
