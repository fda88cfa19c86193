// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// What the external tests of this package reach inside it.

const (
	DeniedByTrustPolicy       = deniedByTrustPolicy
	RotateDeleteOldest        = rotateDeleteOldest
	UnpublishedPolicyDocument = unpublishedPolicyDocument
)

var (
	AuthzExempt             = authzExempt
	RAMAPIs                 = []*wire.API[*Server]{ramAPI, imsAPI, rmAPI, stsAPI}
	SystemPolicies          = systemPolicies
	SystemPolicyFiles       = systemPolicyFiles
	ReadSystemPolicyCatalog = readSystemPolicyCatalog
	ValidateDescription     = validateDescription
	ValidatePolicyName      = validatePolicyName
)

// SystemPolicyDocument is the default version's document of a system
// policy.
func SystemPolicyDocument(name string) string {
	return systemPolicies[name].defaultVersion().Document
}
