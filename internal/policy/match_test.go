// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "testing"

func TestMatchAction(t *testing.T) {
	tests := []struct {
		pattern, action string
		want            bool
	}{
		{"*", "mse:GetNacosConfig", true},
		{"mse:*", "mse:GetNacosConfig", true},
		{"mse:*", "ram:GetUser", false},
		{"mse:Get*", "mse:GetNacosConfig", true},
		{"mse:get*", "MSE:GETNACOSCONFIG", true},
		{"MSE:GetNacosConfig", "mse:getnacosconfig", true},
		{"mse:Get*", "mse:ListClusters", false},
		{"mse:*Config", "mse:UpdateNacosConfig", true},
		{"mse:*Config", "mse:UpdateNacosConfigs", false},
		{"mse:*GatewayIngressMigrateTask*", "mse:ListGatewayIngressMigrateTask", true},
		{"mse:*GatewayIngressMigrateTask*", "mse:GetGatewayIngressMigrateTaskDetail", true},
		{"mse:*TagResources", "mse:UntagResources", true},
		{"mse:*TagResources", "mse:ListTagResources", true},
		{"mse:Get?acosConfig", "mse:GetNacosConfig", true},
		{"mse:Get?", "mse:Get", false},
		{"mse:*a*b*c", "mse:xaybzc", true},
		{"mse:*a*b*c", "mse:xaybzcd", false},
		{"mse:**", "mse:", true},
		{"mse:GetNacosConfig", "mse:GetNacosConfigs", false},
		{"mse:GetNacosConfig", "mse:GetNacosConfi", false},
		{"", "", true},
		{"", "mse:x", false},
		{"*", "", true},
		{"?", "é", true},
		{"x:É*", "x:éa", true},
	}
	for _, tt := range tests {
		if got := MatchAction(tt.pattern, tt.action); got != tt.want {
			t.Errorf("MatchAction(%q, %q) = %v, want %v", tt.pattern, tt.action, got, tt.want)
		}
	}
}

// TestMatchResourcePlain covers RAM's wildcard matching of resources, which
// applies everywhere outside the MSE hierarchy: case-sensitive, '*' crosses
// '/' and ':'.
func TestMatchResourcePlain(t *testing.T) {
	tests := []struct {
		pattern, resource string
		want              bool
	}{
		{"*", "acs:ram::123:user/alice", true},
		{"acs:ram::123:user/*", "acs:ram::123:user/alice", true},
		{"acs:ram::123:user/*", "acs:ram::123:role/admin", false},
		{"acs:ram:*:123:role/*", "acs:ram::123:role/admin", true},
		{"acs:ram::123:user/Alice", "acs:ram::123:user/alice", false},
		{"acs:oss:*:*:mybucket/*", "acs:oss:*:*:mybucket/a/b/c.txt", true},
		{"acs:oss:*:*:mybucket/*", "acs:oss:*:*:otherbucket/a", false},
		{"acs:oss:*:*:mybucket/?.txt", "acs:oss:*:*:mybucket/a.txt", true},
		{"acs:oss:*:*:mybucket/?.txt", "acs:oss:*:*:mybucket/ab.txt", false},
		{"acs:ecs:*:*:instance/i-1", "acs:ecs:*:*:instance/i-1/disk", false},
		{"acs:mse:*:*:*", "acs:mse:cn-hangzhou:123:instance/mse-1/ns/g/d", true},
		{"acs:mse:*:*:instance/gw-8090caa2a3ab447a8bc5fdf3********", "acs:mse:cn-hangzhou:1:instance/gw-8090caa2a3ab447a8bc5fdf3abcdefgh", true},
	}
	for _, tt := range tests {
		got, via := MatchResource(tt.pattern, tt.resource)
		if got != tt.want || via {
			t.Errorf("MatchResource(%q, %q) = %v, %v; want %v, false", tt.pattern, tt.resource, got, via, tt.want)
		}
	}
}

// TestMatchResourceHierarchy covers the MSE rule: instance, namespace and
// group patterns cover what is beneath them; config/naming spellings equal
// the seed spelling; DataId patterns cover only themselves; nothing of this
// applies outside acs:mse:.
func TestMatchResourceHierarchy(t *testing.T) {
	const (
		inst = "acs:mse:*:*:instance/mse-cn-0pp1j8om80a"
		ns   = inst + "/3fd98c48-a709-4061-bba1-e341d79d681b"
		grp  = ns + "/DEFAULT_GROUP"
		data = grp + "/prod.yaml"
		svc  = grp + "/test-service"
		full = "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a/3fd98c48-a709-4061-bba1-e341d79d681b/DEFAULT_GROUP"
	)
	tests := []struct {
		name              string
		pattern, resource string
		match, via        bool
	}{
		{"instance covers namespace", inst, ns, true, true},
		{"instance covers group", inst, grp, true, true},
		{"instance covers dataId", inst, data, true, true},
		{"instance covers service", inst, svc, true, true},
		{"instance covers config form", inst, grp + "/config/prod.yaml", true, true},
		{"instance covers naming form", inst, grp + "/naming/test-service", true, true},
		{"instance covers itself plainly", inst, inst, true, false},
		{"instance prefix is not a parent", inst, "acs:mse:*:*:instance/mse-cn-0pp1j8om80ab/ns", false, false},
		{"instance with region and account", inst, full + "/prod.yaml", true, true},
		{"specific region does not cover another", "acs:mse:cn-beijing:*:instance/mse-cn-0pp1j8om80a", full, false, false},
		{"namespace covers group", ns, grp, true, true},
		{"namespace covers dataId", ns, data, true, true},
		{"namespace covers config form", ns, grp + "/config/prod.yaml", true, true},
		{"namespace does not cover instance", ns, inst, false, false},
		{"namespace does not cover other namespace", ns, inst + "/other-ns/DEFAULT_GROUP/prod.yaml", false, false},
		{"group covers dataId", grp, data, true, true},
		{"group covers service", grp, svc, true, true},
		{"group covers naming form", grp, grp + "/naming/test-service", true, true},
		{"group does not cover other group", grp, ns + "/OTHER_GROUP/prod.yaml", false, false},
		{"group does not cover namespace", grp, ns, false, false},
		{"dataId equals itself", data, data, true, false},
		{"dataId equals config form", data, grp + "/config/prod.yaml", true, true},
		{"config form equals seed form", grp + "/config/prod.yaml", data, true, true},
		{"naming form equals seed form", grp + "/naming/test-service", svc, true, true},
		{"config and naming forms of one name", grp + "/config/x", grp + "/naming/x", true, true},
		{"dataId does not cover sibling", data, grp + "/dev.yaml", false, false},
		{"dataId does not cover sibling config form", data, grp + "/config/dev.yaml", false, false},
		{"dataId covers nothing beneath", data, data + "/x", false, false},
		{"service does not cover sibling", svc, grp + "/naming/other-service", false, false},
		{"wildcard instance covers below", "acs:mse:*:*:instance/mse-*", data, true, false},
		{"wildcard namespace segment", "acs:mse:*:*:instance/mse-cn-0pp1j8om80a/?fd98c48-a709-4061-bba1-e341d79d681b", data, true, true},
		{"wildcard group in any namespace", "acs:mse:*:*:instance/mse-cn-0pp1j8om80a/*/DEFAULT_GROUP", data, true, true},
		{"config-form wildcard covers group", grp + "/config/*", data, true, true},
		// A '*' may span levels: what the pattern matches is covered with
		// everything beneath it (found by the oracle, oracle_test.go).
		{"wildcard spanning levels matches a group", "acs:mse:*:*:instance/*/DEFAULT_GROUP", data, true, true},
		{"wildcard type matches the instance", "acs:mse:*:*:*nce/mse-cn-0pp1j8om80a", ns, true, true},
		{"wildcard instance with region", "acs:mse:cn-*:*:i*a", full + "/prod.yaml", true, true},
		{"empty segment disables ancestry", inst + "/", data, false, false},
		{"resource case-sensitive", inst, "acs:mse:*:*:instance/MSE-CN-0PP1J8OM80A/ns", false, false},
		{"type must be instance", "acs:mse:*:*:cluster/c-1", "acs:mse:*:*:cluster/c-1/x", false, false},
		{"hierarchy is mse only", "acs:ecs:*:*:instance/i-1", "acs:ecs:*:*:instance/i-1/disk/d-1", false, false},
		{"aliases are mse only", "acs:oss:*:*:instance/i/ns/g/d", "acs:oss:*:*:instance/i/ns/g/config/d", false, false},
		{"mse pattern, other resource", inst, "acs:ecs:*:*:instance/mse-cn-0pp1j8om80a/x", false, false},
		{"non-ARN resource", inst, "instance/mse-cn-0pp1j8om80a/x", false, false},
		{"non-ARN pattern", "acs:mse:x", "acs:mse:*:*:instance/i/n", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			match, via := MatchResource(tt.pattern, tt.resource)
			if match != tt.match || via != tt.via {
				t.Errorf("MatchResource(%q, %q) = %v, %v; want %v, %v", tt.pattern, tt.resource, match, via, tt.match, tt.via)
			}
		})
	}
}
