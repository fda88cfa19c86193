// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy_test

import (
	"math/rand/v2"
	"strings"
)

// The generator behind TestOracleAgreesWithEvaluator. Policies are built so
// that policy.Parse accepts them (NotResource aside); requests are concrete
// actions and ARNs. Patterns are concrete values mutated into wildcards, so
// that they match often enough to matter.

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance is true with probability n/d.
func chance(r *rand.Rand, n, d int) bool { return r.IntN(d) < n }

var (
	requestActions = []string{
		"mse:GetNacosConfig", "mse:UpdateNacosConfig", "mse:ListClusters", "mse:DeleteCluster",
		"mse:CreateNacosService", "mse:getnacosconfig", "MSE:LISTCLUSTERS", "ram:CreateUser", "sts:AssumeRole",
		"mse:GetNacosConfigHistory",
	}
	fixedActionPatterns = []string{"*", "mse:*", "*:*", "mse:Get*", "mse:*Nacos*", "ram:*", "mse:GetNacosConfig*", "m?e:List*", "*:Get*"}

	// Request ARN parts: an empty region and account are valid ARNs
	// (acs:ram::<account>:user/x) and what '*' must match.
	regions   = []string{"cn-hangzhou", "", "cn-shanghai"}
	accounts  = []string{"1234567890123456", "", "99"}
	instances = []string{"mse-1", "mse-10", "mse-2"}
	// "config" and "naming" as names test the alias rule's edges; ':' in a
	// group or DataId tests '*' across colons in the relative ID.
	namespaces = []string{"ns1", "public", "ns1x"}
	groups     = []string{"DEFAULT_GROUP", "g:1", "config"}
	leaves     = []string{"app.yaml", "svc", "a:b", "naming"}

	fixedResourcePatterns = []string{
		"*", "acs:mse:*:*:*", "acs:*:*:*:*", "acs:mse:*:*:instance/*", "acs:mse:*:*:instance/mse-1",
		"acs:mse:*:*:*nce/mse-1", "acs:mse:*:*:instance/*/ns1", "acs:mse::*:instance/*", "acs:mse:*:*:instance/mse-1/",
		"acs:mse:*:*:instance/mse-?", "acs:mse:*:*:instance/mse-1/*/DEFAULT_GROUP", "acs:mse:*:*:instance/*/*/*/config/*",
		"acs:ram:*:*:*", "acs:mse:*:*:instance/mse-1/ns1/DEFAULT_GROUP/naming/*",
	}
)

// condKey is a condition key with policy and request values of its family.
type condKey struct {
	name, family    string
	policy, request []string
}

// missingKey is never in a request.
const missingKey = "acs:Missing"

var conditionKeys = []condKey{
	{"mse:Tag", "String", []string{"dev", "Dev", "prod", "d*", "?ev", "", "*"}, []string{"dev", "Dev", "DEV", "prod", "", "devx", "d"}},
	{"oss:Prefix", "String", []string{"hangzhou/2015/*", "hangzhou/*", "a?c"}, []string{"hangzhou/2015/x", "hangzhou/", "abc", "ABC"}},
	{"acs:MultiFactorAuthAge", "Numeric", []string{"3600", "60", "1e3", "0.5", "-1", "+2"}, []string{"100", "3600", "3600.0", "4000", "abc", "1e3", ""}},
	{"acs:CurrentTime", "Date",
		[]string{"2026-01-01T00:00:00Z", "2025-06-01T08:00:00+08:00", "2026-01-01", "2026-01-01T00:00:00", "2025-12-31T23:59:59.5Z"},
		[]string{"2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-01-01T08:00:00+08:00", "2025-06-01T00:00:00Z", "garbage", "2026-01-01"}},
	{"acs:SecureTransport", "Bool", []string{"true", "false", "TRUE"}, []string{"true", "false", "True", "yes"}},
	{"acs:MFAPresent", "Bool", []string{"true", "false"}, []string{"true", "false"}},
	{"acs:SourceIp", "Ip",
		[]string{"10.0.0.0/8", "192.168.1.1", "2001:db8::/32", "::ffff:10.0.0.0/104", "0.0.0.0/0", "172.16.0.0/12"},
		[]string{"10.1.2.3", "192.168.1.1", "172.16.0.1", "2001:db8::1", "::ffff:10.0.0.1", "not-an-ip"}},
	{missingKey, "", nil, nil},
}

var operatorsByFamily = map[string][]string{
	"String":  {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"},
	"Numeric": {"NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"},
	"Date":    {"DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"},
	"Bool":    {"Bool"},
	"Ip":      {"IpAddress", "NotIpAddress"},
}

// generator draws policies and requests. It remembers the concrete
// actions and ARNs the last policy's patterns were made from, and draws
// most requests from them, so that statements match often.
type generator struct {
	r                  *rand.Rand
	actions, resources []string
}

func newGenerator(seed uint64) *generator {
	return &generator{r: rand.New(rand.NewPCG(seed, 93738))}
}

// docs makes one or two documents of one to four statements.
func (g *generator) docs() [][]genStatement {
	g.actions, g.resources = nil, nil
	docs := make([][]genStatement, 1+g.r.IntN(2))
	for i := range docs {
		for range 1 + g.r.IntN(4) {
			docs[i] = append(docs[i], g.statement())
		}
	}
	return docs
}

func (g *generator) statement() genStatement {
	r := g.r
	s := genStatement{Effect: "Allow", NotAction: chance(r, 3, 20), NotResource: chance(r, 1, 40)}
	if chance(r, 3, 10) {
		s.Effect = "Deny"
	}
	for range 1 + r.IntN(3) {
		s.Actions = append(s.Actions, g.actionPattern())
	}
	for range 1 + r.IntN(3) {
		s.Resources = append(s.Resources, g.resourcePattern())
	}
	if chance(r, 1, 2) {
		seen := map[string]bool{}
		for range 1 + r.IntN(3) {
			c := genConditionFor(r)
			if id := c.Op + "\x00" + strings.ToLower(c.Key); !seen[id] {
				seen[id] = true
				s.Conditions = append(s.Conditions, c)
			}
		}
	}
	return s
}

func genConditionFor(r *rand.Rand) genCondition {
	k := pick(r, conditionKeys)
	values := k
	if k.name == missingKey {
		values = pick(r, conditionKeys[:len(conditionKeys)-1])
	}
	c := genCondition{Op: pick(r, operatorsByFamily[values.family]), Key: k.name, Bare: chance(r, 1, 4)}
	if chance(r, 3, 10) {
		c.Op += "IfExists"
	}
	if chance(r, 1, 6) {
		c.Key = flipCase(r, c.Key)
	}
	for range 1 + r.IntN(3) {
		c.Values = append(c.Values, pick(r, values.policy))
	}
	return c
}

// request makes a concrete request, two times in three on what the last
// policy's patterns were made from; each known condition key is present
// or not, sometimes spelled in another case, sometimes with two values.
func (g *generator) request() genRequest {
	r := g.r
	req := genRequest{Action: pick(r, requestActions), Resource: genConcreteResource(r), Context: map[string][]string{}}
	if len(g.actions) > 0 && chance(r, 2, 3) {
		req.Action = pick(r, g.actions)
	}
	if len(g.resources) > 0 && chance(r, 2, 3) {
		req.Resource = pick(r, g.resources)
	}
	for _, k := range conditionKeys {
		if k.name == missingKey || chance(r, 1, 3) {
			continue
		}
		name := k.name
		if chance(r, 1, 10) {
			name = flipCase(r, name)
		}
		req.Context[name] = []string{pick(r, k.request)}
		if chance(r, 1, 10) {
			req.Context[name] = append(req.Context[name], pick(r, k.request))
		}
	}
	return req
}

func genConcreteResource(r *rand.Rand) string {
	switch r.IntN(12) {
	case 0:
		return "acs:ram::1234567890123456:user/bob"
	case 1:
		return "acs:mse:" + pick(r, regions) + ":" + pick(r, accounts) + ":gateway/gw-1"
	}
	segs := []string{"instance", pick(r, instances), pick(r, namespaces), pick(r, groups), pick(r, leaves)}
	segs = segs[:2+r.IntN(4)]
	if len(segs) == 5 && chance(r, 1, 2) {
		segs = append(segs[:4], pick(r, []string{"config", "naming"}), segs[4])
	}
	if chance(r, 1, 15) {
		segs = append(segs, "x") // deeper than MSE's levels
	}
	return "acs:mse:" + pick(r, regions) + ":" + pick(r, accounts) + ":" + strings.Join(segs, "/")
}

func (g *generator) actionPattern() string {
	r := g.r
	if chance(r, 1, 4) {
		return pick(r, fixedActionPatterns)
	}
	a := pick(r, requestActions)
	g.actions = append(g.actions, a)
	for range r.IntN(3) {
		if m := mutate(r, a, false); validActionPattern(m) {
			a = m
		}
	}
	return a
}

func (g *generator) resourcePattern() string {
	r := g.r
	if chance(r, 1, 5) {
		return pick(r, fixedResourcePatterns)
	}
	p := genConcreteResource(r)
	g.resources = append(g.resources, p)
	for range r.IntN(4) {
		if m := mutate(r, p, true); validResourcePattern(m) {
			p = m
		}
	}
	return p
}

// mutate makes one wildcard or spelling change: a run of characters (maybe
// across '/' or ':') becomes '*', one character '?', a letter changes
// case; for ARNs also: cut to the parent, '*' appended, the config/naming
// spelling toggled, the region or account made '*' or empty.
func mutate(r *rand.Rand, s string, arn bool) string {
	n := 3
	if arn {
		n = 7
	}
	switch r.IntN(n) {
	case 0:
		i := r.IntN(len(s) + 1)
		j := i + r.IntN(min(12, len(s)-i)+1)
		return s[:i] + "*" + s[j:]
	case 1:
		if len(s) == 0 {
			return s
		}
		i := r.IntN(len(s))
		return s[:i] + "?" + s[i+1:]
	case 2:
		return flipCase(r, s)
	case 3:
		if i := strings.LastIndexByte(s, '/'); i > 0 {
			return s[:i]
		}
		return s
	case 4:
		return s + pick(r, []string{"*", "/*"})
	case 5:
		return toggleAlias(r, s)
	}
	parts := strings.SplitN(s, ":", 5)
	if len(parts) != 5 {
		return s
	}
	parts[2+r.IntN(2)] = pick(r, []string{"*", ""})
	return strings.Join(parts, ":")
}

// toggleAlias switches an MSE leaf between .../<group>/<name> and
// .../<group>/config/<name> (or naming).
func toggleAlias(r *rand.Rand, arn string) string {
	head, rel, ok := cutARN(arn)
	if !ok {
		return arn
	}
	segs := strings.Split(rel, "/")
	switch {
	case len(segs) == 5:
		segs = append(segs[:4], pick(r, []string{"config", "naming"}), segs[4])
	case len(segs) == 6:
		segs = append(segs[:4], segs[5])
	}
	return head + strings.Join(segs, "/")
}

func cutARN(arn string) (head, rel string, ok bool) {
	parts := strings.SplitN(arn, ":", 5)
	if len(parts) != 5 {
		return "", "", false
	}
	return arn[:len(arn)-len(parts[4])], parts[4], true
}

func flipCase(r *rand.Rand, s string) string {
	var letters []int
	for i, c := range s {
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			letters = append(letters, i)
		}
	}
	if len(letters) == 0 {
		return s
	}
	i := pick(r, letters)
	return s[:i] + string(s[i]^0x20) + s[i+1:]
}

// validActionPattern and validResourcePattern keep generated patterns in
// RAM's grammar ("*", <service>:<action>, acs:<service>:<region>:<account>:<id>).
func validActionPattern(a string) bool {
	if a == "*" {
		return true
	}
	service, action, ok := strings.Cut(a, ":")
	return ok && validServiceCode(service) && action != "" && !strings.Contains(action, ":")
}

func validResourcePattern(p string) bool {
	if p == "*" {
		return true
	}
	parts := strings.SplitN(p, ":", 5)
	return len(parts) == 5 && parts[0] == "acs" && validServiceCode(parts[1]) && parts[4] != ""
}

func validServiceCode(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_*?") == ""
}
