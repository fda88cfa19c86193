// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// defaultFixtures is the MSE data New loads when Config.Fixtures is empty:
// the ids of the seeds (Nacos instance mse-cn-0pp1j8om80a, gateway
// gw-8090caa2a3ab447a8bc5fdf3a3ab447a, both in cn-hangzhou).
//
//go:embed testdata/fixtures/default.json
var defaultFixtures []byte

// The fixtures file (Config.Fixtures, cmd/ramsim -fixtures): JSON, field
// names as the MSE API spells them, unknown fields refused. Only the ids
// and names marked required must be given; everything else has a default.
type mseFixtures struct {
	Clusters []fixtureCluster
	Gateways []fixtureGateway
}

type fixtureCluster struct {
	InstanceId       string // required
	ClusterId        string // default: InstanceId without "-cn"
	ClusterName      string // default: ClusterId
	ClusterAliasName string // default: ClusterName
	ClusterType      string // default Nacos-Ans
	Version          string // default 2.2.3
	MseVersion       string // default mse_pro
	RegionId         string // default cn-hangzhou
	// ClusterSpecification is MSE_SC_<vCPUs>_<memory GB>_<disk GB>_c
	// (QueryClusterDetail's Cpu, MemoryCapacity and DiskCapacity are read
	// from it); default MSE_SC_2_4_60_c.
	ClusterSpecification string
	InstanceCount        int    // nodes; default 3
	VpcId                string // default vpc-ramsim
	VSwitchId            string // default vsw-ramsim
	IntranetAddress      string // default 192.168.0.10
	PubNetworkFlow       int    // public bandwidth, Mbit/s (0-5000); 0, the default, is no public endpoint
	Namespaces           []fixtureNamespace
}

type fixtureNamespace struct {
	NamespaceId       string // required; "public" is always added
	NamespaceShowName string
	NamespaceDesc     string
	Configs           []fixtureConfig
	Services          []fixtureService
}

type fixtureConfig struct {
	DataId  string // required
	Group   string // default DEFAULT_GROUP
	Content string
	Type    string // default text
	AppName string
	Desc    string
	Tags    string
}

type fixtureService struct {
	ServiceName      string // required
	GroupName        string // default DEFAULT_GROUP
	ProtectThreshold float64
	Ephemeral        *bool // default true
	Instances        []fixtureInstance
}

type fixtureInstance struct {
	Ip          string // required
	Port        int    // required, 1-65535
	ClusterName string // default DEFAULT
	Weight      *int   // default 1
	Enabled     *bool  // default true
	Healthy     *bool  // default true
	Metadata    map[string]string
}

type fixtureGateway struct {
	GatewayUniqueId string // required
	InstanceId      string
	Name            string // default: GatewayUniqueId
	RegionId        string // default cn-hangzhou
	Spec            string // default MSE_GTW_2_4_200_c
	Replica         int    // default 2
	Version         string // default 2.0.6
	GatewayType     string // default Ingress
	Domains         []fixtureDomain
	Services        []fixtureGatewayService
	Routes          []fixtureRoute
}

type fixtureDomain struct {
	Name     string // required
	Protocol string // default HTTP
}

type fixtureGatewayService struct {
	Name            string // required
	Namespace       string // default public
	GroupName       string // default DEFAULT_GROUP
	SourceType      string // default MSE
	ServiceProtocol string // default HTTP
	ServicePort     int64
	Ips             []string
}

type fixtureRoute struct {
	Name        string   // required
	Path        string   // default "/"
	DomainNames []string // each a domain of the gateway
	ServiceName string   // a service of the gateway, or ""
	Published   *bool    // default true
}

// mseDefaultRegion is the region of fixture items that name none.
const mseDefaultRegion = "cn-hangzhou"

// loadMSEFixtures builds the MSE store from the file at path, or from the
// built-in default set when path is "". Errors name the file and the field.
func loadMSEFixtures(path string, now time.Time) (*mseStore, error) {
	data, name := defaultFixtures, "built-in default fixtures"
	if path != "" {
		var err error
		if data, err = os.ReadFile(path); err != nil {
			return nil, fmt.Errorf("ramsim: fixtures: %w", err)
		}
		name = path
	}
	m, err := parseMSEFixtures(data, now)
	if err != nil {
		return nil, fmt.Errorf("ramsim: fixtures %s: %w", name, err)
	}
	return m, nil
}

// parseMSEFixtures decodes and checks one fixtures document.
func parseMSEFixtures(data []byte, now time.Time) (*mseStore, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var fx mseFixtures
	if err := dec.Decode(&fx); err != nil {
		return nil, describeJSONError(data, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected data after the top-level object")
	}
	m := newMSEStore()
	for i, fc := range fx.Clusters {
		if err := m.addFixtureCluster(fc, now); err != nil {
			return nil, fmt.Errorf("Clusters[%d].%w", i, err)
		}
	}
	for i, fg := range fx.Gateways {
		if err := m.addFixtureGateway(fg, now); err != nil {
			return nil, fmt.Errorf("Gateways[%d].%w", i, err)
		}
	}
	return m, nil
}

// describeJSONError adds the line of a syntax error and the field of a
// type error to the decoder's message.
func describeJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("line %d: %w", 1+bytes.Count(data[:min(int(syn.Offset), len(data))], []byte("\n")), err)
	case errors.As(err, &typ):
		return fmt.Errorf("%s: %s is not a %s", typ.Field, typ.Value, typ.Type)
	}
	return err
}

// fieldError is "<Field>: <problem>", prefixed by the path of its parent.
func fieldError(field, format string, args ...any) error {
	return fmt.Errorf("%s: %s", field, fmt.Sprintf(format, args...))
}

// checkFixtureID refuses an empty id and ids that cannot be an ARN segment.
func checkFixtureID(field, v string) error {
	switch {
	case v == "":
		return fieldError(field, "required")
	case strings.ContainsAny(v, "/*? \t\n"):
		return fieldError(field, "%q: must not contain '/', '*', '?' or white space", v)
	}
	return nil
}

// defaultTrue reads an optional fixture flag that is true when absent.
func defaultTrue(p *bool) bool {
	return p == nil || *p
}

func (m *mseStore) addFixtureCluster(fc fixtureCluster, now time.Time) error {
	if err := checkFixtureID("InstanceId", fc.InstanceId); err != nil {
		return err
	}
	if _, dup := m.clusters[fc.InstanceId]; dup {
		return fieldError("InstanceId", "%q appears twice", fc.InstanceId)
	}
	c := &mseCluster{
		InstanceID:  fc.InstanceId,
		ClusterID:   cmp.Or(fc.ClusterId, strings.Replace(fc.InstanceId, "-cn-", "-", 1)),
		ClusterType: cmp.Or(fc.ClusterType, "Nacos-Ans"),
		Version:     cmp.Or(fc.Version, "2.2.3"),
		MseVersion:  cmp.Or(fc.MseVersion, "mse_pro"),
		RegionID:    cmp.Or(fc.RegionId, mseDefaultRegion),
		VpcID:       cmp.Or(fc.VpcId, "vpc-ramsim"),
		VSwitchID:   cmp.Or(fc.VSwitchId, "vsw-ramsim"),
		IntranetIP:  cmp.Or(fc.IntranetAddress, "192.168.0.10"),
		Nodes:       fc.InstanceCount,
		PubNetwork:  fc.PubNetworkFlow,
		Created:     now,
		namespaces:  map[string]*nacosNamespace{"public": newNamespace("public", "public")},
	}
	if c.Nodes == 0 {
		c.Nodes = 3
	}
	if c.Nodes < 0 {
		return fieldError("InstanceCount", "%d is negative", c.Nodes)
	}
	if c.PubNetwork < 0 || c.PubNetwork > 5000 {
		return fieldError("PubNetworkFlow", "%d is not between 0 and 5000", c.PubNetwork)
	}
	spec, err := parseClusterSpec(cmp.Or(fc.ClusterSpecification, "MSE_SC_2_4_60_c"))
	if err != nil {
		return err
	}
	c.Spec = spec
	c.ClusterName = cmp.Or(fc.ClusterName, c.ClusterID)
	c.AliasName = cmp.Or(fc.ClusterAliasName, c.ClusterName)
	for i, fn := range fc.Namespaces {
		if err := m.addFixtureNamespace(c, fn, now); err != nil {
			return fmt.Errorf("Namespaces[%d].%w", i, err)
		}
	}
	m.clusters[c.InstanceID] = c
	return nil
}

// parseClusterSpec reads MSE_SC_<vCPUs>_<memory GB>_<disk GB>_c, the form
// of QueryClusterDetail's ClusterSpecification examples (MSE_SC_1_2_200_c,
// MSE_SC_2_4_60_c).
func parseClusterSpec(v string) (clusterSpec, error) {
	var cs clusterSpec
	var tail string
	if n, _ := fmt.Sscanf(strings.ReplaceAll(v, "_", " "), "MSE SC %d %d %d %s", &cs.CPU, &cs.MemoryGB, &cs.DiskGB, &tail); n != 4 ||
		tail != "c" || cs.CPU <= 0 || cs.MemoryGB <= 0 || cs.DiskGB <= 0 {
		return clusterSpec{}, fieldError("ClusterSpecification", "%q is not MSE_SC_<vCPUs>_<memory GB>_<disk GB>_c", v)
	}
	cs.Name = v
	return cs, nil
}

func (m *mseStore) addFixtureNamespace(c *mseCluster, fn fixtureNamespace, now time.Time) error {
	if err := checkFixtureID("NamespaceId", fn.NamespaceId); err != nil {
		return err
	}
	ns := c.namespaces[fn.NamespaceId]
	if ns == nil {
		ns = newNamespace(fn.NamespaceId, fn.NamespaceShowName)
		ns.Desc = fn.NamespaceDesc
		c.namespaces[ns.ID] = ns
	} else if ns.ID != "public" || len(ns.configs)+len(ns.services) > 0 {
		return fieldError("NamespaceId", "%q appears twice", fn.NamespaceId)
	}
	for i, fcfg := range fn.Configs {
		if err := checkFixtureID("DataId", fcfg.DataId); err != nil {
			return fmt.Errorf("Configs[%d].%w", i, err)
		}
		cfg := &nacosConfig{
			ID: m.nextID(), DataID: fcfg.DataId, Group: cmp.Or(fcfg.Group, nacosDefaultGroup),
			Content: fcfg.Content, Type: cmp.Or(fcfg.Type, "text"), AppName: fcfg.AppName,
			Desc: fcfg.Desc, Tags: fcfg.Tags, Modified: now,
		}
		k := nacosKey{cfg.Group, cfg.DataID}
		if _, dup := ns.configs[k]; dup {
			return fieldError(fmt.Sprintf("Configs[%d].DataId", i), "%q appears twice in group %s", cfg.DataID, cfg.Group)
		}
		ns.configs[k] = cfg
		ns.record(m, cfg, "I", "", now)
	}
	for i, fs := range fn.Services {
		if err := m.addFixtureService(ns, fs, now); err != nil {
			return fmt.Errorf("Services[%d].%w", i, err)
		}
	}
	return nil
}

func (m *mseStore) addFixtureService(ns *nacosNamespace, fs fixtureService, now time.Time) error {
	if err := checkFixtureID("ServiceName", fs.ServiceName); err != nil {
		return err
	}
	if fs.ProtectThreshold < 0 || fs.ProtectThreshold > 1 {
		return fieldError("ProtectThreshold", "%v is not between 0 and 1", fs.ProtectThreshold)
	}
	svc := &nacosService{Name: fs.ServiceName, Group: cmp.Or(fs.GroupName, nacosDefaultGroup),
		ProtectThreshold: fs.ProtectThreshold, Ephemeral: defaultTrue(fs.Ephemeral), Created: now}
	k := nacosKey{svc.Group, svc.Name}
	if _, dup := ns.services[k]; dup {
		return fieldError("ServiceName", "%q appears twice in group %s", svc.Name, svc.Group)
	}
	for i, fi := range fs.Instances {
		field := fmt.Sprintf("Instances[%d].", i)
		if fi.Ip == "" {
			return fieldError(field+"Ip", "required")
		}
		if fi.Port < 1 || fi.Port > 65535 {
			return fieldError(field+"Port", "%d is not a port (1-65535)", fi.Port)
		}
		weight := 1
		if fi.Weight != nil {
			weight = *fi.Weight
		}
		if weight < 0 || weight > 10000 {
			return fieldError(field+"Weight", "%d is not between 0 and 10000", weight)
		}
		in := &nacosInstance{IP: fi.Ip, Port: fi.Port, ClusterName: cmp.Or(fi.ClusterName, "DEFAULT"), Weight: weight,
			Enabled: defaultTrue(fi.Enabled), Healthy: defaultTrue(fi.Healthy), Ephemeral: svc.Ephemeral,
			Metadata: fi.Metadata, LastBeat: now}
		if old, _ := svc.find(in.IP, in.Port, in.ClusterName); old != nil {
			return fieldError(field+"Ip", "%s:%d appears twice in cluster %s", in.IP, in.Port, in.ClusterName)
		}
		svc.instances = append(svc.instances, in)
	}
	svc.sortInstances()
	ns.services[k] = svc
	return nil
}

func (m *mseStore) addFixtureGateway(fg fixtureGateway, now time.Time) error {
	if err := checkFixtureID("GatewayUniqueId", fg.GatewayUniqueId); err != nil {
		return err
	}
	if _, dup := m.gateways[fg.GatewayUniqueId]; dup {
		return fieldError("GatewayUniqueId", "%q appears twice", fg.GatewayUniqueId)
	}
	if fg.Replica < 0 {
		return fieldError("Replica", "%d is negative", fg.Replica)
	}
	g := &mseGateway{
		ID: m.nextID(), UniqueID: fg.GatewayUniqueId, InstanceID: fg.InstanceId,
		Name: cmp.Or(fg.Name, fg.GatewayUniqueId), RegionID: cmp.Or(fg.RegionId, mseDefaultRegion),
		Spec: cmp.Or(fg.Spec, "MSE_GTW_2_4_200_c"), Replica: fg.Replica, Version: cmp.Or(fg.Version, "2.0.6"),
		GatewayType: cmp.Or(fg.GatewayType, "Ingress"), Created: now,
	}
	if g.Replica == 0 {
		g.Replica = 2
	}
	for i, fd := range fg.Domains {
		if fd.Name == "" {
			return fieldError(fmt.Sprintf("Domains[%d].Name", i), "required")
		}
		if g.domainNamed(fd.Name) != nil {
			return fieldError(fmt.Sprintf("Domains[%d].Name", i), "%q appears twice", fd.Name)
		}
		proto := strings.ToUpper(cmp.Or(fd.Protocol, "HTTP"))
		if proto != "HTTP" && proto != "HTTPS" {
			return fieldError(fmt.Sprintf("Domains[%d].Protocol", i), "%q is not HTTP or HTTPS", fd.Protocol)
		}
		g.domains = append(g.domains, &gatewayDomain{ID: m.nextID(), Name: fd.Name, Protocol: proto, Http2: "GlobalConfig", Created: now, Modified: now})
	}
	for i, fs := range fg.Services {
		if fs.Name == "" {
			return fieldError(fmt.Sprintf("Services[%d].Name", i), "required")
		}
		g.services = append(g.services, &gatewayService{ID: m.nextID(), Name: fs.Name,
			Namespace: cmp.Or(fs.Namespace, "public"), GroupName: cmp.Or(fs.GroupName, nacosDefaultGroup),
			SourceType: cmp.Or(fs.SourceType, "MSE"), ServiceProtocol: cmp.Or(fs.ServiceProtocol, "HTTP"),
			ServicePort: fs.ServicePort, Ips: fs.Ips, Created: now})
	}
	for i, fr := range fg.Routes {
		field := fmt.Sprintf("Routes[%d].", i)
		if fr.Name == "" {
			return fieldError(field+"Name", "required")
		}
		r := &gatewayRoute{ID: m.nextID(), Name: fr.Name, DestinationType: "Single", RouteOrder: 1, Created: now, Modified: now}
		if defaultTrue(fr.Published) {
			r.Status = routePublished
		}
		for _, dn := range fr.DomainNames {
			d := g.domainNamed(dn)
			if d == nil {
				return fieldError(field+"DomainNames", "%q is not in the gateway's Domains", dn)
			}
			r.DomainIDs = append(r.DomainIDs, d.ID)
		}
		r.Predicates = map[string]any{"PathPredicates": map[string]any{"Path": cmp.Or(fr.Path, "/"), "Type": "PRE", "IgnoreCase": false}}
		r.Services, r.FallbackServices = []any{}, []any{}
		if fr.ServiceName != "" {
			var svc *gatewayService
			for _, s := range g.services {
				if s.Name == fr.ServiceName {
					svc = s
				}
			}
			if svc == nil {
				return fieldError(field+"ServiceName", "%q is not in the gateway's Services", fr.ServiceName)
			}
			r.Services = append(r.Services, map[string]any{"ServiceId": svc.ID, "Name": svc.Name, "Namespace": svc.Namespace,
				"GroupName": svc.GroupName, "SourceType": svc.SourceType, "Percent": int64(100)})
		}
		g.routes = append(g.routes, r)
	}
	m.gateways[g.UniqueID] = g
	return nil
}
