// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "testing"

// tenStatementPolicy is a realistic ten-statement MSE policy: read-only
// access, configuration and service grants under two namespaces, a gateway,
// service-linked role creation, and two conditional Denies (network and
// transport), so every decision checks all ten statements' actions.
const tenStatementPolicy = `{"Version":"1","Statement":[
{"Sid":"ReadOnly","Effect":"Allow","Action":["mse:List*","mse:Get*","mse:Query*"],"Resource":"acs:mse:*:1234567890123456:*"},
{"Sid":"ProdConfigs","Effect":"Allow","Action":["mse:UpdateNacosConfig","mse:CreateNacosConfig"],"Resource":"acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/config/prod*"},
{"Sid":"DevConfigs","Effect":"Allow","Action":"mse:*NacosConfig*","Resource":"acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/dev/*"},
{"Sid":"Services","Effect":"Allow","Action":["mse:CreateNacosService","mse:UpdateNacosService","mse:DeleteNacosService"],"Resource":"acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/service/*"},
{"Sid":"Instances","Effect":"Allow","Action":["mse:CreateNacosInstance","mse:UpdateNacosInstance","mse:DeleteNacosInstance"],"Resource":"acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/service/*"},
{"Sid":"Gateway","Effect":"Allow","Action":["mse:AddGatewayRoute","mse:DeleteGatewayRoute","mse:UpdateGatewayRoute*"],"Resource":"acs:mse:cn-hangzhou:1234567890123456:instance/gw-8090caa2a3ab447a8bc5fdf3a3ab447a"},
{"Sid":"Office","Effect":"Allow","Action":"mse:ExportNacosConfig","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8"]}}},
{"Sid":"SLR","Effect":"Allow","Action":"ram:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"ram:ServiceName":["mse.aliyuncs.com","mse-gw.mse.aliyuncs.com"]}}},
{"Sid":"OffNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}},
{"Sid":"PlainHTTP","Effect":"Deny","Action":["mse:Update*","mse:Delete*","mse:Create*"],"Resource":"*","Condition":{"Bool":{"acs:SecureTransport":["false"]}}}
]}`

// BenchmarkEvaluateTenStatements is one decision against one ten-statement
// policy, the figure behind the target of 1e6 decisions/s/core.
func BenchmarkEvaluateTenStatements(b *testing.B) {
	d := mustParse(b, Parse, tenStatementPolicy)
	if len(d.Statements) != 10 {
		b.Fatalf("%d statements", len(d.Statements))
	}
	docs := []*Document{d}
	in := map[string][]string{"acs:SourceIp": {"10.1.2.3"}, "acs:SecureTransport": {"true"}}
	out := map[string][]string{"acs:SourceIp": {"8.8.8.8"}, "acs:SecureTransport": {"true"}}
	reqs := []struct {
		name string
		req  Request
		want Decision
	}{
		// Allowed by statement 4 (after the ReadOnly and config statements
		// are tried); both Denies are still checked.
		{"allow", Request{Action: "mse:UpdateNacosService", Resource: "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/service/test-service", Context: in}, Allow},
		// Allowed through the MSE hierarchy: a config under an allowed prefix.
		{"allow-readonly", Request{Action: "mse:GetNacosConfig", Resource: "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP/config/prod.yaml", Context: in}, Allow},
		// Nothing allows it: every statement is tried.
		{"implicit-deny", Request{Action: "ram:CreateUser", Resource: "acs:ram::1234567890123456:user/alice", Context: in}, ImplicitDeny},
		// The network Deny wins.
		{"explicit-deny", Request{Action: "mse:GetNacosConfig", Resource: "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a", Context: out}, ExplicitDeny},
	}
	for _, c := range reqs {
		if got := Evaluate(docs, c.req).Decision; got != c.want {
			b.Fatalf("%s: %v, want %v", c.name, got, c.want)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Evaluate(docs, c.req)
			}
		})
	}
}
