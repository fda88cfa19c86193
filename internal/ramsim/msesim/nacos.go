// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"cmp"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// MSE clusters (registry and configuration center instances) and their
// Nacos configurations, services and service instances. Field names and
// nesting follow the classic SDK's services/mse response structs.

// nacosNameChars is what Nacos accepts in a DataId or group.
var nacosNameChars = regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)

// nacosConfigTypes are the configuration formats MSE accepts.
var nacosConfigTypes = []string{"text", "json", "xml", "yaml", "html", "properties"}

// Clusters.

// clusterWire is a cluster as ListClusters and QueryClusterDetail write
// it. The endpoints and addresses follow the reference examples: a public
// address and domain only with PubNetworkFlow above 0 (0 "indicates no
// access to the Internet", QueryClusterDetail).
func (s *Service) clusterWire(c *mseCluster) map[string]any {
	internetAddr, internetDomain, netType := "", "", "privatenet"
	if c.PubNetwork > 0 {
		internetAddr, internetDomain, netType = "47.96.0.10", c.InstanceID+"-p.mse.aliyuncs.com", "pubnet"
	}
	return map[string]any{
		"InstanceId": c.InstanceID, "ClusterId": c.ClusterID, "ClusterName": c.ClusterName,
		"ClusterAliasName": c.AliasName, "ClusterType": c.ClusterType, "AppVersion": c.Version,
		"VersionCode": "NACOS_" + strings.ReplaceAll(c.Version, ".", "_"), "MseVersion": c.MseVersion,
		"InitStatus": "RUNNING", "ChargeType": "PREPAY", "InstanceCount": c.Nodes, "CanUpdate": true,
		"CreateTime": mseTime(c.Created), "EndDate": "",
		"IntranetDomain": c.InstanceID + ".mse.aliyuncs.com", "InternetDomain": internetDomain,
		"IntranetAddress": c.IntranetIP, "InternetAddress": internetAddr, "VpcId": c.VpcID, "ResourceGroupId": "",
		"NetType": netType, "Tags": map[string]any{},
	}
}

func (s *Service) mseListClusters(rq *wire.Request) (map[string]any, *wire.Error) {
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	region, alias := rq.Get("RegionId"), rq.Get("ClusterAliasName")
	var items []*mseCluster
	for _, c := range s.mse.sortedClusters() {
		if (region == "" || c.RegionID == region) && strings.Contains(c.AliasName, alias) {
			items = append(items, c)
		}
	}
	return nacosOK(map[string]any{
		"PageNumber": num, "PageSize": size, "TotalCount": len(items),
		"Data": wires(pageOf(items, num, size), s.clusterWire),
	}), nil
}

// mseCluster returns the instance a request names by InstanceId.
func (s *Service) mseClusterOf(rq *wire.Request) (*mseCluster, *wire.Error) {
	id, err := rq.Required("InstanceId")
	if err != nil {
		return nil, err
	}
	return s.clusterByID(id)
}

// clusterByID returns the instance with InstanceId id.
func (s *Service) clusterByID(id string) (*mseCluster, *wire.Error) {
	c := s.mse.clusters[id]
	if c == nil {
		return nil, errMSEClusterNotFound(id)
	}
	return c, nil
}

func (s *Service) mseQueryClusterDetail(rq *wire.Request) (map[string]any, *wire.Error) {
	c, err := s.engineCluster(rq)
	if err != nil {
		return nil, err
	}
	d := s.clusterWire(c)
	delete(d, "CanUpdate")
	delete(d, "VersionCode")
	// Units as QueryClusterDetail's reference has them: Cpu in vCPUs,
	// MemoryCapacity and DiskCapacity in GB, PubNetworkFlow in Mbit/s (a
	// string in both SDK models).
	d["RegionId"], d["HealthStatus"], d["VSwitchId"] = c.RegionID, "GREEN", c.VSwitchID
	d["ClusterVersion"], d["OrderClusterVersion"] = c.Version, c.Version
	d["ClusterSpecification"], d["Cpu"], d["MemoryCapacity"], d["DiskCapacity"] = c.Spec.Name, c.Spec.CPU, c.Spec.MemoryGB, c.Spec.DiskGB
	d["DiskType"], d["PubNetworkFlow"], d["PayInfo"], d["InitCostTime"] = "alicloud-disk-ssd", strconv.Itoa(c.PubNetwork), "Subscription", int64(0)
	d["IntranetPort"], d["InternetPort"], d["ConnectionType"] = "8848", "8848", "slb"
	d["AclId"], d["AclEntryList"] = "", ""
	d["InstanceModels"] = []any{}
	return nacosOK(map[string]any{"Data": d}), nil
}

// Namespaces and configurations.

// nacosNamespaceOf returns the namespace a request names, in the instance
// it names.
func (s *Service) nacosNamespaceOf(rq *wire.Request) (*nacosNamespace, *wire.Error) {
	c, err := s.mseClusterOf(rq)
	if err != nil {
		return nil, err
	}
	id := nacosNamespaceID(rq)
	ns := c.namespaces[id]
	if ns == nil {
		return nil, errMSENotFound("namespace not found: %s", id)
	}
	return ns, nil
}

// nacosConfigKey reads and checks DataId and Group (DEFAULT_GROUP when
// empty).
func nacosConfigKey(rq *wire.Request) (nacosKey, *wire.Error) {
	dataID, err := rq.Required("DataId")
	if err != nil {
		return nacosKey{}, err
	}
	group := cmp.Or(rq.Get("Group"), nacosDefaultGroup)
	for _, f := range []struct{ name, v string }{{"DataId", dataID}, {"Group", group}} {
		if utf8.RuneCountInString(f.v) > 256 || !nacosNameChars.MatchString(f.v) {
			return nacosKey{}, wire.Incorrect(f.name)
		}
	}
	return nacosKey{group, dataID}, nil
}

func configNotFound(k nacosKey) *wire.Error {
	return errMSENotFound("config data not exist: dataId=%s, group=%s", k.name, k.group)
}

func configWire(c *nacosConfig, opType string) map[string]any {
	return map[string]any{
		"DataId": c.DataID, "Group": c.Group, "Content": c.Content, "Type": c.Type, "AppName": c.AppName,
		"Desc": c.Desc, "Tags": c.Tags, "BetaIps": c.BetaIps, "Md5": c.md5(), "OpType": opType, "EncryptedDataKey": "",
	}
}

// readConfigFields applies the optional fields of Create/UpdateNacosConfig.
func readConfigFields(rq *wire.Request, c *nacosConfig) *wire.Error {
	if t := rq.Get("Type"); t != "" {
		t = strings.ToLower(t)
		ok := false
		for _, allowed := range nacosConfigTypes {
			ok = ok || t == allowed
		}
		if !ok {
			return wire.Incorrect("Type")
		}
		c.Type = t
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"AppName", &c.AppName}, {"Desc", &c.Desc}, {"Tags", &c.Tags}, {"BetaIps", &c.BetaIps}} {
		if v, ok := rq.Lookup(f.name); ok {
			*f.dst = v
		}
	}
	if utf8.RuneCountInString(c.Desc) > 128 {
		return wire.Incorrect("Desc")
	}
	return nil
}

func (s *Service) mseCreateNacosConfig(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	content, err := rq.Required("Content")
	if err != nil {
		return nil, err
	}
	if ns.configs[k] != nil {
		return nil, errMSEIllegal("config already exists: dataId=%s, group=%s", k.name, k.group)
	}
	now := s.cfg.Now()
	c := &nacosConfig{DataID: k.name, Group: k.group, Content: content, Type: "text", Modified: now}
	if err := readConfigFields(rq, c); err != nil {
		return nil, err
	}
	c.ID = s.mse.nextID()
	ns.configs[k] = c
	ns.record(s.mse, c, "I", callerName(rq), now)
	return nacosOK(map[string]any{"Code": "200"}), nil
}

func (s *Service) mseGetNacosConfig(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	if _, err := rq.Boolean("Beta"); err != nil {
		return nil, err
	}
	c := ns.configs[k]
	if c == nil {
		return nil, configNotFound(k)
	}
	return nacosOK(map[string]any{"Configuration": configWire(c, "")}), nil
}

func (s *Service) mseUpdateNacosConfig(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	content, err := rq.Required("Content")
	if err != nil {
		return nil, err
	}
	old := ns.configs[k]
	if old == nil {
		return nil, configNotFound(k)
	}
	if md5 := rq.Get("Md5"); md5 != "" && md5 != old.md5() {
		return nil, errMSEIllegal("the configuration was changed since it was read (Md5 %s, current %s)", md5, old.md5())
	}
	next := *old
	next.Content = content
	if err := readConfigFields(rq, &next); err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	next.Modified = now
	ns.record(s.mse, old, "U", callerName(rq), now)
	*old = next
	return nacosOK(map[string]any{}), nil
}

func (s *Service) mseDeleteNacosConfig(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	if _, err := rq.Boolean("Beta"); err != nil {
		return nil, err
	}
	c := ns.configs[k]
	if c == nil {
		return nil, configNotFound(k)
	}
	delete(ns.configs, k)
	ns.record(s.mse, c, "D", callerName(rq), s.cfg.Now())
	return nacosOK(map[string]any{"Code": "200"}), nil
}

// mseDeleteNacosConfigs deletes the configurations whose Ids (the Id of
// ListNacosConfigs, comma-separated) are given; unknown ids are skipped.
func (s *Service) mseDeleteNacosConfigs(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, err := s.nacosNamespaceOf(rq)
	if err != nil {
		return nil, err
	}
	raw, err := rq.Required("Ids")
	if err != nil {
		return nil, err
	}
	ids := map[int64]bool{}
	for _, part := range strings.Split(raw, ",") {
		n, perr := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if perr != nil {
			return nil, wire.Incorrect("Ids")
		}
		ids[n] = true
	}
	now := s.cfg.Now()
	for _, c := range ns.sortedConfigs() {
		if ids[c.ID] {
			delete(ns.configs, nacosKey{c.Group, c.DataID})
			ns.record(s.mse, c, "D", callerName(rq), now)
		}
	}
	return nacosOK(map[string]any{"Code": 200}), nil
}

// mseListNacosConfigs lists a namespace's configurations; DataId, Group and
// AppName filter by substring (MSE's fuzzy search).
func (s *Service) mseListNacosConfigs(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, err := s.nacosNamespaceOf(rq)
	if err != nil {
		return nil, err
	}
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	dataID, group, app := rq.Get("DataId"), rq.Get("Group"), rq.Get("AppName")
	var items []*nacosConfig
	for _, c := range ns.sortedConfigs() {
		if strings.Contains(c.DataID, dataID) && strings.Contains(c.Group, group) && strings.Contains(c.AppName, app) {
			items = append(items, c)
		}
	}
	return nacosOK(map[string]any{
		"Code": 200, "PageNumber": num, "PageSize": size, "TotalCount": len(items),
		"Configurations": wires(pageOf(items, num, size), func(c *nacosConfig) map[string]any {
			return map[string]any{"Id": strconv.FormatInt(c.ID, 10), "DataId": c.DataID, "Group": c.Group, "AppName": c.AppName}
		}),
	}), nil
}

// nacosHistoryOf returns the history of one configuration, newest first.
func nacosHistoryOf(ns *nacosNamespace, k nacosKey) []*nacosHistory {
	var out []*nacosHistory
	for i := len(ns.history) - 1; i >= 0; i-- {
		if h := ns.history[i]; h.Config.Group == k.group && h.Config.DataID == k.name {
			out = append(out, h)
		}
	}
	return out
}

func (s *Service) mseGetNacosHistoryConfig(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	nid, err := parseInt64(rq, "Nid")
	if err != nil {
		return nil, err
	}
	for _, h := range nacosHistoryOf(ns, k) {
		if h.ID == nid {
			return nacosOK(map[string]any{"Configuration": configWire(&h.Config, h.OpType)}), nil
		}
	}
	return nil, errMSENotFound("history config not found: nid=%d, dataId=%s, group=%s", nid, k.name, k.group)
}

// mseListNacosHistoryConfigs lists one configuration's history (DataId and
// Group), newest first; it outlives the configuration's deletion.
func (s *Service) mseListNacosHistoryConfigs(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosConfigKey)
	if err != nil {
		return nil, err
	}
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	items := nacosHistoryOf(ns, k)
	return nacosOK(map[string]any{
		"PageNumber": num, "PageSize": size, "TotalCount": len(items),
		"HistoryItems": wires(pageOf(items, num, size), func(h *nacosHistory) map[string]any {
			return map[string]any{"Id": h.ID, "DataId": h.Config.DataID, "Group": h.Config.Group, "AppName": h.Config.AppName,
				"OpType": h.OpType, "SrcUser": h.SrcUser, "LastModifiedTime": h.At.UnixMilli()}
		}),
	}), nil
}

// Services and service instances.

// nacosItem resolves the namespace a request names and, with key, the
// configuration or service in it.
func (s *Service) nacosItem(rq *wire.Request, key func(*wire.Request) (nacosKey, *wire.Error)) (*nacosNamespace, nacosKey, *wire.Error) {
	ns, err := s.nacosNamespaceOf(rq)
	if err != nil {
		return nil, nacosKey{}, err
	}
	k, err := key(rq)
	return ns, k, err
}

// nacosServiceKey reads ServiceName and GroupName (DEFAULT_GROUP when
// empty).
func nacosServiceKey(rq *wire.Request) (nacosKey, *wire.Error) {
	name, err := rq.Required("ServiceName")
	if err != nil {
		return nacosKey{}, err
	}
	if utf8.RuneCountInString(name) > 512 || strings.Contains(name, "@@") {
		return nacosKey{}, wire.Incorrect("ServiceName")
	}
	group := cmp.Or(rq.Get("GroupName"), nacosDefaultGroup)
	if !nacosNameChars.MatchString(group) {
		return nacosKey{}, wire.Incorrect("GroupName")
	}
	return nacosKey{group, name}, nil
}

func serviceNotFound(k nacosKey) *wire.Error {
	return errMSENotFound("service not found: %s@@%s", k.group, k.name)
}

// nacosServiceOf returns the namespace and the existing service a request
// names.
func (s *Service) nacosServiceOf(rq *wire.Request) (*nacosNamespace, *nacosService, nacosKey, *wire.Error) {
	ns, err := s.nacosNamespaceOf(rq)
	if err != nil {
		return nil, nil, nacosKey{}, err
	}
	k, err := nacosServiceKey(rq)
	if err != nil {
		return nil, nil, nacosKey{}, err
	}
	svc := ns.services[k]
	if svc == nil {
		return nil, nil, k, serviceNotFound(k)
	}
	return ns, svc, k, nil
}

// protectThreshold parses ProtectThreshold, a ratio in [0, 1].
func protectThreshold(rq *wire.Request, def float64) (float64, *wire.Error) {
	v := rq.Get("ProtectThreshold")
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return 0, wire.Incorrect("ProtectThreshold")
	}
	return f, nil
}

func (s *Service) mseCreateNacosService(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosServiceKey)
	if err != nil {
		return nil, err
	}
	pt, err := protectThreshold(rq, 0)
	if err != nil {
		return nil, err
	}
	eph, err := optBool(rq, "Ephemeral", true)
	if err != nil {
		return nil, err
	}
	if ns.services[k] != nil {
		return nil, errMSEIllegal("service already exists: %s@@%s", k.group, k.name)
	}
	ns.services[k] = &nacosService{Name: k.name, Group: k.group, ProtectThreshold: pt, Ephemeral: eph, Created: s.cfg.Now()}
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

func (s *Service) mseUpdateNacosService(rq *wire.Request) (map[string]any, *wire.Error) {
	_, svc, _, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	pt, err := protectThreshold(rq, svc.ProtectThreshold)
	if err != nil {
		return nil, err
	}
	svc.ProtectThreshold = pt
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

func (s *Service) mseDeleteNacosService(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, svc, k, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	if len(svc.instances) > 0 {
		return nil, errMSEIllegal("specified service has instances, serviceName: %s@@%s", k.group, k.name)
	}
	delete(ns.services, k)
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

// mseListAnsServices lists a namespace's services; ServiceName filters by
// substring, GroupName exactly.
func (s *Service) mseListAnsServices(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, err := s.nacosNamespaceOf(rq)
	if err != nil {
		return nil, err
	}
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	name, group := rq.Get("ServiceName"), rq.Get("GroupName")
	var items []*nacosService
	for _, svc := range ns.sortedServices() {
		if strings.Contains(svc.Name, name) && (group == "" || svc.Group == group) {
			items = append(items, svc)
		}
	}
	return nacosOK(map[string]any{
		"PageNumber": num, "PageSize": size, "TotalCount": len(items),
		"Data": wires(pageOf(items, num, size), func(svc *nacosService) map[string]any {
			return map[string]any{"Name": svc.Name, "GroupName": svc.Group, "ClusterCount": len(svc.clusterNames()),
				"IpCount": len(svc.instances), "HealthyInstanceCount": svc.healthy(), "Source": "native"}
		}),
	}), nil
}

// mseGetServiceListeners lists a service's subscribers. The emulator has
// no Nacos clients, so the list is empty.
func (s *Service) mseGetServiceListeners(rq *wire.Request) (map[string]any, *wire.Error) {
	if _, _, _, err := s.nacosServiceOf(rq); err != nil {
		return nil, err
	}
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	return nacosOK(map[string]any{"PageNumber": num, "PageSize": size, "TotalCount": 0, "Data": []any{}}), nil
}

func (s *Service) mseListAnsServiceClusters(rq *wire.Request) (map[string]any, *wire.Error) {
	_, svc, _, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	clusters := []any{}
	for _, name := range svc.clusterNames() {
		clusters = append(clusters, map[string]any{"Name": name, "ServiceName": svc.Name, "DefaultPort": 80,
			"DefaultCheckPort": 80, "UseIPPort4Check": true, "HealthCheckerType": "TCP", "Metadata": map[string]any{}})
	}
	return nacosOK(map[string]any{"Data": map[string]any{
		"Name": svc.Name, "GroupName": svc.Group, "ProtectThreshold": svc.ProtectThreshold, "SelectorType": "none",
		"Metadata": map[string]any{}, "Clusters": clusters,
	}}), nil
}

// instanceAddr reads Ip, Port and ClusterName (DEFAULT when empty).
func instanceAddr(rq *wire.Request) (string, int, string, *wire.Error) {
	ip, err := rq.Required("Ip")
	if err != nil {
		return "", 0, "", err
	}
	if _, err := rq.Required("Port"); err != nil {
		return "", 0, "", err
	}
	port, err := rq.IntRange("Port", 0, 1, 65535)
	if err != nil {
		return "", 0, "", err
	}
	return ip, port, cmp.Or(rq.Get("ClusterName"), "DEFAULT"), nil
}

// applyInstanceFields reads the optional Weight, Enabled and Metadata.
func applyInstanceFields(rq *wire.Request, in *nacosInstance) *wire.Error {
	if v := rq.Get("Weight"); v != "" {
		w, err := strconv.ParseFloat(v, 64)
		if err != nil || w < 0 || w > 10000 {
			return wire.Incorrect("Weight")
		}
		in.Weight = int(w)
	}
	enabled, err := optBool(rq, "Enabled", in.Enabled)
	if err != nil {
		return err
	}
	in.Enabled = enabled
	if v := rq.Get("Metadata"); v != "" {
		var md map[string]string
		if json.Unmarshal([]byte(v), &md) != nil {
			return wire.Incorrect("Metadata")
		}
		in.Metadata = md
	}
	return nil
}

// mseCreateNacosInstance registers an instance. As Nacos does, it creates
// the service when missing and updates an instance already registered at
// the same IP, port and cluster.
func (s *Service) mseCreateNacosInstance(rq *wire.Request) (map[string]any, *wire.Error) {
	ns, k, err := s.nacosItem(rq, nacosServiceKey)
	if err != nil {
		return nil, err
	}
	ip, port, cluster, err := instanceAddr(rq)
	if err != nil {
		return nil, err
	}
	svc := ns.services[k]
	eph, err := optBool(rq, "Ephemeral", svc == nil || svc.Ephemeral)
	if err != nil {
		return nil, err
	}
	in := &nacosInstance{IP: ip, Port: port, ClusterName: cluster, Weight: 1, Enabled: true, Healthy: true, Ephemeral: eph}
	if svc != nil {
		if old, _ := svc.find(ip, port, cluster); old != nil {
			copied := *old
			in = &copied
		}
	}
	if err := applyInstanceFields(rq, in); err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	in.LastBeat = now
	if svc == nil {
		svc = &nacosService{Name: k.name, Group: k.group, Ephemeral: eph, Created: now}
		ns.services[k] = svc
	}
	if _, i := svc.find(ip, port, cluster); i >= 0 {
		svc.instances[i] = in
	} else {
		svc.instances = append(svc.instances, in)
		svc.sortInstances()
	}
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

func instanceNotFound(ip string, port int, cluster string) *wire.Error {
	return errMSENotFound("instance not found: %s:%d in cluster %s", ip, port, cluster)
}

func (s *Service) mseUpdateNacosInstance(rq *wire.Request) (map[string]any, *wire.Error) {
	_, svc, _, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	ip, port, cluster, err := instanceAddr(rq)
	if err != nil {
		return nil, err
	}
	old, i := svc.find(ip, port, cluster)
	if old == nil {
		return nil, instanceNotFound(ip, port, cluster)
	}
	next := *old
	if err := applyInstanceFields(rq, &next); err != nil {
		return nil, err
	}
	svc.instances[i] = &next
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

func (s *Service) mseDeleteNacosInstance(rq *wire.Request) (map[string]any, *wire.Error) {
	_, svc, _, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	ip, port, cluster, err := instanceAddr(rq)
	if err != nil {
		return nil, err
	}
	old, i := svc.find(ip, port, cluster)
	if old == nil {
		return nil, instanceNotFound(ip, port, cluster)
	}
	svc.instances = append(svc.instances[:i:i], svc.instances[i+1:]...)
	return mseCodeOK(map[string]any{"Data": "ok"}), nil
}

// mseListAnsInstances lists a service's instances, optionally of one
// ClusterName.
func (s *Service) mseListAnsInstances(rq *wire.Request) (map[string]any, *wire.Error) {
	_, svc, k, err := s.nacosServiceOf(rq)
	if err != nil {
		return nil, err
	}
	num, size, err := msePage(rq, "PageNum")
	if err != nil {
		return nil, err
	}
	cluster := rq.Get("ClusterName")
	var items []*nacosInstance
	for _, in := range svc.instances {
		if cluster == "" || in.ClusterName == cluster {
			items = append(items, in)
		}
	}
	grouped := k.group + "@@" + k.name
	return nacosOK(map[string]any{
		"PageNumber": num, "PageSize": size, "TotalCount": len(items),
		"Data": wires(pageOf(items, num, size), func(in *nacosInstance) map[string]any {
			md := map[string]any{}
			for k, v := range in.Metadata {
				md[k] = v
			}
			return map[string]any{
				"InstanceId": in.IP + "#" + strconv.Itoa(in.Port) + "#" + in.ClusterName + "#" + grouped,
				"Ip":         in.IP, "Port": in.Port, "Weight": in.Weight, "Healthy": in.Healthy, "Enabled": in.Enabled,
				"Ephemeral": in.Ephemeral, "ClusterName": in.ClusterName, "ServiceName": grouped, "Metadata": md,
				"LastBeat": in.LastBeat.UnixMilli(), "Marked": false, "App": "",
				"InstanceHeartBeatInterval": 5000, "InstanceHeartBeatTimeOut": 15000, "IpDeleteTimeout": 30000,
			}
		}),
	}), nil
}
