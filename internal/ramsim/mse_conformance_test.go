// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	msesdk "github.com/aliyun/alibaba-cloud-sdk-go/services/mse"
)

// MSE conformance: both official SDKs call every emulated MSE action with
// root credentials and decode the answers into the classic SDK's own
// response structs (darabonba's answers strictly, with encoding/json).

const (
	mseVersion  = "2019-05-31"
	mseInstance = "mse-cn-0pp1j8om80a"
	mseNS       = "3fd98c48-a709-4061-bba1-e341d79d681b"
	mseGateway  = "gw-8090caa2a3ab447a8bc5fdf3a3ab447a"
)

// mseActions are the actions the two tests below must call, each at least
// once; a test fails if it forgets one.
var mseActions = []string{
	"ListClusters", "QueryClusterDetail",
	"CreateNacosConfig", "GetNacosConfig", "UpdateNacosConfig", "DeleteNacosConfig", "DeleteNacosConfigs",
	"ListNacosConfigs", "GetNacosHistoryConfig", "ListNacosHistoryConfigs",
	"CreateNacosService", "UpdateNacosService", "DeleteNacosService", "ListAnsServices", "GetServiceListeners",
	"ListAnsServiceClusters", "CreateNacosInstance", "UpdateNacosInstance", "DeleteNacosInstance", "ListAnsInstances",
	"ListGateway", "GetGateway", "ListGatewayRoute", "AddGatewayRoute", "DeleteGatewayRoute",
	"ListGatewayDomain", "AddGatewayDomain", "ListGatewayService",
}

func checkAllCalled(t *testing.T, called map[string]bool) {
	t.Helper()
	for _, a := range mseActions {
		if !called[a] {
			t.Errorf("%s was not called", a)
		}
	}
}

func TestMSEConformanceClassicSDK(t *testing.T) {
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	called := map[string]bool{}
	do := func(req requests.AcsRequest, resp responses.AcsResponse) {
		t.Helper()
		if err := c.DoAction(req, resp); err != nil {
			t.Fatalf("%s: %v", req.GetActionName(), err)
		}
		if !resp.IsSuccess() {
			t.Fatalf("%s: HTTP %d", req.GetActionName(), resp.GetHttpStatus())
		}
		called[req.GetActionName()] = true
	}

	lc := msesdk.CreateListClustersRequest()
	lc.PageNum, lc.PageSize = requests.NewInteger(1), requests.NewInteger(10)
	lcr := msesdk.CreateListClustersResponse()
	do(lc, lcr)
	if !lcr.Success || lcr.TotalCount != 1 || len(lcr.Data) != 1 || lcr.Data[0].InstanceId != mseInstance || lcr.Data[0].ClusterType != "Nacos-Ans" {
		t.Fatalf("ListClusters: %+v", lcr)
	}
	qd := msesdk.CreateQueryClusterDetailRequest()
	qd.InstanceId = mseInstance
	qdr := msesdk.CreateQueryClusterDetailResponse()
	do(qd, qdr)
	if qdr.Data.InstanceId != mseInstance || qdr.Data.RegionId != "cn-hangzhou" || qdr.Data.ClusterId != lcr.Data[0].ClusterId {
		t.Fatalf("QueryClusterDetail: %+v", qdr.Data)
	}

	// Configurations and their history.
	lnc := msesdk.CreateListNacosConfigsRequest()
	lnc.InstanceId, lnc.NamespaceId, lnc.PageNum, lnc.PageSize = mseInstance, mseNS, requests.NewInteger(1), requests.NewInteger(10)
	lncr := msesdk.CreateListNacosConfigsResponse()
	do(lnc, lncr)
	if lncr.TotalCount != 2 || len(lncr.Configurations) != 2 || lncr.Configurations[0].DataId != "dev.yaml" {
		t.Fatalf("ListNacosConfigs: %+v", lncr)
	}
	gc := msesdk.CreateGetNacosConfigRequest()
	gc.InstanceId, gc.NamespaceId, gc.DataId, gc.Group = mseInstance, mseNS, "prod.yaml", "DEFAULT_GROUP"
	gcr := msesdk.CreateGetNacosConfigResponse()
	do(gc, gcr)
	if gcr.Configuration.DataId != "prod.yaml" || gcr.Configuration.Content != "env: prod\nreplicas: 3\n" || gcr.Configuration.Md5 == "" {
		t.Fatalf("GetNacosConfig: %+v", gcr.Configuration)
	}
	cc := msesdk.CreateCreateNacosConfigRequest()
	cc.InstanceId, cc.NamespaceId, cc.DataId, cc.Group, cc.Type = mseInstance, mseNS, "new.yaml", "DEFAULT_GROUP", "yaml"
	cc.Content = "a: 1\nb: x+y &z" // a form body parameter
	ccr := msesdk.CreateCreateNacosConfigResponse()
	do(cc, ccr)
	if !ccr.Success || ccr.Code != "200" {
		t.Fatalf("CreateNacosConfig: %+v", ccr)
	}
	uc := msesdk.CreateUpdateNacosConfigRequest()
	uc.InstanceId, uc.NamespaceId, uc.DataId, uc.Group, uc.Content = mseInstance, mseNS, "new.yaml", "DEFAULT_GROUP", "a: 2"
	do(uc, msesdk.CreateUpdateNacosConfigResponse())
	lh := msesdk.CreateListNacosHistoryConfigsRequest()
	lh.InstanceId, lh.NamespaceId, lh.DataId, lh.Group = mseInstance, mseNS, "new.yaml", "DEFAULT_GROUP"
	lh.PageNum, lh.PageSize = requests.NewInteger(1), requests.NewInteger(10)
	lhr := msesdk.CreateListNacosHistoryConfigsResponse()
	do(lh, lhr)
	if lhr.TotalCount != 2 || lhr.HistoryItems[0].OpType != "U" || lhr.HistoryItems[1].OpType != "I" || lhr.HistoryItems[0].LastModifiedTime == 0 {
		t.Fatalf("ListNacosHistoryConfigs: %+v", lhr)
	}
	gh := msesdk.CreateGetNacosHistoryConfigRequest()
	gh.InstanceId, gh.NamespaceId, gh.DataId, gh.Group = mseInstance, mseNS, "new.yaml", "DEFAULT_GROUP"
	gh.Nid = strconv.FormatInt(lhr.HistoryItems[1].Id, 10)
	ghr := msesdk.CreateGetNacosHistoryConfigResponse()
	do(gh, ghr)
	if ghr.Configuration.Content != "a: 1\nb: x+y &z" || ghr.Configuration.OpType != "I" {
		t.Fatalf("GetNacosHistoryConfig: %+v", ghr.Configuration)
	}
	dc := msesdk.CreateDeleteNacosConfigRequest()
	dc.InstanceId, dc.NamespaceId, dc.DataId, dc.Group = mseInstance, mseNS, "new.yaml", "DEFAULT_GROUP"
	do(dc, msesdk.CreateDeleteNacosConfigResponse())
	dcs := msesdk.CreateDeleteNacosConfigsRequest()
	dcs.InstanceId, dcs.NamespaceId, dcs.Ids = mseInstance, mseNS, lncr.Configurations[0].Id
	do(dcs, msesdk.CreateDeleteNacosConfigsResponse())
	lncr = msesdk.CreateListNacosConfigsResponse()
	do(lnc, lncr)
	if lncr.TotalCount != 1 || lncr.Configurations[0].DataId != "prod.yaml" {
		t.Fatalf("after DeleteNacosConfigs: %+v", lncr)
	}

	// Services and their instances.
	cs := msesdk.CreateCreateNacosServiceRequest()
	cs.InstanceId, cs.NamespaceId, cs.ServiceName, cs.GroupName, cs.ProtectThreshold = mseInstance, mseNS, "orders", "DEFAULT_GROUP", "0.2"
	csr := msesdk.CreateCreateNacosServiceResponse()
	do(cs, csr)
	if csr.Data != "ok" || csr.Code != 200 || csr.HttpStatusCode != 200 {
		t.Fatalf("CreateNacosService: %+v", csr)
	}
	us := msesdk.CreateUpdateNacosServiceRequest()
	us.InstanceId, us.NamespaceId, us.ServiceName, us.ProtectThreshold = mseInstance, mseNS, "orders", "0.3"
	do(us, msesdk.CreateUpdateNacosServiceResponse())
	ci := msesdk.CreateCreateNacosInstanceRequest()
	ci.InstanceId, ci.NamespaceId, ci.ServiceName, ci.Ip, ci.Port = mseInstance, mseNS, "orders", "10.1.1.1", requests.NewInteger(8080)
	ci.Weight, ci.Metadata, ci.Enabled = "2", `{"zone":"a"}`, requests.NewBoolean(true)
	do(ci, msesdk.CreateCreateNacosInstanceResponse())
	ui := msesdk.CreateUpdateNacosInstanceRequest()
	ui.InstanceId, ui.NamespaceId, ui.ServiceName, ui.Ip, ui.Port, ui.Weight = mseInstance, mseNS, "orders", "10.1.1.1", requests.NewInteger(8080), "5"
	do(ui, msesdk.CreateUpdateNacosInstanceResponse())
	li := msesdk.CreateListAnsInstancesRequest()
	li.InstanceId, li.NamespaceId, li.ServiceName = mseInstance, mseNS, "orders"
	lir := msesdk.CreateListAnsInstancesResponse()
	do(li, lir)
	if lir.TotalCount != 1 || lir.Data[0].Ip != "10.1.1.1" || lir.Data[0].Port != 8080 || lir.Data[0].Weight != 5 || lir.Data[0].Metadata["zone"] != "a" {
		t.Fatalf("ListAnsInstances: %+v", lir)
	}
	ls := msesdk.CreateListAnsServicesRequest()
	ls.InstanceId, ls.NamespaceId, ls.PageNum, ls.PageSize = mseInstance, mseNS, requests.NewInteger(1), requests.NewInteger(10)
	lsr := msesdk.CreateListAnsServicesResponse()
	do(ls, lsr)
	if lsr.TotalCount != 2 || lsr.Data[0].Name != "orders" || lsr.Data[0].IpCount != 1 {
		t.Fatalf("ListAnsServices: %+v", lsr)
	}
	gl := msesdk.CreateGetServiceListenersRequest()
	gl.InstanceId, gl.NamespaceId, gl.ServiceName = mseInstance, mseNS, "orders"
	glr := msesdk.CreateGetServiceListenersResponse()
	do(gl, glr)
	if !glr.Success || len(glr.Data) != 0 {
		t.Fatalf("GetServiceListeners: %+v", glr)
	}
	lsc := msesdk.CreateListAnsServiceClustersRequest()
	lsc.InstanceId, lsc.NamespaceId, lsc.ServiceName = mseInstance, mseNS, "orders"
	lscr := msesdk.CreateListAnsServiceClustersResponse()
	do(lsc, lscr)
	if lscr.Data.Name != "orders" || lscr.Data.ProtectThreshold != 0.3 || len(lscr.Data.Clusters) != 1 || lscr.Data.Clusters[0].Name != "DEFAULT" {
		t.Fatalf("ListAnsServiceClusters: %+v", lscr.Data)
	}
	di := msesdk.CreateDeleteNacosInstanceRequest()
	di.InstanceId, di.NamespaceId, di.ServiceName, di.Ip, di.Port = mseInstance, mseNS, "orders", "10.1.1.1", requests.NewInteger(8080)
	do(di, msesdk.CreateDeleteNacosInstanceResponse())
	ds := msesdk.CreateDeleteNacosServiceRequest()
	ds.InstanceId, ds.NamespaceId, ds.ServiceName = mseInstance, mseNS, "orders"
	do(ds, msesdk.CreateDeleteNacosServiceResponse())

	// Gateways.
	lg := msesdk.CreateListGatewayRequest()
	lg.PageNumber, lg.PageSize = requests.NewInteger(1), requests.NewInteger(10)
	lg.FilterParams = msesdk.ListGatewayFilterParams{GatewayUniqueId: mseGateway}
	lgr := msesdk.CreateListGatewayResponse()
	do(lg, lgr)
	if lgr.Data.TotalSize != 1 || lgr.Data.Result[0].GatewayUniqueId != mseGateway || lgr.Data.Result[0].Region != "cn-hangzhou" {
		t.Fatalf("ListGateway: %+v", lgr.Data)
	}
	gg := msesdk.CreateGetGatewayRequest()
	gg.GatewayUniqueId = mseGateway
	ggr := msesdk.CreateGetGatewayResponse()
	do(gg, ggr)
	if !ggr.Success || ggr.Data.GatewayUniqueId != mseGateway || ggr.Data.Id != lgr.Data.Result[0].Id {
		t.Fatalf("GetGateway: %+v", ggr)
	}
	ad := msesdk.CreateAddGatewayDomainRequest()
	ad.GatewayUniqueId, ad.Name, ad.Protocol = mseGateway, "api.example.com", "HTTP"
	adr := msesdk.CreateAddGatewayDomainResponse()
	do(ad, adr)
	if adr.Data == 0 {
		t.Fatalf("AddGatewayDomain: %+v", adr)
	}
	ld := msesdk.CreateListGatewayDomainRequest()
	ld.GatewayUniqueId = mseGateway
	ldr := msesdk.CreateListGatewayDomainResponse()
	do(ld, ldr)
	if len(ldr.Data) != 2 || ldr.Data[1].Id != adr.Data || ldr.Data[1].Name != "api.example.com" {
		t.Fatalf("ListGatewayDomain: %+v", ldr.Data)
	}
	ar := msesdk.CreateAddGatewayRouteRequest()
	ar.GatewayUniqueId, ar.Name, ar.DomainId = mseGateway, "orders-route", requests.NewInteger64(adr.Data)
	ar.Predicates = msesdk.AddGatewayRoutePredicates{PathPredicates: msesdk.AddGatewayRoutePredicatesPathPredicates{Path: "/orders", Type: "PRE"}}
	ar.Services = &[]msesdk.AddGatewayRouteServices{{Name: "test-service", Namespace: "public", SourceType: "MSE", Percent: "100"}}
	arr := msesdk.CreateAddGatewayRouteResponse()
	do(ar, arr)
	lr := msesdk.CreateListGatewayRouteRequest()
	lr.FilterParams = msesdk.ListGatewayRouteFilterParams{GatewayUniqueId: mseGateway, Name: "orders"}
	lrr := msesdk.CreateListGatewayRouteResponse()
	do(lr, lrr)
	if lrr.Data.TotalSize != 1 || lrr.Data.Result[0].Id != arr.Data || lrr.Data.Result[0].DomainName != "api.example.com" ||
		lrr.Data.Result[0].DefaultServiceName != "test-service" {
		t.Fatalf("ListGatewayRoute: %+v", lrr.Data)
	}
	dr := msesdk.CreateDeleteGatewayRouteRequest()
	dr.GatewayUniqueId, dr.RouteId = mseGateway, strconv.FormatInt(arr.Data, 10)
	drr := msesdk.CreateDeleteGatewayRouteResponse()
	do(dr, drr)
	if drr.Data.Id != arr.Data || drr.Data.Name != "orders-route" {
		t.Fatalf("DeleteGatewayRoute: %+v", drr.Data)
	}
	lgs := msesdk.CreateListGatewayServiceRequest()
	lgs.FilterParams = msesdk.ListGatewayServiceFilterParams{GatewayUniqueId: mseGateway}
	lgsr := msesdk.CreateListGatewayServiceResponse()
	do(lgs, lgsr)
	if lgsr.Data.TotalSize != 1 || lgsr.Data.Result[0].Name != "test-service" || lgsr.Data.Result[0].ServicePort != 8080 {
		t.Fatalf("ListGatewayService: %+v", lgsr.Data)
	}
	checkAllCalled(t, called)

	// Errors arrive as the SDK's ServerError with the emulated codes; an
	// unknown gateway is Success false with Code 404.
	gc = msesdk.CreateGetNacosConfigRequest()
	gc.InstanceId, gc.DataId = "mse-cn-unknown", "prod.yaml"
	err := c.DoAction(gc, msesdk.CreateGetNacosConfigResponse())
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "mse-200-021" || se.HttpStatus() != http.StatusNotFound || se.HostId() != "mse.cn-hangzhou.aliyuncs.com" {
		t.Fatalf("unknown instance: %v", err)
	}
	gc = msesdk.CreateGetNacosConfigRequest()
	gc.InstanceId, gc.DataId = mseInstance, "nope.yaml"
	if err := c.DoAction(gc, msesdk.CreateGetNacosConfigResponse()); !errors.As(err, &se) || se.ErrorCode() != "NotFound" || se.HttpStatus() != http.StatusNotFound {
		t.Fatalf("unknown config: %v", err)
	}
	// (A fresh request: the SDK keeps the parameters a request was sent with.)
	gc = msesdk.CreateGetNacosConfigRequest()
	gc.InstanceId = mseInstance
	if err := c.DoAction(gc, msesdk.CreateGetNacosConfigResponse()); !errors.As(err, &se) || se.ErrorCode() != "MissingDataId" {
		t.Fatalf("missing DataId: %v", err)
	}
	gg = msesdk.CreateGetGatewayRequest()
	gg.GatewayUniqueId = "gw-unknown"
	ggr = msesdk.CreateGetGatewayResponse()
	if err := c.DoAction(gg, ggr); err != nil || ggr.Success || ggr.Code != 404 || ggr.HttpStatusCode != 404 {
		t.Fatalf("unknown gateway: %+v %v", ggr, err)
	}
}

// mseCall is a darabonba RPC call (signature V3) with query and form-body
// parameters; the answer body is also decoded strictly into out, a
// classic-SDK response struct.
func mseCall(t *testing.T, c *openapi.Client, action string, query, body map[string]any, out any) map[string]any {
	t.Helper()
	params := &openapiutil.Params{
		Action: dara.String(action), Version: dara.String(mseVersion), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}
	if body != nil {
		req.Body = body
	}
	res, err := c.CallApi(params, req, &dara.RuntimeOptions{})
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	answer, _ := res["body"].(map[string]any)
	raw, _ := json.Marshal(answer)
	if err := json.Unmarshal(raw, out); err != nil {
		t.Fatalf("%s: the answer does not fit %T: %v\n%s", action, out, err, raw)
	}
	return answer
}

func TestMSEConformanceDarabonba(t *testing.T) {
	srv := startServer(t)
	c := darabonbaClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	called := map[string]bool{}
	call := func(action string, query, body map[string]any, out any) {
		t.Helper()
		called[action] = true
		mseCall(t, c, action, query, body, out)
	}
	ns := func(kv ...any) map[string]any {
		q := map[string]any{"InstanceId": mseInstance, "NamespaceId": mseNS}
		for i := 0; i+1 < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				t.Fatalf("ns: key %d is %T, not a string", i, kv[i])
			}
			q[k] = kv[i+1]
		}
		return q
	}

	lcr := &msesdk.ListClustersResponse{}
	call("ListClusters", map[string]any{"PageNum": 1, "PageSize": 10}, nil, lcr)
	if lcr.TotalCount != 1 || lcr.Data[0].InstanceId != mseInstance || lcr.PageNumber != 1 {
		t.Fatalf("ListClusters: %+v", lcr)
	}
	qdr := &msesdk.QueryClusterDetailResponse{}
	call("QueryClusterDetail", map[string]any{"InstanceId": mseInstance}, nil, qdr)
	if qdr.Data.ClusterType != "Nacos-Ans" || qdr.Data.RegionId != "cn-hangzhou" {
		t.Fatalf("QueryClusterDetail: %+v", qdr.Data)
	}

	cfg := func(kv ...any) map[string]any {
		return ns(append([]any{"DataId", "v3.json", "Group", "DEFAULT_GROUP"}, kv...)...)
	}
	ccr := &msesdk.CreateNacosConfigResponse{}
	call("CreateNacosConfig", cfg("Type", "json"), map[string]any{"Content": `{"a": "x y+z"}`}, ccr)
	if !ccr.Success {
		t.Fatalf("CreateNacosConfig: %+v", ccr)
	}
	call("UpdateNacosConfig", cfg(), map[string]any{"Content": `{"a": 2}`}, &msesdk.UpdateNacosConfigResponse{})
	gcr := &msesdk.GetNacosConfigResponse{}
	call("GetNacosConfig", cfg(), nil, gcr)
	if gcr.Configuration.Content != `{"a": 2}` || gcr.Configuration.Type != "json" {
		t.Fatalf("GetNacosConfig: %+v", gcr.Configuration)
	}
	call("DeleteNacosConfig", cfg(), nil, &msesdk.DeleteNacosConfigResponse{})
	lhr := &msesdk.ListNacosHistoryConfigsResponse{}
	call("ListNacosHistoryConfigs", cfg("PageNum", 1, "PageSize", 2), nil, lhr)
	if lhr.TotalCount != 3 || len(lhr.HistoryItems) != 2 || lhr.HistoryItems[0].OpType != "D" || lhr.HistoryItems[1].OpType != "U" {
		t.Fatalf("ListNacosHistoryConfigs: %+v", lhr)
	}
	ghr := &msesdk.GetNacosHistoryConfigResponse{}
	call("GetNacosHistoryConfig", cfg("Nid", strconv.FormatInt(lhr.HistoryItems[1].Id, 10)), nil, ghr)
	if ghr.Configuration.Content != `{"a": "x y+z"}` || ghr.Configuration.OpType != "U" {
		t.Fatalf("GetNacosHistoryConfig: %+v", ghr.Configuration)
	}
	lncr := &msesdk.ListNacosConfigsResponse{}
	call("ListNacosConfigs", ns("PageNum", 2, "PageSize", 1), nil, lncr)
	if lncr.TotalCount != 2 || len(lncr.Configurations) != 1 || lncr.Configurations[0].DataId != "prod.yaml" || lncr.Code != 200 {
		t.Fatalf("ListNacosConfigs: %+v", lncr)
	}
	call("DeleteNacosConfigs", ns("Ids", lncr.Configurations[0].Id), nil, &msesdk.DeleteNacosConfigsResponse{})

	svc := func(kv ...any) map[string]any {
		return ns(append([]any{"ServiceName", "pay", "GroupName", "G"}, kv...)...)
	}
	call("CreateNacosService", svc("Ephemeral", false), nil, &msesdk.CreateNacosServiceResponse{})
	call("UpdateNacosService", svc("ProtectThreshold", "0.4"), nil, &msesdk.UpdateNacosServiceResponse{})
	call("CreateNacosInstance", svc("Ip", "10.2.2.2", "Port", 9000), map[string]any{"Metadata": `{"k":"v"}`}, &msesdk.CreateNacosInstanceResponse{})
	call("UpdateNacosInstance", svc("Ip", "10.2.2.2", "Port", 9000, "Enabled", false), nil, &msesdk.UpdateNacosInstanceResponse{})
	lir := &msesdk.ListAnsInstancesResponse{}
	call("ListAnsInstances", svc(), nil, lir)
	if len(lir.Data) != 1 || lir.Data[0].Enabled || lir.Data[0].Ephemeral || lir.Data[0].Metadata["k"] != "v" {
		t.Fatalf("ListAnsInstances: %+v", lir.Data)
	}
	lsr := &msesdk.ListAnsServicesResponse{}
	call("ListAnsServices", ns("GroupName", "G"), nil, lsr)
	if lsr.TotalCount != 1 || lsr.Data[0].GroupName != "G" || lsr.Data[0].HealthyInstanceCount != 0 {
		t.Fatalf("ListAnsServices: %+v", lsr)
	}
	call("GetServiceListeners", svc(), nil, &msesdk.GetServiceListenersResponse{})
	lscr := &msesdk.ListAnsServiceClustersResponse{}
	call("ListAnsServiceClusters", svc(), nil, lscr)
	if lscr.Data.ProtectThreshold != 0.4 || lscr.Data.GroupName != "G" {
		t.Fatalf("ListAnsServiceClusters: %+v", lscr.Data)
	}
	call("DeleteNacosInstance", svc("Ip", "10.2.2.2", "Port", 9000), nil, &msesdk.DeleteNacosInstanceResponse{})
	call("DeleteNacosService", svc(), nil, &msesdk.DeleteNacosServiceResponse{})

	filter := func(kv ...string) string {
		m := map[string]string{"GatewayUniqueId": mseGateway}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		b, _ := json.Marshal(m)
		return string(b)
	}
	lgr := &msesdk.ListGatewayResponse{}
	call("ListGateway", map[string]any{"PageNumber": 1, "PageSize": 10, "FilterParams": filter()}, nil, lgr)
	if lgr.Data.TotalSize != 1 || lgr.Data.Result[0].Name != "test-gateway" {
		t.Fatalf("ListGateway: %+v", lgr.Data)
	}
	ggr := &msesdk.GetGatewayResponse{}
	call("GetGateway", map[string]any{"GatewayUniqueId": mseGateway}, nil, ggr)
	if ggr.Data.Region != "cn-hangzhou" || ggr.Code != 200 {
		t.Fatalf("GetGateway: %+v", ggr)
	}
	adr := &msesdk.AddGatewayDomainResponse{}
	call("AddGatewayDomain", map[string]any{"GatewayUniqueId": mseGateway, "Name": "v3.example.com", "Protocol": "HTTPS", "CertIdentifier": "123-cn-hangzhou", "MustHttps": true}, nil, adr)
	ldr := &msesdk.ListGatewayDomainResponse{}
	call("ListGatewayDomain", map[string]any{"GatewayUniqueId": mseGateway, "DomainName": "v3"}, nil, ldr)
	if len(ldr.Data) != 1 || ldr.Data[0].Id != adr.Data || !ldr.Data[0].MustHttps || ldr.Data[0].Protocol != "HTTPS" {
		t.Fatalf("ListGatewayDomain: %+v", ldr.Data)
	}
	arr := &msesdk.AddGatewayRouteResponse{}
	call("AddGatewayRoute", map[string]any{
		"GatewayUniqueId": mseGateway, "Name": "v3-route", "DomainIdListJSON": "[" + strconv.FormatInt(adr.Data, 10) + "]",
		"Predicates": `{"PathPredicates":{"Path":"/v3","Type":"PRE"}}`, "Services": `[{"Name":"test-service","Percent":100}]`,
	}, nil, arr)
	lrr := &msesdk.ListGatewayRouteResponse{}
	call("ListGatewayRoute", map[string]any{"FilterParams": filter("Path", "/v3")}, nil, lrr)
	if lrr.Data.TotalSize != 1 || lrr.Data.Result[0].Id != arr.Data || len(lrr.Data.Result[0].DomainIdList) != 1 {
		t.Fatalf("ListGatewayRoute: %+v", lrr.Data)
	}
	call("DeleteGatewayRoute", map[string]any{"GatewayUniqueId": mseGateway, "RouteId": strconv.FormatInt(arr.Data, 10)}, nil, &msesdk.DeleteGatewayRouteResponse{})
	lgsr := &msesdk.ListGatewayServiceResponse{}
	call("ListGatewayService", map[string]any{"FilterParams": filter("SourceType", "MSE")}, nil, lgsr)
	if lgsr.Data.TotalSize != 1 || lgsr.Data.Result[0].GatewayUniqueId != mseGateway {
		t.Fatalf("ListGatewayService: %+v", lgsr.Data)
	}
	checkAllCalled(t, called)

	// Errors are tea.SDKErrors with the emulated codes.
	_, err := callAPI(c, mseVersion, "QueryClusterDetail", map[string]any{"InstanceId": "mse-cn-unknown"})
	var te *tea.SDKError
	if !errors.As(err, &te) || tea.StringValue(te.Code) != "mse-200-021" || tea.IntValue(te.StatusCode) != http.StatusNotFound {
		t.Fatalf("unknown instance: %v", err)
	}
	_, err = callAPI(c, mseVersion, "ListAnsInstances", map[string]any{"InstanceId": mseInstance})
	if !errors.As(err, &te) || tea.StringValue(te.Code) != "MissingServiceName" || tea.IntValue(te.StatusCode) != http.StatusBadRequest {
		t.Fatalf("missing ServiceName: %v", err)
	}
}

// The classic SDK asking for XML (AcceptFormat) decodes the answer with its
// xml tags into the same values as from JSON.
func TestMSEConformanceClassicSDKXML(t *testing.T) {
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	list := func(format string) *msesdk.ListGatewayRouteResponse {
		t.Helper()
		req := msesdk.CreateListGatewayRouteRequest()
		req.AcceptFormat = format
		req.FilterParams = msesdk.ListGatewayRouteFilterParams{GatewayUniqueId: mseGateway}
		resp := msesdk.CreateListGatewayRouteResponse()
		if err := c.DoAction(req, resp); err != nil || !resp.Success {
			t.Fatalf("%s: %v %+v", format, err, resp)
		}
		return resp
	}
	x, j := list("XML"), list("JSON")
	if x.Data.TotalSize != 1 || x.Data.Result[0].RoutePredicates.PathPredicates.Path == "" ||
		fmt.Sprintf("%+v", x.Data) != fmt.Sprintf("%+v", j.Data) {
		t.Fatalf("XML %+v, JSON %+v", x.Data, j.Data)
	}
}
