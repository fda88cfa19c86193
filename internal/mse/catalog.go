// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"sort"
	"strings"
	"sync"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// Scope is the finest level of the MSE resource hierarchy an action can be
// limited to in a Resource element.
type Scope string

// Scopes, coarsest first. An action of ScopeAccount cannot be limited to an
// instance (grant it on acs:mse:*:*:*); an action of ScopeItem can be limited
// to one Nacos configuration (DataId) or service.
const (
	ScopeAccount   Scope = "account"
	ScopeInstance  Scope = "instance"
	ScopeNamespace Scope = "namespace"
	ScopeGroup     Scope = "group"
	ScopeItem      Scope = "item"
)

// depth is the number of ARN segments below "instance/" a scope names, so
// that scopes compare: an action fits a grant when its scope is at least as
// deep as the grant's resource.
func (s Scope) depth() int {
	switch s {
	case ScopeInstance:
		return 1
	case ScopeNamespace:
		return 2
	case ScopeGroup:
		return 3
	case ScopeItem:
		return 4
	}
	return 0
}

// Area is the part of MSE an action belongs to. The gateway areas follow the
// sections of seed 003's action reference; the registry area is seed 001's.
type Area string

// Areas.
const (
	// AreaRegistryConfiguration: registry and configuration center instances
	// (Nacos, ZooKeeper, Eureka) and what lives in them: instances' lifecycle,
	// namespaces, configurations, services, znodes, migration tasks.
	AreaRegistryConfiguration Area = "registry_configuration"
	// AreaGateway: cloud-native gateway lifecycle, SLBs, plugins, options.
	AreaGateway Area = "gateway"
	// AreaServiceSource: gateway service sources and the services imported
	// from them.
	AreaServiceSource Area = "service_source"
	// AreaRoute: gateway routes and their policies.
	AreaRoute Area = "route"
	// AreaCertificateDomain: gateway domain names and certificates.
	AreaCertificateDomain Area = "certificate_domain"
	// AreaGovernance: microservice governance (Sentinel flow, circuit-breaker
	// and isolation rules, swimming lanes, lossless rollout, applications).
	AreaGovernance Area = "governance"
	// AreaOther: seed 003's "Other operations" (black/white lists, gateway
	// authentication) plus tags, resource groups and service-linked roles.
	AreaOther Area = "other"
)

// Scopes returns every Scope, coarsest first.
func Scopes() []Scope {
	return []Scope{ScopeAccount, ScopeInstance, ScopeNamespace, ScopeGroup, ScopeItem}
}

// Areas returns every Area.
func Areas() []Area {
	return []Area{AreaRegistryConfiguration, AreaGateway, AreaServiceSource, AreaRoute, AreaCertificateDomain, AreaGovernance, AreaOther}
}

// Sources of a catalog entry.
const (
	SourceSeed001 = "seed-001" // MSE RAM guide: action tables and policy examples
	SourceSeed003 = "seed-003" // gateway RAM guide: action reference and policies
	SourceSDK     = "sdk"      // only in the classic SDK's services/mse API list
)

// Action is one MSE RAM action.
type Action struct {
	Name        string // "mse:GetNacosConfig"
	Description string
	ReadOnly    bool
	Scope       Scope
	Area        Area
	// Source is where the entry comes from: a seed when the documentation
	// lists it (the seed's description is kept), otherwise "sdk".
	Source string
	// InSDK is true when the classic SDK has an API of this name; RAM action
	// names equal API names, so a seed action without an API is one that only
	// the console calls.
	InSDK bool
	// Note explains a correction of the seeds, or a classification that is
	// not obvious from the verb.
	Note string
}

// Catalog returns every known MSE action, sorted by Name. The slice is a
// fresh copy; callers may modify it.
func Catalog() []Action {
	c := catalog()
	return append([]Action(nil), c.list...)
}

// Lookup finds an action by name, case-insensitively (RAM matches actions
// case-insensitively). The "mse:" prefix is optional.
func Lookup(name string) (Action, bool) {
	key := strings.ToLower(name)
	if !strings.HasPrefix(key, "mse:") {
		key = "mse:" + key
	}
	c := catalog()
	i, ok := c.index[key]
	if !ok {
		return Action{}, false
	}
	return c.list[i], true
}

type catalogData struct {
	list  []Action
	index map[string]int // lower-cased name -> position in list
}

// catalog is built once: the seed tables first, then every SDK API the
// seeds do not list, classified by rules (catalog_sdk.go).
var catalog = sync.OnceValue(func() catalogData {
	byName := map[string]Action{}
	for _, a := range seedActions {
		a.Name = "mse:" + a.Name
		byName[strings.ToLower(a.Name)] = a
	}
	for _, api := range sdkAPIs {
		key := strings.ToLower("mse:" + api)
		if a, ok := byName[key]; ok {
			a.InSDK = true
			byName[key] = a
			continue
		}
		byName[key] = classifySDK(api)
	}
	list := make([]Action, 0, len(byName))
	for _, a := range byName {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Name < list[j].Name })
	index := make(map[string]int, len(list))
	for i, a := range list {
		index[strings.ToLower(a.Name)] = i
	}
	return catalogData{list: list, index: index}
})

// actionsMatching returns the catalog actions an Action pattern covers
// ('*' and '?' wildcards, case-insensitive, as RAM matches).
func actionsMatching(pattern string) []Action {
	var out []Action
	for _, a := range catalog().list {
		if policy.MatchAction(pattern, a.Name) {
			out = append(out, a)
		}
	}
	return out
}
