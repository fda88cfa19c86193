// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

// Access is a grant's access level.
type Access string

// Access levels. Each includes the one before it.
const (
	AccessReadOnly  Access = "read_only"
	AccessReadWrite Access = "read_write"
	AccessFull      Access = "full"
)

// rank orders the access levels; 0 is not a level.
func (a Access) rank() int {
	switch a {
	case AccessReadOnly:
		return 1
	case AccessReadWrite:
		return 2
	case AccessFull:
		return 3
	}
	return 0
}

// leveled is an action (without "mse:") and the lowest access level that
// grants it.
type leveled struct {
	name  string
	level Access
}

// nacosConfigActions are what nacos_config grants. read_write is exactly
// what seed 001's examples 3 and 4 call "read and write access":
// CreateNacosConfig and UpdateNacosConfig. full adds deletes and the bulk and
// release operations: batch delete, import and clone can overwrite many
// configurations at once, export copies a whole namespace out (a read, but a
// bulk one the seeds' read access never includes), and a gray release pushes
// to live clients. Actions
// are kept only if their catalog scope reaches the grant's depth: a grant
// on one DataId gets no namespace-wide export or import.
var nacosConfigActions = []leveled{
	{"GetNacosConfig", AccessReadOnly},
	{"GetNacosHistoryConfig", AccessReadOnly},
	{"ListListenersByConfig", AccessReadOnly},
	{"CreateNacosConfig", AccessReadWrite},
	{"UpdateNacosConfig", AccessReadWrite},
	{"DeleteNacosConfig", AccessFull},
	{"DeleteNacosConfigs", AccessFull},
	{"ExportNacosConfig", AccessFull},
	{"UpdateNacosGrayConfig", AccessFull},
	{"GetImportFileUrl", AccessFull},
	{"ImportNacosConfig", AccessFull},
	{"CloneNacosConfig", AccessFull},
}

// nacosServiceActions are what nacos_service grants: service and
// service-instance actions, never configuration actions (seed 001's example
// 5 grants CreateNacosConfig/UpdateNacosConfig on a service ARN, which gives
// nothing on the service). read_write adds every write that does not delete.
// Listing services and their instances (ListAnsServices, ListAnsInstances,
// ...) has no fine-grained support: it comes with console navigation or an
// instance grant.
var nacosServiceActions = []leveled{
	{"GetServiceListeners", AccessReadOnly},
	{"CreateNacosService", AccessReadWrite},
	{"UpdateNacosService", AccessReadWrite},
	{"CreateNacosInstance", AccessReadWrite},
	{"UpdateNacosInstance", AccessReadWrite},
	{"UpdateNacosCluster", AccessReadWrite},
	{"DeleteNacosService", AccessFull},
	{"DeleteNacosInstance", AccessFull},
}

// instanceReadPatterns are seed 001's read-only set (example 2, and the
// navigation statement of examples 3 to 5). Every catalog action they match
// is read-only (tested).
var instanceReadPatterns = []string{"mse:List*", "mse:Query*", "mse:Get*"}

// allMSE is the full-access pattern of seed 001's example 1 and seed 003's
// read-write gateway policy.
const allMSE = "mse:*"

// gatewayReadPatterns are the first statement of seed 003's read-only
// gateway policy without mse:UploadWasmFile, a write.
var gatewayReadPatterns = []string{
	"mse:Query*", "mse:List*", "mse:Get*", "mse:Select*", "mse:Pull*",
	"mse:GatewayBlackWhite*", "mse:GatewayHealthCheckList", "mse:GatewayQueryMonitor",
}

// gatewayGlobalRead is the second statement of seed 003's read-only policy:
// read actions that name no gateway, granted on acs:mse:*:*:*.
var gatewayGlobalRead = []string{
	"mse:QueryDefaultAlertStatus", "mse:ListGatewayZone", "mse:ListUpgradableGatewayVersions",
	"mse:ListTagResources", "mse:ListGatewayIngressMigrateTask", "mse:ListEventRecords",
	"mse:GetEventFilterOptions", "mse:GetEventDetail", "mse:GetGatewaySelection", "mse:GetGatewayAlarms",
	"mse:GetGatewayMigrateNamespacedServices", "mse:GetGatewayIngressMigrateTaskDetail",
	"mse:GetPluginGuide", "mse:GetRegExpCheck", "mse:GetRegExpTest", "mse:CheckPluginLua",
}

// gatewayGlobalReadWrite is the second statement of seed 003's read-write
// policy. It is not a superset of the read-only one as written (the seed
// lists ListTagResources, ListGatewayIngressMigrateTask and
// GetGatewayIngressMigrateTaskDetail only there), but its patterns
// mse:*TagResources and mse:*GatewayIngressMigrateTask* cover them.
var gatewayGlobalReadWrite = []string{
	"mse:QueryDefaultAlertStatus", "mse:CreateDefaultAlert", "mse:ListGatewayZone",
	"mse:ListUpgradableGatewayVersions", "mse:ListEventRecords", "mse:GetEventFilterOptions",
	"mse:GetEventDetail", "mse:GetGatewaySelection", "mse:GetGatewayAlarms",
	"mse:GetGatewayMigrateNamespacedServices", "mse:GetPluginGuide", "mse:GetRegExpCheck",
	"mse:GetRegExpTest", "mse:CheckPluginLua", "mse:*TagResources", "mse:*CustomPlugin",
	"mse:*GatewayIngressMigrateTask*",
}

// The gateway companion statements of seed 003: Simple Log Service for the
// monitoring pages and ARMS contact groups for alerting, on "*".
var (
	gatewayLogRead      = []string{"log:DescribeService", "log:ListProject", "log:GetProductDataCollection"}
	gatewayLogReadWrite = append(append([]string(nil), gatewayLogRead...), "log:OpenProductDataCollection")
	gatewayARMS         = []string{"arms:SearchContactGroup"}
)

// consoleAccountActions are what seed 001's examples grant on acs:mse:*:*:*
// so that a console user sees the instance list.
var consoleAccountActions = []string{"mse:ListClusters"}

// actionsFor returns the "mse:"-prefixed actions of a family up to an
// access level whose catalog scope reaches depth (1 instance ... 4 item).
func actionsFor(family []leveled, access Access, depth int) []string {
	var out []string
	for _, f := range family {
		if f.level.rank() > access.rank() {
			continue
		}
		a, ok := Lookup(f.name)
		if !ok || a.Scope.depth() < depth {
			continue
		}
		out = append(out, a.Name)
	}
	return out
}
