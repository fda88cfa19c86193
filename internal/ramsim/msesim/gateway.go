// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"cmp"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// MSE cloud-native gateways and their routes, domains and services. Field
// names and nesting follow the classic SDK's services/mse response
// structs. An unknown gateway, route or domain is answered as the real
// gateway API does: HTTP 200 with Success false and Code 404 (gatewayFail).

// Gateway and route statuses (assumed values): 2 is a running gateway and
// a published route.
const (
	gatewayRunning = 2
	routePublished = 2
)

// gatewayOf returns the gateway a request names, or the 404 answer.
func (s *Service) gatewayOf(rq *wire.Request) (*mseGateway, map[string]any, *wire.Error) {
	id := gatewayID(rq)
	if id == "" {
		return nil, nil, wire.Missing("GatewayUniqueId")
	}
	g := s.mse.gateways[id]
	if g == nil {
		return nil, gatewayFail(404, "NotFound", "gateway not found: %s", id), nil
	}
	return g, nil, nil
}

func (s *Service) gatewayCommon(g *mseGateway) map[string]any {
	return map[string]any{
		"Id": g.ID, "Name": g.Name, "GatewayUniqueId": g.UniqueID, "Region": g.RegionID, "PrimaryUser": s.cfg.AccountID,
		"Status": gatewayRunning, "StatusDesc": "Running", "Spec": g.Spec, "Replica": g.Replica, "TotalReplica": g.Replica,
		"GmtCreate": mseTime(g.Created), "GmtModified": mseTime(g.Created), "InstanceId": g.InstanceID,
		"ChargeType": "POSTPAY", "EndDate": "", "MseTag": "", "ResourceGroupId": "", "Elastic": false, "ElasticReplica": 0,
	}
}

func (s *Service) gatewayListWire(g *mseGateway) map[string]any {
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
func (s *Service) mseListGateway(rq *wire.Request) (map[string]any, *wire.Error) {
	num, size, err := msePage(rq, "PageNumber")
	if err != nil {
		return nil, err
	}
	if _, err := rq.Boolean("DescSort"); err != nil {
		return nil, err
	}
	id, name, inst, typ := gatewayID(rq), filterParam(rq, "Name"), filterParam(rq, "InstanceId"), filterParam(rq, "GatewayType")
	region := rq.Get("RegionId")
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

func (s *Service) mseGetGateway(rq *wire.Request) (map[string]any, *wire.Error) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	d := s.gatewayCommon(g)
	// GetGateway's reference example writes these two with milliseconds
	// and a zone offset, unlike ListGateway's.
	d["GmtCreate"], d["GmtModified"] = g.Created.UTC().Format(mseISOTimeFormat), g.Created.UTC().Format(mseISOTimeFormat)
	d["Vpc"], d["Vswitch"], d["Vswitch2"], d["SecurityGroup"] = "", "", "", ""
	return mseCodeOK(map[string]any{"Data": d}), nil
}

// Routes.

// routeWire is a route as ListGatewayRoute writes it: the fields both SDK
// models carry (classic services/mse Routes, mse-20190531's
// ListGatewayRouteResponseBodyDataResult). Predicates and Services are
// also sent as JSON strings, RoutePredicates and RouteServices as objects.
// Comment (a status string) is left out: what sets it is not documented.
func (s *Service) routeWire(g *mseGateway, r *gatewayRoute) map[string]any {
	ids, names := []any{}, []any{}
	for _, id := range r.DomainIDs {
		if d := g.domain(id); d != nil {
			ids, names = append(ids, d.ID), append(names, d.Name)
		}
	}
	w := map[string]any{
		"Id": r.ID, "Name": r.Name, "GatewayUniqueId": g.UniqueID, "GatewayId": g.ID, "Status": r.Status,
		"RouteOrder": r.RouteOrder, "Predicates": jsonText(r.Predicates), "Services": jsonText(r.Services),
		"RoutePredicates": r.Predicates, "RouteServices": r.Services, "FallbackServices": r.FallbackServices,
		"DestinationType": r.DestinationType, "Type": r.RouteType, "EnableWaf": strconv.FormatBool(r.EnableWaf),
		"Fallback": r.Fallback, "DynamicRoute": false, "DomainIdList": ids, "DomainNameList": names,
		"GmtCreate": mseTime(r.Created), "GmtModified": mseTime(r.Modified),
	}
	if r.DirectResponse != nil {
		w["DirectResponse"] = r.DirectResponse
	}
	if r.Redirect != nil {
		w["Redirect"] = r.Redirect
	}
	if len(ids) > 0 {
		w["DomainId"], w["DomainName"] = ids[0], names[0]
	}
	if len(r.Services) == 1 {
		if svc, ok := r.Services[0].(map[string]any); ok {
			if name, ok := svc["Name"].(string); ok {
				w["DefaultServiceName"] = name
			}
			if id, ok := svc["ServiceId"].(int64); ok {
				w["DefaultServiceId"] = id
			}
		}
	}
	return w
}

// jsonText is v as a JSON string (the route's stored values always
// encode).
func jsonText(v any) string {
	b, _ := json.Marshal(v) //nolint:errchkjson // maps, lists, strings and numbers only
	return string(b)
}

// routePath is the path of a route's PathPredicates, for filtering.
func routePath(r *gatewayRoute) string {
	pp, _ := r.Predicates["PathPredicates"].(map[string]any)
	path, _ := pp["Path"].(string)
	return path
}

// mseListGatewayRoute lists a gateway's routes (FilterParams.GatewayUniqueId),
// filtered by FilterParams Name and Path (substrings), DomainName, DomainId
// and Status.
func (s *Service) mseListGatewayRoute(rq *wire.Request) (map[string]any, *wire.Error) {
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
func structJSON(rq *wire.Request, name string) (string, *wire.Error) {
	if v := rq.Get(name); v != "" {
		if !json.Valid([]byte(v)) {
			return "", wire.Incorrect(name)
		}
		return v, nil
	}
	root := map[string]any{}
	for k, vs := range rq.Params {
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

// routeDestinationTypes are AddGatewayRoute's documented DestinationType
// values (https://alibabacloud.com/help/en/mse/developer-reference/api-mse-2019-05-31-addgatewayroute).
var routeDestinationTypes = []string{"Single", "Multiple", "VersionOriented", "Mock", "Redirect"}

// mseAddGatewayRoute creates a route (published at once). Name is
// required and unique in the gateway; DomainIdListJSON or DomainId name
// domains of the gateway; Predicates, Services, FallbackServices,
// DirectResponseJSON and RedirectJSON are kept (typed as the models type
// them) and read back by ListGatewayRoute; Policies must be JSON.
func (s *Service) mseAddGatewayRoute(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("Name")
	if err != nil {
		return nil, err
	}
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	r := &gatewayRoute{Name: name, DestinationType: cmp.Or(rq.Get("DestinationType"), "Single"), RouteType: rq.Get("RouteType"),
		Description: rq.Get("Description"), Status: routePublished}
	if !slices.Contains(routeDestinationTypes, r.DestinationType) {
		return nil, wire.Incorrect("DestinationType")
	}
	if r.RouteOrder, err = rq.IntRange("RouteOrder", 1, 0, 1<<20); err != nil {
		return nil, err
	}
	if r.EnableWaf, err = rq.Boolean("EnableWaf"); err != nil {
		return nil, err
	}
	if r.Fallback, err = rq.Boolean("Fallback"); err != nil {
		return nil, err
	}
	if err := readRouteParams(rq, r); err != nil {
		return nil, err
	}
	if r.DomainIDs, err = routeDomainIDs(rq); err != nil {
		return nil, err
	}
	for _, id := range r.DomainIDs {
		if g.domain(id) == nil {
			return gatewayFail(404, "NotFound", "domain not found: %d", id), nil
		}
	}
	for _, other := range g.routes {
		if other.Name == name {
			return gatewayFail(400, "IllegalRequest", "route name already exists: %s", name), nil
		}
	}
	r.ID, r.Created, r.Modified = s.mse.nextID(), s.cfg.Now(), s.cfg.Now()
	g.routes = append(g.routes, r)
	return mseCodeOK(map[string]any{"Data": r.ID, "ErrorCode": ""}), nil
}

// readRouteParams reads the route's struct and list parameters.
func readRouteParams(rq *wire.Request, r *gatewayRoute) *wire.Error {
	objects := []struct {
		param string
		dst   *map[string]any
	}{{"Predicates", &r.Predicates}, {"DirectResponseJSON", &r.DirectResponse}, {"RedirectJSON", &r.Redirect}}
	for _, o := range objects {
		v, err := routeParam(rq, o.param)
		if err != nil {
			return err
		}
		obj, ok := v.(map[string]any)
		if v != nil && !ok {
			return wire.Incorrect(o.param)
		}
		*o.dst = obj
	}
	if r.Predicates == nil {
		r.Predicates = map[string]any{}
	}
	lists := []struct {
		param string
		dst   *[]any
	}{{"Services", &r.Services}, {"FallbackServices", &r.FallbackServices}}
	for _, l := range lists {
		v, err := routeParam(rq, l.param)
		if err != nil {
			return err
		}
		list, ok := v.([]any)
		if v != nil && !ok {
			return wire.Incorrect(l.param)
		}
		*l.dst = append([]any{}, list...)
	}
	if p := rq.Get("Policies"); p != "" && !json.Valid([]byte(p)) {
		return wire.Incorrect("Policies")
	}
	return nil
}

// routeDomainIDs reads DomainIdListJSON (a JSON array of ids), else
// DomainId.
func routeDomainIDs(rq *wire.Request) ([]int64, *wire.Error) {
	var ids []int64
	if v := rq.Get("DomainIdListJSON"); v != "" {
		if json.Unmarshal([]byte(v), &ids) != nil {
			return nil, wire.Incorrect("DomainIdListJSON")
		}
		return ids, nil
	}
	if v := rq.Get("DomainId"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, wire.Incorrect("DomainId")
		}
		ids = []int64{n}
	}
	return ids, nil
}

// routeIntFields and routeBoolFields are the route fields both SDK models
// type as integers (Percent, ServicePort, ServiceId, the Code of
// DirectResponse and Redirect) and as booleans (PathPredicates.IgnoreCase).
// The classic SDK sends every flattened value, and the fields of its
// Services / FallbackServices JSON, as strings; darabonba sends numbers.
var (
	routeIntFields  = map[string]bool{"Percent": true, "ServicePort": true, "ServiceId": true, "Code": true}
	routeBoolFields = map[string]bool{"IgnoreCase": true}
)

// routeParam reads a struct or list parameter of AddGatewayRoute
// (structJSON) and types its values (routeValue); nil when absent.
func routeParam(rq *wire.Request, name string) (any, *wire.Error) {
	raw, err := structJSON(rq, name)
	if err != nil || raw == "" {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil, wire.Incorrect(name)
	}
	if v, ok := routeValue(v); ok {
		return v, nil
	}
	return nil, wire.Incorrect(name)
}

// routeValue types v's known fields (routeIntFields, routeBoolFields),
// dropping those sent empty (the classic SDK marshals unset fields as "");
// false when a value does not convert.
func routeValue(v any) (any, bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			var ok bool
			switch {
			case (routeIntFields[k] || routeBoolFields[k]) && x == "":
				delete(v, k)
				continue
			case routeIntFields[k]:
				v[k], ok = routeInt(x)
			case routeBoolFields[k]:
				v[k], ok = routeBool(x)
			default:
				v[k], ok = routeValue(x)
			}
			if !ok {
				return nil, false
			}
		}
		return v, true
	case []any:
		for i, x := range v {
			t, ok := routeValue(x)
			if !ok {
				return nil, false
			}
			v[i] = t
		}
		return v, true
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n, true
		}
		f, err := v.Float64()
		return f, err == nil
	}
	return v, true
}

func routeInt(x any) (int64, bool) {
	var s string
	switch x := x.(type) {
	case json.Number:
		s = x.String()
	case string:
		s = x
	default:
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n, err == nil
}

func routeBool(x any) (bool, bool) {
	switch x := x.(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(x)
		return b, err == nil
	}
	return false, false
}

func (s *Service) mseDeleteGatewayRoute(rq *wire.Request) (map[string]any, *wire.Error) {
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
		return gatewayFail(404, "NotFound", "route not found: %d", id), nil
	}
	g.routes = append(g.routes[:i:i], g.routes[i+1:]...)
	return mseCodeOK(map[string]any{"Data": map[string]any{
		"Id": r.ID, "Name": r.Name, "GatewayUniqueId": g.UniqueID, "GatewayId": g.ID, "Predicates": jsonText(r.Predicates),
		"RouteOrder": r.RouteOrder, "Status": r.Status, "GmtCreate": mseTime(r.Created), "GmtModified": mseTime(r.Modified),
	}}), nil
}

// Domains.

func domainWire(g *mseGateway, d *gatewayDomain) map[string]any {
	return map[string]any{
		"Id": d.ID, "Name": d.Name, "Protocol": d.Protocol, "CertIdentifier": d.CertIdentifier, "MustHttps": d.MustHttps,
		"Http2": d.Http2, "TlsMin": d.TlsMin, "TlsMax": d.TlsMax, "GatewayId": g.ID, "Status": 2, "Type": "Domain",
		"GmtCreate": mseTime(d.Created), "GmtModified": mseTime(d.Modified),
	}
}

// mseListGatewayDomain lists a gateway's domains; DomainName filters by
// substring.
func (s *Service) mseListGatewayDomain(rq *wire.Request) (map[string]any, *wire.Error) {
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	name := rq.Get("DomainName")
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
func (s *Service) mseAddGatewayDomain(rq *wire.Request) (map[string]any, *wire.Error) {
	name, err := rq.Required("Name")
	if err != nil {
		return nil, err
	}
	g, fail, err := s.gatewayOf(rq)
	if fail != nil || err != nil {
		return fail, err
	}
	proto := strings.ToUpper(cmp.Or(rq.Get("Protocol"), "HTTP"))
	if proto != "HTTP" && proto != "HTTPS" {
		return nil, wire.Incorrect("Protocol")
	}
	if proto == "HTTPS" && rq.Get("CertIdentifier") == "" {
		return nil, wire.Missing("CertIdentifier")
	}
	mustHTTPS, err := rq.Boolean("MustHttps")
	if err != nil {
		return nil, err
	}
	if g.domainNamed(name) != nil {
		return gatewayFail(400, "IllegalRequest", "domain already exists: %s", name), nil
	}
	now := s.cfg.Now()
	d := &gatewayDomain{ID: s.mse.nextID(), Name: name, Protocol: proto, CertIdentifier: rq.Get("CertIdentifier"),
		MustHttps: mustHTTPS, Http2: cmp.Or(rq.Get("Http2"), "GlobalConfig"), TlsMin: rq.Get("TlsMin"), TlsMax: rq.Get("TlsMax"),
		Created: now, Modified: now}
	g.domains = append(g.domains, d)
	return mseCodeOK(map[string]any{"Data": d.ID}), nil
}

// Services.

// mseListGatewayService lists a gateway's services; FilterParams Name
// filters by substring, Namespace, GroupName, SourceType and
// ServiceProtocol exactly.
func (s *Service) mseListGatewayService(rq *wire.Request) (map[string]any, *wire.Error) {
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
				"GmtCreate": mseTime(sv.Created), "GmtModified": mseTime(sv.Created),
			}
		}),
	}}), nil
}
