// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"slices"
	"testing"
)

// ctx builds a request context of single-valued keys.
func ctx(kv ...string) map[string][]string {
	m := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = append(m[kv[i]], kv[i+1])
	}
	return m
}

// TestConditionOperators covers every operator: a match, a miss, a missing
// key and an unreadable request value.
func TestConditionOperators(t *testing.T) {
	const (
		key  = "acs:Test"
		time = "acs:CurrentTime"
		ip   = "acs:SourceIp"
	)
	tests := []struct {
		name   string
		op     string
		key    string
		values []string
		ctx    map[string][]string
		want   bool
	}{
		// String operators.
		{"StringEquals match", "StringEquals", key, []string{"a", "b"}, ctx(key, "b"), true},
		{"StringEquals case", "StringEquals", key, []string{"abc"}, ctx(key, "ABC"), false},
		{"StringEquals miss", "StringEquals", key, []string{"a"}, ctx(key, "c"), false},
		{"StringEquals missing", "StringEquals", key, []string{"a"}, ctx(), false},
		{"StringEquals empty value", "StringEquals", "oss:Prefix", []string{""}, ctx("oss:Prefix", ""), true},
		{"StringNotEquals match", "StringNotEquals", key, []string{"a", "b"}, ctx(key, "c"), true},
		{"StringNotEquals miss", "StringNotEquals", key, []string{"a", "b"}, ctx(key, "a"), false},
		{"StringNotEquals missing", "StringNotEquals", key, []string{"a"}, ctx(), true},
		{"StringEqualsIgnoreCase match", "StringEqualsIgnoreCase", key, []string{"Hello"}, ctx(key, "hELLO"), true},
		{"StringEqualsIgnoreCase miss", "StringEqualsIgnoreCase", key, []string{"Hello"}, ctx(key, "hell"), false},
		{"StringEqualsIgnoreCase missing", "StringEqualsIgnoreCase", key, []string{"Hello"}, ctx(), false},
		{"StringNotEqualsIgnoreCase match", "StringNotEqualsIgnoreCase", key, []string{"Hello"}, ctx(key, "bye"), true},
		{"StringNotEqualsIgnoreCase miss", "StringNotEqualsIgnoreCase", key, []string{"Hello"}, ctx(key, "HELLO"), false},
		{"StringNotEqualsIgnoreCase missing", "StringNotEqualsIgnoreCase", key, []string{"Hello"}, ctx(), true},
		{"StringLike star", "StringLike", key, []string{"dev-*"}, ctx(key, "dev-team"), true},
		{"StringLike question", "StringLike", key, []string{"v?"}, ctx(key, "v2"), true},
		{"StringLike case-sensitive", "StringLike", key, []string{"dev-*"}, ctx(key, "DEV-team"), false},
		{"StringLike miss", "StringLike", key, []string{"v?"}, ctx(key, "v10"), false},
		{"StringLike missing", "StringLike", key, []string{"*"}, ctx(), false},
		{"StringNotLike match", "StringNotLike", key, []string{"prod-*"}, ctx(key, "dev-1"), true},
		{"StringNotLike miss", "StringNotLike", key, []string{"prod-*"}, ctx(key, "prod-1"), false},
		{"StringNotLike missing", "StringNotLike", key, []string{"prod-*"}, ctx(), true},

		// Numeric operators.
		{"NumericEquals match", "NumericEquals", key, []string{"10"}, ctx(key, "10.0"), true},
		{"NumericEquals miss", "NumericEquals", key, []string{"10"}, ctx(key, "11"), false},
		{"NumericEquals missing", "NumericEquals", key, []string{"10"}, ctx(), false},
		{"NumericEquals bad request", "NumericEquals", key, []string{"10"}, ctx(key, "ten"), false},
		{"NumericNotEquals match", "NumericNotEquals", key, []string{"10"}, ctx(key, "11"), true},
		{"NumericNotEquals miss", "NumericNotEquals", key, []string{"10"}, ctx(key, "1e1"), false},
		{"NumericNotEquals missing", "NumericNotEquals", key, []string{"10"}, ctx(), true},
		{"NumericNotEquals bad request", "NumericNotEquals", key, []string{"10"}, ctx(key, "ten"), true},
		{"NumericLessThan match", "NumericLessThan", key, []string{"10"}, ctx(key, "9.5"), true},
		{"NumericLessThan equal", "NumericLessThan", key, []string{"10"}, ctx(key, "10"), false},
		{"NumericLessThan negative", "NumericLessThan", key, []string{"-1"}, ctx(key, "-2"), true},
		{"NumericLessThan missing", "NumericLessThan", key, []string{"10"}, ctx(), false},
		{"NumericLessThan bad request", "NumericLessThan", key, []string{"10"}, ctx(key, "0x1"), false},
		{"NumericLessThanEquals equal", "NumericLessThanEquals", key, []string{"10"}, ctx(key, "10"), true},
		{"NumericLessThanEquals miss", "NumericLessThanEquals", key, []string{"10"}, ctx(key, "10.01"), false},
		{"NumericLessThanEquals missing", "NumericLessThanEquals", key, []string{"10"}, ctx(), false},
		{"NumericGreaterThan match", "NumericGreaterThan", key, []string{"10"}, ctx(key, "11"), true},
		{"NumericGreaterThan equal", "NumericGreaterThan", key, []string{"10"}, ctx(key, "10"), false},
		{"NumericGreaterThan missing", "NumericGreaterThan", key, []string{"10"}, ctx(), false},
		{"NumericGreaterThanEquals equal", "NumericGreaterThanEquals", key, []string{"10"}, ctx(key, "10"), true},
		{"NumericGreaterThanEquals miss", "NumericGreaterThanEquals", key, []string{"10"}, ctx(key, "9"), false},
		{"NumericGreaterThanEquals missing", "NumericGreaterThanEquals", key, []string{"10"}, ctx(), false},
		{"Numeric any policy value", "NumericEquals", key, []string{"1", "2", "3"}, ctx(key, "3"), true},

		// Date operators.
		{"DateEquals match across zones", "DateEquals", time, []string{"2026-01-02T08:00:00+08:00"}, ctx(time, "2026-01-02T00:00:00Z"), true},
		{"DateEquals no zone is UTC", "DateEquals", time, []string{"2026-01-01T00:00:00"}, ctx(time, "2026-01-01T08:00:00+08:00"), true},
		{"DateEquals date only", "DateEquals", time, []string{"2026-01-01"}, ctx(time, "2026-01-01T00:00:00Z"), true},
		{"DateEquals miss", "DateEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(time, "2026-01-02T00:00:01Z"), false},
		{"DateEquals missing", "DateEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(), false},
		{"DateEquals bad request", "DateEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(time, "yesterday"), false},
		{"DateNotEquals match", "DateNotEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(time, "2026-01-03T00:00:00Z"), true},
		{"DateNotEquals miss", "DateNotEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(time, "2026-01-02T00:00:00.000Z"), false},
		{"DateNotEquals missing", "DateNotEquals", time, []string{"2026-01-02T00:00:00Z"}, ctx(), true},
		{"DateLessThan match", "DateLessThan", time, []string{"2012-11-11T23:59:59Z"}, ctx(time, "2012-11-11T23:59:58Z"), true},
		{"DateLessThan equal", "DateLessThan", time, []string{"2012-11-11T23:59:59Z"}, ctx(time, "2012-11-11T23:59:59Z"), false},
		{"DateLessThan fractional", "DateLessThan", time, []string{"2012-11-11T23:59:59Z"}, ctx(time, "2012-11-11T23:59:58.999Z"), true},
		{"DateLessThan missing", "DateLessThan", time, []string{"2012-11-11T23:59:59Z"}, ctx(), false},
		{"DateLessThanEquals equal", "DateLessThanEquals", time, []string{"2012-11-11T23:59:59Z"}, ctx(time, "2012-11-11T23:59:59Z"), true},
		{"DateLessThanEquals miss", "DateLessThanEquals", time, []string{"2012-11-11T23:59:59Z"}, ctx(time, "2012-11-12T00:00:00Z"), false},
		{"DateLessThanEquals missing", "DateLessThanEquals", time, []string{"2012-11-11T23:59:59Z"}, ctx(), false},
		{"DateGreaterThan match", "DateGreaterThan", time, []string{"2026-01-01"}, ctx(time, "2026-06-01T12:00:00+02:00"), true},
		{"DateGreaterThan miss", "DateGreaterThan", time, []string{"2026-01-01"}, ctx(time, "2025-12-31T23:59:59Z"), false},
		{"DateGreaterThan missing", "DateGreaterThan", time, []string{"2026-01-01"}, ctx(), false},
		{"DateGreaterThanEquals equal", "DateGreaterThanEquals", time, []string{"2026-01-01"}, ctx(time, "2026-01-01T00:00:00Z"), true},
		{"DateGreaterThanEquals miss", "DateGreaterThanEquals", time, []string{"2026-01-01"}, ctx(time, "2025-12-31T23:59:59.5Z"), false},
		{"DateGreaterThanEquals epoch request", "DateGreaterThanEquals", time, []string{"2026-01-01"}, ctx(time, "1767225600"), false},
		{"DateGreaterThanEquals missing", "DateGreaterThanEquals", time, []string{"2026-01-01"}, ctx(), false},

		// Bool.
		{"Bool true", "Bool", "acs:SecureTransport", []string{"true"}, ctx("acs:SecureTransport", "true"), true},
		{"Bool case-insensitive", "Bool", "acs:SecureTransport", []string{"TRUE"}, ctx("acs:SecureTransport", "True"), true},
		{"Bool false", "Bool", "acs:MFAPresent", []string{"false"}, ctx("acs:MFAPresent", "false"), true},
		{"Bool miss", "Bool", "acs:MFAPresent", []string{"true"}, ctx("acs:MFAPresent", "false"), false},
		{"Bool missing", "Bool", "acs:MFAPresent", []string{"true"}, ctx(), false},
		{"Bool missing does not equal false", "Bool", "acs:MFAPresent", []string{"false"}, ctx(), false},
		{"Bool bad request", "Bool", "acs:MFAPresent", []string{"true"}, ctx("acs:MFAPresent", "1"), false},

		// IP.
		{"IpAddress cidr", "IpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "10.1.2.3"), true},
		{"IpAddress single", "IpAddress", ip, []string{"192.168.1.1"}, ctx(ip, "192.168.1.1"), true},
		{"IpAddress single miss", "IpAddress", ip, []string{"192.168.1.1"}, ctx(ip, "192.168.1.2"), false},
		{"IpAddress host bits", "IpAddress", ip, []string{"10.1.2.3/8"}, ctx(ip, "10.200.0.1"), true},
		{"IpAddress several", "IpAddress", ip, []string{"10.0.0.0/8", "172.16.0.0/12"}, ctx(ip, "172.20.0.1"), true},
		{"IpAddress miss", "IpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "11.0.0.1"), false},
		{"IpAddress ipv6", "IpAddress", ip, []string{"2001:db8::/32"}, ctx(ip, "2001:db8::1"), true},
		{"IpAddress mapped", "IpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "::ffff:10.0.0.1"), true},
		{"IpAddress v6 vs v4", "IpAddress", ip, []string{"2001:db8::/32"}, ctx(ip, "10.0.0.1"), false},
		{"IpAddress missing", "IpAddress", ip, []string{"0.0.0.0/0"}, ctx(), false},
		{"IpAddress request cidr", "IpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "10.0.0.1/32"), false},
		{"IpAddress bad request", "IpAddress", ip, []string{"0.0.0.0/0"}, ctx(ip, "localhost"), false},
		{"NotIpAddress match", "NotIpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "8.8.8.8"), true},
		{"NotIpAddress miss", "NotIpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "10.0.0.8"), false},
		{"NotIpAddress missing", "NotIpAddress", ip, []string{"10.0.0.0/8"}, ctx(), true},
		{"NotIpAddress bad request", "NotIpAddress", ip, []string{"10.0.0.0/8"}, ctx(ip, "garbage"), true},

		// Keys and multiple request values.
		{"key case-insensitive", "StringEquals", "RAM:servicename", []string{"mse.aliyuncs.com"}, ctx("ram:ServiceName", "mse.aliyuncs.com"), true},
		{"several request values any", "StringEquals", key, []string{"b"}, ctx(key, "a", key, "b"), true},
		{"several request values not", "StringNotEquals", key, []string{"b"}, ctx(key, "a", key, "b"), false},
		{"unknown operator never matches", "StringStartsWith", key, []string{"a"}, ctx(key, "a"), false},
	}
	// Every row again with the IfExists form: true when the key is missing,
	// the base operator's answer otherwise.
	for _, tt := range tests {
		if _, ok := baseOperators[tt.op]; !ok {
			continue
		}
		ie := tt
		ie.name, ie.op = tt.name+" IfExists", tt.op+ifExistsSuffix
		if len(lookup(tt.ctx, tt.key)) == 0 {
			ie.want = true
		}
		tests = append(tests, ie)
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.op] = true
		t.Run(tt.name, func(t *testing.T) {
			c := Condition{Operator: tt.op, Key: tt.key, Values: tt.values}
			if got := c.matches(tt.ctx); got != tt.want {
				t.Errorf("%s %s %v with %v = %v, want %v", tt.op, tt.key, tt.values, tt.ctx, got, tt.want)
			}
		})
	}
	for _, op := range Operators() {
		if !seen[op] {
			t.Errorf("operator %s has no test", op)
		}
	}
}

// TestConditionsCombine checks OR within a key, AND across keys and
// operators, through a whole statement.
func TestConditionsCombine(t *testing.T) {
	d, err := Parse(doc(`{"Effect":"Allow","Action":"mse:*","Resource":"*","Condition":{
		"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]},
		"Bool":{"acs:SecureTransport":"true","acs:MFAPresent":"true"},
		"DateLessThan":{"acs:CurrentTime":"2030-01-01T00:00:00Z"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	full := ctx("acs:SourceIp", "192.168.3.4", "acs:SecureTransport", "true", "acs:MFAPresent", "true", "acs:CurrentTime", "2026-05-01T00:00:00Z")
	tests := []struct {
		name string
		drop string
		set  []string
		want Decision
	}{
		{"all hold", "", nil, Allow},
		{"second IP value", "", []string{"acs:SourceIp", "10.9.9.9"}, Allow},
		{"IP outside both", "", []string{"acs:SourceIp", "172.16.0.1"}, ImplicitDeny},
		{"one key of an operator fails", "", []string{"acs:MFAPresent", "false"}, ImplicitDeny},
		{"another operator fails", "", []string{"acs:CurrentTime", "2031-01-01T00:00:00Z"}, ImplicitDeny},
		{"missing key", "acs:SecureTransport", nil, ImplicitDeny},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := map[string][]string{}
			for k, v := range full {
				if k != tt.drop {
					c[k] = slices.Clone(v)
				}
			}
			if tt.set != nil {
				c[tt.set[0]] = []string{tt.set[1]}
			}
			if got := Evaluate([]*Document{d}, Request{Action: "mse:GetNacosConfig", Resource: "acs:mse:*:*:instance/x", Context: c}); got.Decision != tt.want {
				t.Errorf("got %v, want %v", got.Decision, tt.want)
			}
		})
	}
}

func TestOperatorsList(t *testing.T) {
	ops := Operators()
	if len(ops) != 42 || !slices.IsSorted(ops) || !slices.Contains(ops, "DateLessThanIfExists") {
		t.Errorf("Operators() = %v", ops)
	}
}
