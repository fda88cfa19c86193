// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

// seedActions are the actions the documentation lists, in its tables or in
// its example policies, with the documentation's descriptions. Names are
// without the "mse:" prefix (catalog adds it). Where the documentation
// contradicts itself the entry holds the correct value and Note says why.
var seedActions = []Action{
	// Seed 001, instance-level actions.
	{Name: "CreateCluster", Description: "Create an instance", Scope: ScopeAccount, Area: AreaRegistryConfiguration, Source: SourceSeed001,
		Note: "seed 001 lists it among the instance-level actions, but a new instance has no ID to name in a Resource yet: grant it on acs:mse:*:*:*"},
	{Name: "DeleteCluster", Description: "Delete an instance", Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "QueryClusterDetail", Description: "Query instance details", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "RestartCluster", Description: "Restart an instance", Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "RetryCluster", Description: "Retry an instance", Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "UpdateCluster", Description: "Update an instance", Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "CreateNacosConfig", Description: "Create a Nacos configuration", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "DeleteNacosConfig", Description: "Delete a Nacos configuration", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "DeleteNacosConfigs", Description: "Batch delete Nacos configurations", Scope: ScopeNamespace, Area: AreaRegistryConfiguration, Source: SourceSeed001,
		Note: "takes a list of configurations of one namespace, so it is scoped to the namespace"},
	{Name: "GetNacosConfig", Description: "View a Nacos configuration", ReadOnly: true, Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "GetNacosHistoryConfig", Description: "View Nacos configuration history", ReadOnly: true, Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "UpdateNacosConfig", Description: "Update a Nacos configuration", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "UpdateNacosInstance", Description: "Update a Nacos instance", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "DeleteNacosService", Description: "Delete a Nacos service", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "CreateNacosService", Description: "Create a Nacos service", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "UpdateNacosService", Description: "Update a Nacos service", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "CreateNacosInstance", Description: "Create a Nacos instance", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "UpdateNacosCluster", Description: "Update a Nacos cluster", Scope: ScopeItem, Area: AreaRegistryConfiguration, Source: SourceSeed001},

	// Seed 001, account-level actions.
	{Name: "ListClusters", Description: "List all instances", ReadOnly: true, Scope: ScopeAccount, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "ListServiceQuotas", Description: "Query quotas (recommended to grant)", ReadOnly: true, Scope: ScopeAccount, Area: AreaRegistryConfiguration, Source: SourceSeed001},

	// Seed 001, instance-level actions without fine-grained display support:
	// listing cannot be filtered below the instance, so these are granted on
	// the instance.
	{Name: "ListNacosConfigs", Description: "List Nacos configurations", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "ListNacosHistoryConfigs", Description: "List Nacos configuration history", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "ListAnsServices", Description: "List all services", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "ListAnsServiceClusters", Description: "List clusters of a service", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},
	{Name: "ListAnsInstances", Description: "List instances of a service", ReadOnly: true, Scope: ScopeInstance, Area: AreaRegistryConfiguration, Source: SourceSeed001},

	// Seed 003, gateway management.
	{Name: "AddGateway", Description: "Create a pay-as-you-go cloud-native gateway", Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003,
		Note: "a new gateway has no ID to name in a Resource yet: grant it on acs:mse:*:*:*"},
	{Name: "ListGateway", Description: "List gateway clusters", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGatewayDetail", Description: "Get cloud-native gateway details", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGateway", Description: "Get cloud-native gateway information", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "ListGatewaySlb", Description: "List Server Load Balancer (SLB) instances of a gateway", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "SelectGatewaySlb", Description: "Query existing SLB instances", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003,
		Note: "seed 003's table says not read-only, but it only queries SLB instances and the seed's own read-only policy grants it through mse:Select*"},
	{Name: "AddGatewaySlb", Description: "Associate an SLB instance with a gateway", Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "DeleteGatewaySlb", Description: "Disassociate an SLB instance from a gateway", Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "DeleteGateway", Description: "Delete a pay-as-you-go cloud-native gateway", Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},

	// Seed 003, service source management.
	{Name: "ListServiceSource", Description: "List service sources", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "GetKubernetesSource", Description: "Query existing Container Service for Kubernetes (ACK) clusters", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "GetMseSource", Description: "Query existing MSE registries", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "AddServiceSource", Description: "Add a service source", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "DeleteServiceSource", Description: "Remove a service source", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "PullServices", Description: "List existing services", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "ImportServices", Description: "Create or import services", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "ListGatewayService", Description: "List subscribed services", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "GetGatewayServiceDetail", Description: "Get service details", ReadOnly: true, Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "AddGatewayServiceVersion", Description: "Add a service version", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "UpdateGatewayServiceVersion", Description: "Update a service version", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "DeleteGatewayServiceVersion", Description: "Remove a service version", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},
	{Name: "UpdateGatewayServiceTrafficPolicy", Description: "Update the load balancing policy of a service", Scope: ScopeInstance, Area: AreaServiceSource, Source: SourceSeed003},

	// Seed 003, route management.
	{Name: "ListGatewayRoute", Description: "List routes", ReadOnly: true, Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "AddGatewayRoute", Description: "Create a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "ApplyGatewayRoute", Description: "Publish a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "OfflineGatewayRoute", Description: "Disable a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "DeleteGatewayRoute", Description: "Delete a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "GetGatewayRouteDetail", Description: "Get route details", ReadOnly: true, Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "GetRateLimit", Description: "Get throttling rules for a route", ReadOnly: true, Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "AddRateLimit", Description: "Add a throttling rule to a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "UpdateRateLimit", Description: "Update a throttling rule of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003,
		Note: "seed 003's table describes it as \"Delete a throttling rule from a route\"; the API updates a rule (the Update verb; deleting is a separate operation)"},
	{Name: "UpdateGatewayRouteHTTPRewrite", Description: "Update the rewrite policy of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "UpdateGatewayRouteHeaderOp", Description: "Update the header settings of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "UpdateGatewayRouteCORS", Description: "Update the cross-origin resource sharing (CORS) policy of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "UpdateGatewayRouteTimeout", Description: "Update the timeout policy of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},
	{Name: "UpdateGatewayRouteRetry", Description: "Update the retry policy of a route", Scope: ScopeInstance, Area: AreaRoute, Source: SourceSeed003},

	// Seed 003, certificate and domain name management.
	{Name: "ListGatewayDomain", Description: "List associated domain names", ReadOnly: true, Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "AddGatewayDomain", Description: "Associate a domain name", Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "GetGatewayDomainDetail", Description: "Get domain name details", ReadOnly: true, Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "UpdateGatewayDomain", Description: "Update associated domain name information", Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "DeleteGatewayDomain", Description: "Disassociate a domain name", Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "ListSSLCert", Description: "List existing certificates", ReadOnly: true, Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "AddSSLCert", Description: "Associate a certificate with a domain name", Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003},
	{Name: "UpdateSSLCert", Description: "Update the certificate of a domain name", Scope: ScopeInstance, Area: AreaCertificateDomain, Source: SourceSeed003,
		Note: "seed 003's table marks it read-only, but it replaces a domain's certificate: a write"},

	// Seed 003, other operations.
	{Name: "GetBlackWhiteList", Description: "Get IP addresses in the blacklist and whitelist", ReadOnly: true, Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "AddBlackWhiteList", Description: "Add an IP address to the blacklist or whitelist", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "UpdateBlackWhiteList", Description: "Update the blacklist and whitelist", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "AddGatewayAuth", Description: "Add an authentication method", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "ListGatewayAuth", Description: "List authentication methods", ReadOnly: true, Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "UpdateGatewayAuth", Description: "Update an authentication method", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "DeleteGatewayAuth", Description: "Remove an authentication method", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "AddAuthResource", Description: "Add an authentication URL", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},
	{Name: "DeleteAuthResource", Description: "Delete an authentication URL", Scope: ScopeInstance, Area: AreaOther, Source: SourceSeed003},

	// Seed 003, actions named only in the gateway policies' first statement.
	{Name: "GatewayHealthCheckList", Description: "List a gateway's health checks", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GatewayQueryMonitor", Description: "Query a gateway's monitoring data", ReadOnly: true, Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003},
	{Name: "UploadWasmFile", Description: "Upload a WebAssembly (Wasm) plugin file", Scope: ScopeInstance, Area: AreaGateway, Source: SourceSeed003,
		Note: "seed 003's read-only gateway policy lists it, but uploading a plugin file is a write; the read-only template leaves it out"},

	// Seed 003, the global (not instance-scoped) actions of the gateway
	// policies' second statement.
	{Name: "QueryDefaultAlertStatus", Description: "Query whether the default gateway alerts are enabled", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "CreateDefaultAlert", Description: "Create the default gateway alerts", Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "ListGatewayZone", Description: "List the zones where gateways can be created", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "ListUpgradableGatewayVersions", Description: "List the versions a gateway can be upgraded to", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "ListTagResources", Description: "List the tags of resources", ReadOnly: true, Scope: ScopeAccount, Area: AreaOther, Source: SourceSeed003},
	{Name: "ListGatewayIngressMigrateTask", Description: "List Ingress-to-gateway migration tasks", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGatewayIngressMigrateTaskDetail", Description: "Get an Ingress-to-gateway migration task", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "ListEventRecords", Description: "List gateway event records", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetEventFilterOptions", Description: "Get the filter options of gateway events", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetEventDetail", Description: "Get a gateway event", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGatewaySelection", Description: "Get the gateway selection options", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGatewayAlarms", Description: "Get gateway alarms", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetGatewayMigrateNamespacedServices", Description: "Get the namespaced services of a migration", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetPluginGuide", Description: "Get a gateway plugin's guide", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetRegExpCheck", Description: "Check a regular expression", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "GetRegExpTest", Description: "Test a regular expression", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
	{Name: "CheckPluginLua", Description: "Check a Lua plugin's code", ReadOnly: true, Scope: ScopeAccount, Area: AreaGateway, Source: SourceSeed003},
}

// seedPatterns are Action patterns the seeds' policies use that match no
// catalog action: the custom plugin operations exist only in the console.
// Lint accepts them as known.
var seedPatterns = []string{"mse:*CustomPlugin"}
