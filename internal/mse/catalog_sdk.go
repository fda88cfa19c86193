// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"strings"
	"unicode"
)

// sdkAPIs are the MSE API names (version 2019-05-31) of the classic SDK,
// github.com/aliyun/alibaba-cloud-sdk-go v1.63.107 services/mse, one file
// per API. RAM action names equal API names, so each is an action.
// Regenerate with:
//
//	grep -h InitWithApiInfo services/mse/*.go | sed -E 's/.*"2019-05-31", "([A-Za-z0-9]+)".*/\1/' | sort -u
var sdkAPIs = []string{
	"AddAuthPolicy",
	"AddAuthResource",
	"AddBlackWhiteList",
	"AddGateway",
	"AddGatewayAuth",
	"AddGatewayAuthConsumer",
	"AddGatewayDomain",
	"AddGatewayRoute",
	"AddGatewayServiceVersion",
	"AddGatewaySlb",
	"AddMigrationTask",
	"AddMockRule",
	"AddSSLCert",
	"AddSecurityGroupRule",
	"AddServiceSource",
	"ApplyGatewayRoute",
	"ApplyTagPolicies",
	"BindSentinelBlockFallbackDefinition",
	"ChangeResourceGroup",
	"CloneNacosConfig",
	"CloneSentinelRuleFromAhas",
	"CreateApplication",
	"CreateCircuitBreakerRule",
	"CreateCluster",
	"CreateEngineNamespace",
	"CreateFlowRule",
	"CreateGatewayCircuitBreakerRule",
	"CreateGatewayFlowRule",
	"CreateGatewayIsolationRule",
	"CreateIsolationRule",
	"CreateMseServiceApplication",
	"CreateNacosConfig",
	"CreateNacosInstance",
	"CreateNacosService",
	"CreateOrUpdateSwimmingLane",
	"CreateOrUpdateSwimmingLaneGroup",
	"CreatePluginConfig",
	"CreateZnode",
	"DeleteAuthResource",
	"DeleteCircuitBreakerRules",
	"DeleteCluster",
	"DeleteEngineNamespace",
	"DeleteFlowRules",
	"DeleteGateway",
	"DeleteGatewayAuthConsumer",
	"DeleteGatewayAuthConsumerResource",
	"DeleteGatewayCircuitBreakerRule",
	"DeleteGatewayDomain",
	"DeleteGatewayFlowRule",
	"DeleteGatewayIsolationRule",
	"DeleteGatewayRoute",
	"DeleteGatewayService",
	"DeleteGatewayServiceVersion",
	"DeleteGatewaySlb",
	"DeleteIsolationRules",
	"DeleteMigrationTask",
	"DeleteNacosConfig",
	"DeleteNacosConfigs",
	"DeleteNacosInstance",
	"DeleteNacosService",
	"DeleteNamespace",
	"DeletePluginConfig",
	"DeleteSecurityGroupRule",
	"DeleteServiceSource",
	"DeleteSwimmingLane",
	"DeleteSwimmingLaneGroup",
	"DeleteZnode",
	"EnableHttp2",
	"EnableProxyProtocol",
	"ExportNacosConfig",
	"ExportZookeeperData",
	"FetchLosslessRuleList",
	"GatewayBlackWhiteList",
	"GetAppMessageQueueRoute",
	"GetApplicationInstanceList",
	"GetApplicationList",
	"GetBlackWhiteList",
	"GetEngineNamepace",
	"GetGateway",
	"GetGatewayAuthConsumerDetail",
	"GetGatewayAuthDetail",
	"GetGatewayConfig",
	"GetGatewayDomainDetail",
	"GetGatewayOption",
	"GetGatewayRouteDetail",
	"GetGatewayServiceDetail",
	"GetGovernanceKubernetesCluster",
	"GetImage",
	"GetImportFileUrl",
	"GetKubernetesSource",
	"GetLosslessRuleByApp",
	"GetMseFeatureSwitch",
	"GetMseSource",
	"GetNacosConfig",
	"GetNacosHistoryConfig",
	"GetOverview",
	"GetPluginConfig",
	"GetPlugins",
	"GetServiceList",
	"GetServiceListPage",
	"GetServiceListeners",
	"GetServiceMethodPage",
	"GetTagsBySwimmingLaneGroupId",
	"GetZookeeperDataImportUrl",
	"ImportNacosConfig",
	"ImportServices",
	"ImportZookeeperData",
	"InitializeServiceLinkRole",
	"ListAnsInstances",
	"ListAnsServiceClusters",
	"ListAnsServices",
	"ListAppBySwimmingLaneGroupTag",
	"ListAppBySwimmingLaneGroupTags",
	"ListApplicationsWithTagRules",
	"ListAuthPolicy",
	"ListCircuitBreakerRules",
	"ListClusterConnectionTypes",
	"ListClusterHealthCheckTask",
	"ListClusterTypes",
	"ListClusterVersions",
	"ListClusters",
	"ListConfigTrack",
	"ListEngineNamespaces",
	"ListEurekaInstances",
	"ListEurekaServices",
	"ListExportZookeeperData",
	"ListFlowRules",
	"ListGateway",
	"ListGatewayAuthConsumer",
	"ListGatewayAuthConsumerResource",
	"ListGatewayCircuitBreakerRule",
	"ListGatewayDomain",
	"ListGatewayFlowRule",
	"ListGatewayIsolationRule",
	"ListGatewayRoute",
	"ListGatewayRouteOnAuth",
	"ListGatewayService",
	"ListGatewaySlb",
	"ListGatewayZone",
	"ListInstanceCount",
	"ListIsolationRules",
	"ListListenersByConfig",
	"ListListenersByIp",
	"ListMigrationTask",
	"ListNacosConfigs",
	"ListNacosHistoryConfigs",
	"ListNamingTrack",
	"ListSSLCert",
	"ListSecurityGroup",
	"ListSecurityGroupRule",
	"ListSentinelBlockFallbackDefinitions",
	"ListServiceSource",
	"ListTagResources",
	"ListZkTrack",
	"ListZnodeChildren",
	"ModifyGovernanceKubernetesCluster",
	"ModifyLosslessRule",
	"OfflineGatewayRoute",
	"OrderClusterHealthCheckRiskNotice",
	"PreserveHeaderFormat",
	"PullServices",
	"PutClusterHealthCheckTask",
	"QueryAllSwimmingLane",
	"QueryAllSwimmingLaneGroup",
	"QueryBusinessLocations",
	"QueryClusterDetail",
	"QueryClusterDiskSpecification",
	"QueryClusterInfo",
	"QueryClusterSpecification",
	"QueryConfig",
	"QueryGatewayRegion",
	"QueryGatewayType",
	"QueryGovernanceKubernetesCluster",
	"QueryInstancesInfo",
	"QueryMonitor",
	"QueryNamespace",
	"QuerySlbSpec",
	"QuerySwimmingLaneById",
	"QueryZnodeDetail",
	"RemoveApplication",
	"RemoveAuthPolicy",
	"RestartCluster",
	"RetryCluster",
	"SelectGatewaySlb",
	"TagResources",
	"UntagResources",
	"UpdateAcl",
	"UpdateAuthPolicy",
	"UpdateBlackWhiteList",
	"UpdateCircuitBreakerRule",
	"UpdateCluster",
	"UpdateClusterSpec",
	"UpdateConfig",
	"UpdateEngineNamespace",
	"UpdateFlowRule",
	"UpdateGatewayAuthConsumer",
	"UpdateGatewayAuthConsumerResource",
	"UpdateGatewayAuthConsumerResourceStatus",
	"UpdateGatewayAuthConsumerStatus",
	"UpdateGatewayCircuitBreakerRule",
	"UpdateGatewayDomain",
	"UpdateGatewayFlowRule",
	"UpdateGatewayIsolationRule",
	"UpdateGatewayName",
	"UpdateGatewayOption",
	"UpdateGatewayRoute",
	"UpdateGatewayRouteAuth",
	"UpdateGatewayRouteCORS",
	"UpdateGatewayRouteHTTPRewrite",
	"UpdateGatewayRouteHeaderOp",
	"UpdateGatewayRouteRetry",
	"UpdateGatewayRouteTimeout",
	"UpdateGatewayRouteWafStatus",
	"UpdateGatewayServiceCheck",
	"UpdateGatewayServiceTrafficPolicy",
	"UpdateGatewayServiceVersion",
	"UpdateGatewaySpec",
	"UpdateImage",
	"UpdateIsolationRule",
	"UpdateMessageQueueRoute",
	"UpdateMigrationTask",
	"UpdateNacosCluster",
	"UpdateNacosConfig",
	"UpdateNacosGrayConfig",
	"UpdateNacosInstance",
	"UpdateNacosService",
	"UpdatePluginConfig",
	"UpdateSSLCert",
	"UpdateServiceSource",
	"UpdateZnode",
	"UpgradeCluster",
}

// readVerbs are the leading verbs of APIs that only read. Select and Pull are
// seed 003's (SelectGatewaySlb "Query existing SLB instances", PullServices
// "List existing services", both granted by its read-only policy); Fetch and
// Check read or validate without changing anything.
var readVerbs = []string{"Get", "List", "Query", "Select", "Pull", "Fetch", "Check"}

// readOnlyOverrides are the APIs whose verb does not tell.
var readOnlyOverrides = map[string]struct {
	readOnly bool
	note     string
}{
	"ExportNacosConfig":         {true, "returns the configurations as a file; changes nothing"},
	"ExportZookeeperData":       {false, "starts an export task that writes a snapshot file (ListExportZookeeperData lists them)"},
	"GatewayBlackWhiteList":     {true, "lists a gateway's black/white lists (seed 003's read-only policy grants mse:GatewayBlackWhite*)"},
	"GetImportFileUrl":          {true, "returns an upload URL; the import itself is ImportNacosConfig"},
	"GetZookeeperDataImportUrl": {true, "returns an upload URL; the import itself is ImportZookeeperData"},
}

// sdkAreaRules assign an area by the first keyword found in the API name.
// Listeners come first (GetServiceListeners is Nacos, not governance's
// GetServiceList); governance next so that gateway Sentinel rules
// (CreateGatewayFlowRule, ...) and service authentication policies
// (AddAuthPolicy) land there and not under gateway or other.
var sdkAreaRules = []struct {
	area     Area
	keywords []string
}{
	{AreaRegistryConfiguration, []string{"Listeners"}},
	{AreaGovernance, []string{"FlowRule", "CircuitBreaker", "Isolation", "SwimmingLane", "Lossless", "Application", "Sentinel",
		"MockRule", "MessageQueueRoute", "AuthPolicy", "GetServiceList", "ServiceMethod", "GovernanceKubernetes", "MseFeatureSwitch",
		"TagPolicies", "AppBySwimming", "DeleteNamespace", "QueryNamespace", "RemoveApplication"}},
	{AreaCertificateDomain, []string{"Domain", "SSLCert"}},
	{AreaRoute, []string{"Route"}},
	{AreaServiceSource, []string{"ServiceSource", "GatewayService", "ImportServices", "PullServices", "KubernetesSource", "MseSource"}},
	{AreaOther, []string{"BlackWhite", "GatewayAuth", "AuthResource", "TagResources", "UntagResources", "ResourceGroup", "ServiceLinkRole"}},
	{AreaGateway, []string{"Gateway", "Slb", "SecurityGroup", "PluginConfig", "GetPlugins", "Http2", "ProxyProtocol", "PreserveHeaderFormat"}},
}

// sdkAccountScoped are the SDK-only APIs that name no instance: catalog
// queries, account-wide listings, tags and the service-linked role; and
// the Nacos namespace APIs, whose references' authorization tables give
// "All Resources" (e.g.
// https://help.aliyun.com/zh/mse/developer-reference/api-mse-2019-05-31-createenginenamespace
// and .../api-mse-2019-05-31-listenginenamespaces, -updateenginenamespace,
// -deleteenginenamespace, -getenginenamepace).
var sdkAccountScoped = map[string]bool{
	"ListClusterTypes": true, "ListClusterVersions": true, "ListClusterConnectionTypes": true,
	"QueryBusinessLocations": true, "QueryClusterSpecification": true, "QueryClusterDiskSpecification": true,
	"QueryGatewayRegion": true, "QueryGatewayType": true, "QuerySlbSpec": true, "ListInstanceCount": true,
	"TagResources": true, "UntagResources": true, "InitializeServiceLinkRole": true, "ListSecurityGroup": true,
	"GetMseFeatureSwitch": true, "GetOverview": true, "GetImage": true,
	"CreateEngineNamespace": true, "DeleteEngineNamespace": true, "UpdateEngineNamespace": true, "GetEngineNamepace": true,
	"ListEngineNamespaces": true,
}

// sdkNamespaceScoped and sdkItemScoped are the SDK-only Nacos APIs that name
// a namespace, or one configuration or service.
var (
	sdkNamespaceScoped = map[string]bool{
		"ExportNacosConfig": true, "ImportNacosConfig": true, "CloneNacosConfig": true, "GetImportFileUrl": true,
	}
	sdkItemScoped = map[string]bool{
		"DeleteNacosInstance": true, "UpdateNacosGrayConfig": true, "GetServiceListeners": true, "ListListenersByConfig": true,
	}
)

// classifySDK makes the catalog entry of an API the seeds do not list.
func classifySDK(api string) Action {
	a := Action{
		Name:        "mse:" + api,
		Description: describe(api),
		Source:      SourceSDK,
		InSDK:       true,
		Area:        AreaRegistryConfiguration,
		Scope:       ScopeInstance,
	}
	for _, v := range readVerbs {
		if strings.HasPrefix(api, v) && len(api) > len(v) && unicode.IsUpper(rune(api[len(v)])) {
			a.ReadOnly = true
		}
	}
	if o, ok := readOnlyOverrides[api]; ok {
		a.ReadOnly, a.Note = o.readOnly, o.note
	}
rules:
	for _, r := range sdkAreaRules {
		for _, k := range r.keywords {
			if strings.Contains(api, k) {
				a.Area = r.area
				break rules
			}
		}
	}
	switch {
	case sdkAccountScoped[api]:
		a.Scope = ScopeAccount
	case sdkNamespaceScoped[api]:
		a.Scope = ScopeNamespace
	case sdkItemScoped[api]:
		a.Scope = ScopeItem
	case a.Area == AreaGovernance && !strings.Contains(api, "Gateway"):
		// Governance rules belong to applications, which have no ARN of
		// their own in the documentation.
		a.Scope = ScopeAccount
	}
	return a
}

// acronyms keep their capitals when describe splits a name into words.
var acronyms = map[string]string{
	"slb": "SLB", "ssl": "SSL", "http": "HTTP", "http2": "HTTP/2", "cors": "CORS", "acl": "ACL",
	"mse": "MSE", "zk": "ZooKeeper", "ans": "Nacos naming", "ip": "IP", "url": "URL", "nacos": "Nacos",
	"zookeeper": "ZooKeeper", "eureka": "Eureka", "kubernetes": "Kubernetes", "sentinel": "Sentinel", "ahas": "AHAS",
}

// describe turns an API name into a sentence ("AddGatewaySlb" -> "Add
// gateway SLB"). The SDK carries no descriptions; a generated one is better
// than none, and the seeds' own descriptions take precedence.
func describe(api string) string {
	var words []string
	start := 0
	rs := []rune(api)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || (unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]) ||
			(i+1 < len(rs) && unicode.IsLower(rs[i+1])))) {
			words = append(words, string(rs[start:i]))
			start = i
		}
	}
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case acronyms[lw] != "":
			words[i] = acronyms[lw]
		case i > 0:
			words[i] = lw
		}
	}
	return strings.Join(words, " ")
}
