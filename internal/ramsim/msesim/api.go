// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import (
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// handler, route and resourceFunc are wire's, on the MSE state.
type (
	handler      = wire.Handler[*Service]
	route        = wire.Route[*Service]
	resourceFunc = wire.ResourceFunc[*Service]
)

// API is Microservices Engine 2019-05-31: the slice of its API that
// the seeds' policies govern (Nacos instances, configurations, services and
// service instances; cloud-native gateways, their routes, domains and
// services). The classic SDK resolves it as the regional endpoint
// mse.<region>.aliyuncs.com (services/mse: product "mse", regional
// endpoint type, no endpoint map); HostId is the one of the fixtures'
// region.
var API = &wire.API[*Service]{
	Product: wire.Product{
		Name: "mse", Version: "2019-05-31", Host: "mse." + mseDefaultRegion + ".aliyuncs.com", Service: "mse",
		ErrorFields: mseErrorFields,
	},
	Actions: map[string]route{
		"ListClusters":       wire.Reads(mseParams((*Service).mseListClusters)),
		"QueryClusterDetail": wire.Reads(mseParams((*Service).mseQueryClusterDetail)),

		"CreateNacosConfig":       wire.Writes(mseParams((*Service).mseCreateNacosConfig)),
		"GetNacosConfig":          wire.Reads(mseParams((*Service).mseGetNacosConfig)),
		"UpdateNacosConfig":       wire.Writes(mseParams((*Service).mseUpdateNacosConfig)),
		"DeleteNacosConfig":       wire.Writes(mseParams((*Service).mseDeleteNacosConfig)),
		"DeleteNacosConfigs":      wire.Writes(mseParams((*Service).mseDeleteNacosConfigs)),
		"ListNacosConfigs":        wire.Reads(mseParams((*Service).mseListNacosConfigs)),
		"GetNacosHistoryConfig":   wire.Reads(mseParams((*Service).mseGetNacosHistoryConfig)),
		"ListNacosHistoryConfigs": wire.Reads(mseParams((*Service).mseListNacosHistoryConfigs)),

		"CreateNacosService":     wire.Writes(mseParams((*Service).mseCreateNacosService)),
		"UpdateNacosService":     wire.Writes(mseParams((*Service).mseUpdateNacosService)),
		"DeleteNacosService":     wire.Writes(mseParams((*Service).mseDeleteNacosService)),
		"ListAnsServices":        wire.Reads(mseParams((*Service).mseListAnsServices)),
		"GetServiceListeners":    wire.Reads(mseParams((*Service).mseGetServiceListeners)),
		"ListAnsServiceClusters": wire.Reads(mseParams((*Service).mseListAnsServiceClusters)),
		"CreateNacosInstance":    wire.Writes(mseParams((*Service).mseCreateNacosInstance)),
		"UpdateNacosInstance":    wire.Writes(mseParams((*Service).mseUpdateNacosInstance)),
		"DeleteNacosInstance":    wire.Writes(mseParams((*Service).mseDeleteNacosInstance)),
		"ListAnsInstances":       wire.Reads(mseParams((*Service).mseListAnsInstances)),

		"ListGateway":        wire.Reads(mseParams((*Service).mseListGateway)),
		"GetGateway":         wire.Reads(mseParams((*Service).mseGetGateway)),
		"ListGatewayRoute":   wire.Reads(mseParams((*Service).mseListGatewayRoute)),
		"AddGatewayRoute":    wire.Writes(mseParams((*Service).mseAddGatewayRoute)),
		"DeleteGatewayRoute": wire.Writes(mseParams((*Service).mseDeleteGatewayRoute)),
		"ListGatewayDomain":  wire.Reads(mseParams((*Service).mseListGatewayDomain)),
		"AddGatewayDomain":   wire.Writes(mseParams((*Service).mseAddGatewayDomain)),
		"ListGatewayService": wire.Reads(mseParams((*Service).mseListGatewayService)),

		"CreateEngineNamespace": wire.Writes(mseParams((*Service).mseCreateEngineNamespace)),
		"UpdateEngineNamespace": wire.Writes(mseParams((*Service).mseUpdateEngineNamespace)),
		"DeleteEngineNamespace": wire.Writes(mseParams((*Service).mseDeleteEngineNamespace)),
		"GetEngineNamepace":     wire.Reads(mseParams((*Service).mseGetEngineNamepace)),
		"ListEngineNamespaces":  wire.Reads(mseParams((*Service).mseListEngineNamespaces)),
	},
	Resources: map[string]resourceFunc{
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

		// Namespaces: "All Resources" (namespaces.go).
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
