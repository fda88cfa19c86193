// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

const (
	vMSE       = "2019-05-31"
	seedNacos  = "mse-cn-0pp1j8om80a"
	seedNS     = "3fd98c48-a709-4061-bba1-e341d79d681b"
	seedGW     = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
	seedRegion = "cn-hangzhou"
)

func TestMSEProductIsRouted(t *testing.T) {
	p, known := productFor(vMSE, "ListClusters")
	if !known || p.spec() != &mseAPI.Product || p.spec().Service != "mse" {
		t.Fatalf("productFor(%s) = %+v, %v", vMSE, p, known)
	}
}

// Every MSE action has a resources function (and no function is left over
// for an action that is not routed), and every action is one the catalog
// of internal/mse knows.
func TestMSEEveryActionHasResources(t *testing.T) {
	for action := range mseAPI.Actions {
		if mseAPI.Resources[action] == nil {
			t.Errorf("%s: no resources function", action)
		}
		if _, ok := mse.Lookup(action); !ok {
			t.Errorf("%s: not in internal/mse's catalog", action)
		}
	}
	for action := range mseAPI.Resources {
		if _, ok := mseAPI.Actions[action]; !ok {
			t.Errorf("%s: resources function for an action that is not routed", action)
		}
	}
}

// mseRequest is a request with the given parameters, as a handler sees it.
func mseRequest(p map[string]string) *wire.Request {
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	return &wire.Request{Params: wire.Params(q), Caller: wire.Caller{AccountID: testAccount, IdentityType: wire.IdentityAccount}}
}

// Every action's ARN is as deep as internal/mse's catalog says its scope
// is, and the item ARNs are exactly what internal/mse's builder makes.
func TestMSEResourcesMatchCatalogAndBuilder(t *testing.T) {
	e := newEnv(t, Config{})
	full := map[string]string{
		"InstanceId": seedNacos, "NamespaceId": seedNS, "Group": "DEFAULT_GROUP", "GroupName": "DEFAULT_GROUP",
		"DataId": "prod.yaml", "ServiceName": "test-service", "GatewayUniqueId": seedGW, "Ids": "1", "Nid": "1",
		"Ip": "10.0.0.1", "Port": "80", "Name": "r", "RouteId": "1",
	}
	depths := map[mse.Scope]int{mse.ScopeAccount: 0, mse.ScopeInstance: 1, mse.ScopeNamespace: 2, mse.ScopeGroup: 3, mse.ScopeItem: 4}
	for action, f := range mseAPI.Resources {
		arns, err := f(e.srv, mseRequest(full))
		if err != nil || len(arns) != 1 {
			t.Fatalf("%s: %v %v", action, arns, err)
		}
		arn := arns[0]
		prefix := "acs:mse:" + seedRegion + ":" + testAccount + ":"
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
		{"GetNacosConfig", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "Group": "DEFAULT_GROUP", "DataId": "prod.yaml"},
			mse.ResourceRef{InstanceID: seedNacos, NamespaceID: seedNS, Group: "DEFAULT_GROUP", Name: "prod.yaml"}},
		// NamespaceId and Group default to public and DEFAULT_GROUP.
		{"UpdateNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "dev.yaml"},
			mse.ResourceRef{InstanceID: seedNacos, NamespaceID: "public", Group: "DEFAULT_GROUP", Name: "dev.yaml"}},
		{"CreateNacosService", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "ServiceName": "test-service"},
			mse.ResourceRef{InstanceID: seedNacos, NamespaceID: seedNS, Group: "DEFAULT_GROUP", Name: "test-service"}},
		{"DeleteNacosInstance", map[string]string{"InstanceId": seedNacos, "GroupName": "G1", "ServiceName": "svc"},
			mse.ResourceRef{InstanceID: seedNacos, NamespaceID: "public", Group: "G1", Name: "svc"}},
		{"ListNacosConfigs", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS},
			mse.ResourceRef{InstanceID: seedNacos}},
		{"DeleteNacosConfigs", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "Ids": "1"},
			mse.ResourceRef{InstanceID: seedNacos, NamespaceID: seedNS}},
		{"GetGateway", map[string]string{"GatewayUniqueId": seedGW}, mse.ResourceRef{InstanceID: seedGW}},
		{"ListGatewayRoute", map[string]string{"FilterParams": `{"GatewayUniqueId":"` + seedGW + `"}`}, mse.ResourceRef{InstanceID: seedGW}},
		{"ListGatewayService", map[string]string{"FilterParams.GatewayUniqueId": seedGW}, mse.ResourceRef{InstanceID: seedGW}},
	} {
		tc.ref.Region, tc.ref.Account = seedRegion, testAccount
		want, err := tc.ref.ARN()
		if err != nil {
			t.Fatal(err)
		}
		got, aerr := mseAPI.Resources[tc.action](e.srv, mseRequest(tc.p))
		if aerr != nil || len(got) != 1 || got[0] != want {
			t.Errorf("%s %v: %v %v, want %s", tc.action, tc.p, got, aerr, want)
		}
	}
	// Account-level actions, and ListGateway without a filter.
	for _, action := range []string{"ListClusters", "ListGateway"} {
		got, _ := mseAPI.Resources[action](e.srv, mseRequest(map[string]string{"RegionId": "cn-beijing"}))
		if want := mse.AllResources("cn-beijing", testAccount); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %v, want %s", action, got, want)
		}
	}
	// An unknown instance takes the request's region; a missing id is
	// answered as the handler would.
	got, _ := mseAPI.Resources["QueryClusterDetail"](e.srv, mseRequest(map[string]string{"InstanceId": "mse-cn-x", "RegionId": "cn-beijing"}))
	if len(got) != 1 || got[0] != "acs:mse:cn-beijing:"+testAccount+":instance/mse-cn-x" {
		t.Errorf("unknown instance: %v", got)
	}
	if _, err := mseAPI.Resources["GetNacosConfig"](e.srv, mseRequest(map[string]string{"InstanceId": seedNacos})); err == nil || err.Code != "MissingDataId" {
		t.Errorf("missing DataId: %v", err)
	}
	if _, err := mseAPI.Resources["GetGateway"](e.srv, mseRequest(nil)); err == nil || err.Code != "MissingGatewayUniqueId" {
		t.Errorf("missing GatewayUniqueId: %v", err)
	}
}

func TestMSEConfigHistory(t *testing.T) {
	e := newEnv(t, Config{})
	base := map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "new.yaml", "Group": "G1"}
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
	e.ok(vMSE, "CreateNacosConfig", with("Content", "a: 1", "Type", "yaml", "AppName", "app"))
	got := e.ok(vMSE, "GetNacosConfig", base)
	if str(got, "Configuration", "Content") != "a: 1" || str(got, "Configuration", "Type") != "yaml" || got["Success"] != true {
		t.Fatalf("GetNacosConfig: %v", got)
	}
	md5 := str(got, "Configuration", "Md5")
	e.fail(vMSE, "UpdateNacosConfig", with("Content", "a: 2", "Md5", "0123"), http.StatusBadRequest, "IllegalRequest")
	e.ok(vMSE, "UpdateNacosConfig", with("Content", "a: 2", "Md5", md5))
	if got := e.ok(vMSE, "GetNacosConfig", base); str(got, "Configuration", "Content") != "a: 2" || str(got, "Configuration", "AppName") != "app" {
		t.Fatalf("after update: %v", got)
	}
	e.ok(vMSE, "DeleteNacosConfig", base)
	e.fail(vMSE, "GetNacosConfig", base, http.StatusNotFound, "NotFound")

	hist := e.ok(vMSE, "ListNacosHistoryConfigs", base)
	items, _ := hist["HistoryItems"].([]any)
	if len(items) != 3 || field(hist, "TotalCount") != float64(3) {
		t.Fatalf("history: %v", hist)
	}
	var ops []string
	for _, it := range items {
		ops = append(ops, str(it, "OpType"))
		if str(it, "DataId") != "new.yaml" || str(it, "Group") != "G1" || str(it, "SrcUser") != testAccount {
			t.Fatalf("history item: %v", it)
		}
	}
	if strings.Join(ops, ",") != "D,U,I" {
		t.Fatalf("history order %v, want newest first D,U,I", ops)
	}
	// The update's entry holds the content it replaced, the insert's the
	// first content.
	for i, want := range []string{"a: 2", "a: 1", "a: 1"} {
		id := numString(field(items[i], "Id"))
		got := e.ok(vMSE, "GetNacosHistoryConfig", with("Nid", id))
		if str(got, "Configuration", "Content") != want || str(got, "Configuration", "OpType") != ops[i] {
			t.Fatalf("history %d (%s): %v, want content %q", i, id, got, want)
		}
	}
	e.fail(vMSE, "GetNacosHistoryConfig", with("Nid", "999999"), http.StatusNotFound, "NotFound")
	e.fail(vMSE, "GetNacosHistoryConfig", with("Nid", "x"), http.StatusBadRequest, "InvalidParameter")
}

// numString writes a decoded JSON integer back as a parameter.
func numString(v any) string {
	f, _ := v.(float64)
	return strconv.FormatInt(int64(f), 10)
}

func TestMSEPaging(t *testing.T) {
	e := newEnv(t, Config{})
	ns := map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS}
	page := func(num, size string) map[string]any {
		p := map[string]string{"PageNum": num, "PageSize": size}
		for k, v := range ns {
			p[k] = v
		}
		return e.ok(vMSE, "ListNacosConfigs", p)
	}
	var seen []string
	for _, num := range []string{"1", "2", "3"} {
		got := page(num, "1")
		if field(got, "TotalCount") != float64(2) || field(got, "PageNumber") != float64(num[0]-'0') || field(got, "PageSize") != float64(1) {
			t.Fatalf("page %s: %v", num, got)
		}
		for _, c := range asList(t, got["Configurations"]) {
			seen = append(seen, str(c, "DataId"))
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
	if got := e.ok(vMSE, "ListNacosConfigs", p); field(got, "TotalCount") != float64(1) {
		t.Fatalf("DataId filter: %v", got)
	}
	e.fail(vMSE, "ListNacosConfigs", map[string]string{"InstanceId": seedNacos, "PageSize": "0"}, http.StatusBadRequest, "InvalidParameter")
	e.fail(vMSE, "ListClusters", map[string]string{"PageNum": "x"}, http.StatusBadRequest, "InvalidParameter")
	got := e.ok(vMSE, "ListClusters", map[string]string{"PageNum": "1", "PageSize": "10"})
	if field(got, "TotalCount") != float64(1) || str(asList(t, got["Data"])[0], "InstanceId") != seedNacos {
		t.Fatalf("ListClusters: %v", got)
	}
	if got := e.ok(vMSE, "ListClusters", map[string]string{"PageNum": "2", "PageSize": "10"}); len(asList(t, got["Data"])) != 0 {
		t.Fatalf("ListClusters page 2: %v", got)
	}
	gw := e.ok(vMSE, "ListGateway", map[string]string{"PageNumber": "1", "PageSize": "1", "FilterParams.Name": "test"})
	if field(gw, "Data", "TotalSize") != float64(1) || str(asList(t, field(gw, "Data", "Result"))[0], "GatewayUniqueId") != seedGW {
		t.Fatalf("ListGateway: %v", gw)
	}
}

func TestMSEErrors(t *testing.T) {
	e := newEnv(t, Config{})
	e.fail(vMSE, "GetNacosConfig", map[string]string{"InstanceId": seedNacos}, http.StatusBadRequest, "MissingDataId")
	e.fail(vMSE, "GetNacosConfig", map[string]string{"DataId": "x"}, http.StatusBadRequest, "MissingInstanceId")
	body := e.fail(vMSE, "GetNacosConfig", map[string]string{"InstanceId": "mse-cn-nope", "DataId": "x"}, http.StatusNotFound, "mse-200-021")
	if body["HostId"] != "mse.cn-hangzhou.aliyuncs.com" {
		t.Fatalf("HostId: %v", body)
	}
	e.fail(vMSE, "QueryClusterDetail", map[string]string{"InstanceId": "mse-cn-nope"}, http.StatusNotFound, "mse-200-021")
	e.fail(vMSE, "QueryClusterDetail", nil, http.StatusBadRequest, "MissingInstanceId")
	e.fail(vMSE, "GetNacosConfig", map[string]string{"InstanceId": seedNacos, "NamespaceId": "nope", "DataId": "x"}, http.StatusNotFound, "NotFound")
	e.fail(vMSE, "GetNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "nope.yaml"}, http.StatusNotFound, "NotFound")
	e.fail(vMSE, "GetNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "a b"}, http.StatusBadRequest, "InvalidParameter")
	e.fail(vMSE, "CreateNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "dev.yaml"}, http.StatusBadRequest, "MissingContent")
	e.fail(vMSE, "CreateNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "dev.yaml", "Content": "x"}, http.StatusBadRequest, "IllegalRequest")
	e.fail(vMSE, "CreateNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "n.txt", "Content": "x", "Type": "exe"}, http.StatusBadRequest, "InvalidParameter")
	e.fail(vMSE, "UpdateNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "nope", "Content": "x"}, http.StatusNotFound, "NotFound")
	e.fail(vMSE, "DeleteNacosConfig", map[string]string{"InstanceId": seedNacos, "DataId": "nope"}, http.StatusNotFound, "NotFound")

	svc := map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "ServiceName": "test-service"}
	e.fail(vMSE, "CreateNacosService", svc, http.StatusBadRequest, "IllegalRequest")
	e.fail(vMSE, "DeleteNacosService", svc, http.StatusBadRequest, "IllegalRequest")
	e.fail(vMSE, "UpdateNacosService", map[string]string{"InstanceId": seedNacos, "ServiceName": "nope"}, http.StatusNotFound, "NotFound")
	e.fail(vMSE, "ListAnsInstances", map[string]string{"InstanceId": seedNacos}, http.StatusBadRequest, "MissingServiceName")
	e.fail(vMSE, "UpdateNacosService", map[string]string{"InstanceId": seedNacos, "ServiceName": "test-service", "ProtectThreshold": "2"}, http.StatusBadRequest, "InvalidParameter")
	inst := map[string]string{"InstanceId": seedNacos, "ServiceName": "test-service", "Ip": "10.9.9.9", "Port": "1"}
	e.fail(vMSE, "UpdateNacosInstance", inst, http.StatusNotFound, "NotFound")
	e.fail(vMSE, "DeleteNacosInstance", inst, http.StatusNotFound, "NotFound")
	inst["Port"] = "70000"
	e.fail(vMSE, "CreateNacosInstance", inst, http.StatusBadRequest, "InvalidParameter")
	delete(inst, "Port")
	e.fail(vMSE, "CreateNacosInstance", inst, http.StatusBadRequest, "MissingPort")

	// Gateways answer an unknown gateway, route or domain with Success
	// false and Code 404 in an HTTP 200 answer.
	for _, tc := range []struct {
		action string
		p      map[string]string
	}{
		{"GetGateway", map[string]string{"GatewayUniqueId": "gw-nope"}},
		{"ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": "gw-nope"}},
		{"DeleteGatewayRoute", map[string]string{"GatewayUniqueId": seedGW, "RouteId": "999999"}},
		{"AddGatewayRoute", map[string]string{"GatewayUniqueId": seedGW, "Name": "r", "DomainId": "999999"}},
	} {
		got := e.ok(vMSE, tc.action, tc.p)
		if got["Success"] != false || got["Code"] != float64(404) || got["HttpStatusCode"] != float64(404) || got["ErrorCode"] != "NotFound" {
			t.Errorf("%s: %v", tc.action, got)
		}
	}
	e.fail(vMSE, "GetGateway", nil, http.StatusBadRequest, "MissingGatewayUniqueId")
	e.fail(vMSE, "DeleteGatewayRoute", map[string]string{"GatewayUniqueId": seedGW}, http.StatusBadRequest, "MissingRouteId")
	e.fail(vMSE, "AddGatewayDomain", map[string]string{"GatewayUniqueId": seedGW, "Name": "a.example.com", "Protocol": "HTTPS"}, http.StatusBadRequest, "MissingCertIdentifier")
	if got := e.ok(vMSE, "AddGatewayDomain", map[string]string{"GatewayUniqueId": seedGW, "Name": "example.com"}); got["Code"] != float64(400) || got["ErrorCode"] != "IllegalRequest" {
		t.Errorf("duplicate domain: %v", got)
	}
}

func TestMSENacosServicesAndInstances(t *testing.T) {
	e := newEnv(t, Config{})
	svc := map[string]string{"InstanceId": seedNacos, "ServiceName": "orders", "GroupName": "G"}
	e.ok(vMSE, "CreateNacosService", mergeParams(svc, "ProtectThreshold", "0.5"))
	e.ok(vMSE, "CreateNacosInstance", mergeParams(svc, "Ip", "10.0.0.1", "Port", "80", "Weight", "3", "Metadata", `{"v":"1"}`))
	e.ok(vMSE, "CreateNacosInstance", mergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2"))
	e.ok(vMSE, "UpdateNacosInstance", mergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2", "Enabled", "false"))
	got := e.ok(vMSE, "ListAnsInstances", svc)
	data := asList(t, got["Data"])
	// Ordered by cluster, then IP.
	if len(data) != 2 || field(data[1], "Weight") != float64(3) || str(data[1], "Metadata", "v") != "1" ||
		field(data[0], "Enabled") != false || str(data[0], "ClusterName") != "C2" || str(data[1], "ServiceName") != "G@@orders" {
		t.Fatalf("ListAnsInstances: %v", got)
	}
	if got := e.ok(vMSE, "ListAnsServiceClusters", svc); len(asList(t, field(got, "Data", "Clusters"))) != 2 || field(got, "Data", "ProtectThreshold") != 0.5 {
		t.Fatalf("ListAnsServiceClusters: %v", got)
	}
	list := e.ok(vMSE, "ListAnsServices", map[string]string{"InstanceId": seedNacos, "GroupName": "G"})
	if field(list, "TotalCount") != float64(1) || field(asList(t, list["Data"])[0], "IpCount") != float64(2) ||
		field(asList(t, list["Data"])[0], "HealthyInstanceCount") != float64(1) {
		t.Fatalf("ListAnsServices: %v", list)
	}
	e.ok(vMSE, "DeleteNacosInstance", mergeParams(svc, "Ip", "10.0.0.1", "Port", "80"))
	e.ok(vMSE, "DeleteNacosInstance", mergeParams(svc, "Ip", "10.0.0.2", "Port", "80", "ClusterName", "C2"))
	e.ok(vMSE, "DeleteNacosService", svc)
	e.fail(vMSE, "ListAnsInstances", svc, http.StatusNotFound, "NotFound")
	// Registering an instance creates its service, as Nacos does.
	e.ok(vMSE, "CreateNacosInstance", map[string]string{"InstanceId": seedNacos, "ServiceName": "auto", "Ip": "10.0.0.3", "Port": "81"})
	e.ok(vMSE, "GetServiceListeners", map[string]string{"InstanceId": seedNacos, "ServiceName": "auto"})
}

func mergeParams(base map[string]string, kv ...string) map[string]string {
	p := map[string]string{}
	for k, v := range base {
		p[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		p[kv[i]] = kv[i+1]
	}
	return p
}

func TestMSEGatewayRoutesAndDomains(t *testing.T) {
	e := newEnv(t, Config{})
	gw := map[string]string{"GatewayUniqueId": seedGW}
	dom := e.ok(vMSE, "AddGatewayDomain", mergeParams(gw, "Name", "api.example.com"))
	domID := numString(dom["Data"])
	added := e.ok(vMSE, "AddGatewayRoute", mergeParams(gw, "Name", "r2", "DomainId", domID,
		"Predicates.PathPredicates.Path", "/v2", "Predicates.PathPredicates.Type", "PRE", "Predicates.MethodPredicates.1", "GET",
		"Services", `[{"ServiceId":"7","Name":"test-service","Percent":"100"}]`))
	routeID := numString(added["Data"])
	routes := e.ok(vMSE, "ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": seedGW, "FilterParams.DomainName": "api.example.com"})
	result := asList(t, field(routes, "Data", "Result"))
	if len(result) != 1 || str(result[0], "Name") != "r2" || str(result[0], "DomainName") != "api.example.com" ||
		str(result[0], "Predicates") != `{"MethodPredicates":["GET"],"PathPredicates":{"Path":"/v2","Type":"PRE"}}` ||
		str(result[0], "DefaultServiceName") != "test-service" {
		t.Fatalf("ListGatewayRoute: %v", routes)
	}
	if got := e.ok(vMSE, "AddGatewayRoute", mergeParams(gw, "Name", "r2")); got["Code"] != float64(400) || got["ErrorCode"] != "IllegalRequest" {
		t.Fatalf("duplicate route: %v", got)
	}
	del := e.ok(vMSE, "DeleteGatewayRoute", mergeParams(gw, "RouteId", routeID))
	if str(del, "Data", "Name") != "r2" {
		t.Fatalf("DeleteGatewayRoute: %v", del)
	}
	routes = e.ok(vMSE, "ListGatewayRoute", map[string]string{"FilterParams": `{"GatewayUniqueId":"` + seedGW + `"}`})
	if field(routes, "Data", "TotalSize") != float64(1) {
		t.Fatalf("routes after delete: %v", routes)
	}
	domains := e.ok(vMSE, "ListGatewayDomain", gw)
	if len(asList(t, domains["Data"])) != 2 {
		t.Fatalf("ListGatewayDomain: %v", domains)
	}
	services := e.ok(vMSE, "ListGatewayService", map[string]string{"FilterParams.GatewayUniqueId": seedGW, "FilterParams.Namespace": "public"})
	if field(services, "Data", "TotalSize") != float64(1) {
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
	e := newEnv(t, Config{Fixtures: good})
	got := e.ok(vMSE, "GetNacosConfig", map[string]string{"InstanceId": "mse-cn-custom", "NamespaceId": "ns1", "DataId": "a.properties"})
	if str(got, "Configuration", "Content") != "k=v" || str(got, "Configuration", "Group") != "DEFAULT_GROUP" {
		t.Fatalf("custom config: %v", got)
	}
	if got := e.ok(vMSE, "ListClusters", nil); field(got, "TotalCount") != float64(1) {
		t.Fatalf("custom fixtures keep the default set: %v", got)
	}
	e.fail(vMSE, "QueryClusterDetail", map[string]string{"InstanceId": seedNacos}, http.StatusNotFound, "mse-200-021")
	arns, _ := mseAPI.Resources["QueryClusterDetail"](e.srv, mseRequest(map[string]string{"InstanceId": "mse-cn-custom"}))
	if arns[0] != "acs:mse:cn-beijing:"+testAccount+":instance/mse-cn-custom" {
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
		_, err := New(Config{Fixtures: bad})
		if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want the file name and %q", tc.body, err, tc.want)
		}
	}
	if _, err := New(Config{Fixtures: filepath.Join(dir, "missing.json")}); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}

// The default fixtures hold the seeds' ids.
func TestMSEDefaultFixtures(t *testing.T) {
	e := newEnv(t, Config{})
	for _, p := range []map[string]string{
		{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "prod.yaml"},
		{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "dev.yaml"},
		{"InstanceId": seedNacos, "DataId": "dev.yaml"},
	} {
		e.ok(vMSE, "GetNacosConfig", p)
	}
	e.ok(vMSE, "ListAnsInstances", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "ServiceName": "test-service"})
	if got := e.ok(vMSE, "GetGateway", map[string]string{"GatewayUniqueId": seedGW}); str(got, "Data", "Region") != seedRegion || got["Success"] != true {
		t.Fatalf("GetGateway: %v", got)
	}
	if !strings.HasPrefix(seedGW, "gw-8090caa2a3ab447a8bc5fdf3") || len(seedGW) != len("gw-")+32 {
		t.Fatal("the gateway id must match seed 003's masked gw-8090caa2a3ab447a8bc5fdf3********")
	}
}

// The fixtures example of the package doc is a valid fixtures file.
func TestMSEDocFixturesExample(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	start := strings.Index(doc, "//\t{\n//\t  \"Clusters\"")
	end := strings.Index(doc[start:], "\n//\t}\n")
	if start < 0 || end < 0 {
		t.Fatal("no fixtures example in doc.go")
	}
	var b strings.Builder
	for _, line := range strings.Split(doc[start:start+end+len("\n//\t}")], "\n") {
		b.WriteString(strings.TrimPrefix(line, "//\t") + "\n")
	}
	path := filepath.Join(t.TempDir(), "example.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, Config{Fixtures: path})
	e.ok(vMSE, "GetNacosConfig", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "prod.yaml"})
	e.ok(vMSE, "ListGatewayRoute", map[string]string{"FilterParams.GatewayUniqueId": seedGW})
}

// A RAM user with seed 001's example 4 (read and write one DataId) may read
// that configuration and not its neighbor; the denial names the ARN.
func TestMSESeedPolicyAuthorizesDataID(t *testing.T) {
	e := newEnv(t, Config{})
	e.ok(vRAM, "CreateUser", map[string]string{"UserName": "dev"})
	key := e.ok(vRAM, "CreateAccessKey", map[string]string{"UserName": "dev"})
	doc := `{"Version":"1","Statement":[
		{"Action":["mse:ListClusters"],"Resource":["acs:mse:*:*:*"],"Effect":"Allow"},
		{"Action":["mse:CreateNacosConfig","mse:UpdateNacosConfig","mse:GetNacosConfig"],
		 "Resource":["acs:mse:*:*:instance/` + seedNacos + `/` + seedNS + `/DEFAULT_GROUP/prod.yaml"],"Effect":"Allow"}]}`
	e.ok(vRAM, "CreatePolicy", map[string]string{"PolicyName": "prod-yaml", "PolicyDocument": doc})
	e.ok(vRAM, "AttachPolicyToUser", map[string]string{"UserName": "dev", "PolicyName": "prod-yaml", "PolicyType": "Custom"})
	sg := signer{keyID: str(key, "AccessKey", "AccessKeyId"), secret: str(key, "AccessKey", "AccessKeySecret")}
	call := func(action string, p map[string]string) (int, map[string]any) {
		return e.do(e.request(sg, vMSE, action, p))
	}
	if status, body := call("ListClusters", nil); status != http.StatusOK {
		t.Fatalf("ListClusters: %d %v", status, body)
	}
	if status, body := call("GetNacosConfig", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "prod.yaml"}); status != http.StatusOK {
		t.Fatalf("GetNacosConfig prod.yaml: %d %v", status, body)
	}
	status, body := call("GetNacosConfig", map[string]string{"InstanceId": seedNacos, "NamespaceId": seedNS, "DataId": "dev.yaml"})
	want := "acs:mse:" + seedRegion + ":" + testAccount + ":instance/" + seedNacos + "/" + seedNS + "/DEFAULT_GROUP/dev.yaml"
	if status != http.StatusForbidden || !strings.Contains(str(body, "Message"), want) {
		t.Fatalf("GetNacosConfig dev.yaml: %d %v, want a denial naming %s", status, body, want)
	}
	if status, _ := call("QueryClusterDetail", map[string]string{"InstanceId": seedNacos}); status != http.StatusForbidden {
		t.Fatalf("QueryClusterDetail: %d, want denied", status)
	}
}
