// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// handler implements one action. It returns the response fields (the
// server adds RequestId) or an API error; it must not change state when it
// returns an error.
type handler func(s *Server, rq *wire.Request) (map[string]any, *wire.Error)

// route is one implemented action; mutating ones trigger a state save.
type route struct {
	handle  handler
	mutates bool
}

// resourceFunc returns the ARNs of what a request touches, the resources
// a RAM user's policies must allow the action on (e.g.
// acs:ram::<account>:user/<name>). It runs with Server.mu held, before the
// handler; an error (a missing parameter, say) is answered as is.
type resourceFunc func(s *Server, rq *wire.Request) ([]string, *wire.Error)

// product is one emulated API: the Version that selects it, the host the
// real service answers on (HostId in errors), the name the troubleshooting
// link uses, the service prefix of its RAM actions ("ram" in
// ram:CreateUser), its implemented actions, and for each action the
// resources it is authorized on.
type product struct {
	name      string
	version   string
	host      string
	service   string
	actions   map[string]route
	resources map[string]resourceFunc
}

// products is the routing table: (Version, Action) -> handler. An action
// missing here answers InvalidAction.NotFound like the real gateway.
var products = []*product{
	{name: "Ram", version: "2015-05-01", host: "ram.aliyuncs.com", service: "ram", resources: ramResources, actions: map[string]route{
		"CreateUser": {(*Server).createUser, true},
		"GetUser":    {(*Server).getUser, false},
		"UpdateUser": {(*Server).updateUser, true},
		"DeleteUser": {(*Server).deleteUser, true},
		"ListUsers":  {(*Server).listUsers, false},

		"CreateLoginProfile": {(*Server).createLoginProfile, true},
		"GetLoginProfile":    {(*Server).getLoginProfile, false},
		"UpdateLoginProfile": {(*Server).updateLoginProfile, true},
		"DeleteLoginProfile": {(*Server).deleteLoginProfile, true},

		"CreateAccessKey": {(*Server).createAccessKey, true},
		"ListAccessKeys":  {(*Server).listAccessKeys, false},
		"UpdateAccessKey": {(*Server).updateAccessKey, true},
		"DeleteAccessKey": {(*Server).deleteAccessKey, true},

		"CreatePolicy":            {(*Server).createPolicy, true},
		"GetPolicy":               {(*Server).getPolicy, false},
		"ListPolicies":            {(*Server).listPolicies, false},
		"DeletePolicy":            {(*Server).deletePolicy, true},
		"UpdatePolicyDescription": {(*Server).updatePolicyDescription, true},
		"CreatePolicyVersion":     {(*Server).createPolicyVersion, true},
		"GetPolicyVersion":        {(*Server).getPolicyVersion, false},
		"ListPolicyVersions":      {(*Server).listPolicyVersions, false},
		"DeletePolicyVersion":     {(*Server).deletePolicyVersion, true},
		"SetDefaultPolicyVersion": {(*Server).setDefaultPolicyVersion, true},

		"AttachPolicyToUser":    {attachPolicy(userKind), true},
		"AttachPolicyToGroup":   {attachPolicy(groupKind), true},
		"AttachPolicyToRole":    {attachPolicy(roleKind), true},
		"DetachPolicyFromUser":  {detachPolicy(userKind), true},
		"DetachPolicyFromGroup": {detachPolicy(groupKind), true},
		"DetachPolicyFromRole":  {detachPolicy(roleKind), true},
		"ListPoliciesForUser":   {listPoliciesFor(userKind), false},
		"ListPoliciesForGroup":  {listPoliciesFor(groupKind), false},
		"ListPoliciesForRole":   {listPoliciesFor(roleKind), false},
		"ListEntitiesForPolicy": {(*Server).listEntitiesForPolicy, false},

		"CreateRole": {(*Server).createRole, true},
		"GetRole":    {(*Server).getRole, false},
		"UpdateRole": {(*Server).updateRole, true},
		"DeleteRole": {(*Server).deleteRole, true},
		"ListRoles":  {(*Server).listRoles, false},

		"CreateGroup":         {(*Server).createGroup, true},
		"GetGroup":            {(*Server).getGroup, false},
		"UpdateGroup":         {(*Server).updateGroup, true},
		"DeleteGroup":         {(*Server).deleteGroup, true},
		"ListGroups":          {(*Server).listGroups, false},
		"AddUserToGroup":      {(*Server).addUserToGroup, true},
		"RemoveUserFromGroup": {(*Server).removeUserFromGroup, true},
		"ListGroupsForUser":   {(*Server).listGroupsForUser, false},
		"ListUsersForGroup":   {(*Server).listUsersForGroup, false},

		// Tags of roles and policies (users are tagged through IMS).
		"TagResources":     {(*Server).ramTagResources, true},
		"UntagResources":   {(*Server).ramUntagResources, true},
		"ListTagResources": {(*Server).ramListTagResources, false},
	}},
	{name: "Ims", version: "2019-08-15", host: "ims.aliyuncs.com", service: "ims", resources: imsResources, actions: map[string]route{
		"TagResources":     {(*Server).tagResources, true},
		"UntagResources":   {(*Server).untagResources, true},
		"ListTagResources": {(*Server).listTagResources, false},
	}},
	{name: "ResourceManager", version: "2020-03-31", host: "resourcemanager.aliyuncs.com", service: "resourcemanager", resources: rmResources, actions: map[string]route{
		"CreateServiceLinkedRole": {(*Server).createServiceLinkedRole, true},
		"DeleteServiceLinkedRole": {(*Server).deleteServiceLinkedRole, true},
		// A status query advances the task, and may delete the role.
		"GetServiceLinkedRoleDeletionStatus": {(*Server).getServiceLinkedRoleDeletionStatus, true},
		"GetRole":                            {(*Server).rmGetRole, false},
		"ListRoles":                          {(*Server).rmListRoles, false},
	}},
	{name: "Sts", version: "2015-04-01", host: "sts.aliyuncs.com", service: "sts", resources: stsResources, actions: map[string]route{
		"GetCallerIdentity": {(*Server).getCallerIdentity, false},
		// Temporary credentials live in memory only: no state save.
		"AssumeRole": {(*Server).assumeRole, false},
	}},
	mseProduct,
}

// productFor returns the product a request is for. With a known Version it
// is that product. Otherwise the request fails with InvalidVersion, and the
// product is only needed for the error's HostId: the one implementing the
// action if any, else RAM.
func productFor(version, action string) (*product, bool) {
	for _, p := range products {
		if p.version == version {
			return p, true
		}
	}
	for _, p := range products {
		if _, ok := p.actions[action]; ok {
			return p, false
		}
	}
	return products[0], false
}

// knownAction reports whether some emulated product implements action
// (the faults spec's actions= key names only those).
func knownAction(a string) bool {
	for _, p := range products {
		if _, ok := p.actions[a]; ok {
			return true
		}
	}
	return false
}
