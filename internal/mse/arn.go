// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"strings"
)

// ResourceRef names an MSE resource: an instance (a registry, configuration
// center or gateway), a Nacos namespace in it, a group in the namespace, or
// one configuration (DataId) or service in the group. Region and Account
// default to "*".
type ResourceRef struct {
	Region, Account string
	InstanceID      string
	NamespaceID     string
	Group           string
	Name            string // DataId or service name
}

// AllResources is the ARN of every MSE resource in a region and account
// ("" means "*"): acs:mse:<region>:<account>:*. Account-level actions
// (ListClusters, ...) are granted on it.
func AllResources(region, account string) string {
	return "acs:mse:" + orStar(region) + ":" + orStar(account) + ":*"
}

func orStar(s string) string {
	if s == "" {
		return "*"
	}
	return s
}

// segmentRule is what one ARN segment may hold.
type segmentRule struct {
	field   string // the Terraform argument name, for errors
	max     int
	letters string // "" (digits only), "lower" or "any" ASCII letters
	extra   string // characters allowed besides ASCII letters and digits
	charset string // the rule in words, for errors
}

// The segment rules. Every segment may also be "*" or contain '*', RAM's
// wildcard (seed 003 writes its gateway ID masked as gw-...********, which
// RAM reads as a prefix pattern); '?' is refused because nobody means "one
// character" in an ID and it is easy to type by accident. '/' is never
// allowed inside a segment: it separates them.
var (
	ruleRegion = segmentRule{"region", 64, "lower", "-", "lower-case letters, digits and '-', such as cn-hangzhou"}
	// Alibaba Cloud account IDs are decimal numbers (16 digits today).
	ruleAccount  = segmentRule{"account_id", 32, "", "", "decimal digits"}
	ruleInstance = segmentRule{"instance_id", 64, "any", "-_", "letters, digits, '-' and '_', such as mse-cn-0pp1j8om80a or gw-8090caa2a3ab447a8bc5fdf3..."}
	// Nacos namespace IDs are UUIDs or user-chosen IDs; the default
	// namespace is "public".
	ruleNamespace = segmentRule{"namespace_id", 128, "any", "-_.", "letters, digits, '-', '_' and '.' (the default namespace is \"public\")"}
	// Nacos groups and DataIds allow letters, digits and . : _ - (Nacos
	// rejects anything else); service names in practice add nothing more.
	ruleGroup = segmentRule{"group", 128, "any", "-_.:", "letters, digits, '-', '_', '.' and ':'"}
	ruleName  = segmentRule{"name", 256, "any", "-_.:", "letters, digits, '-', '_', '.' and ':'"}
)

// named returns the rule reported under another argument name.
func (r segmentRule) named(field string) segmentRule {
	r.field = field
	return r
}

func (r segmentRule) check(v string) error {
	if v == "" {
		return fmt.Errorf("%s: must not be empty", r.field)
	}
	if len(v) > r.max {
		return fmt.Errorf("%s: %d characters, at most %d", r.field, len(v), r.max)
	}
	for _, c := range v {
		switch {
		case c == '*':
		case c == '/':
			return fmt.Errorf("%s: %q contains '/', which separates ARN segments", r.field, v)
		case c == '?':
			return fmt.Errorf("%s: %q contains '?': write the ID in full or use '*'", r.field, v)
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'z' && r.letters != "":
		case c >= 'A' && c <= 'Z' && r.letters == "any":
		case strings.ContainsRune(r.extra, c):
		default:
			return fmt.Errorf("%s: %q contains %q; allowed are %s", r.field, v, c, r.charset)
		}
	}
	return nil
}

// ARN returns acs:mse:<region>:<account>:instance/<id>[/<namespace>[/<group>[/<name>]]],
// validating every segment. A segment may only be given when the one above
// it is (a group needs a namespace, ...).
func (r ResourceRef) ARN() (string, error) {
	return r.arn(ruleInstance, ruleName)
}

// arn is ARN with the first and last segments' rules given, so that errors
// name the argument the caller knows ("gateway_id", "data_id", "service").
func (r ResourceRef) arn(first, last segmentRule) (string, error) {
	region, account := orStar(r.Region), orStar(r.Account)
	if region != "*" {
		if err := ruleRegion.check(region); err != nil {
			return "", err
		}
	}
	if account != "*" {
		if err := ruleAccount.check(account); err != nil {
			return "", err
		}
	}
	segs := []struct {
		v    string
		rule segmentRule
	}{{r.InstanceID, first}, {r.NamespaceID, ruleNamespace}, {r.Group, ruleGroup}, {r.Name, last}}
	var b strings.Builder
	b.WriteString("acs:mse:" + region + ":" + account + ":instance")
	for i, s := range segs {
		if s.v == "" {
			if i == 0 {
				return "", fmt.Errorf("%s: must not be empty", s.rule.field)
			}
			for _, below := range segs[i+1:] {
				if below.v != "" {
					return "", fmt.Errorf("%s: set without %s (the ARN is instance/<id>/<namespace>/<group>/<name>)", below.rule.field, s.rule.field)
				}
			}
			break
		}
		if err := s.rule.check(s.v); err != nil {
			return "", err
		}
		b.WriteString("/" + s.v)
	}
	return b.String(), nil
}

// depth is how many segments below "instance/" the reference names (1 for
// an instance ... 4 for a DataId or service).
func (r ResourceRef) depth() int {
	for i, v := range []string{r.NamespaceID, r.Group, r.Name} {
		if v == "" {
			return i + 1
		}
	}
	return 4
}
