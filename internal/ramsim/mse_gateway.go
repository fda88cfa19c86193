// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// MSE cloud-native gateways and their routes, domains and services. Field
// names and nesting follow the classic SDK's services/mse response
// structs. An unknown gateway, route or domain is answered as the real
// gateway API does: HTTP 200 with Success false and Code 404 (gatewayFail).

// gatewayTimeFormat is how gateway answers write GmtCreate / GmtModified.
const gatewayTimeFormat = "2006-01-02 15:04:05"

func gatewayTime(t time.Time) string { return t.UTC().Format(gatewayTimeFormat) }

// Gateway and route statuses (assumed values): 2 is a running gateway and
// a published route.
const (
	gatewayRunning = 2
	routePublished = 2
)

// gatewayOf returns the gateway a request names, or the 404 answer.
func (s *Server) gatewayOf(rq *request) (*mseGateway, map[string]any, *apiError) {
	id := gatewayID(rq)
	if id == "" {
		return nil, nil, errMissing("GatewayUniqueId")
	}
	g := s.mse.gateways[id]
	if g == nil {
		return nil, gatewayFail(404, "NotFound.Gateway", "gateway not found: %s", id), nil
	}
	return g, nil, nil
}

func (s *Server) gatewayCommon(g *mseGateway) map[string]any {
	return map[string]any{
		"Id": g.ID, "Name": g.Name, "GatewayUniqueId": g.UniqueID, "Region": g.RegionID, "PrimaryUser": s.cfg.AccountID,
		"Status": gatewayRunning, "StatusDesc": "Running", "Spec": g.Spec, "Replica": g.Replica, "TotalReplica": g.Replica,
		"GmtCreate": gatewayTime(g.Created), "GmtModified": gatewayTime(g.Created), "InstanceId": g.InstanceID,
		"ChargeType": "POSTPAY", "EndDate": "", "MseTag": "", "ResourceGroupId": "", "Elastic": false, "ElasticReplica": 0,
	}
}

func (s *Server) gatewayListWire(g *mseGateway) map[string]any {
	w := s.gatewayCommon(g)
	w["GatewayType"], w["AppVersion"], w["CurrentVersion"], w["GatewayVersion"], w["LatestVersion"] =
		g.GatewayType, g.Version, g.Version, g.Version, g.Version
	w["MseVersion"], w["VpcId"], w["Vswitch2"], w["Upgrade"], w["MustUpgrade"], w["SupportWasm"] =
		"mse_pro", "", "", false, false, true
	w["Slb"], w["InternetSlb"] = []any{}, []any{}
	return w
}

// mseListGateway lists the account's gateways; FilterParams filters by
// GatewayUniqueId, InstanceId and GatewayType exactly and Name by
// substring, RegionId (when sent) by region.
func (s *Server) mseListGateway(rq *request) (map[string]any, *apiError) {
	num, size, err := msePage(rq, "PageNumber")
	if err != nil {
		return nil, err
	}
	if _, err := rq.boolean("DescSort"); err != nil {
		return nil, err
	}
	id, name, inst, typ := gatewayID(rq), filterParam(rq, "Name"), filterParam(rq, "InstanceId"), filterParam(rq, "GatewayType")
	region := rq.get("RegionId")
	var items []*mseGateway
	for _, g := range s.mse.sortedGateways() {
		if (id == "" || g.UniqueID == id) && (inst == "" || g.InstanceID == inst) && (typ == "" || g.GatewayType == typ) &&
			(region == "" || g.RegionID == region) && strings.Contains(g.Name, name) {
			items = append(items, g)
		}
	}
	return mseCodeOK(map[string]any{"Data": map[string]any{
		"TotalSize": len(items), "PageNumber": num, "PageSize": size,
		"Result": wires(pageOf(items, num, size), s.gatewayListWire),
	}}), nil
}

func (s *Server) mseGetGateway(rq *request) (map[string]any, *apiError) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	d := s.gatewayCommon(g)
	d["Vpc"], d["Vswitch"], d["Vswitch2"], d["SecurityGroup"] = "", "", "", ""
	return mseCodeOK(map[string]any{"Data": d}), nil
}

// Routes.

func (s *Server) routeWire(g *mseGateway, r *gatewayRoute) map[string]any {
	ids, names := []any{}, []any{}
	for _, id := range r.DomainIDs {
		if d := g.domain(id); d != nil {
			ids, names = append(ids, d.ID), append(names, d.Name)
		}
	}
	w := map[string]any{
		"Id": r.ID, "Name": r.Name, "GatewayUniqueId": g.UniqueID, "GatewayId": g.ID, "Status": r.Status,
		"RouteOrder": r.RouteOrder, "Predicates": r.Predicates, "Services": r.Services, "DestinationType": r.DestinationType,
		"Type": r.RouteType, "EnableWaf": strconv.FormatBool(r.EnableWaf), "Fallback": r.Fallback, "DynamicRoute": false,
		"DomainIdList": ids, "DomainNameList": names, "GmtCreate": gatewayTime(r.Created), "GmtModified": gatewayTime(r.Modified),
	}
	if len(ids) > 0 {
		w["DomainId"], w["DomainName"] = ids[0], names[0]
	}
	var services []map[string]any
	if json.Unmarshal([]byte(r.Services), &services) == nil && len(services) == 1 {
		if name, ok := services[0]["Name"].(string); ok {
			w["DefaultServiceName"] = name
		}
		if n, err := strconv.ParseInt(fmt.Sprint(services[0]["ServiceId"]), 10, 64); err == nil {
			w["DefaultServiceId"] = n
		}
	}
	return w
}

// routePath is the path of a route's PathPredicates, for filtering.
func routePath(r *gatewayRoute) string {
	var p struct{ PathPredicates struct{ Path string } }
	json.Unmarshal([]byte(r.Predicates), &p) //nolint:errcheck // stored predicates are valid JSON
	return p.PathPredicates.Path
}

// mseListGatewayRoute lists a gateway's routes (FilterParams.GatewayUniqueId),
// filtered by FilterParams Name and Path (substrings), DomainName, DomainId
// and Status.
func (s *Server) mseListGatewayRoute(rq *request) (map[string]any, *apiError) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	num, size, err := msePage(rq, "PageNumber")
	if err != nil {
		return nil, err
	}
	name, path, domain := filterParam(rq, "Name"), filterParam(rq, "Path"), filterParam(rq, "DomainName")
	domainID, status := filterParam(rq, "DomainId"), filterParam(rq, "Status")
	var items []*gatewayRoute
	for _, r := range g.routes {
		if !strings.Contains(r.Name, name) || !strings.Contains(routePath(r), path) ||
			(status != "" && strconv.Itoa(r.Status) != status) {
			continue
		}
		if domain != "" || domainID != "" {
			found := false
			for _, id := range r.DomainIDs {
				d := g.domain(id)
				found = found || (d != nil && (domain == "" || d.Name == domain) && (domainID == "" || strconv.FormatInt(d.ID, 10) == domainID))
			}
			if !found {
				continue
			}
		}
		items = append(items, r)
	}
	return mseCodeOK(map[string]any{"Data": map[string]any{
		"TotalSize": len(items), "PageNumber": num, "PageSize": size,
		"Result": wires(pageOf(items, num, size), func(r *gatewayRoute) map[string]any { return s.routeWire(g, r) }),
	}}), nil
}

// structJSON returns a struct parameter as a JSON string: sent as JSON
// (darabonba's generated clients) it must parse; flattened as
// name.Field.Sub=value or name.List.N=value (the classic SDK) it is
// rebuilt. "" when absent.
func structJSON(rq *request, name string) (string, *apiError) {
	if v := rq.get(name); v != "" {
		if !json.Valid([]byte(v)) {
			return "", errIncorrect(name)
		}
		return v, nil
	}
	root := map[string]any{}
	for k, vs := range rq.params {
		rest, ok := strings.CutPrefix(k, name+".")
		if !ok || len(vs) == 0 {
			continue
		}
		parts := strings.Split(rest, ".")
		node := root
		for _, p := range parts[:len(parts)-1] {
			child, _ := node[p].(map[string]any)
			if child == nil {
				child = map[string]any{}
				node[p] = child
			}
			node = child
		}
		node[parts[len(parts)-1]] = vs[0]
	}
	if len(root) == 0 {
		return "", nil
	}
	b, _ := json.Marshal(listify(root))
	return string(b), nil
}

// listify turns the maps whose keys are all 1..N into lists, in order.
func listify(v any) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	idx := make([]int, 0, len(m))
	for k, child := range m {
		m[k] = listify(child)
		if n, err := strconv.Atoi(k); err == nil && n > 0 {
			idx = append(idx, n)
		}
	}
	if len(idx) == 0 || len(idx) != len(m) {
		return m
	}
	sort.Ints(idx)
	out := make([]any, len(idx))
	for i, n := range idx {
		out[i] = m[strconv.Itoa(n)]
	}
	return out
}

// mseAddGatewayRoute creates a route (published at once). Name is
// required and unique in the gateway; DomainId or DomainIdListJSON name
// domains of the gateway; Predicates and Services are kept as sent.
func (s *Server) mseAddGatewayRoute(rq *request) (map[string]any, *apiError) {
	name, err := rq.required("Name")
	if err != nil {
		return nil, err
	}
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	order, err := rq.intRange("RouteOrder", 1, 0, 1<<20)
	if err != nil {
		return nil, err
	}
	enableWaf, err := rq.boolean("EnableWaf")
	if err != nil {
		return nil, err
	}
	fallback, err := rq.boolean("Fallback")
	if err != nil {
		return nil, err
	}
	preds, err := structJSON(rq, "Predicates")
	if err != nil {
		return nil, err
	}
	services, err := structJSON(rq, "Services")
	if err != nil {
		return nil, err
	}
	var domainIDs []int64
	if v := rq.get("DomainIdListJSON"); v != "" {
		if json.Unmarshal([]byte(v), &domainIDs) != nil {
			return nil, errIncorrect("DomainIdListJSON")
		}
	} else if v := rq.get("DomainId"); v != "" {
		n, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil {
			return nil, errIncorrect("DomainId")
		}
		domainIDs = []int64{n}
	}
	for _, id := range domainIDs {
		if g.domain(id) == nil {
			return gatewayFail(404, "NotFound.Domain", "domain not found: %d", id), nil
		}
	}
	for _, r := range g.routes {
		if r.Name == name {
			return gatewayFail(409, "Conflict.Route", "route name already exists: %s", name), nil
		}
	}
	now := s.cfg.Now()
	r := &gatewayRoute{ID: s.mse.nextID(), Name: name, Predicates: orDefault(preds, "{}"), Services: orDefault(services, "[]"),
		DestinationType: orDefault(rq.get("DestinationType"), "Single"), RouteType: rq.get("RouteType"),
		Description: rq.get("Description"), DomainIDs: domainIDs, RouteOrder: order, Status: routePublished,
		EnableWaf: enableWaf, Fallback: fallback, Created: now, Modified: now}
	g.routes = append(g.routes, r)
	return mseCodeOK(map[string]any{"Data": r.ID, "ErrorCode": ""}), nil
}

func (s *Server) mseDeleteGatewayRoute(rq *request) (map[string]any, *apiError) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	id, err := parseInt64(rq, "RouteId")
	if err != nil {
		return nil, err
	}
	r, i := g.route(id)
	if r == nil {
		return gatewayFail(404, "NotFound.Route", "route not found: %d", id), nil
	}
	g.routes = append(g.routes[:i:i], g.routes[i+1:]...)
	return mseCodeOK(map[string]any{"Data": map[string]any{
		"Id": r.ID, "Name": r.Name, "GatewayUniqueId": g.UniqueID, "GatewayId": g.ID, "Predicates": r.Predicates,
		"RouteOrder": r.RouteOrder, "Status": r.Status, "GmtCreate": gatewayTime(r.Created), "GmtModified": gatewayTime(r.Modified),
	}}), nil
}

// Domains.

func domainWire(g *mseGateway, d *gatewayDomain) map[string]any {
	return map[string]any{
		"Id": d.ID, "Name": d.Name, "Protocol": d.Protocol, "CertIdentifier": d.CertIdentifier, "MustHttps": d.MustHttps,
		"Http2": d.Http2, "TlsMin": d.TlsMin, "TlsMax": d.TlsMax, "GatewayId": g.ID, "Status": 2, "Type": "Domain",
		"GmtCreate": gatewayTime(d.Created), "GmtModified": gatewayTime(d.Modified),
	}
}

// mseListGatewayDomain lists a gateway's domains; DomainName filters by
// substring.
func (s *Server) mseListGatewayDomain(rq *request) (map[string]any, *apiError) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	name := rq.get("DomainName")
	out := []any{}
	for _, d := range g.domains {
		if strings.Contains(d.Name, name) {
			out = append(out, domainWire(g, d))
		}
	}
	return mseCodeOK(map[string]any{"Data": out}), nil
}

// mseAddGatewayDomain associates a domain name (unique in the gateway);
// Protocol is HTTP (default) or HTTPS, which needs a CertIdentifier.
func (s *Server) mseAddGatewayDomain(rq *request) (map[string]any, *apiError) {
	name, err := rq.required("Name")
	if err != nil {
		return nil, err
	}
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	proto := strings.ToUpper(orDefault(rq.get("Protocol"), "HTTP"))
	if proto != "HTTP" && proto != "HTTPS" {
		return nil, errIncorrect("Protocol")
	}
	if proto == "HTTPS" && rq.get("CertIdentifier") == "" {
		return nil, errMissing("CertIdentifier")
	}
	mustHTTPS, err := rq.boolean("MustHttps")
	if err != nil {
		return nil, err
	}
	if g.domainNamed(name) != nil {
		return gatewayFail(409, "Conflict.Domain", "domain already exists: %s", name), nil
	}
	now := s.cfg.Now()
	d := &gatewayDomain{ID: s.mse.nextID(), Name: name, Protocol: proto, CertIdentifier: rq.get("CertIdentifier"),
		MustHttps: mustHTTPS, Http2: orDefault(rq.get("Http2"), "GlobalConfig"), TlsMin: rq.get("TlsMin"), TlsMax: rq.get("TlsMax"),
		Created: now, Modified: now}
	g.domains = append(g.domains, d)
	return mseCodeOK(map[string]any{"Data": d.ID}), nil
}

// Services.

// mseListGatewayService lists a gateway's services; FilterParams Name
// filters by substring, Namespace, GroupName, SourceType and
// ServiceProtocol exactly.
func (s *Server) mseListGatewayService(rq *request) (map[string]any, *apiError) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	num, size, err := msePage(rq, "PageNumber")
	if err != nil {
		return nil, err
	}
	name := filterParam(rq, "Name")
	exact := map[string]string{}
	for _, f := range []string{"Namespace", "GroupName", "SourceType", "ServiceProtocol"} {
		exact[f] = filterParam(rq, f)
	}
	var items []*gatewayService
	for _, sv := range g.services {
		if strings.Contains(sv.Name, name) &&
			(exact["Namespace"] == "" || sv.Namespace == exact["Namespace"]) &&
			(exact["GroupName"] == "" || sv.GroupName == exact["GroupName"]) &&
			(exact["SourceType"] == "" || sv.SourceType == exact["SourceType"]) &&
			(exact["ServiceProtocol"] == "" || sv.ServiceProtocol == exact["ServiceProtocol"]) {
			items = append(items, sv)
		}
	}
	return mseCodeOK(map[string]any{"Data": map[string]any{
		"TotalSize": len(items), "PageNumber": num, "PageSize": size,
		"Result": wires(pageOf(items, num, size), func(sv *gatewayService) map[string]any {
			ips := append([]string{}, sv.Ips...)
			return map[string]any{
				"Id": sv.ID, "Name": sv.Name, "ServiceNameInRegistry": sv.Name, "Namespace": sv.Namespace, "GroupName": sv.GroupName,
				"SourceType": sv.SourceType, "ServiceProtocol": sv.ServiceProtocol, "ServicePort": sv.ServicePort, "Ips": ips,
				"Ports": []any{}, "UnhealthyEndpoints": []any{}, "GatewayId": g.ID, "GatewayUniqueId": g.UniqueID,
				"HealthStatus": "Healthy", "HealthCheck": false, "SourceId": int64(0), "MetaInfo": "",
				"GmtCreate": gatewayTime(sv.Created), "GmtModified": gatewayTime(sv.Created),
			}
		}),
	}}), nil
}
