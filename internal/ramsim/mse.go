// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

// mseProduct is Microservices Engine 2019-05-31: the slice of its API that
// the seeds' policies govern (Nacos instances, configurations, services and
// service instances; cloud-native gateways, their routes, domains and
// services). The classic SDK resolves it as the regional endpoint
// mse.<region>.aliyuncs.com (services/mse: product "mse", regional
// endpoint type, no endpoint map); HostId is the one of the fixtures'
// region.
var mseProduct = &product{
	name:    "mse",
	version: "2019-05-31",
	host:    "mse." + mseDefaultRegion + ".aliyuncs.com",
	service: "mse",
	actions: map[string]route{
		"ListClusters":       mseRoute((*Server).mseListClusters, false),
		"QueryClusterDetail": mseRoute((*Server).mseQueryClusterDetail, false),

		"CreateNacosConfig":       mseRoute((*Server).mseCreateNacosConfig, true),
		"GetNacosConfig":          mseRoute((*Server).mseGetNacosConfig, false),
		"UpdateNacosConfig":       mseRoute((*Server).mseUpdateNacosConfig, true),
		"DeleteNacosConfig":       mseRoute((*Server).mseDeleteNacosConfig, true),
		"DeleteNacosConfigs":      mseRoute((*Server).mseDeleteNacosConfigs, true),
		"ListNacosConfigs":        mseRoute((*Server).mseListNacosConfigs, false),
		"GetNacosHistoryConfig":   mseRoute((*Server).mseGetNacosHistoryConfig, false),
		"ListNacosHistoryConfigs": mseRoute((*Server).mseListNacosHistoryConfigs, false),

		"CreateNacosService":     mseRoute((*Server).mseCreateNacosService, true),
		"UpdateNacosService":     mseRoute((*Server).mseUpdateNacosService, true),
		"DeleteNacosService":     mseRoute((*Server).mseDeleteNacosService, true),
		"ListAnsServices":        mseRoute((*Server).mseListAnsServices, false),
		"GetServiceListeners":    mseRoute((*Server).mseGetServiceListeners, false),
		"ListAnsServiceClusters": mseRoute((*Server).mseListAnsServiceClusters, false),
		"CreateNacosInstance":    mseRoute((*Server).mseCreateNacosInstance, true),
		"UpdateNacosInstance":    mseRoute((*Server).mseUpdateNacosInstance, true),
		"DeleteNacosInstance":    mseRoute((*Server).mseDeleteNacosInstance, true),
		"ListAnsInstances":       mseRoute((*Server).mseListAnsInstances, false),

		"ListGateway":        mseRoute((*Server).mseListGateway, false),
		"GetGateway":         mseRoute((*Server).mseGetGateway, false),
		"ListGatewayRoute":   mseRoute((*Server).mseListGatewayRoute, false),
		"AddGatewayRoute":    mseRoute((*Server).mseAddGatewayRoute, true),
		"DeleteGatewayRoute": mseRoute((*Server).mseDeleteGatewayRoute, true),
		"ListGatewayDomain":  mseRoute((*Server).mseListGatewayDomain, false),
		"AddGatewayDomain":   mseRoute((*Server).mseAddGatewayDomain, true),
		"ListGatewayService": mseRoute((*Server).mseListGatewayService, false),

		"CreateEngineNamespace": mseRoute((*Server).mseCreateEngineNamespace, true),
		"UpdateEngineNamespace": mseRoute((*Server).mseUpdateEngineNamespace, true),
		"DeleteEngineNamespace": mseRoute((*Server).mseDeleteEngineNamespace, true),
		"GetEngineNamepace":     mseRoute((*Server).mseGetEngineNamepace, false),
		"ListEngineNamespaces":  mseRoute((*Server).mseListEngineNamespaces, false),
	},
	resources: map[string]resourceFunc{
		"ListClusters":       mseAccountResources,
		"QueryClusterDetail": mseClusterResources,

		"CreateNacosConfig":       mseItemResources("DataId", "Group"),
		"GetNacosConfig":          mseItemResources("DataId", "Group"),
		"UpdateNacosConfig":       mseItemResources("DataId", "Group"),
		"DeleteNacosConfig":       mseItemResources("DataId", "Group"),
		"DeleteNacosConfigs":      mseNamespaceResources,
		"ListNacosConfigs":        mseInstanceResources,
		"GetNacosHistoryConfig":   mseItemResources("DataId", "Group"),
		"ListNacosHistoryConfigs": mseInstanceResources,

		"CreateNacosService":     mseItemResources("ServiceName", "GroupName"),
		"UpdateNacosService":     mseItemResources("ServiceName", "GroupName"),
		"DeleteNacosService":     mseItemResources("ServiceName", "GroupName"),
		"ListAnsServices":        mseInstanceResources,
		"GetServiceListeners":    mseItemResources("ServiceName", "GroupName"),
		"ListAnsServiceClusters": mseInstanceResources,
		"CreateNacosInstance":    mseItemResources("ServiceName", "GroupName"),
		"UpdateNacosInstance":    mseItemResources("ServiceName", "GroupName"),
		"DeleteNacosInstance":    mseItemResources("ServiceName", "GroupName"),
		"ListAnsInstances":       mseInstanceResources,

		// ListGateway is account-wide unless filtered to one gateway.
		"ListGateway":        mseGatewayResources(true),
		"GetGateway":         mseGatewayResources(false),
		"ListGatewayRoute":   mseGatewayResources(false),
		"AddGatewayRoute":    mseGatewayResources(false),
		"DeleteGatewayRoute": mseGatewayResources(false),
		"ListGatewayDomain":  mseGatewayResources(false),
		"AddGatewayDomain":   mseGatewayResources(false),
		"ListGatewayService": mseGatewayResources(false),

		// Namespaces: "All Resources" (mse_namespaces.go).
		"CreateEngineNamespace": mseEngineNamespaceResources,
		"UpdateEngineNamespace": mseEngineNamespaceResources,
		"DeleteEngineNamespace": mseEngineNamespaceResources,
		"GetEngineNamepace":     mseEngineNamespaceResources,
		"ListEngineNamespaces":  mseEngineNamespaceResources,
	},
}

// Nacos defaults: the namespace of a request without NamespaceId and the
// group of one without Group / GroupName.
const (
	nacosPublicNamespace = "public"
	nacosDefaultGroup    = "DEFAULT_GROUP"
)

// Resources. The region of an ARN is the region of the instance or
// gateway the request names (the real service answers in the region of its
// endpoint, where the instance lives); for an unknown id or an
// account-level action it is the request's RegionId (the classic SDK
// always sends it), else the fixtures' default region. The account is the
// emulator's.

// mseRegion is the region the ARNs of a request name.
func (s *Server) mseRegion(rq *request, id string) string {
	if c := s.mse.clusters[id]; c != nil {
		return c.RegionID
	}
	if g := s.mse.gateways[id]; g != nil {
		return g.RegionID
	}
	return orDefault(rq.get("RegionId"), mseDefaultRegion)
}

// mseARN builds the ARN with internal/mse's builder; ids the builder
// refuses (characters Nacos would refuse too) are joined as they are, so
// that authorization still sees what the request names.
func mseARN(ref mse.ResourceRef) string {
	if arn, err := ref.ARN(); err == nil {
		return arn
	}
	arn := "acs:mse:" + orDefault(ref.Region, "*") + ":" + orDefault(ref.Account, "*") + ":instance/" + ref.InstanceID
	for _, seg := range []string{ref.NamespaceID, ref.Group, ref.Name} {
		if seg == "" {
			break
		}
		arn += "/" + seg
	}
	return arn
}

func mseAccountResources(s *Server, rq *request) ([]string, *apiError) {
	return []string{mse.AllResources(orDefault(rq.get("RegionId"), mseDefaultRegion), s.cfg.AccountID)}, nil
}

// mseClusterID is the InstanceId of QueryClusterDetail, which also accepts
// the ClusterId alone.
func (s *Server) mseClusterID(rq *request) (string, *apiError) {
	if id := rq.get("InstanceId"); id != "" {
		return id, nil
	}
	if cid := rq.get("ClusterId"); cid != "" {
		for _, c := range s.mse.clusters {
			if c.ClusterID == cid {
				return c.InstanceID, nil
			}
		}
		return cid, nil
	}
	return "", errMissing("InstanceId")
}

func mseClusterResources(s *Server, rq *request) ([]string, *apiError) {
	id, err := s.mseClusterID(rq)
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
}

func mseInstanceResources(s *Server, rq *request) ([]string, *apiError) {
	id, err := rq.required("InstanceId")
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
}

// nacosNamespaceID is the request's NamespaceId, "public" when empty.
func nacosNamespaceID(rq *request) string {
	return orDefault(rq.get("NamespaceId"), nacosPublicNamespace)
}

func mseNamespaceResources(s *Server, rq *request) ([]string, *apiError) {
	id, err := rq.required("InstanceId")
	if err != nil {
		return nil, err
	}
	return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id,
		NamespaceID: nacosNamespaceID(rq)})}, nil
}

// mseItemResources is the ARN of one configuration (nameParam DataId,
// groupParam Group) or service (ServiceName, GroupName):
// instance/<id>/<namespace>/<group>/<name>.
func mseItemResources(nameParam, groupParam string) resourceFunc {
	return func(s *Server, rq *request) ([]string, *apiError) {
		id, err := rq.required("InstanceId")
		if err != nil {
			return nil, err
		}
		name, err := rq.required(nameParam)
		if err != nil {
			return nil, err
		}
		return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id,
			NamespaceID: nacosNamespaceID(rq), Group: orDefault(rq.get(groupParam), nacosDefaultGroup), Name: name})}, nil
	}
}

// gatewayID is the GatewayUniqueId of a gateway request: a plain parameter
// or, for the List* actions, a field of FilterParams.
func gatewayID(rq *request) string {
	if id := rq.get("GatewayUniqueId"); id != "" {
		return id
	}
	return filterParam(rq, "GatewayUniqueId")
}

// mseGatewayResources is the gateway's ARN, instance/<GatewayUniqueId>;
// without an id the account-level ARN when accountWide, else
// MissingGatewayUniqueId.
func mseGatewayResources(accountWide bool) resourceFunc {
	return func(s *Server, rq *request) ([]string, *apiError) {
		id := gatewayID(rq)
		switch {
		case id == "" && accountWide:
			return mseAccountResources(s, rq)
		case id == "":
			return nil, errMissing("GatewayUniqueId")
		}
		return []string{mseARN(mse.ResourceRef{Region: s.mseRegion(rq, id), Account: s.cfg.AccountID, InstanceID: id})}, nil
	}
}

// filterParam reads one field of the FilterParams struct parameter, which
// the classic SDK flattens (FilterParams.Name=...) and the generated
// darabonba clients send as a JSON object string (FilterParams={"Name":...}).
func filterParam(rq *request, field string) string {
	if v := rq.get("FilterParams." + field); v != "" {
		return v
	}
	return jsonField(rq.get("FilterParams"), field)
}

// jsonField returns field of the JSON object s as a string ("" when s is
// not an object or lacks it).
func jsonField(s, field string) string {
	if s == "" {
		return ""
	}
	var obj map[string]any
	if json.Unmarshal([]byte(s), &obj) != nil {
		return ""
	}
	switch v := obj[field].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// Answers. MSE wraps every answer in Success / Message and a status code,
// whose field name and type differ between actions (the SDK's response
// structs): HttpCode (string) for clusters and Nacos configurations,
// HttpStatusCode and Code (numbers) for Nacos services and gateways.

const mseSuccessMessage = "success"

// nacosOK completes a cluster or Nacos configuration answer.
func nacosOK(f map[string]any) map[string]any {
	f["Success"], f["Message"], f["HttpCode"], f["ErrorCode"] = true, mseSuccessMessage, "200", ""
	return f
}

// mseCodeOK completes an answer with the numeric Code and HttpStatusCode
// (Nacos services and instances, gateways).
func mseCodeOK(f map[string]any) map[string]any {
	f["Success"], f["Message"], f["Code"], f["HttpStatusCode"] = true, mseSuccessMessage, 200, 200
	return f
}

// gatewayFail is how the gateway actions answer an unknown gateway, route
// or domain: HTTP 200 with Success false and the status in Code and
// HttpStatusCode (terraform-provider-alicloud's DescribeMseGateway detects
// a deleted gateway by Code 404 in a successful answer). ErrorCode is
// NotFound for a missing item and IllegalRequest (Code 400) for a
// duplicate name, as errMSENotFound and errMSEIllegal (both assumed).
func gatewayFail(code int, errorCode, format string, args ...any) map[string]any {
	return map[string]any{"Success": false, "Code": code, "HttpStatusCode": code, "ErrorCode": errorCode,
		"Message": fmt.Sprintf(format, args...)}
}

// MSE errors. MSE's API reference pages list, for every action, the
// codes IllegalRequest (400, "Invalid request:%s"), InvalidParameter (400,
// "Parameter error:%s") and NoPermission (403); e.g. GetNacosConfig,
// https://help.aliyun.com/document_detail/393695.htm ("错误码"). No page
// found names the code of a missing namespace, configuration, service or
// instance, nor of a create that finds its item existing: see errMSENotFound
// and errMSEIllegal.

// mseRoute wraps an MSE handler so that a bad parameter value answers
// MSE's InvalidParameter (the shared parameter readers answer RAM's
// InvalidParameter.<Name>); Missing<Name> is the gateway's and stays.
func mseRoute(h handler, mutates bool) route {
	return route{func(s *Server, rq *request) (map[string]any, *apiError) {
		resp, err := h(s, rq)
		if err != nil {
			if rest, ok := strings.CutPrefix(err.code, "InvalidParameter."); ok {
				name, _, _ := strings.Cut(rest, ".")
				err = newError(err.status, "InvalidParameter", "Parameter error:%s is not valid", name)
			}
		}
		return resp, err
	}, mutates}
}

// mseErrorFields adds to an MSE error answer the fields MSE's response
// models carry besides Code and Message (Success, ErrorCode and
// HttpStatusCode, e.g. the classic SDK's ListGatewayRouteResponse and
// AddGatewayRouteResponse); that an error answer carries them is assumed,
// no error example was found.
func mseErrorFields(fields map[string]any, err *apiError) {
	fields["Success"], fields["ErrorCode"], fields["HttpStatusCode"] = false, err.code, err.status
}

// errMSEClusterNotFound answers an unknown InstanceId: mse-200-021, the
// code terraform-provider-alicloud reads as "MseCluster not found" (its
// DescribeMseCluster); the HTTP status and message are assumed.
func errMSEClusterNotFound(id string) *apiError {
	return newError(http.StatusNotFound, "mse-200-021", "cluster not found: %s", id)
}

// errMSENotFound answers an unknown namespace, configuration, history
// entry, service or service instance. Assumed: NotFound with 404, in the
// "<words>:%s" message form of the documented codes; no reference page
// lists the code MSE uses for these.
func errMSENotFound(format string, args ...any) *apiError {
	return newError(http.StatusNotFound, "NotFound", "Not found:%s", fmt.Sprintf(format, args...))
}

// errMSEIllegal answers a create of something that exists, a delete that
// dependants block or a stale Md5 with the documented IllegalRequest
// (400, "Invalid request:%s"); which code MSE uses for these cases is not
// documented.
func errMSEIllegal(format string, args ...any) *apiError {
	return newError(http.StatusBadRequest, "IllegalRequest", "Invalid request:%s", fmt.Sprintf(format, args...))
}

// MSE dates are written per field as the MSE reference's examples show
// them (response models of mse-20190531 and the API reference pages):
// CreateTime of ListClusters / QueryClusterDetail and the gateway, route,
// domain and service GmtCreate / GmtModified as "2021-09-13 19:24:23";
// GetGateway's GmtCreate / GmtModified as "2022-01-07T10:07:57.000+0000";
// ListNacosHistoryConfigs' LastModifiedTime and ListAnsInstances' LastBeat
// are epoch milliseconds (int64 in both SDK models). The examples name no
// zone; the emulator writes UTC. ListGatewayRoute's example writes
// GmtCreate in the second form and GmtModified in the first: both use the
// first here.
const (
	mseTimeFormat    = "2006-01-02 15:04:05"
	mseISOTimeFormat = "2006-01-02T15:04:05.000-0700"
)

func mseTime(t time.Time) string { return t.UTC().Format(mseTimeFormat) }

// mseSize bounds page sizes; the default is MSE's 10.
const (
	msePageSizeDefault = 10
	msePageSizeMax     = 100
)

// msePage reads a page number (numParam: PageNum for clusters and Nacos,
// PageNumber for gateways; 1 when absent) and PageSize (1-100, default 10).
func msePage(rq *request, numParam string) (num, size int, err *apiError) {
	if num, err = rq.intRange(numParam, 1, 1, 1<<30); err != nil {
		return 0, 0, err
	}
	if size, err = rq.intRange("PageSize", msePageSizeDefault, 1, msePageSizeMax); err != nil {
		return 0, 0, err
	}
	return num, size, nil
}

// pageOf returns page num (from 1) of size items.
func pageOf[T any](items []T, num, size int) []T {
	start := (num - 1) * size
	if start >= len(items) {
		return []T{}
	}
	return items[start:min(start+size, len(items))]
}

// wires maps items to their wire form; an empty list is [] not null.
func wires[T any](items []T, wire func(T) map[string]any) []any {
	out := make([]any, 0, len(items))
	for _, it := range items {
		out = append(out, wire(it))
	}
	return out
}

// optBool parses an optional boolean parameter, def when absent.
func optBool(rq *request, name string, def bool) (bool, *apiError) {
	if _, ok := rq.lookup(name); !ok || rq.get(name) == "" {
		return def, nil
	}
	return rq.boolean(name)
}

// callerName is who a history entry says made the change.
func callerName(rq *request) string {
	if rq.caller.userName != "" {
		return rq.caller.userName
	}
	return rq.caller.accountID
}

// parseInt64 parses a required numeric id parameter.
func parseInt64(rq *request, name string) (int64, *apiError) {
	v, err := rq.required(name)
	if err != nil {
		return 0, err
	}
	n, perr := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if perr != nil {
		return 0, errIncorrect(name)
	}
	return n, nil
}
