// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "testing"

// benchDocs is the set a RAM user with the seed policies attached would be
// evaluated against: every seed identity policy plus a conditional Deny.
func benchDocs(b *testing.B) []*Document {
	var docs []*Document
	for _, name := range fixtureNames(b) {
		if name[0] == '0' {
			docs = append(docs, mustParse(b, Parse, readFixture(b, name)))
		}
	}
	return append(docs, mustParse(b, Parse, doc(`{"Sid":"OffNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}}`)))
}

func BenchmarkEvaluate(b *testing.B) {
	docs := benchDocs(b)
	reqs := map[string]Request{
		// Checks every statement (only the Deny can still change an Allow).
		"allow-hierarchy": {Action: "mse:UpdateNacosConfig", Resource: "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/config/prod.yaml", Context: ctx("acs:SourceIp", "10.1.2.3")},
		"implicit-deny":   {Action: "ram:CreateUser", Resource: "acs:ram::1234567890123456:user/alice", Context: ctx("acs:SourceIp", "10.1.2.3")},
		"explicit-deny":   {Action: "mse:GetNacosConfig", Resource: "acs:mse:*:*:instance/mse-cn-0pp1j8om80a", Context: ctx("acs:SourceIp", "8.8.8.8")},
	}
	for name, req := range reqs {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(docs, req)
			}
		})
	}
}

func BenchmarkCanonicalJSON(b *testing.B) {
	d := mustParse(b, Parse, readFixture(b, "003_gateway_readwrite.json"))
	b.ReportAllocs()
	for b.Loop() {
		_ = d.CanonicalJSON()
	}
}

func BenchmarkParse(b *testing.B) {
	in := readFixture(b, "003_gateway_readwrite.json")
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Parse(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEquivalent(b *testing.B) {
	a := readFixture(b, "003_gateway_readwrite.json")
	c := mustParse(b, Parse, a).CanonicalJSON()
	b.ReportAllocs()
	for b.Loop() {
		if ok, err := Equivalent(a, c); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
