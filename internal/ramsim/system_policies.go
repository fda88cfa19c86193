// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"embed"
	"strings"
	"time"
)

// systemPolicyFiles holds one document per built-in policy,
// systempolicies/<PolicyName>.json.
//
//go:embed systempolicies/*.json
var systemPolicyFiles embed.FS

// systemPolicyDescriptions lists the built-in policies (PolicyType System)
// with their descriptions; each has a document in systempolicies/.
//   - AdministratorAccess, ReadOnlyAccess: the account-wide policies.
//   - AliyunMSEFullAccess, AliyunMSEReadOnlyAccess: MSE's system policies
//     (seed 001): mse:* plus creating MSE's service-linked role, and
//     mse:Get*/List*/Query* (the read-only actions of the seed's tables).
//   - AliyunServiceRolePolicyForMSE, AliyunServiceRolePolicyForMSEEngineService:
//     the policies of MSE's service-linked roles, with the permissions
//     seed 000 lists (the seed's trailing spaces and duplicate slb
//     action dropped).
//   - AliyunServiceRolePolicyForMssp, AliyunServiceRolePolicyForESAMssp: the
//     policies of MSS's service-linked roles (seed 002 names them
//     but does not quote them). Their documents are stand-ins (assumed):
//     read access to what the seed says MSS reads (ECS, RDS; ESA, SLS) and
//     deleting the service's own role.
var systemPolicyDescriptions = map[string]string{
	"AdministratorAccess":                        "Provides full access to Alibaba Cloud services and resources.",
	"ReadOnlyAccess":                             "Provides read-only access to Alibaba Cloud services and resources.",
	"AliyunMSEFullAccess":                        "Provides full access to Microservices Engine (MSE).",
	"AliyunMSEReadOnlyAccess":                    "Provides read-only access to Microservices Engine (MSE).",
	"AliyunServiceRolePolicyForMSE":              "Policy of the MSE service-linked role AliyunServiceRoleForMSE.",
	"AliyunServiceRolePolicyForMSEEngineService": "Policy of the MSE engine service-linked role.",
	"AliyunServiceRolePolicyForMssp":             "Policy of the MSS service-linked role AliyunServiceRoleForMssp.",
	"AliyunServiceRolePolicyForESAMssp":          "Policy of the MSS service-linked role AliyunServiceRoleForESAMssp.",
}

// systemPolicyDate is the CreateDate and UpdateDate of every system policy.
var systemPolicyDate = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// systemPolicies are the built-in policies by name: read-only, one version
// v1, never persisted. Built at init; a missing document panics, and
// TestSystemPolicies checks every document is a valid policy.
var systemPolicies = loadSystemPolicies()

func loadSystemPolicies() map[string]*policyRecord {
	out := make(map[string]*policyRecord, len(systemPolicyDescriptions))
	for name, desc := range systemPolicyDescriptions {
		doc, err := systemPolicyFiles.ReadFile("systempolicies/" + name + ".json")
		if err != nil {
			panic("ramsim: system policy " + name + ": " + err.Error())
		}
		out[name] = &policyRecord{
			Name: name, Description: desc, Created: systemPolicyDate, Updated: systemPolicyDate,
			Default: "v1", LastVersion: 1, system: true,
			Versions: []*policyVersion{{ID: "v1", Document: strings.TrimSpace(string(doc)), Created: systemPolicyDate}},
		}
	}
	return out
}
