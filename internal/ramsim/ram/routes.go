// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// handler, route and resourceFunc are wire's, on the account's state.
type (
	handler      = wire.Handler[*Service]
	route        = wire.Route[*Service]
	resourceFunc = wire.ResourceFunc[*Service]
)

// The RAM, IMS, ResourceManager and STS APIs: (Version, Action) -> handler,
// each action run through the consistency lag (lag.go).
var (
	RAMAPI = consistent(&wire.API[*Service]{
		Product:   wire.Product{Name: "Ram", Version: "2015-05-01", Host: "ram.aliyuncs.com", Service: "ram"},
		Resources: ramResources,
		Actions: map[string]route{
			"CreateUser": wire.Writes((*Service).createUser),
			"GetUser":    wire.Reads((*Service).getUser),
			"UpdateUser": wire.Writes((*Service).updateUser),
			"DeleteUser": wire.Writes((*Service).deleteUser),
			"ListUsers":  wire.Reads((*Service).listUsers),

			"CreateLoginProfile": wire.Writes((*Service).createLoginProfile),
			"GetLoginProfile":    wire.Reads((*Service).getLoginProfile),
			"UpdateLoginProfile": wire.Writes((*Service).updateLoginProfile),
			"DeleteLoginProfile": wire.Writes((*Service).deleteLoginProfile),

			"CreateAccessKey": wire.Writes((*Service).createAccessKey),
			"ListAccessKeys":  wire.Reads((*Service).listAccessKeys),
			"UpdateAccessKey": wire.Writes((*Service).updateAccessKey),
			"DeleteAccessKey": wire.Writes((*Service).deleteAccessKey),

			"CreatePolicy":            wire.Writes((*Service).createPolicy),
			"GetPolicy":               wire.Reads((*Service).getPolicy),
			"ListPolicies":            wire.Reads((*Service).listPolicies),
			"DeletePolicy":            wire.Writes((*Service).deletePolicy),
			"UpdatePolicyDescription": wire.Writes((*Service).updatePolicyDescription),
			"CreatePolicyVersion":     wire.Writes((*Service).createPolicyVersion),
			"GetPolicyVersion":        wire.Reads((*Service).getPolicyVersion),
			"ListPolicyVersions":      wire.Reads((*Service).listPolicyVersions),
			"DeletePolicyVersion":     wire.Writes((*Service).deletePolicyVersion),
			"SetDefaultPolicyVersion": wire.Writes((*Service).setDefaultPolicyVersion),

			"AttachPolicyToUser":    wire.Writes(attachPolicy(userKind)),
			"AttachPolicyToGroup":   wire.Writes(attachPolicy(groupKind)),
			"AttachPolicyToRole":    wire.Writes(attachPolicy(roleKind)),
			"DetachPolicyFromUser":  wire.Writes(detachPolicy(userKind)),
			"DetachPolicyFromGroup": wire.Writes(detachPolicy(groupKind)),
			"DetachPolicyFromRole":  wire.Writes(detachPolicy(roleKind)),
			"ListPoliciesForUser":   wire.Reads(listPoliciesFor(userKind)),
			"ListPoliciesForGroup":  wire.Reads(listPoliciesFor(groupKind)),
			"ListPoliciesForRole":   wire.Reads(listPoliciesFor(roleKind)),
			"ListEntitiesForPolicy": wire.Reads((*Service).listEntitiesForPolicy),

			"CreateRole": wire.Writes((*Service).createRole),
			"GetRole":    wire.Reads((*Service).getRole),
			"UpdateRole": wire.Writes((*Service).updateRole),
			"DeleteRole": wire.Writes((*Service).deleteRole),
			"ListRoles":  wire.Reads((*Service).listRoles),

			"CreateGroup":         wire.Writes((*Service).createGroup),
			"GetGroup":            wire.Reads((*Service).getGroup),
			"UpdateGroup":         wire.Writes((*Service).updateGroup),
			"DeleteGroup":         wire.Writes((*Service).deleteGroup),
			"ListGroups":          wire.Reads((*Service).listGroups),
			"AddUserToGroup":      wire.Writes((*Service).addUserToGroup),
			"RemoveUserFromGroup": wire.Writes((*Service).removeUserFromGroup),
			"ListGroupsForUser":   wire.Reads((*Service).listGroupsForUser),
			"ListUsersForGroup":   wire.Reads((*Service).listUsersForGroup),

			// Tags of roles and policies (users are tagged through IMS).
			"TagResources":     wire.Writes((*Service).ramTagResources),
			"UntagResources":   wire.Writes((*Service).ramUntagResources),
			"ListTagResources": wire.Reads((*Service).ramListTagResources),
		},
	})
	IMSAPI = consistent(&wire.API[*Service]{
		Product:   wire.Product{Name: "Ims", Version: "2019-08-15", Host: "ims.aliyuncs.com", Service: "ims", ActionCodes: imsActionCodes},
		Resources: imsResources,
		Actions: map[string]route{
			"TagResources":     wire.Writes((*Service).tagResources),
			"UntagResources":   wire.Writes((*Service).untagResources),
			"ListTagResources": wire.Reads((*Service).listTagResources),

			"GetPasswordPolicy":     wire.Reads((*Service).getPasswordPolicy),
			"SetPasswordPolicy":     wire.Writes((*Service).setPasswordPolicy),
			"GetSecurityPreference": wire.Reads((*Service).getSecurityPreference),
			"SetSecurityPreference": wire.Writes((*Service).setSecurityPreference),
		},
	})
	ResourceManagerAPI = consistent(&wire.API[*Service]{
		Product:   wire.Product{Name: "ResourceManager", Version: "2020-03-31", Host: "resourcemanager.aliyuncs.com", Service: "resourcemanager", ActionCodes: rmActionCodes},
		Resources: rmResources,
		Actions: map[string]route{
			"CreateServiceLinkedRole": wire.Writes((*Service).createServiceLinkedRole),
			"DeleteServiceLinkedRole": wire.Writes((*Service).deleteServiceLinkedRole),
			// A status query advances the task, and may delete the role.
			"GetServiceLinkedRoleDeletionStatus": wire.Writes((*Service).getServiceLinkedRoleDeletionStatus),
			"GetRole":                            wire.Reads((*Service).rmGetRole),
			"ListRoles":                          wire.Reads((*Service).rmListRoles),
		},
	})
	STSAPI = consistent(&wire.API[*Service]{
		Product:   wire.Product{Name: "Sts", Version: "2015-04-01", Host: "sts.aliyuncs.com", Service: "sts"},
		Resources: stsResources,
		Actions: map[string]route{
			"GetCallerIdentity": wire.Reads((*Service).getCallerIdentity),
			// Temporary credentials live in memory only: no state save.
			"AssumeRole": wire.Reads((*Service).assumeRole),
		},
	})
)
