// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Every MSE action has a resources function (and no function is left over
// for an action that is not routed), and every action is one the catalog
// of internal/mse knows.
func TestMSEEveryActionHasResources(t *testing.T) {
	for action := range msesim.API.Actions {
		if msesim.API.Resources[action] == nil {
			t.Errorf("%s: no resources function", action)
		}
		if _, ok := mse.Lookup(action); !ok {
			t.Errorf("%s: not in internal/mse's catalog", action)
		}
	}
	for action := range msesim.API.Resources {
		if _, ok := msesim.API.Actions[action]; !ok {
			t.Errorf("%s: resources function for an action that is not routed", action)
		}
	}
}

// newService is the emulated MSE of the test account, from fixtures (""
// for the built-in set).
func newService(t *testing.T, fixtures string) *msesim.Service {
	t.Helper()
	svc, err := msesim.New(msesim.Config{AccountID: ramsimtest.Account, Now: ramsimtest.NewClock().Now, Fixtures: fixtures})
	if err != nil {
		t.Fatal(err)
	}
	return svc
}

// mseRequest is a request with the given parameters, as a handler sees it.
func mseRequest(p map[string]string) *wire.Request {
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	return &wire.Request{Params: wire.Params(q), Caller: wire.Caller{AccountID: ramsimtest.Account, IdentityType: wire.IdentityAccount}}
}

// Every action's ARN is as deep as internal/mse's catalog says its scope
// is, and the item ARNs are exactly what internal/mse's builder makes.
func TestMSEResourcesMatchCatalogAndBuilder(t *testing.T) {
	svc := newService(t, "")
	full := map[string]string{
		"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "Group": "DEFAULT_GROUP", "GroupName": "DEFAULT_GROUP",
		"DataId": "prod.yaml", "ServiceName": "test-service", "GatewayUniqueId": ramsimtest.SeedGW, "Ids": "1", "Nid": "1",
		"Ip": "10.0.0.1", "Port": "80", "Name": "r", "RouteId": "1",
	}
	depths := map[mse.Scope]int{mse.ScopeAccount: 0, mse.ScopeInstance: 1, mse.ScopeNamespace: 2, mse.ScopeGroup: 3, mse.ScopeItem: 4}
	for action, f := range msesim.API.Resources {
		arns, err := f(svc, mseRequest(full))
		if err != nil || len(arns) != 1 {
			t.Fatalf("%s: %v %v", action, arns, err)
		}
		arn := arns[0]
		prefix := "acs:mse:" + ramsimtest.SeedRegion + ":" + ramsimtest.Account + ":"
		if !strings.HasPrefix(arn, prefix) {
			t.Errorf("%s: %s does not start with %s", action, arn, prefix)
		}
		depth := 0
		if rel := strings.TrimPrefix(arn, prefix); rel != "*" {
			depth = strings.Count(rel, "/")
		}
		a, _ := mse.Lookup(action)
		if depth != depths[a.Scope] {
			t.Errorf("%s: %s has depth %d, the catalog's scope is %s", action, arn, depth, a.Scope)
		}
	}
	for _, tc := range []struct {
		action string
		p      map[string]string
		ref    mse.ResourceRef
	}{
		{"GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "Group": "DEFAULT_GROUP", "DataId": "prod.yaml"},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos, NamespaceID: ramsimtest.SeedNS, Group: "DEFAULT_GROUP", Name: "prod.yaml"}},
		// NamespaceId and Group default to public and DEFAULT_GROUP.
		{"UpdateNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "dev.yaml"},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos, NamespaceID: "public", Group: "DEFAULT_GROUP", Name: "dev.yaml"}},
		{"CreateNacosService", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "ServiceName": "test-service"},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos, NamespaceID: ramsimtest.SeedNS, Group: "DEFAULT_GROUP", Name: "test-service"}},
		{"DeleteNacosInstance", map[string]string{"InstanceId": ramsimtest.SeedNacos, "GroupName": "G1", "ServiceName": "svc"},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos, NamespaceID: "public", Group: "G1", Name: "svc"}},
		{"ListNacosConfigs", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos}},
		{"DeleteNacosConfigs", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "Ids": "1"},
			mse.ResourceRef{InstanceID: ramsimtest.SeedNacos, NamespaceID: ramsimtest.SeedNS}},
		{"GetGateway", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}, mse.ResourceRef{InstanceID: ramsimtest.SeedGW}},
		{"ListGatewayRoute", map[string]string{"FilterParams": `{"GatewayUniqueId":"` + ramsimtest.SeedGW + `"}`}, mse.ResourceRef{InstanceID: ramsimtest.SeedGW}},
		{"ListGatewayService", map[string]string{"FilterParams.GatewayUniqueId": ramsimtest.SeedGW}, mse.ResourceRef{InstanceID: ramsimtest.SeedGW}},
	} {
		tc.ref.Region, tc.ref.Account = ramsimtest.SeedRegion, ramsimtest.Account
		want, err := tc.ref.ARN()
		if err != nil {
			t.Fatal(err)
		}
		got, aerr := msesim.API.Resources[tc.action](svc, mseRequest(tc.p))
		if aerr != nil || len(got) != 1 || got[0] != want {
			t.Errorf("%s %v: %v %v, want %s", tc.action, tc.p, got, aerr, want)
		}
	}
	// Account-level actions, and ListGateway without a filter.
	for _, action := range []string{"ListClusters", "ListGateway"} {
		got, _ := msesim.API.Resources[action](svc, mseRequest(map[string]string{"RegionId": "cn-beijing"}))
		if want := mse.AllResources("cn-beijing", ramsimtest.Account); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v, want %s", action, got, want)
		}
	}
	// An unknown instance takes the request's region; a missing id is
	// answered as the handler would.
	got, _ := msesim.API.Resources["QueryClusterDetail"](svc, mseRequest(map[string]string{"InstanceId": "mse-cn-x", "RegionId": "cn-beijing"}))
	if len(got) != 1 || got[0] != "acs:mse:cn-beijing:"+ramsimtest.Account+":instance/mse-cn-x" {
		t.Errorf("unknown instance: %v", got)
	}
	if _, err := msesim.API.Resources["GetNacosConfig"](svc, mseRequest(map[string]string{"InstanceId": ramsimtest.SeedNacos})); err == nil || err.Code != "MissingDataId" {
		t.Errorf("missing DataId: %v", err)
	}
	if _, err := msesim.API.Resources["GetGateway"](svc, mseRequest(nil)); err == nil || err.Code != "MissingGatewayUniqueId" {
		t.Errorf("missing GatewayUniqueId: %v", err)
	}
}

func TestMSEConfigHistory(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	base := map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "new.yaml", "Group": "G1"}
	with := func(kv ...string) map[string]string {
		p := map[string]string{}
		for k, v := range base {
			p[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			p[kv[i]] = kv[i+1]
		}
		return p
	}
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", with("Content", "a: 1", "Type", "yaml", "AppName", "app"))
	got := e.OK(ramsimtest.VMSE, "GetNacosConfig", base)
	if ramsimtest.Str(got, "Configuration", "Content") != "a: 1" || ramsimtest.Str(got, "Configuration", "Type") != "yaml" || got["Success"] != true {
		t.Fatalf("GetNacosConfig: %v", got)
	}
	md5 := ramsimtest.Str(got, "Configuration", "Md5")
	e.Fail(ramsimtest.VMSE, "UpdateNacosConfig", with("Content", "a: 2", "Md5", "0123"), http.StatusBadRequest, "IllegalRequest")
	e.OK(ramsimtest.VMSE, "UpdateNacosConfig", with("Content", "a: 2", "Md5", md5))
	if got := e.OK(ramsimtest.VMSE, "GetNacosConfig", base); ramsimtest.Str(got, "Configuration", "Content") != "a: 2" || ramsimtest.Str(got, "Configuration", "AppName") != "app" {
		t.Fatalf("after update: %v", got)
	}
	e.OK(ramsimtest.VMSE, "DeleteNacosConfig", base)
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", base, http.StatusNotFound, "NotFound")

	hist := e.OK(ramsimtest.VMSE, "ListNacosHistoryConfigs", base)
	items, _ := hist["HistoryItems"].([]any)
	if len(items) != 3 || ramsimtest.Field(hist, "TotalCount") != float64(3) {
		t.Fatalf("history: %v", hist)
	}
	var ops []string
	for _, it := range items {
		ops = append(ops, ramsimtest.Str(it, "OpType"))
		if ramsimtest.Str(it, "DataId") != "new.yaml" || ramsimtest.Str(it, "Group") != "G1" || ramsimtest.Str(it, "SrcUser") != ramsimtest.Account {
			t.Fatalf("history item: %v", it)
		}
	}
	if strings.Join(ops, ",") != "D,U,I" {
		t.Fatalf("history order %v, want newest first D,U,I", ops)
	}
	// The update's entry holds the content it replaced, the insert's the
	// first content.
	for i, want := range []string{"a: 2", "a: 1", "a: 1"} {
		id := numString(ramsimtest.Field(items[i], "Id"))
		got := e.OK(ramsimtest.VMSE, "GetNacosHistoryConfig", with("Nid", id))
		if ramsimtest.Str(got, "Configuration", "Content") != want || ramsimtest.Str(got, "Configuration", "OpType") != ops[i] {
			t.Fatalf("history %d (%s): %v, want content %q", i, id, got, want)
		}
	}
	e.Fail(ramsimtest.VMSE, "GetNacosHistoryConfig", with("Nid", "999999"), http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "GetNacosHistoryConfig", with("Nid", "x"), http.StatusBadRequest, "InvalidParameter")
}

// numString writes a decoded JSON integer back as a parameter.
func numString(v any) string {
	f, _ := v.(float64)
	return strconv.FormatInt(int64(f), 10)
}

func TestMSEPaging(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	ns := map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS}
	page := func(num, size string) map[string]any {
		p := map[string]string{"PageNum": num, "PageSize": size}
		for k, v := range ns {
			p[k] = v
		}
		return e.OK(ramsimtest.VMSE, "ListNacosConfigs", p)
	}
	var seen []string
	for _, num := range []string{"1", "2", "3"} {
		got := page(num, "1")
		if ramsimtest.Field(got, "TotalCount") != float64(2) || ramsimtest.Field(got, "PageNumber") != float64(num[0]-'0') || ramsimtest.Field(got, "PageSize") != float64(1) {
			t.Fatalf("page %s: %v", num, got)
		}
		for _, c := range ramsimtest.AsList(t, got["Configurations"]) {
			seen = append(seen, ramsimtest.Str(c, "DataId"))
		}
	}
	if strings.Join(seen, ",") != "dev.yaml,prod.yaml" {
		t.Fatalf("paged DataIds %v", seen)
	}
	// Filters: DataId by substring.
	p := map[string]string{"DataId": "prod"}
	for k, v := range ns {
		p[k] = v
	}
	if got := e.OK(ramsimtest.VMSE, "ListNacosConfigs", p); ramsimtest.Field(got, "TotalCount") != float64(1) {
		t.Fatalf("DataId filter: %v", got)
	}
	e.Fail(ramsimtest.VMSE, "ListNacosConfigs", map[string]string{"InstanceId": ramsimtest.SeedNacos, "PageSize": "0"}, http.StatusBadRequest, "InvalidParameter")
	e.Fail(ramsimtest.VMSE, "ListClusters", map[string]string{"PageNum": "x"}, http.StatusBadRequest, "InvalidParameter")
	got := e.OK(ramsimtest.VMSE, "ListClusters", map[string]string{"PageNum": "1", "PageSize": "10"})
	if ramsimtest.Field(got, "TotalCount") != float64(1) || ramsimtest.Str(ramsimtest.AsList(t, got["Data"])[0], "InstanceId") != ramsimtest.SeedNacos {
		t.Fatalf("ListClusters: %v", got)
	}
	if got := e.OK(ramsimtest.VMSE, "ListClusters", map[string]string{"PageNum": "2", "PageSize": "10"}); len(ramsimtest.AsList(t, got["Data"])) != 0 {
		t.Fatalf("ListClusters page 2: %v", got)
	}
	gw := e.OK(ramsimtest.VMSE, "ListGateway", map[string]string{"PageNumber": "1", "PageSize": "1", "FilterParams.Name": "test"})
	if ramsimtest.Field(gw, "Data", "TotalSize") != float64(1) || ramsimtest.Str(ramsimtest.AsList(t, ramsimtest.Field(gw, "Data", "Result"))[0], "GatewayUniqueId") != ramsimtest.SeedGW {
		t.Fatalf("ListGateway: %v", gw)
	}
}

func TestMSEErrors(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos}, http.StatusBadRequest, "MissingDataId")
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"DataId": "x"}, http.StatusBadRequest, "MissingInstanceId")
	body := e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": "mse-cn-nope", "DataId": "x"}, http.StatusNotFound, "mse-200-021")
	if body["HostId"] != "mse.cn-hangzhou.aliyuncs.com" {
		t.Fatalf("HostId: %v", body)
	}
	e.Fail(ramsimtest.VMSE, "QueryClusterDetail", map[string]string{"InstanceId": "mse-cn-nope"}, http.StatusNotFound, "mse-200-021")
	e.Fail(ramsimtest.VMSE, "QueryClusterDetail", nil, http.StatusBadRequest, "MissingInstanceId")
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": "nope", "DataId": "x"}, http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "nope.yaml"}, http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "a b"}, http.StatusBadRequest, "InvalidParameter")
	e.Fail(ramsimtest.VMSE, "CreateNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "dev.yaml"}, http.StatusBadRequest, "MissingContent")
	e.Fail(ramsimtest.VMSE, "CreateNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "dev.yaml", "Content": "x"}, http.StatusBadRequest, "IllegalRequest")
	e.Fail(ramsimtest.VMSE, "CreateNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "n.txt", "Content": "x", "Type": "exe"}, http.StatusBadRequest, "InvalidParameter")
	e.Fail(ramsimtest.VMSE, "UpdateNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "nope", "Content": "x"}, http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "DeleteNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "nope"}, http.StatusNotFound, "NotFound")

	svc := map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "ServiceName": "test-service"}
	e.Fail(ramsimtest.VMSE, "CreateNacosService", svc, http.StatusBadRequest, "IllegalRequest")
	e.Fail(ramsimtest.VMSE, "DeleteNacosService", svc, http.StatusBadRequest, "IllegalRequest")
	e.Fail(ramsimtest.VMSE, "UpdateNacosService", map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "nope"}, http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "ListAnsInstances", map[string]string{"InstanceId": ramsimtest.SeedNacos}, http.StatusBadRequest, "MissingServiceName")
	e.Fail(ramsimtest.VMSE, "UpdateNacosService", map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "test-service", "ProtectThreshold": "2"}, http.StatusBadRequest, "InvalidParameter")
	inst := map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "test-service", "Ip": "10.9.9.9", "Port": "1"}
	e.Fail(ramsimtest.VMSE, "UpdateNacosInstance", inst, http.StatusNotFound, "NotFound")
	e.Fail(ramsimtest.VMSE, "DeleteNacosInstance", inst, http.StatusNotFound, "NotFound")
	inst["Port"] = "70000"
	e.Fail(ramsimtest.VMSE, "CreateNacosInstance", inst, http.StatusBadRequest, "InvalidParameter")
	delete(inst, "Port")
	e.Fail(ramsimtest.VMSE, "CreateNacosInstance", inst, http.StatusBadRequest, "MissingPort")

	// Gateways answer an unknown gateway, route or domain with Success
	// false and Code 404 in an HTTP 200 answer.
	for _, tc := range []struct {
		action string
		p      map[string]string
	}{
		{"GetGateway", map[string]string{"GatewayUniqueId": "gw-nope"}},
		{"ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": "gw-nope"}},
		{"DeleteGatewayRoute", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "RouteId": "999999"}},
		{"AddGatewayRoute", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "Name": "r", "DomainId": "999999"}},
	} {
		got := e.OK(ramsimtest.VMSE, tc.action, tc.p)
		if got["Success"] != false || got["Code"] != float64(404) || got["HttpStatusCode"] != float64(404) || got["ErrorCode"] != "NotFound" {
			t.Errorf("%s: %v", tc.action, got)
		}
	}
	e.Fail(ramsimtest.VMSE, "GetGateway", nil, http.StatusBadRequest, "MissingGatewayUniqueId")
	e.Fail(ramsimtest.VMSE, "DeleteGatewayRoute", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}, http.StatusBadRequest, "MissingRouteId")
	e.Fail(ramsimtest.VMSE, "AddGatewayDomain", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "Name": "a.example.com", "Protocol": "HTTPS"}, http.StatusBadRequest, "MissingCertIdentifier")
	if got := e.OK(ramsimtest.VMSE, "AddGatewayDomain", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "Name": "example.com"}); got["Code"] != float64(400) || got["ErrorCode"] != "IllegalRequest" {
		t.Errorf("duplicate domain: %v", got)
	}
}

func TestMSENacosServicesAndInstances(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	svc := map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "orders", "GroupName": "G"}
	e.OK(ramsimtest.VMSE, "CreateNacosService", ramsimtest.MergeParams(svc, "ProtectThreshold", "0.5"))
	e.OK(ramsimtest.VMSE, "CreateNacosInstance", ramsimtest.MergeParams(svc, "Ip", "10.0.0.1", "Port", "80", "Weight", "3", "Metadata", `{"v":"1"}`))
	e.OK(ramsimtest.VMSE, "CreateNacosInstance", ramsimtest.MergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2"))
	e.OK(ramsimtest.VMSE, "UpdateNacosInstance", ramsimtest.MergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2", "Enabled", "false"))
	got := e.OK(ramsimtest.VMSE, "ListAnsInstances", svc)
	data := ramsimtest.AsList(t, got["Data"])
	// Ordered by cluster, then IP.
	if len(data) != 2 || ramsimtest.Field(data[1], "Weight") != float64(3) || ramsimtest.Str(data[1], "Metadata", "v") != "1" ||
		ramsimtest.Field(data[0], "Enabled") != false || ramsimtest.Str(data[0], "ClusterName") != "C2" || ramsimtest.Str(data[1], "ServiceName") != "G@@orders" {
		t.Fatalf("ListAnsInstances: %v", got)
	}
	if got := e.OK(ramsimtest.VMSE, "ListAnsServiceClusters", svc); len(ramsimtest.AsList(t, ramsimtest.Field(got, "Data", "Clusters"))) != 2 || ramsimtest.Field(got, "Data", "ProtectThreshold") != 0.5 {
		t.Fatalf("ListAnsServiceClusters: %v", got)
	}
	list := e.OK(ramsimtest.VMSE, "ListAnsServices", map[string]string{"InstanceId": ramsimtest.SeedNacos, "GroupName": "G"})
	if ramsimtest.Field(list, "TotalCount") != float64(1) || ramsimtest.Field(ramsimtest.AsList(t, list["Data"])[0], "IpCount") != float64(2) ||
		ramsimtest.Field(ramsimtest.AsList(t, list["Data"])[0], "HealthyInstanceCount") != float64(1) {
		t.Fatalf("ListAnsServices: %v", list)
	}
	e.OK(ramsimtest.VMSE, "DeleteNacosInstance", ramsimtest.MergeParams(svc, "Ip", "10.0.0.1", "Port", "80"))
	e.OK(ramsimtest.VMSE, "DeleteNacosInstance", ramsimtest.MergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2"))
	e.OK(ramsimtest.VMSE, "DeleteNacosService", svc)
	e.Fail(ramsimtest.VMSE, "ListAnsInstances", svc, http.StatusNotFound, "NotFound")
	// Registering an instance creates its service, as Nacos does.
	e.OK(ramsimtest.VMSE, "CreateNacosInstance", map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "auto", "Ip": "10.0.0.3", "Port": "81"})
	e.OK(ramsimtest.VMSE, "GetServiceListeners", map[string]string{"InstanceId": ramsimtest.SeedNacos, "ServiceName": "auto"})
}

func TestMSEGatewayRoutesAndDomains(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	gw := map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}
	dom := e.OK(ramsimtest.VMSE, "AddGatewayDomain", ramsimtest.MergeParams(gw, "Name", "api.example.com"))
	domID := numString(dom["Data"])
	added := e.OK(ramsimtest.VMSE, "AddGatewayRoute", ramsimtest.MergeParams(gw, "Name", "r2", "DomainId", domID,
		"Predicates.PathPredicates.Path", "/v2", "Predicates.PathPredicates.Type", "PRE", "Predicates.MethodPredicates.1", "GET",
		"Services", `[{"ServiceId":"7","Name":"test-service","Percent":"100"}]`))
	routeID := numString(added["Data"])
	routes := e.OK(ramsimtest.VMSE, "ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": ramsimtest.SeedGW, "FilterParams.DomainName": "api.example.com"})
	result := ramsimtest.AsList(t, ramsimtest.Field(routes, "Data", "Result"))
	if len(result) != 1 || ramsimtest.Str(result[0], "Name") != "r2" || ramsimtest.Str(result[0], "DomainName") != "api.example.com" ||
		ramsimtest.Str(result[0], "Predicates") != `{"MethodPredicates":["GET"],"PathPredicates":{"Path":"/v2","Type":"PRE"}}` ||
		ramsimtest.Str(result[0], "DefaultServiceName") != "test-service" {
		t.Fatalf("ListGatewayRoute: %v", routes)
	}
	if got := e.OK(ramsimtest.VMSE, "AddGatewayRoute", ramsimtest.MergeParams(gw, "Name", "r2")); got["Code"] != float64(400) || got["ErrorCode"] != "IllegalRequest" {
		t.Fatalf("duplicate route: %v", got)
	}
	del := e.OK(ramsimtest.VMSE, "DeleteGatewayRoute", ramsimtest.MergeParams(gw, "RouteId", routeID))
	if ramsimtest.Str(del, "Data", "Name") != "r2" {
		t.Fatalf("DeleteGatewayRoute: %v", del)
	}
	routes = e.OK(ramsimtest.VMSE, "ListGatewayRoute", map[string]string{"FilterParams": `{"GatewayUniqueId":"` + ramsimtest.SeedGW + `"}`})
	if ramsimtest.Field(routes, "Data", "TotalSize") != float64(1) {
		t.Fatalf("routes after delete: %v", routes)
	}
	domains := e.OK(ramsimtest.VMSE, "ListGatewayDomain", gw)
	if len(ramsimtest.AsList(t, domains["Data"])) != 2 {
		t.Fatalf("ListGatewayDomain: %v", domains)
	}
	services := e.OK(ramsimtest.VMSE, "ListGatewayService", map[string]string{"FilterParams.GatewayUniqueId": ramsimtest.SeedGW, "FilterParams.Namespace": "public"})
	if ramsimtest.Field(services, "Data", "TotalSize") != float64(1) {
		t.Fatalf("ListGatewayService: %v", services)
	}
}

func TestMSEFixtures(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(`{"Clusters":[{"InstanceId":"mse-cn-custom","RegionId":"cn-beijing",
		"Namespaces":[{"NamespaceId":"ns1","Configs":[{"DataId":"a.properties","Content":"k=v"}]}]}],
		"Gateways":[{"GatewayUniqueId":"gw-custom","Routes":[{"Name":"root"}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	e := ramsimtest.New(t, ramsim.Config{Fixtures: good})
	got := e.OK(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": "mse-cn-custom", "NamespaceId": "ns1", "DataId": "a.properties"})
	if ramsimtest.Str(got, "Configuration", "Content") != "k=v" || ramsimtest.Str(got, "Configuration", "Group") != "DEFAULT_GROUP" {
		t.Fatalf("custom config: %v", got)
	}
	if got := e.OK(ramsimtest.VMSE, "ListClusters", nil); ramsimtest.Field(got, "TotalCount") != float64(1) {
		t.Fatalf("custom fixtures keep the default set: %v", got)
	}
	e.Fail(ramsimtest.VMSE, "QueryClusterDetail", map[string]string{"InstanceId": ramsimtest.SeedNacos}, http.StatusNotFound, "mse-200-021")
	arns, _ := msesim.API.Resources["QueryClusterDetail"](newService(t, good), mseRequest(map[string]string{"InstanceId": "mse-cn-custom"}))
	if arns[0] != "acs:mse:cn-beijing:"+ramsimtest.Account+":instance/mse-cn-custom" {
		t.Fatalf("ARN takes the instance's region: %v", arns)
	}

	for _, tc := range []struct{ body, want string }{
		{`{"Clusters":[{"InstanceId":"a","Namespaces":[{"NamespaceId":"n","Configs":[{"Group":"g"}]}]}]}`,
			"Clusters[0].Namespaces[0].Configs[0].DataId: required"},
		{`{"Clusters":[{"InstanceId":"a"},{"InstanceId":"a"}]}`, `Clusters[1].InstanceId: "a" appears twice`},
		{`{"Clusters":[{"InstanceId":"a/b"}]}`, "Clusters[0].InstanceId"},
		{`{"Gateways":[{"GatewayUniqueId":"g","Routes":[{"Name":"r","DomainNames":["x.com"]}]}]}`, "Gateways[0].Routes[0].DomainNames"},
		{`{"Gateways":[{"GatewayUniqueId":"g","Bogus":1}]}`, `unknown field "Bogus"`},
		{`{"Clusters":[{"InstanceId":7}]}`, "Clusters.InstanceId"},
		{`{"Clusters":[`, "unexpected EOF"},
		{"{\n\"Clusters\": [}\n", "line 2"},
	} {
		bad := filepath.Join(dir, "bad.json")
		if err := os.WriteFile(bad, []byte(tc.body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := ramsim.New(ramsim.Config{Fixtures: bad})
		if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want the file name and %q", tc.body, err, tc.want)
		}
	}
	if _, err := ramsim.New(ramsim.Config{Fixtures: filepath.Join(dir, "missing.json")}); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}

// The default fixtures hold the seeds' ids.
func TestMSEDefaultFixtures(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	for _, p := range []map[string]string{
		{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "prod.yaml"},
		{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "dev.yaml"},
		{"InstanceId": ramsimtest.SeedNacos, "DataId": "dev.yaml"},
	} {
		e.OK(ramsimtest.VMSE, "GetNacosConfig", p)
	}
	e.OK(ramsimtest.VMSE, "ListAnsInstances", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "ServiceName": "test-service"})
	if got := e.OK(ramsimtest.VMSE, "GetGateway", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}); ramsimtest.Str(got, "Data", "Region") != ramsimtest.SeedRegion || got["Success"] != true {
		t.Fatalf("GetGateway: %v", got)
	}
	if !strings.HasPrefix(ramsimtest.SeedGW, "gw-8090caa2a3ab447a8bc5fdf3") || len(ramsimtest.SeedGW) != len("gw-")+32 {
		t.Fatal("the gateway id must match seed 003's masked gw-8090caa2a3ab447a8bc5fdf3********")
	}
}

// The fixtures example of the ramsim guide is a valid fixtures file.
func TestMSEDocFixturesExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "guides", "ramsim.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	start := strings.Index(doc, "```json\n{\n  \"Clusters\"")
	if start < 0 {
		t.Fatal("no fixtures example in the guide")
	}
	start += len("```json\n")
	end := strings.Index(doc[start:], "```")
	if end < 0 {
		t.Fatal("the guide's fixtures example is not closed")
	}
	path := filepath.Join(t.TempDir(), "example.json")
	if err := os.WriteFile(path, []byte(doc[start:start+end]), 0o600); err != nil {
		t.Fatal(err)
	}
	e := ramsimtest.New(t, ramsim.Config{Fixtures: path})
	e.OK(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "prod.yaml"})
	e.OK(ramsimtest.VMSE, "ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": ramsimtest.SeedGW})
}

// A RAM user with seed 001's example 4 (read and write one DataId) may read
// that configuration and not its neighbor; the denial names the ARN.
func TestMSESeedPolicyAuthorizesDataID(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	e.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "dev"})
	key := e.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "dev"})
	doc := `{"Version":"1","Statement":[
		{"Action":["mse:ListClusters"],"Resource":["acs:mse:*:*:*"],"Effect":"Allow"},
		{"Action":["mse:CreateNacosConfig","mse:UpdateNacosConfig","mse:GetNacosConfig"],
		 "Resource":["acs:mse:*:*:instance/` + ramsimtest.SeedNacos + `/` + ramsimtest.SeedNS + `/DEFAULT_GROUP/prod.yaml"],"Effect":"Allow"}]}`
	e.OK(ramsimtest.VRAM, "CreatePolicy", map[string]string{"PolicyName": "prod-yaml", "PolicyDocument": doc})
	e.OK(ramsimtest.VRAM, "AttachPolicyToUser", map[string]string{"UserName": "dev", "PolicyName": "prod-yaml", "PolicyType": "Custom"})
	sg := ramsimtest.Signer{KeyID: ramsimtest.Str(key, "AccessKey", "AccessKeyId"), Secret: ramsimtest.Str(key, "AccessKey", "AccessKeySecret")}
	call := func(action string, p map[string]string) (int, map[string]any) {
		return e.Do(e.Request(sg, ramsimtest.VMSE, action, p))
	}
	if status, body := call("ListClusters", nil); status != http.StatusOK {
		t.Fatalf("ListClusters: %d %v", status, body)
	}
	if status, body := call("GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "prod.yaml"}); status != http.StatusOK {
		t.Fatalf("GetNacosConfig prod.yaml: %d %v", status, body)
	}
	status, body := call("GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "NamespaceId": ramsimtest.SeedNS, "DataId": "dev.yaml"})
	want := "acs:mse:" + ramsimtest.SeedRegion + ":" + ramsimtest.Account + ":instance/" + ramsimtest.SeedNacos + "/" + ramsimtest.SeedNS + "/DEFAULT_GROUP/dev.yaml"
	if status != http.StatusForbidden || !strings.Contains(ramsimtest.Str(body, "Message"), want) {
		t.Fatalf("GetNacosConfig dev.yaml: %d %v, want a denial naming %s", status, body, want)
	}
	if status, _ := call("QueryClusterDetail", map[string]string{"InstanceId": ramsimtest.SeedNacos}); status != http.StatusForbidden {
		t.Fatalf("QueryClusterDetail: %d, want denied", status)
	}
}
