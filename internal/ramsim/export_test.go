// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// What the external tests of this package reach inside it.

const (
	AdminPrefix               = adminPrefix
	DeniedByTrustPolicy       = deniedByTrustPolicy
	RotateDeleteOldest        = rotateDeleteOldest
	UnpublishedPolicyDocument = unpublishedPolicyDocument
)

var (
	Authenticate            = (*Server).authenticate
	AuthzExempt             = authzExempt
	RAMAPIs                 = []*wire.API[*Server]{ramAPI, imsAPI, rmAPI, stsAPI}
	SystemPolicies          = systemPolicies
	SystemPolicyFiles       = systemPolicyFiles
	ReadSystemPolicyCatalog = readSystemPolicyCatalog
	ValidateDescription     = validateDescription
	ValidatePolicyName      = validatePolicyName
)

// ProductIs reports whether version and action route to the product whose
// API is api.
func ProductIs[S any](version, action string, api *wire.API[S]) bool {
	p, known := productFor(version, action)
	return known && p.spec() == &api.Product
}

// Resources are the ARNs the product of version authorizes action on.
func Resources(s *Server, version, action string, rq *wire.Request) ([]string, *wire.Error) {
	prod, _ := productFor(version, action)
	return prod.resources(s, action, rq)
}

// SystemPolicyDocument is the default version's document of a system
// policy.
func SystemPolicyDocument(name string) string {
	return systemPolicies[name].defaultVersion().Document
}
