// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestCatalogInvariants(t *testing.T) {
	c := Catalog()
	if !slices.IsSortedFunc(c, func(a, b Action) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("Catalog is not sorted by Name")
	}
	seen := map[string]bool{}
	name := regexp.MustCompile(`^mse:[A-Z][A-Za-z0-9]+$`)
	for _, a := range c {
		if !name.MatchString(a.Name) {
			t.Errorf("%q: not mse:<ApiName>", a.Name)
		}
		if seen[strings.ToLower(a.Name)] {
			t.Errorf("%s: duplicate (case-insensitively)", a.Name)
		}
		seen[strings.ToLower(a.Name)] = true
		if a.Description == "" || a.Scope.depth() == 0 && a.Scope != ScopeAccount || a.Area == "" {
			t.Errorf("%s: incomplete entry %+v", a.Name, a)
		}
		switch a.Source {
		case SourceSeed001, SourceSeed003:
		case SourceSDK:
			if !a.InSDK {
				t.Errorf("%s: source sdk but not InSDK", a.Name)
			}
		default:
			t.Errorf("%s: source %q", a.Name, a.Source)
		}
	}
	for _, api := range sdkAPIs {
		if a, ok := Lookup(api); !ok || !a.InSDK {
			t.Errorf("SDK API %s missing or not marked InSDK", api)
		}
	}
	// Catalog returns a copy.
	c[0].Name = "changed"
	if Catalog()[0].Name == "changed" {
		t.Error("Catalog shares its backing array")
	}
}

func TestLookup(t *testing.T) {
	for _, n := range []string{"mse:GetNacosConfig", "MSE:getnacosconfig", "GetNacosConfig", "getNACOSconfig"} {
		a, ok := Lookup(n)
		if !ok || a.Name != "mse:GetNacosConfig" {
			t.Errorf("Lookup(%q) = %v, %v", n, a.Name, ok)
		}
	}
	for _, n := range []string{"mse:Nope", "log:ListProject", "", "mse:Get*"} {
		if _, ok := Lookup(n); ok {
			t.Errorf("Lookup(%q) found something", n)
		}
	}
}

// Spot checks of the read-only classification, the seed contradictions
// first.
func TestReadOnlyClassification(t *testing.T) {
	tests := []struct {
		name     string
		readOnly bool
		note     bool // a correction note is expected
	}{
		{"UpdateRateLimit", false, true},
		{"UpdateSSLCert", false, true},
		{"UploadWasmFile", false, true},
		{"SelectGatewaySlb", true, true},
		{"CreateCluster", false, true},
		{"GetNacosConfig", true, false},
		{"ListClusters", true, false},
		{"PullServices", true, false},
		{"GatewayBlackWhiteList", true, true},
		{"ExportNacosConfig", true, true},
		{"ExportZookeeperData", false, true},
		{"CheckPluginLua", true, false},
		{"FetchLosslessRuleList", true, false},
		{"PutClusterHealthCheckTask", false, false},
		{"OrderClusterHealthCheckRiskNotice", false, false},
		{"PreserveHeaderFormat", false, false},
		{"UntagResources", false, false},
		{"CreateDefaultAlert", false, false},
	}
	for _, tc := range tests {
		a, ok := Lookup(tc.name)
		if !ok {
			t.Errorf("%s: not in catalog", tc.name)
			continue
		}
		if a.ReadOnly != tc.readOnly {
			t.Errorf("%s: ReadOnly = %v, want %v", tc.name, a.ReadOnly, tc.readOnly)
		}
		if (a.Note != "") != tc.note {
			t.Errorf("%s: Note = %q, want note: %v", tc.name, a.Note, tc.note)
		}
	}
	if a, _ := Lookup("UpdateRateLimit"); strings.Contains(a.Description, "Delete") {
		t.Errorf("UpdateRateLimit keeps the seed's wrong description %q", a.Description)
	}
}

func TestScopesAndAreas(t *testing.T) {
	tests := []struct {
		name  string
		scope Scope
		area  Area
	}{
		{"ListClusters", ScopeAccount, AreaRegistryConfiguration},
		{"ListNacosConfigs", ScopeInstance, AreaRegistryConfiguration},
		{"GetNacosConfig", ScopeItem, AreaRegistryConfiguration},
		{"DeleteNacosConfigs", ScopeNamespace, AreaRegistryConfiguration},
		{"AddGatewayRoute", ScopeInstance, AreaRoute},
		{"UpdateGatewayRoute", ScopeInstance, AreaRoute},
		{"AddSSLCert", ScopeInstance, AreaCertificateDomain},
		{"AddServiceSource", ScopeInstance, AreaServiceSource},
		{"GetBlackWhiteList", ScopeInstance, AreaOther},
		{"CreateFlowRule", ScopeAccount, AreaGovernance},
		{"CreateGatewayFlowRule", ScopeInstance, AreaGovernance},
		{"GetServiceListeners", ScopeItem, AreaRegistryConfiguration},
		{"GetServiceList", ScopeAccount, AreaGovernance},
		{"TagResources", ScopeAccount, AreaOther},
		{"UntagResources", ScopeAccount, AreaOther},
		{"ListGatewayZone", ScopeAccount, AreaGateway},
	}
	for _, tc := range tests {
		a, _ := Lookup(tc.name)
		if a.Scope != tc.scope || a.Area != tc.area {
			t.Errorf("%s: scope %s area %s, want %s %s", tc.name, a.Scope, a.Area, tc.scope, tc.area)
		}
	}
}

// The wildcard sets the templates use for read-only access must grant no
// write the catalog knows.
func TestReadPatternsGrantNoWrites(t *testing.T) {
	for _, p := range append(slices.Clone(instanceReadPatterns), append(gatewayReadPatterns, gatewayGlobalRead...)...) {
		m := actionsMatching(p)
		if len(m) == 0 {
			t.Errorf("%s matches nothing", p)
		}
		for _, a := range m {
			if !a.ReadOnly {
				t.Errorf("%s grants the write %s", p, a.Name)
			}
		}
	}
}

// Every action the templates name is in the catalog, and the families'
// levels agree with the classification: read_only entries are reads,
// read_write entries writes.
func TestFamiliesAgreeWithCatalog(t *testing.T) {
	for _, fam := range [][]leveled{nacosConfigActions, nacosServiceActions} {
		for _, f := range fam {
			a, ok := Lookup(f.name)
			if !ok {
				t.Errorf("%s: not in catalog", f.name)
				continue
			}
			if f.level == AccessReadOnly && !a.ReadOnly || f.level == AccessReadWrite && a.ReadOnly {
				t.Errorf("%s: level %s but ReadOnly=%v", f.name, f.level, a.ReadOnly)
			}
			if a.Scope.depth() < ScopeNamespace.depth() {
				t.Errorf("%s: scope %s cannot be granted below the instance", f.name, a.Scope)
			}
		}
	}
	for _, p := range append(slices.Clone(gatewayGlobalReadWrite), consoleAccountActions...) {
		if len(actionsMatching(p)) == 0 && !slices.Contains(seedPatterns, p) {
			t.Errorf("%s: matches no catalog action", p)
		}
	}
}

// TestSeedTablesPresent reads the seeds' action tables (testdata/
// seed_action_tables.tsv: seed, action, read-only flag, as the pages list
// them) and checks each row is cataloged with the seed's read-only flag
// unless a Note records why the seed is wrong.
func TestSeedTablesPresent(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "seed_action_tables.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("malformed row %q", line)
		}
		rows++
		a, ok := Lookup(f[1])
		if !ok {
			t.Errorf("seed %s action %s not in catalog", f[0], f[1])
			continue
		}
		if a.Source == SourceSDK {
			t.Errorf("%s: listed by seed %s but Source is sdk", a.Name, f[0])
		}
		if seedRO := f[2] == "yes"; seedRO != a.ReadOnly && a.Note == "" {
			t.Errorf("%s: seed %s says read-only=%v, catalog %v, and no note explains", a.Name, f[0], seedRO, a.ReadOnly)
		}
	}
	if rows != 78 { // 25 rows in seed 001, 53 in seed 003
		t.Errorf("read %d seed rows, want 78", rows)
	}
}
