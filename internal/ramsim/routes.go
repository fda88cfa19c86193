// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// handler, route and resourceFunc are wire's, on the server's state.
type (
	handler      = wire.Handler[*Server]
	route        = wire.Route[*Server]
	resourceFunc = wire.ResourceFunc[*Server]
)

// The RAM, IMS, ResourceManager and STS APIs: (Version, Action) -> handler.
var (
	ramAPI = consistent(&wire.API[*Server]{Product: wire.Product{Name: "Ram", Version: "2015-05-01", Host: "ram.aliyuncs.com", Service: "ram"}, Resources: ramResources, Actions: map[string]route{
		"CreateUser": wire.Writes((*Server).createUser),
		"GetUser":    wire.Reads((*Server).getUser),
		"UpdateUser": wire.Writes((*Server).updateUser),
		"DeleteUser": wire.Writes((*Server).deleteUser),
		"ListUsers":  wire.Reads((*Server).listUsers),

		"CreateLoginProfile": wire.Writes((*Server).createLoginProfile),
		"GetLoginProfile":    wire.Reads((*Server).getLoginProfile),
		"UpdateLoginProfile": wire.Writes((*Server).updateLoginProfile),
		"DeleteLoginProfile": wire.Writes((*Server).deleteLoginProfile),

		"CreateAccessKey": wire.Writes((*Server).createAccessKey),
		"ListAccessKeys":  wire.Reads((*Server).listAccessKeys),
		"UpdateAccessKey": wire.Writes((*Server).updateAccessKey),
		"DeleteAccessKey": wire.Writes((*Server).deleteAccessKey),

		"CreatePolicy":            wire.Writes((*Server).createPolicy),
		"GetPolicy":               wire.Reads((*Server).getPolicy),
		"ListPolicies":            wire.Reads((*Server).listPolicies),
		"DeletePolicy":            wire.Writes((*Server).deletePolicy),
		"UpdatePolicyDescription": wire.Writes((*Server).updatePolicyDescription),
		"CreatePolicyVersion":     wire.Writes((*Server).createPolicyVersion),
		"GetPolicyVersion":        wire.Reads((*Server).getPolicyVersion),
		"ListPolicyVersions":      wire.Reads((*Server).listPolicyVersions),
		"DeletePolicyVersion":     wire.Writes((*Server).deletePolicyVersion),
		"SetDefaultPolicyVersion": wire.Writes((*Server).setDefaultPolicyVersion),

		"AttachPolicyToUser":    wire.Writes(attachPolicy(userKind)),
		"AttachPolicyToGroup":   wire.Writes(attachPolicy(groupKind)),
		"AttachPolicyToRole":    wire.Writes(attachPolicy(roleKind)),
		"DetachPolicyFromUser":  wire.Writes(detachPolicy(userKind)),
		"DetachPolicyFromGroup": wire.Writes(detachPolicy(groupKind)),
		"DetachPolicyFromRole":  wire.Writes(detachPolicy(roleKind)),
		"ListPoliciesForUser":   wire.Reads(listPoliciesFor(userKind)),
		"ListPoliciesForGroup":  wire.Reads(listPoliciesFor(groupKind)),
		"ListPoliciesForRole":   wire.Reads(listPoliciesFor(roleKind)),
		"ListEntitiesForPolicy": wire.Reads((*Server).listEntitiesForPolicy),

		"CreateRole": wire.Writes((*Server).createRole),
		"GetRole":    wire.Reads((*Server).getRole),
		"UpdateRole": wire.Writes((*Server).updateRole),
		"DeleteRole": wire.Writes((*Server).deleteRole),
		"ListRoles":  wire.Reads((*Server).listRoles),

		"CreateGroup":         wire.Writes((*Server).createGroup),
		"GetGroup":            wire.Reads((*Server).getGroup),
		"UpdateGroup":         wire.Writes((*Server).updateGroup),
		"DeleteGroup":         wire.Writes((*Server).deleteGroup),
		"ListGroups":          wire.Reads((*Server).listGroups),
		"AddUserToGroup":      wire.Writes((*Server).addUserToGroup),
		"RemoveUserFromGroup": wire.Writes((*Server).removeUserFromGroup),
		"ListGroupsForUser":   wire.Reads((*Server).listGroupsForUser),
		"ListUsersForGroup":   wire.Reads((*Server).listUsersForGroup),

		// Tags of roles and policies (users are tagged through IMS).
		"TagResources":     wire.Writes((*Server).ramTagResources),
		"UntagResources":   wire.Writes((*Server).ramUntagResources),
		"ListTagResources": wire.Reads((*Server).ramListTagResources),
	}})
	imsAPI = consistent(&wire.API[*Server]{Product: wire.Product{Name: "Ims", Version: "2019-08-15", Host: "ims.aliyuncs.com", Service: "ims", ActionCodes: imsActionCodes}, Resources: imsResources, Actions: map[string]route{
		"TagResources":     wire.Writes((*Server).tagResources),
		"UntagResources":   wire.Writes((*Server).untagResources),
		"ListTagResources": wire.Reads((*Server).listTagResources),
	}})
	rmAPI = consistent(&wire.API[*Server]{Product: wire.Product{Name: "ResourceManager", Version: "2020-03-31", Host: "resourcemanager.aliyuncs.com", Service: "resourcemanager", ActionCodes: rmActionCodes}, Resources: rmResources, Actions: map[string]route{
		"CreateServiceLinkedRole": wire.Writes((*Server).createServiceLinkedRole),
		"DeleteServiceLinkedRole": wire.Writes((*Server).deleteServiceLinkedRole),
		// A status query advances the task, and may delete the role.
		"GetServiceLinkedRoleDeletionStatus": wire.Writes((*Server).getServiceLinkedRoleDeletionStatus),
		"GetRole":                            wire.Reads((*Server).rmGetRole),
		"ListRoles":                          wire.Reads((*Server).rmListRoles),
	}})
	stsAPI = consistent(&wire.API[*Server]{Product: wire.Product{Name: "Sts", Version: "2015-04-01", Host: "sts.aliyuncs.com", Service: "sts"}, Resources: stsResources, Actions: map[string]route{
		"GetCallerIdentity": wire.Reads((*Server).getCallerIdentity),
		// Temporary credentials live in memory only: no state save.
		"AssumeRole": wire.Reads((*Server).assumeRole),
	}})
)
