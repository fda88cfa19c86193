// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func fixtureNames(t testing.TB) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	return names
}

// TestFixturesParse parses every seed policy (trust_*.json as trust
// policies) and checks its canonical form is a fixed point.
func TestFixturesParse(t *testing.T) {
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			parse := Parse
			if strings.HasPrefix(name, "trust_") {
				parse = ParseTrust
			}
			d := mustParse(t, parse, readFixture(t, name))
			assertFixedPoint(t, d.CanonicalJSON())
			if ok, err := Equivalent(readFixture(t, name), d.IndentedJSON()); !ok || err != nil {
				t.Errorf("fixture not equivalent to its rendering: %v", err)
			}
		})
	}
}

// TestFixturesGrant checks that each seed example grants what its
// documentation says it grants, and nothing next to it.
func TestFixturesGrant(t *testing.T) {
	const (
		inst  = "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-0pp1j8om80a"
		ns    = inst + "/3fd98c48-a709-4061-bba1-e341d79d681b"
		grp   = ns + "/DEFAULT_GROUP"
		other = "acs:mse:cn-hangzhou:1234567890123456:instance/mse-cn-other"
		gw    = "acs:mse:cn-hangzhou:1234567890123456:instance/gw-8090caa2a3ab447a8bc5fdf3abcd1234"
		all   = "acs:mse:*:*:*"
	)
	type check struct {
		action, resource string
		want             Decision
		via              bool
	}
	tests := []struct {
		fixture string
		checks  []check
	}{
		{"001_example1_instance.json", []check{
			{"mse:ListClusters", all, Allow, false},
			{"mse:DeleteCluster", inst, Allow, false},
			{"mse:UpdateNacosConfig", grp + "/prod.yaml", Allow, true},
			{"mse:DeleteNacosService", grp + "/naming/test-service", Allow, true},
			{"mse:DeleteCluster", other, ImplicitDeny, false},
			{"ram:CreateUser", inst, ImplicitDeny, false},
		}},
		{"001_example2_readonly.json", []check{
			{"mse:ListClusters", all, Allow, false},
			{"mse:QueryClusterDetail", inst, Allow, false},
			{"mse:GetNacosConfig", grp + "/prod.yaml", Allow, false},
			{"mse:UpdateNacosConfig", grp + "/prod.yaml", ImplicitDeny, false},
			{"mse:DeleteCluster", inst, ImplicitDeny, false},
		}},
		{"001_example3_namespace.json", []check{
			{"mse:GetNacosConfig", grp + "/any.yaml", Allow, true},
			{"mse:CreateNacosConfig", grp + "/new.yaml", Allow, true},
			{"mse:UpdateNacosConfig", ns + "/OTHER_GROUP/config/x.yaml", Allow, true},
			{"mse:UpdateNacosConfig", inst + "/other-namespace/DEFAULT_GROUP/prod.yaml", ImplicitDeny, false},
			{"mse:DeleteNacosConfig", grp + "/prod.yaml", ImplicitDeny, false},
			{"mse:GetNacosConfig", other, ImplicitDeny, false},
		}},
		{"001_example4_dataid.json", []check{
			{"mse:UpdateNacosConfig", grp + "/prod.yaml", Allow, false},
			{"mse:UpdateNacosConfig", grp + "/config/prod.yaml", Allow, true},
			{"mse:UpdateNacosConfig", grp + "/dev.yaml", ImplicitDeny, false},
			{"mse:GetNacosConfig", grp + "/dev.yaml", Allow, true},
		}},
		{"001_example5_service.json", []check{
			{"mse:UpdateNacosService", grp + "/test-service", Allow, false},
			{"mse:CreateNacosService", grp + "/naming/test-service", Allow, true},
			{"mse:UpdateNacosService", grp + "/other-service", ImplicitDeny, false},
			{"mse:UpdateNacosConfig", grp + "/test-service", ImplicitDeny, false},
		}},
		{"003_gateway_readonly.json", []check{
			{"mse:GetGatewayRouteDetail", gw, Allow, false},
			{"mse:ListGatewayZone", all, Allow, false},
			{"log:ListProject", "acs:log:*:*:project/p", Allow, false},
			{"mse:UploadWasmFile", gw, ImplicitDeny, false},
			{"mse:AddGatewayRoute", gw, ImplicitDeny, false},
			{"mse:GetGatewayRouteDetail", "acs:mse:cn-hangzhou:1:instance/gw-other", ImplicitDeny, false},
		}},
		{"003_gateway_readwrite.json", []check{
			{"mse:AddGatewayRoute", gw, Allow, false},
			{"mse:DeleteGatewayDomain", gw + "/route/r-1", Allow, false},
			{"mse:UntagResources", all, Allow, false},
			{"mse:CreateGatewayIngressMigrateTask", all, Allow, false},
			{"log:OpenProductDataCollection", "acs:log:*:*:project/p", Allow, false},
			{"mse:DeleteGateway", "acs:mse:cn-hangzhou:1:instance/gw-other", ImplicitDeny, false},
		}},
	}
	for _, tt := range tests {
		d := mustParse(t, Parse, readFixture(t, tt.fixture))
		for _, c := range tt.checks {
			got := Evaluate([]*Document{d}, Request{Action: c.action, Resource: c.resource})
			if got.Decision != c.want || got.ViaHierarchy != c.via {
				t.Errorf("%s: %s on %s = %+v, want %v (via hierarchy %v)", tt.fixture, c.action, c.resource, got, c.want, c.via)
			}
		}
	}
}
