// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"crypto/md5" //nolint:gosec // Nacos identifies content by its MD5; not a security use
	"encoding/hex"
	"sort"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// mseStore is the emulated Microservices Engine state: Nacos instances
// (clusters) with their namespaces, configurations (and their history),
// services and service instances, and cloud-native gateways with their
// routes, domains and services. It lives in memory only: New builds it from
// the fixtures and it is not written to the state file. The server's lock
// guards it.
type mseStore struct {
	clusters map[string]*mseCluster // by InstanceId
	gateways map[string]*mseGateway // by GatewayUniqueId
	seq      int64                  // last numeric id issued (configs, history, gateways, routes, domains, services)
}

func newMSEStore() *mseStore {
	return &mseStore{clusters: map[string]*mseCluster{}, gateways: map[string]*mseGateway{}}
}

// nextID issues a fresh numeric id, unique across the MSE store.
func (m *mseStore) nextID() int64 {
	m.seq++
	return m.seq
}

// mseCluster is one registry / configuration center instance.
type mseCluster struct {
	InstanceID  string // mse-cn-..., the id the ARNs use
	ClusterID   string // mse-..., the engine cluster's id
	ClusterName string
	AliasName   string
	ClusterType string // Nacos-Ans, ZooKeeper, Eureka
	Version     string // AppVersion, e.g. 2.2.3
	MseVersion  string // mse_dev, mse_pro, mse_serverless
	RegionID    string
	Spec        clusterSpec
	Nodes       int // InstanceCount
	VpcID       string
	VSwitchID   string
	IntranetIP  string
	PubNetwork  int // PubNetworkFlow, Mbit/s; 0 is no public endpoint
	Created     time.Time
	namespaces  map[string]*nacosNamespace // by NamespaceId; "public" always exists
}

// clusterSpec is an instance's specification: MSE_SC_<cpu>_<mem>_<disk>_c.
type clusterSpec struct {
	Name     string
	CPU      int // vCPUs
	MemoryGB int64
	DiskGB   int64
}

// sortedClusters returns the instances ordered by InstanceId.
func (m *mseStore) sortedClusters() []*mseCluster { return wire.SortedByName(m.clusters) }

// sortedGateways returns the gateways ordered by GatewayUniqueId.
func (m *mseStore) sortedGateways() []*mseGateway { return wire.SortedByName(m.gateways) }

// nacosKey names a configuration (group, DataId) or a service (group,
// service name) inside a namespace.
type nacosKey struct{ group, name string }

// nacosNamespace is one Nacos namespace of an instance.
type nacosNamespace struct {
	ID       string
	Name     string // NamespaceShowName
	Desc     string // NamespaceDesc
	configs  map[nacosKey]*nacosConfig
	history  []*nacosHistory // oldest first
	services map[nacosKey]*nacosService
}

func newNamespace(id, name string) *nacosNamespace {
	if name == "" {
		name = id
	}
	return &nacosNamespace{ID: id, Name: name, configs: map[nacosKey]*nacosConfig{}, services: map[nacosKey]*nacosService{}}
}

// nacosConfig is one configuration: DataId and group in a namespace.
type nacosConfig struct {
	ID       int64
	DataID   string
	Group    string
	Content  string
	Type     string // text, json, xml, yaml, html, properties
	AppName  string
	Desc     string
	Tags     string // comma-separated
	BetaIps  string
	Modified time.Time
}

// md5 is the hex MD5 of the content, as Nacos reports it.
func (c *nacosConfig) md5() string {
	sum := md5.Sum([]byte(c.Content)) //nolint:gosec // see import
	return hex.EncodeToString(sum[:])
}

// nacosHistory is one history entry. As Nacos records them, an insert
// ("I") keeps the new content, an update ("U") or delete ("D") the content
// it replaced or removed.
type nacosHistory struct {
	ID      int64 // the Nid
	Config  nacosConfig
	OpType  string // I, U or D
	SrcUser string
	At      time.Time
}

// sortedConfigs returns the namespace's configurations ordered by group,
// then DataId.
func (ns *nacosNamespace) sortedConfigs() []*nacosConfig {
	out := make([]*nacosConfig, 0, len(ns.configs))
	for _, c := range ns.configs {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].DataID < out[j].DataID
	})
	return out
}

// sortedServices returns the namespace's services ordered by group, then
// name.
func (ns *nacosNamespace) sortedServices() []*nacosService {
	out := make([]*nacosService, 0, len(ns.services))
	for _, s := range ns.services {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Group != out[j].Group {
			return out[i].Group < out[j].Group
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// record appends a history entry for c.
func (ns *nacosNamespace) record(m *mseStore, c *nacosConfig, op, user string, at time.Time) {
	ns.history = append(ns.history, &nacosHistory{ID: m.nextID(), Config: *c, OpType: op, SrcUser: user, At: at})
}

// nacosService is one registered service.
type nacosService struct {
	Name             string
	Group            string
	ProtectThreshold float64
	Ephemeral        bool
	Created          time.Time
	instances        []*nacosInstance // ordered by cluster, IP, port
}

// healthy counts the healthy, enabled instances.
func (s *nacosService) healthy() int {
	n := 0
	for _, in := range s.instances {
		if in.Healthy && in.Enabled {
			n++
		}
	}
	return n
}

// clusterNames returns the service's distinct cluster names, sorted;
// "DEFAULT" when it has no instances, as Nacos shows a new service.
func (s *nacosService) clusterNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, in := range s.instances {
		if !seen[in.ClusterName] {
			seen[in.ClusterName] = true
			out = append(out, in.ClusterName)
		}
	}
	if len(out) == 0 {
		out = []string{"DEFAULT"}
	}
	sort.Strings(out)
	return out
}

// find returns the instance at ip:port in cluster, and its index.
func (s *nacosService) find(ip string, port int, cluster string) (*nacosInstance, int) {
	for i, in := range s.instances {
		if in.IP == ip && in.Port == port && in.ClusterName == cluster {
			return in, i
		}
	}
	return nil, -1
}

// sortInstances keeps the instances ordered by cluster, IP, port.
func (s *nacosService) sortInstances() {
	sort.Slice(s.instances, func(i, j int) bool {
		a, b := s.instances[i], s.instances[j]
		if a.ClusterName != b.ClusterName {
			return a.ClusterName < b.ClusterName
		}
		if a.IP != b.IP {
			return a.IP < b.IP
		}
		return a.Port < b.Port
	})
}

// nacosInstance is one instance (IP and port) of a service.
type nacosInstance struct {
	IP          string
	Port        int
	ClusterName string
	Weight      int
	Enabled     bool
	Healthy     bool
	Ephemeral   bool
	Metadata    map[string]string
	LastBeat    time.Time
}

// mseGateway is one cloud-native gateway.
type mseGateway struct {
	ID          int64
	UniqueID    string // gw-..., the id the ARNs use
	InstanceID  string // the commodity instance id
	Name        string
	RegionID    string
	Spec        string
	Replica     int
	Version     string
	GatewayType string // Ingress, API
	Created     time.Time
	routes      []*gatewayRoute   // by id
	domains     []*gatewayDomain  // by id
	services    []*gatewayService // by id
}

// route returns the gateway's route with id, and its index.
func (g *mseGateway) route(id int64) (*gatewayRoute, int) {
	for i, r := range g.routes {
		if r.ID == id {
			return r, i
		}
	}
	return nil, -1
}

// domain returns the gateway's domain with id.
func (g *mseGateway) domain(id int64) *gatewayDomain {
	for _, d := range g.domains {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// domainNamed returns the gateway's domain called name.
func (g *mseGateway) domainNamed(name string) *gatewayDomain {
	for _, d := range g.domains {
		if d.Name == name {
			return d
		}
	}
	return nil
}

// gatewayRoute is one route of a gateway.
type gatewayRoute struct {
	ID   int64
	Name string
	// Predicates ({"PathPredicates":{...},"MethodPredicates":[...],...}),
	// Services, FallbackServices, DirectResponse and Redirect are kept as
	// sent, with the values typed as the SDK models type them
	// (routeValue); DirectResponse and Redirect are nil when not sent.
	Predicates       map[string]any
	Services         []any
	FallbackServices []any
	DirectResponse   map[string]any
	Redirect         map[string]any
	DestinationType  string // Single, Multiple, VersionOriented, Mock, Redirect
	RouteType        string
	Description      string
	DomainIDs        []int64
	RouteOrder       int
	Status           int // 0 not published, 2 published
	EnableWaf        bool
	Fallback         bool
	Created          time.Time
	Modified         time.Time
}

// gatewayDomain is one domain name associated with a gateway.
type gatewayDomain struct {
	ID             int64
	Name           string
	Protocol       string // HTTP or HTTPS
	CertIdentifier string
	MustHttps      bool
	Http2          string
	TlsMin         string
	TlsMax         string
	Created        time.Time
	Modified       time.Time
}

// gatewayService is one service a gateway routes to.
type gatewayService struct {
	ID              int64
	Name            string
	Namespace       string
	GroupName       string
	SourceType      string // MSE, K8S, VIP, DNS, ...
	ServiceProtocol string // HTTP, DUBBO, GRPC, ...
	ServicePort     int64
	Ips             []string
	Created         time.Time
}
