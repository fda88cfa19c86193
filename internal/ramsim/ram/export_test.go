// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// What the external tests of this package reach inside it.

const (
	DeniedByTrustPolicy       = deniedByTrustPolicy
	RotateDeleteOldest        = rotateDeleteOldest
	UnpublishedPolicyDocument = unpublishedPolicyDocument
)

var (
	AuthzExempt             = authzExempt
	APIs                    = []*wire.API[*Service]{RAMAPI, IMSAPI, ResourceManagerAPI, STSAPI}
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
