// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// render is Render that fails the test on error.
func render(t testing.TB, req Request) Result {
	t.Helper()
	res, err := Render(req)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return res
}

// wantDoc compares a result with a document written as JSON.
func wantDoc(t *testing.T, res Result, want string) {
	t.Helper()
	eq, err := policy.Equivalent(res.MinifiedJSON, want)
	if err != nil {
		t.Fatalf("Equivalent: %v", err)
	}
	if !eq {
		w, _ := policy.Parse(want)
		t.Errorf("rendered\n%s\nwant\n%s", res.JSON, w.IndentedJSON())
	}
}

const inst = "acs:mse:*:*:instance/" + seedInstance

// Without console navigation each block renders alone, at its own depth.
func TestRenderAPIOnly(t *testing.T) {
	ns := inst + "/" + seedNamespace
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"config read_only on a DataId", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: seedInstance, NamespaceID: seedNamespace, Group: "G", DataID: "a.yaml", Access: AccessReadOnly}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:ListListenersByConfig"],"Resource":"` + ns + `/G/a.yaml"}]}`},
		{"config full on a namespace adds bulk operations", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: seedInstance, NamespaceID: seedNamespace, Access: AccessFull}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:CloneNacosConfig","mse:CreateNacosConfig","mse:DeleteNacosConfig","mse:DeleteNacosConfigs","mse:ExportNacosConfig","mse:GetImportFileUrl","mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:ImportNacosConfig","mse:ListListenersByConfig","mse:UpdateNacosConfig","mse:UpdateNacosGrayConfig"],"Resource":"` + ns + `"}]}`},
		{"config full on a DataId has no namespace-wide actions", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: seedInstance, NamespaceID: seedNamespace, Group: "G", DataID: "a", Access: AccessFull}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:CreateNacosConfig","mse:DeleteNacosConfig","mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:ListListenersByConfig","mse:UpdateNacosConfig","mse:UpdateNacosGrayConfig"],"Resource":"` + ns + `/G/a"}]}`},
		{"service full", Request{NacosServices: []NacosServiceGrant{{InstanceID: seedInstance, NamespaceID: seedNamespace, Group: "G", Service: "s", Access: AccessFull}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:CreateNacosInstance","mse:CreateNacosService","mse:DeleteNacosInstance","mse:DeleteNacosService","mse:GetServiceListeners","mse:UpdateNacosCluster","mse:UpdateNacosInstance","mse:UpdateNacosService"],"Resource":"` + ns + `/G/s"}]}`},
		{"instance read_only", Request{Instances: []InstanceGrant{{InstanceID: seedInstance, Access: AccessReadOnly}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:Get*","mse:List*","mse:Query*"],"Resource":"` + inst + `"}]}`},
		{"gateway without companions, with region", Request{Gateways: []GatewayGrant{{GatewayID: "gw-1", Region: "cn-hangzhou", Access: AccessReadWrite}}},
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:cn-hangzhou:*:instance/gw-1"},
			{"Effect":"Allow","Action":["mse:QueryDefaultAlertStatus","mse:CreateDefaultAlert","mse:ListGatewayZone","mse:ListUpgradableGatewayVersions","mse:ListEventRecords","mse:GetEventFilterOptions","mse:GetEventDetail","mse:GetGatewaySelection","mse:GetGatewayAlarms","mse:GetGatewayMigrateNamespacedServices","mse:GetPluginGuide","mse:GetRegExpCheck","mse:GetRegExpTest","mse:CheckPluginLua","mse:*TagResources","mse:*CustomPlugin","mse:*GatewayIngressMigrateTask*"],"Resource":"acs:mse:*:*:*"}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wantDoc(t, render(t, tc.req), tc.want) })
	}
}

// Console navigation: read_only grants below the instance disappear into
// navigation's mse:Get* on the instance, except what navigation does not
// cover.
func TestRenderConsoleReadOnly(t *testing.T) {
	res := render(t, Request{Console: true, NacosConfigs: []NacosConfigGrant{{InstanceID: seedInstance, NamespaceID: "public", Access: AccessReadOnly}}})
	wantDoc(t, res, `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":"mse:ListClusters","Resource":"acs:mse:*:*:*"},
		{"Effect":"Allow","Action":["mse:List*","mse:Query*","mse:Get*"],"Resource":"`+inst+`"}]}`)
	if want := []string{"mse:Get*", "mse:List*", "mse:ListClusters", "mse:Query*"}; !slices.Equal(res.Actions, want) {
		t.Errorf("Actions = %v, want %v", res.Actions, want)
	}
}

func TestRenderWarnings(t *testing.T) {
	res := render(t, Request{NacosServices: []NacosServiceGrant{{InstanceID: "i", NamespaceID: "n", Access: AccessReadOnly}}})
	if len(Warnings(res.Findings)) != 1 || !strings.Contains(Warnings(res.Findings)[0], "nacos_service[0]") {
		t.Errorf("Warnings = %q", Warnings(res.Findings))
	}
	res = render(t, Request{Gateways: []GatewayGrant{{GatewayID: "gw-*", Access: AccessReadOnly}}})
	if len(Warnings(res.Findings)) != 1 || !strings.Contains(Warnings(res.Findings)[0], "gateway[0]: gateway_id \"gw-*\" contains '*'") {
		t.Errorf("Warnings = %q", Warnings(res.Findings))
	}
	res = render(t, Request{Instances: []InstanceGrant{{InstanceID: "*", Access: AccessFull}}})
	if len(Warnings(res.Findings)) != 1 || !strings.Contains(Warnings(res.Findings)[0], "AliyunMSEFullAccess") {
		t.Errorf("Warnings = %q", Warnings(res.Findings))
	}
}

func TestRenderErrors(t *testing.T) {
	ok := NacosConfigGrant{InstanceID: "i", Access: AccessReadOnly}
	tests := []struct {
		name string
		req  Request
		want string
	}{
		{"empty", Request{Console: true}, "nothing to render"},
		{"config access", Request{NacosConfigs: []NacosConfigGrant{ok, {InstanceID: "i", Access: "write"}}}, `nacos_config[1].access: "write" is not one of read_only, read_write, full`},
		{"config missing access", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: "i"}}}, "nacos_config[0].access: required"},
		{"config instance", Request{NacosConfigs: []NacosConfigGrant{{Access: AccessFull}}}, "nacos_config[0].instance_id: must not be empty"},
		{"config data id", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: "i", NamespaceID: "n", Group: "g", DataID: "a/b", Access: AccessFull}}}, "nacos_config[0].data_id:"},
		{"config data id without group", Request{NacosConfigs: []NacosConfigGrant{{InstanceID: "i", NamespaceID: "n", DataID: "a", Access: AccessFull}}}, "nacos_config[0].data_id: set without group"},
		{"service name", Request{NacosServices: []NacosServiceGrant{{InstanceID: "i", NamespaceID: "n", Group: "g", Service: "a b", Access: AccessFull}}}, "nacos_service[0].service:"},
		{"instance read_write", Request{Instances: []InstanceGrant{{InstanceID: "i", Access: AccessReadWrite}}}, "instance[0].access: \"read_write\" is not one of read_only, full"},
		{"instance id", Request{Instances: []InstanceGrant{{InstanceID: "a/b", Access: AccessFull}}}, "instance[0].instance_id:"},
		{"gateway full", Request{Gateways: []GatewayGrant{{GatewayID: "gw", Access: AccessFull}}}, "gateway[0].access: \"full\" is not one of read_only, read_write"},
		{"gateway id", Request{Gateways: []GatewayGrant{{Access: AccessReadOnly}}}, "gateway[0].gateway_id: must not be empty"},
		{"gateway region", Request{Gateways: []GatewayGrant{{GatewayID: "gw", Region: "CN", Access: AccessReadOnly}}}, "gateway[0].region:"},
		{"slr none", Request{SLRCreation: []SLRCreationGrant{{}}}, "service_linked_role_creation[0].service_names: give at least one"},
		{"slr name", Request{SLRCreation: []SLRCreationGrant{{ServiceNames: []string{"mse.aliyuncs.com", "MSE!"}}}}, "service_linked_role_creation[0].service_names[1]:"},
		{"slr account", Request{SLRCreation: []SLRCreationGrant{{ServiceNames: []string{"mse.aliyuncs.com"}, AccountID: "x"}}}, "service_linked_role_creation[0].account_id:"},
		{"raw statement", Request{Statements: []policy.Statement{{Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"*"}}, {Effect: "Allow", Actions: []string{"bad"}}}}, "statement[1].actions:"},
		{"raw duplicate sid", Request{Statements: []policy.Statement{
			{Sid: "A", Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"*"}},
			{Sid: "A", Effect: "Allow", Actions: []string{"mse:ListClusters"}, Resources: []string{"*"}}}}, `statement[1]: duplicate Sid "A"`},
		{"bad source", Request{Sources: []string{`{"Version":"1"}`}}, "source_policy_documents[0]:"},
		{"bad override", Request{Overrides: []string{`nope`}}, "override_policy_documents[0]:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Render(tc.req)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestRenderMerging(t *testing.T) {
	// Two configs in one namespace with the same access: one statement, two
	// resources (same actions). Two accesses on one resource: one statement,
	// union of actions (same resources).
	res := render(t, Request{NacosConfigs: []NacosConfigGrant{
		{InstanceID: "i", NamespaceID: "n", Group: "g", DataID: "a", Access: AccessReadWrite},
		{InstanceID: "i", NamespaceID: "n", Group: "g", DataID: "b", Access: AccessReadWrite},
	}, NacosServices: []NacosServiceGrant{
		{InstanceID: "i", NamespaceID: "n", Group: "g", Service: "a", Access: AccessReadOnly},
	}})
	wantDoc(t, res, `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["mse:CreateNacosConfig","mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:GetServiceListeners","mse:ListListenersByConfig","mse:UpdateNacosConfig"],"Resource":"acs:mse:*:*:instance/i/n/g/a"},
		{"Effect":"Allow","Action":["mse:CreateNacosConfig","mse:GetNacosConfig","mse:GetNacosHistoryConfig","mse:ListListenersByConfig","mse:UpdateNacosConfig"],"Resource":"acs:mse:*:*:instance/i/n/g/b"}]}`)

	// Same actions, different resources: resources merge.
	res = render(t, Request{Instances: []InstanceGrant{{InstanceID: "a", Access: AccessFull}, {InstanceID: "b", Access: AccessFull}}})
	wantDoc(t, res, `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":["acs:mse:*:*:instance/a","acs:mse:*:*:instance/b"]}]}`)

	// Statements of different services on "*" stay apart; conditions and
	// Sids keep statements apart.
	res = render(t, Request{Statements: []policy.Statement{
		{Effect: "Allow", Actions: []string{"log:ListProject"}, Resources: []string{"*"}},
		{Effect: "Allow", Actions: []string{"arms:SearchContactGroup"}, Resources: []string{"*"}},
		{Effect: "Allow", Actions: []string{"log:GetLogStore"}, Resources: []string{"*"}},
		{Effect: "Allow", Actions: []string{"log:GetProject"}, Resources: []string{"*"}, Conditions: []policy.Condition{{Operator: "Bool", Key: "acs:SecureTransport", Values: []string{"true"}}}},
		{Sid: "Named", Effect: "Allow", Actions: []string{"log:GetIndex"}, Resources: []string{"*"}},
	}})
	wantDoc(t, res, `{"Version":"1","Statement":[
		{"Effect":"Allow","Action":["log:GetLogStore","log:ListProject"],"Resource":"*"},
		{"Effect":"Allow","Action":"arms:SearchContactGroup","Resource":"*"},
		{"Effect":"Allow","Action":"log:GetProject","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}},
		{"Sid":"Named","Effect":"Allow","Action":"log:GetIndex","Resource":"*"}]}`)

	// Deny statements merge among themselves, never with Allow.
	res = render(t, Request{Statements: []policy.Statement{
		{Effect: "Deny", Actions: []string{"mse:DeleteCluster"}, Resources: []string{"*"}},
		{Effect: "Deny", Actions: []string{"mse:DeleteGateway"}, Resources: []string{"*"}},
		{Effect: "Allow", Actions: []string{"mse:ListClusters"}, Resources: []string{"*"}},
	}})
	wantDoc(t, res, `{"Version":"1","Statement":[
		{"Effect":"Deny","Action":["mse:DeleteCluster","mse:DeleteGateway"],"Resource":"*"},
		{"Effect":"Allow","Action":"mse:ListClusters","Resource":"*"}]}`)
}

// Pruning and merging never change a decision: every action of the catalog
// on a set of resources is decided the same by the rendered document and by
// the unpruned, unmerged statements.
func TestRenderPreservesDecisions(t *testing.T) {
	req := benchRequest(30)
	gen, err := req.generate()
	if err != nil {
		t.Fatal(err)
	}
	raw := &policy.Document{Version: policy.Version}
	for _, s := range gen.stmts {
		raw.Statements = append(raw.Statements, s.Statement)
	}
	res := render(t, req)
	resources := []string{"acs:mse:*:*:instance/mse-0", "acs:mse:*:*:instance/mse-0/ns-0/G/app-0.yaml",
		"acs:mse:*:*:instance/mse-1/ns-1", "acs:mse:cn-hangzhou:*:instance/gw-2", "acs:mse:*:*:instance/other", "acs:mse:*:*:*",
		"acs:log:*:*:project/x"}
	checked := 0
	for _, a := range append(Catalog(), Action{Name: "log:ListProject"}) {
		for _, r := range resources {
			q := policy.Request{Action: a.Name, Resource: r}
			got := policy.Evaluate([]*policy.Document{res.Document}, q).Decision
			want := policy.Evaluate([]*policy.Document{raw}, q).Decision
			if got != want {
				t.Errorf("%s on %s: rendered %v, unmerged %v", a.Name, r, got, want)
			}
			checked++
		}
	}
	if len(res.Document.Statements) >= len(raw.Statements) {
		t.Errorf("rendering did not shrink %d statements (got %d)", len(raw.Statements), len(res.Document.Statements))
	}
	t.Logf("%d decisions, %d statements -> %d", checked, len(raw.Statements), len(res.Document.Statements))
}

func shuffled[T any](r *rand.Rand, xs []T) []T {
	out := slices.Clone(xs)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func TestRenderDeterministic(t *testing.T) {
	req := benchRequest(40)
	req.Statements = []policy.Statement{
		{Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"acs:mse:*:*:instance/x"}},
		{Effect: "Deny", Actions: []string{"mse:DeleteCluster"}, Resources: []string{"*"}},
	}
	want := render(t, req)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		s := req
		s.NacosConfigs = shuffled(r, req.NacosConfigs)
		s.NacosServices = shuffled(r, req.NacosServices)
		s.Instances = shuffled(r, req.Instances)
		s.Gateways = shuffled(r, req.Gateways)
		s.Statements = shuffled(r, req.Statements)
		got := render(t, s)
		if got.MinifiedJSON != want.MinifiedJSON || got.JSON != want.JSON || !slices.Equal(got.Actions, want.Actions) {
			t.Fatalf("shuffled request renders differently:\n%s\nvs\n%s", got.MinifiedJSON, want.MinifiedJSON)
		}
	}
}

func TestRenderTooLarge(t *testing.T) {
	var req Request
	for i := range 200 {
		req.NacosConfigs = append(req.NacosConfigs, NacosConfigGrant{InstanceID: "mse-cn-0pp1j8om80a", NamespaceID: seedNamespace,
			Group: "DEFAULT_GROUP", DataID: fmt.Sprintf("application-%03d.yaml", i), Access: AccessFull})
	}
	_, err := Render(req)
	if err == nil || !strings.Contains(err.Error(), "over RAM's limit of 6144") || !strings.Contains(err.Error(), "split the grants across two mseram_policy resources") {
		t.Fatalf("err = %v", err)
	}
}

func TestRenderSourcesAndOverrides(t *testing.T) {
	src1 := `{"Version":"1","Statement":[
		{"Sid":"Keep","Effect":"Allow","Action":"mse:ListClusters","Resource":"*"},
		{"Sid":"Replace","Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"*"},
		{"Sid":"ByOverride","Effect":"Allow","Action":"mse:GetGateway","Resource":"*"},
		{"Effect":"Allow","Action":"log:ListProject","Resource":"*"}]}`
	src2 := `{"Version":"1","Statement":[{"Sid":"Other","Effect":"Deny","Action":"mse:DeleteCluster","Resource":"*"}]}`
	ovr := `{"Version":"1","Statement":[
		{"Sid":"ByOverride","Effect":"Deny","Action":"mse:DeleteGateway","Resource":"*"},
		{"Sid":"New","Effect":"Allow","Action":"mse:ListGateway","Resource":"*"}]}`
	res := render(t, Request{
		Sources:   []string{src1, src2},
		Overrides: []string{ovr},
		Statements: []policy.Statement{
			{Sid: "Replace", Effect: "Allow", Actions: []string{"mse:GetNacosHistoryConfig"}, Resources: []string{"*"}},
		},
	})
	wantDoc(t, res, `{"Version":"1","Statement":[
		{"Sid":"Keep","Effect":"Allow","Action":"mse:ListClusters","Resource":"*"},
		{"Sid":"Replace","Effect":"Allow","Action":"mse:GetNacosHistoryConfig","Resource":"*"},
		{"Sid":"ByOverride","Effect":"Deny","Action":"mse:DeleteGateway","Resource":"*"},
		{"Effect":"Allow","Action":"log:ListProject","Resource":"*"},
		{"Sid":"Other","Effect":"Deny","Action":"mse:DeleteCluster","Resource":"*"},
		{"Sid":"New","Effect":"Allow","Action":"mse:ListGateway","Resource":"*"}]}`)

	// An override also replaces what the typed blocks' raw statements set,
	// and later overrides win over earlier ones.
	res = render(t, Request{
		Statements: []policy.Statement{{Sid: "S", Effect: "Allow", Actions: []string{"mse:ListClusters"}, Resources: []string{"*"}}},
		Overrides: []string{
			`{"Version":"1","Statement":[{"Sid":"S","Effect":"Allow","Action":"mse:GetGateway","Resource":"*"}]}`,
			`{"Version":"1","Statement":[{"Sid":"S","Effect":"Allow","Action":"mse:ListGateway","Resource":"*"}]}`,
		},
	})
	wantDoc(t, res, `{"Version":"1","Statement":[{"Sid":"S","Effect":"Allow","Action":"mse:ListGateway","Resource":"*"}]}`)

	// A Sid twice across the sources is an error naming both.
	_, err := Render(Request{Sources: []string{src1, `{"Version":"1","Statement":[{"Sid":"Keep","Effect":"Allow","Action":"mse:GetGateway","Resource":"*"}]}`}})
	if err == nil || !strings.Contains(err.Error(), `source_policy_documents[1]: duplicate Sid "Keep" (also in source_policy_documents[0])`) {
		t.Fatalf("err = %v", err)
	}
	// Statements without a Sid are never replaced; they merge.
	res = render(t, Request{
		Sources:   []string{`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:ListClusters","Resource":"*"}]}`},
		Overrides: []string{`{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:ListGateway","Resource":"*"}]}`},
	})
	wantDoc(t, res, `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:ListClusters","mse:ListGateway"],"Resource":"*"}]}`)
}

// Raw statements are never pruned, even when a typed block covers them.
func TestRenderRawNotPruned(t *testing.T) {
	res := render(t, Request{
		Instances:  []InstanceGrant{{InstanceID: "i", Access: AccessFull}},
		Statements: []policy.Statement{{Sid: "Mine", Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"acs:mse:*:*:instance/i"}}},
	})
	if len(res.Document.Statements) != 2 {
		t.Errorf("got\n%s", res.JSON)
	}
}
