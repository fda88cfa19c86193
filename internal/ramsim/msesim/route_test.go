// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim_test

import (
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	msesdk "github.com/aliyun/alibaba-cloud-sdk-go/services/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// decodeInto re-encodes a decoded answer and decodes it strictly enough
// into an SDK response struct: a field of the wrong JSON type fails.
func decodeInto(t *testing.T, answer map[string]any, out any) {
	t.Helper()
	raw, err := json.Marshal(answer)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("the answer does not fit %T: %v\n%s", out, err, raw)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// listOneRoute lists the seed gateway's routes named name and returns the
// answer decoded into the classic SDK's response struct.
func listOneRoute(t *testing.T, e *ramsimtest.Env, name string) *msesdk.Routes {
	t.Helper()
	got := e.OK(ramsimtest.VMSE, "ListGatewayRoute", map[string]string{"FilterParams": `{"GatewayUniqueId":"` + ramsimtest.SeedGW + `","Name":"` + name + `"}`})
	resp := &msesdk.ListGatewayRouteResponse{}
	decodeInto(t, got, resp)
	if !resp.Success || resp.Code != 200 || resp.Data.TotalSize != 1 || len(resp.Data.Result) != 1 {
		t.Fatalf("ListGatewayRoute %s: %+v", name, resp)
	}
	return &resp.Data.Result[0]
}

// A route written with every AddGatewayRoute parameter, sent as
// darabonba's JSON strings, reads back from ListGatewayRoute with the same
// values in the models' shape.
func TestMSEGatewayRouteReadsBackEveryParameter(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	gw := map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}
	d1 := numString(e.OK(ramsimtest.VMSE, "AddGatewayDomain", ramsimtest.MergeParams(gw, "Name", "a.example.com"))["Data"])
	d2 := numString(e.OK(ramsimtest.VMSE, "AddGatewayDomain", ramsimtest.MergeParams(gw, "Name", "b.example.com"))["Data"])
	e.Clock.Add(time.Minute)
	added := e.OK(ramsimtest.VMSE, "AddGatewayRoute", ramsimtest.MergeParams(gw,
		"Name", "full", "DestinationType", "Multiple", "RouteOrder", "7", "RouteType", "Op", "EnableWaf", "true",
		"Fallback", "true", "DomainIdListJSON", "["+d1+","+d2+"]", "Description", "all fields",
		"Policies", `{"Timeout":"{\"unitNum\":10,\"timeUnit\":\"s\",\"status\":\"off\"}"}`,
		"Predicates", `{"PathPredicates":{"Path":"/api","Type":"PRE","IgnoreCase":true},"MethodPredicates":["GET","POST"],`+
			`"HeaderPredicates":[{"Key":"x-env","Value":"gray","Type":"EQUAL"}],"QueryPredicates":[{"Key":"v","Value":"2","Type":"EQUAL"}]}`,
		"Services", `[{"Name":"test-service","Namespace":"public","GroupName":"DEFAULT_GROUP","SourceType":"MSE","Percent":80,"ServicePort":8080,"Version":"v1","AgreementType":"HTTP"},`+
			`{"Name":"other","SourceType":"K8S","Percent":20,"ServiceId":42}]`,
		"FallbackServices", `[{"Name":"fallback","SourceType":"MSE","Percent":100,"ServicePort":9090}]`,
		"DirectResponseJSON", `{"Code":403,"Body":"denied <here>"}`,
		"RedirectJSON", `{"Host":"c.example.com","Path":"/new","Code":301}`))
	if added["Success"] != true || numString(added["Data"]) == "0" {
		t.Fatalf("AddGatewayRoute: %v", added)
	}
	r := listOneRoute(t, e, "full")
	want := msesdk.RoutePredicates{
		PathPredicates:   msesdk.PathPredicates{Path: "/api", Type: "PRE", IgnoreCase: true},
		MethodPredicates: []string{"GET", "POST"},
		HeaderPredicates: []msesdk.HeaderPredicatesItem{{Key: "x-env", Value: "gray", Type: "EQUAL"}},
		QueryPredicates:  []msesdk.QueryPredicatesItem{{Key: "v", Value: "2", Type: "EQUAL"}},
	}
	if !reflect.DeepEqual(r.RoutePredicates, want) {
		t.Errorf("RoutePredicates = %+v, want %+v", r.RoutePredicates, want)
	}
	wantServices := []msesdk.RouteServicesItem{
		{Name: "test-service", Namespace: "public", GroupName: "DEFAULT_GROUP", SourceType: "MSE", Percent: 80, ServicePort: 8080, Version: "v1", AgreementType: "HTTP"},
		{Name: "other", SourceType: "K8S", Percent: 20, ServiceId: 42},
	}
	if !reflect.DeepEqual(r.RouteServices, wantServices) {
		t.Errorf("RouteServices = %+v, want %+v", r.RouteServices, wantServices)
	}
	if want := []msesdk.FallbackServicesItem{{Name: "fallback", SourceType: "MSE", Percent: 100, ServicePort: 9090}}; !reflect.DeepEqual(r.FallbackServices, want) {
		t.Errorf("FallbackServices = %+v", r.FallbackServices)
	}
	if r.DirectResponse != (msesdk.DirectResponse{Code: 403, Body: "denied <here>"}) || r.Redirect != (msesdk.Redirect{Host: "c.example.com", Path: "/new", Code: 301}) {
		t.Errorf("DirectResponse %+v, Redirect %+v", r.DirectResponse, r.Redirect)
	}
	// The JSON string forms carry the same values.
	var preds msesdk.RoutePredicates
	var services []msesdk.RouteServicesItem
	if json.Unmarshal([]byte(r.Predicates), &preds) != nil || !reflect.DeepEqual(preds, want) ||
		json.Unmarshal([]byte(r.Services), &services) != nil || !reflect.DeepEqual(services, wantServices) {
		t.Errorf("Predicates %s, Services %s", r.Predicates, r.Services)
	}
	id1, _ := strconv.ParseInt(d1, 10, 64)
	id2, _ := strconv.ParseInt(d2, 10, 64)
	if !reflect.DeepEqual(r.DomainIdList, []int64{id1, id2}) || !reflect.DeepEqual(r.DomainNameList, []string{"a.example.com", "b.example.com"}) ||
		r.DomainId != id1 || r.DomainName != "a.example.com" {
		t.Errorf("domains: %v %v %d %s", r.DomainIdList, r.DomainNameList, r.DomainId, r.DomainName)
	}
	created := e.Clock.Now().Format(msesim.MSETimeFormat)
	if r.DestinationType != "Multiple" || r.RouteOrder != 7 || r.Type != "Op" || r.EnableWaf != "true" || !r.Fallback ||
		r.Status != msesim.RoutePublished || r.GmtCreate != created || r.GmtModified != created || r.GatewayUniqueId != ramsimtest.SeedGW || r.Id == 0 {
		t.Errorf("route: %+v", r)
	}
}

// The classic SDK flattens Predicates, DirectResponseJSON and RedirectJSON
// and sends Services as JSON of strings; the values read back typed.
func TestMSEGatewayRouteFromClassicParameters(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	e.OK(ramsimtest.VMSE, "AddGatewayRoute", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW, "Name": "mock", "DestinationType": "Mock",
		"Predicates.PathPredicates.Path": "/m", "Predicates.PathPredicates.IgnoreCase": "false", "Predicates.PathPredicates.Type": "EQUAL",
		"Predicates.HeaderPredicates.1.Key": "k", "Predicates.HeaderPredicates.1.Value": "v", "Predicates.HeaderPredicates.1.Type": "EQUAL",
		"DirectResponseJSON.Code": "418", "DirectResponseJSON.Body": "teapot",
		"Services": `[{"Name":"test-service","Percent":"100","ServiceId":"","ServicePort":"8080"}]`})
	r := listOneRoute(t, e, "mock")
	if r.RoutePredicates.PathPredicates != (msesdk.PathPredicates{Path: "/m", Type: "EQUAL"}) ||
		!reflect.DeepEqual(r.RoutePredicates.HeaderPredicates, []msesdk.HeaderPredicatesItem{{Key: "k", Value: "v", Type: "EQUAL"}}) {
		t.Errorf("RoutePredicates = %+v", r.RoutePredicates)
	}
	if r.DirectResponse.Code != 418 || r.DirectResponse.Body != "teapot" || r.Redirect != (msesdk.Redirect{}) {
		t.Errorf("DirectResponse %+v, Redirect %+v", r.DirectResponse, r.Redirect)
	}
	if len(r.RouteServices) != 1 || r.RouteServices[0].Percent != 100 || r.RouteServices[0].ServicePort != 8080 || r.RouteServices[0].ServiceId != 0 ||
		r.DefaultServiceName != "test-service" {
		t.Errorf("RouteServices = %+v", r.RouteServices)
	}
	for _, bad := range []map[string]string{
		{"DestinationType": "Teleport"},
		{"Services": `[{"Name":"s","Percent":"most"}]`},
		{"Services": `{"Name":"s"}`},
		{"Predicates": `[]`},
		{"RedirectJSON.Code": "x"},
		{"Policies": "{"},
	} {
		e.Fail(ramsimtest.VMSE, "AddGatewayRoute", ramsimtest.MergeParams(ramsimtest.MergeParams(bad, "GatewayUniqueId", ramsimtest.SeedGW), "Name", "bad"), http.StatusBadRequest, "InvalidParameter")
	}
}

// QueryClusterDetail answers in the reference's units and fields.
func TestMSEQueryClusterDetailFields(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	resp := &msesdk.QueryClusterDetailResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "QueryClusterDetail", map[string]string{"InstanceId": ramsimtest.SeedNacos}), resp)
	d := resp.Data
	if d.Cpu != 2 || d.MemoryCapacity != 4 || d.DiskCapacity != 60 || d.ClusterSpecification != "MSE_SC_2_4_60_c" || d.InstanceCount != 3 {
		t.Errorf("capacity: %+v", d)
	}
	if d.VpcId != "vpc-ramsim" || d.VSwitchId != "vsw-ramsim" || d.PubNetworkFlow != "0" || d.NetType != "privatenet" ||
		d.InternetAddress != "" || d.IntranetAddress == "" || d.ClusterType != "Nacos-Ans" || d.MseVersion != "mse_pro" ||
		d.AppVersion != "2.2.3" || d.InitStatus == "" || d.HealthStatus == "" || d.RegionId != ramsimtest.SeedRegion {
		t.Errorf("detail: %+v", d)
	}
	if d.CreateTime != e.Clock.Now().Format(msesim.MSETimeFormat) {
		t.Errorf("CreateTime = %q", d.CreateTime)
	}

	fixtures := t.TempDir() + "/mse_cluster.json"
	writeFile(t, fixtures, `{"Clusters":[{"InstanceId":"mse-cn-pub","ClusterSpecification":"MSE_SC_4_8_100_c","InstanceCount":5,
		"VpcId":"vpc-1","VSwitchId":"vsw-1","PubNetworkFlow":5}]}`)
	e = ramsimtest.New(t, ramsim.Config{Fixtures: fixtures})
	resp = &msesdk.QueryClusterDetailResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "QueryClusterDetail", map[string]string{"InstanceId": "mse-cn-pub"}), resp)
	if d := resp.Data; d.Cpu != 4 || d.MemoryCapacity != 8 || d.DiskCapacity != 100 || d.InstanceCount != 5 || d.VSwitchId != "vsw-1" ||
		d.VpcId != "vpc-1" || d.PubNetworkFlow != "5" || d.NetType != "pubnet" || d.InternetAddress == "" || d.InternetDomain == "" {
		t.Errorf("custom detail: %+v", d)
	}
	for body, want := range map[string]string{
		`{"Clusters":[{"InstanceId":"a","ClusterSpecification":"big"}]}`: "ClusterSpecification",
		`{"Clusters":[{"InstanceId":"a","PubNetworkFlow":9000}]}`:        "PubNetworkFlow",
	} {
		writeFile(t, fixtures, body)
		if _, err := ramsim.New(ramsim.Config{Fixtures: fixtures}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v", body, err)
		}
	}
}

// MSE dates follow each field's reference example.
func TestMSEDates(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	now := e.Clock.Now()
	clusters := &msesdk.ListClustersResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "ListClusters", nil), clusters)
	if clusters.Data[0].CreateTime != now.Format("2006-01-02 15:04:05") {
		t.Errorf("ListClusters CreateTime = %q", clusters.Data[0].CreateTime)
	}
	gw := &msesdk.GetGatewayResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "GetGateway", map[string]string{"GatewayUniqueId": ramsimtest.SeedGW}), gw)
	if gw.Data.GmtCreate != now.Format("2006-01-02T15:04:05.000+0000") {
		t.Errorf("GetGateway GmtCreate = %q", gw.Data.GmtCreate)
	}
	list := &msesdk.ListGatewayResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "ListGateway", nil), list)
	if list.Data.Result[0].GmtCreate != now.Format("2006-01-02 15:04:05") {
		t.Errorf("ListGateway GmtCreate = %q", list.Data.Result[0].GmtCreate)
	}
	e.Clock.Add(time.Hour)
	cfg := map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "d.txt"}
	e.OK(ramsimtest.VMSE, "CreateNacosConfig", ramsimtest.MergeParams(cfg, "Content", "x"))
	hist := &msesdk.ListNacosHistoryConfigsResponse{}
	decodeInto(t, e.OK(ramsimtest.VMSE, "ListNacosHistoryConfigs", cfg), hist)
	if hist.HistoryItems[0].LastModifiedTime != e.Clock.Now().UnixMilli() {
		t.Errorf("LastModifiedTime = %d", hist.HistoryItems[0].LastModifiedTime)
	}
}

// MSE errors carry the documented codes and, as MSE's models do, Success,
// ErrorCode and HttpStatusCode.
func TestMSEErrorBody(t *testing.T) {
	e := ramsimtest.New(t, ramsim.Config{})
	body := e.Fail(ramsimtest.VMSE, "GetNacosConfig", map[string]string{"InstanceId": ramsimtest.SeedNacos, "DataId": "nope"}, http.StatusNotFound, "NotFound")
	if body["Success"] != false || body["ErrorCode"] != "NotFound" || body["HttpStatusCode"] != float64(404) {
		t.Errorf("error body: %v", body)
	}
	body = e.Fail(ramsimtest.VMSE, "ListAnsServices", map[string]string{"InstanceId": ramsimtest.SeedNacos, "PageSize": "1000"}, http.StatusBadRequest, "InvalidParameter")
	if ramsimtest.Str(body, "Message") != "Parameter error:PageSize is not valid" {
		t.Errorf("message: %v", body)
	}
	// RAM's own errors are unchanged.
	body = e.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"}, http.StatusNotFound, "EntityNotExist.User")
	if _, ok := body["Success"]; ok {
		t.Errorf("RAM error with MSE fields: %v", body)
	}
}
