// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"embed"
	"encoding/json"
	"strings"
	"time"
)

// systemPolicyFiles holds the catalog of built-in policies,
// systempolicies/catalog.json, and one document per policy whose document
// is carried, systempolicies/<PolicyName>.json. Both are embedded: the
// catalog (about 65 KB, some 450 names) is decoded once at start and no
// document is parsed until a request is authorized with it.
//
//go:embed systempolicies/*.json
var systemPolicyFiles embed.FS

// systemPolicyCatalog is systempolicies/catalog.json: Sources names the
// public pages entries cite as "@key"; every policy names its Source (the
// page that shows the name exists) and, when its document is carried, the
// DocumentSource it was taken from.
//
// Where the names come from:
//   - Alibaba Cloud's table of services that work with RAM (English and
//     Chinese editions), which lists each service's system policies:
//     https://github.com/AlibabaCloudDocs/ram (the files cited in Sources).
//   - RAM's one-page-per-policy reference,
//     https://www.alibabacloud.com/help/en/ram/developer-reference/<name in
//     lower case>, which shows the description and the current document.
//
// The eight built-in policies the emulator had before the catalog keep
// their hand-written documents (DocumentSource "built-in"):
//   - AdministratorAccess, ReadOnlyAccess: the account-wide policies.
//   - AliyunMSEFullAccess, AliyunMSEReadOnlyAccess: mse:* plus creating
//     MSE's service-linked role, and mse:Get*/List*/Query* (the read-only
//     actions of MSE's action tables).
//   - AliyunServiceRolePolicyForMSE, AliyunServiceRolePolicyForMSEEngineService:
//     the permissions MSE's service-linked roles are documented to use.
//   - AliyunServiceRolePolicyForMssp, AliyunServiceRolePolicyForESAMssp:
//     stand-ins (assumed): read access to what MSS is documented to read
//     (ECS, RDS; ESA, SLS) and deleting the service's own role.
type systemPolicyCatalog struct {
	Sources  map[string]string   `json:"sources"`
	Policies []systemPolicyEntry `json:"policies"`
}

type systemPolicyEntry struct {
	Name           string `json:"name"`
	Description    string `json:"description"`
	Source         string `json:"source"`
	DocumentSource string `json:"document_source,omitempty"`
}

// unpublishedPolicyDocument is the default version of a system policy whose
// document no public page shows. Its empty Statement grants nothing (the
// evaluator skips a document that does not parse, so it is never an
// allow), and GetPolicy shows plainly that the emulator does not know the
// document. This is fail-closed on purpose: a guessed grant (say, <svc>:*
// for every FullAccess policy) could let a test pass that RAM would refuse,
// while a missing grant can only make a test see a refusal RAM would not
// give, which the test's author notices and can fix by attaching a custom
// policy with the permissions they rely on.
const unpublishedPolicyDocument = `{"Version":"1","Statement":[]}`

// systemPolicyDate is the CreateDate and UpdateDate of every system policy.
var systemPolicyDate = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// systemPolicies are the built-in policies by name: read-only, one version
// v1, never persisted. Built at init; a malformed catalog or a missing
// document panics, and TestSystemPolicyCatalog checks every carried
// document is a valid policy.
var systemPolicies = loadSystemPolicies()

func loadSystemPolicies() map[string]*policyRecord {
	cat := readSystemPolicyCatalog()
	out := make(map[string]*policyRecord, len(cat.Policies))
	for _, e := range cat.Policies {
		doc := unpublishedPolicyDocument
		if e.DocumentSource != "" {
			b, err := systemPolicyFiles.ReadFile("systempolicies/" + e.Name + ".json")
			if err != nil {
				panic("ramsim: system policy " + e.Name + ": " + err.Error())
			}
			doc = strings.TrimSpace(string(b))
		}
		if out[e.Name] != nil {
			panic("ramsim: system policy " + e.Name + " is listed twice")
		}
		out[e.Name] = &policyRecord{
			Name: e.Name, Description: e.Description, Created: systemPolicyDate, Updated: systemPolicyDate,
			Default: "v1", LastVersion: 1, system: true,
			Versions: []*policyVersion{{ID: "v1", Document: doc, Created: systemPolicyDate}},
		}
	}
	return out
}

func readSystemPolicyCatalog() systemPolicyCatalog {
	b, err := systemPolicyFiles.ReadFile("systempolicies/catalog.json")
	if err != nil {
		panic("ramsim: system policy catalog: " + err.Error())
	}
	var cat systemPolicyCatalog
	if err := json.Unmarshal(b, &cat); err != nil {
		panic("ramsim: system policy catalog: " + err.Error())
	}
	return cat
}
