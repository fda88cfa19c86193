// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// The resources each RAM, IMS, ResourceManager and STS action is
// authorized on (wire.API.Resources), the action codes that differ from
// <service>:<Action>, and the condition keys actions add.
//
// ARNs: users acs:ram::<account>:user/<name>, groups ...:group/<name>,
// roles ...:role/<name> (service-linked roles lower-cased, as their Arn),
// custom policies ...:policy/<name>, system policies
// acs:ram::system:policy/<name>. Creating and listing an entity kind is
// authorized on acs:ram::<account>:<kind>/*. An action on two entities
// (attaching a policy to a principal, adding a user to a group, renaming)
// needs every one of them allowed. The API references' "RAM
// authorization" tables are the source; internal/mse/ram_actions.go
// names the pages, and docs/guides/testing-with-ramsim.md lists the rules.
// Each action's page is
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-<action in lower case>
// (AssumeRole: .../api-sts-2015-04-01-assumerole; CreateUser's table with
// its ARN: https://www.alibabacloud.com/help/doc-detail/28680.htm). Actions
// whose current table could not be read (the access-key, login-profile,
// ListPolicies*, group and role-update actions) follow the same pattern:
// the entity named, or <kind>/* for listing.
//
// The resource functions read parameters without looking entities up
// where they can, so an unauthorized caller learns nothing about what
// exists; a missing parameter answers Missing<Name> as the handler would.

// imsActionCodes and rmActionCodes are the actions that the real service
// authorizes under another code (wire.Product.ActionCodes).
// ResourceManager's role actions are RAM's: seed 000 grants creating MSE's service-linked role
// with "ram:CreateServiceLinkedRole" (so does the system policy
// AliyunMSEFullAccess), and deleting one with "ram:DeleteServiceLinkedRole".
// IMS is part of RAM and its API reference gives RAM's code too
// (ram:TagResources for IMS TagResources on users).
var (
	imsActionCodes = map[string]string{
		"TagResources":     "ram:TagResources",
		"UntagResources":   "ram:UntagResources",
		"ListTagResources": "ram:ListTagResources",

		"GetPasswordPolicy":     "ram:GetPasswordPolicy",
		"SetPasswordPolicy":     "ram:SetPasswordPolicy",
		"GetSecurityPreference": "ram:GetSecurityPreference",
		"SetSecurityPreference": "ram:SetSecurityPreference",
	}
	rmActionCodes = map[string]string{
		"CreateServiceLinkedRole":            "ram:CreateServiceLinkedRole",
		"DeleteServiceLinkedRole":            "ram:DeleteServiceLinkedRole",
		"GetServiceLinkedRoleDeletionStatus": "ram:GetServiceLinkedRoleDeletionStatus",
		"GetRole":                            "ram:GetRole",
		"ListRoles":                          "ram:ListRoles",
	}
)

// authzContext adds the condition keys an action defines, by action code:
// ram:ServiceName for the service-linked role actions (CreateServiceLinkedRole's API reference), and
// sts:ExternalId for AssumeRole (trust policies may require it).
var authzContext = map[string]func(s *Service, rq *wire.Request) map[string]string{
	"ram:CreateServiceLinkedRole": func(_ *Service, rq *wire.Request) map[string]string {
		return map[string]string{policy.KeyServiceName: rq.Get("ServiceName")}
	},
	"ram:DeleteServiceLinkedRole": func(s *Service, rq *wire.Request) map[string]string {
		if r := s.st.roles[rq.Get("RoleName")]; r != nil {
			return map[string]string{policy.KeyServiceName: r.ServiceName}
		}
		return nil
	},
	"ram:GetServiceLinkedRoleDeletionStatus": func(_ *Service, rq *wire.Request) map[string]string {
		service, _ := deletionTaskRole(rq.Get("DeletionTaskId"))
		return map[string]string{policy.KeyServiceName: service}
	},
	"sts:AssumeRole": func(_ *Service, rq *wire.Request) map[string]string {
		return map[string]string{"sts:ExternalId": rq.Get("ExternalId")}
	},
}

var (
	ramResources = map[string]resourceFunc{
		// Listing, and creating users and groups, are checked on the kind's
		// wildcard ARN, as the authorization tables give them (user/*,
		// group/*, role/*, policy/*), so a statement on user/dev-* does not
		// allow creating dev-alice. CreateRole and CreatePolicy are checked
		// on the new entity: their current tables give role/{#RoleName} and
		// policy/{#PolicyName}.
		"CreateUser": kindWide("user"),
		"GetUser":    named("user", "UserName"),
		// UpdateUser's table lists only user/{#UserName}; no document says
		// whether a rename is checked on the new name. ramsim checks it too
		// (fail closed): otherwise a rename steps around a Deny on the new
		// name, which a trust policy or a guardrail may name.
		"UpdateUser": renamed("user", "UserName", "NewUserName"),
		"DeleteUser": named("user", "UserName"),
		"ListUsers":  kindWide("user"),

		"CreateLoginProfile": named("user", "UserName"),
		"GetLoginProfile":    named("user", "UserName"),
		"UpdateLoginProfile": named("user", "UserName"),
		"DeleteLoginProfile": named("user", "UserName"),

		"CreateAccessKey": keyUserResource,
		"ListAccessKeys":  keyUserResource,
		"UpdateAccessKey": keyUserResource,
		"DeleteAccessKey": keyUserResource,

		"CreatePolicy":            named("policy", "PolicyName"),
		"GetPolicy":               policyResource,
		"ListPolicies":            kindWide("policy"),
		"DeletePolicy":            named("policy", "PolicyName"),
		"UpdatePolicyDescription": named("policy", "PolicyName"),
		"CreatePolicyVersion":     named("policy", "PolicyName"),
		"GetPolicyVersion":        policyResource,
		"ListPolicyVersions":      policyResource,
		"DeletePolicyVersion":     named("policy", "PolicyName"),
		"SetDefaultPolicyVersion": named("policy", "PolicyName"),

		// On the principal and on the policy: a user allowed to attach
		// policies to bob may not attach AdministratorAccess unless allowed
		// on that policy too. The tables list both (the policy as
		// acs:ram:*:<account>:policy/<name> or acs:ram:*:system:policy/<name>)
		// and mark only the principal required; a call always names its
		// policy, so both are checked.
		"AttachPolicyToUser":    both(named("user", "UserName"), policyResource),
		"AttachPolicyToGroup":   both(named("group", "GroupName"), policyResource),
		"AttachPolicyToRole":    both(roleResource, policyResource),
		"DetachPolicyFromUser":  both(named("user", "UserName"), policyResource),
		"DetachPolicyFromGroup": both(named("group", "GroupName"), policyResource),
		"DetachPolicyFromRole":  both(roleResource, policyResource),
		"ListPoliciesForUser":   named("user", "UserName"),
		"ListPoliciesForGroup":  named("group", "GroupName"),
		"ListPoliciesForRole":   roleResource,
		"ListEntitiesForPolicy": policyResource,

		"CreateRole": roleResource,
		"GetRole":    roleResource,
		"UpdateRole": roleResource,
		"DeleteRole": roleResource,
		"ListRoles":  kindWide("role"),

		"CreateGroup":         kindWide("group"),
		"GetGroup":            named("group", "GroupName"),
		"UpdateGroup":         renamed("group", "GroupName", "NewGroupName"),
		"DeleteGroup":         named("group", "GroupName"),
		"ListGroups":          kindWide("group"),
		"AddUserToGroup":      both(named("user", "UserName"), named("group", "GroupName")),
		"RemoveUserFromGroup": both(named("user", "UserName"), named("group", "GroupName")),
		"ListGroupsForUser":   named("user", "UserName"),
		"ListUsersForGroup":   named("group", "GroupName"),

		"TagResources":     ramTaggedResources(false),
		"UntagResources":   ramTaggedResources(false),
		"ListTagResources": ramTaggedResources(true),
	}

	imsResources = map[string]resourceFunc{
		"TagResources":     imsTaggedUsers(false),
		"UntagResources":   imsTaggedUsers(false),
		"ListTagResources": imsTaggedUsers(true),

		// The account's settings: "All Resources" in each action's
		// authorization table (account_settings.go names the pages).
		"GetPasswordPolicy":     accountWide,
		"SetPasswordPolicy":     accountWide,
		"GetSecurityPreference": accountWide,
		"SetSecurityPreference": accountWide,
	}

	rmResources = map[string]resourceFunc{
		"CreateServiceLinkedRole":            serviceLinkedRoleToCreate,
		"DeleteServiceLinkedRole":            roleResource,
		"GetServiceLinkedRoleDeletionStatus": deletionTaskResource,
		"GetRole":                            roleResource,
		"ListRoles":                          kindWide("role"),
	}

	// stsResources: GetCallerIdentity is in authzExempt instead.
	stsResources = map[string]resourceFunc{
		"AssumeRole": assumedRoleResource,
	}
)

// ramArn is acs:ram::<account>:<relative>.
func (s *Service) ramArn(relative string) string {
	return "acs:ram::" + s.cfg.AccountID + ":" + relative
}

// named authorizes on the entity of kind named by the required param.
func named(kind, param string) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		name, err := rq.Required(param)
		if err != nil {
			return nil, err
		}
		return []string{s.ramArn(kind + "/" + name)}, nil
	}
}

func accountWide(s *Service, _ *wire.Request) ([]string, *wire.Error) {
	return []string{s.ramArn("*")}, nil
}

// kindWide is every entity of a kind: acs:ram::<account>:user/* for the
// actions that create or list users.
func kindWide(kind string) resourceFunc {
	return func(s *Service, _ *wire.Request) ([]string, *wire.Error) {
		return []string{s.ramArn(kind + "/*")}, nil
	}
}

// renamed is the entity named by param and, when newParam is sent, the
// entity it is renamed to: renaming alice to admin needs permission on
// both, or a rename could step around a Deny on the new name.
func renamed(kind, param, newParam string) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		out, err := named(kind, param)(s, rq)
		if err != nil {
			return nil, err
		}
		if n := rq.Get(newParam); n != "" && n != rq.Get(param) {
			out = append(out, s.ramArn(kind+"/"+n))
		}
		return out, nil
	}
}

// both is the resources of each function, all of which must be allowed.
func both(fs ...resourceFunc) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		var out []string
		for _, f := range fs {
			r, err := f(s, rq)
			if err != nil {
				return nil, err
			}
			out = append(out, r...)
		}
		return out, nil
	}
}

// policyResource is the policy named by PolicyName: a custom policy is
// acs:ram::<account>:policy/<name>, a system policy (PolicyType=System)
// acs:ram::system:policy/<name>, the account field of system policies
// being "system" in RAM's resource formats.
func policyResource(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	name, err := rq.Required("PolicyName")
	if err != nil {
		return nil, err
	}
	if rq.Get("PolicyType") == policySystem {
		return []string{systemPolicyArn(name)}, nil
	}
	return []string{s.ramArn("policy/" + name)}, nil
}

// systemPolicyArn is a system policy's ARN.
func systemPolicyArn(name string) string { return "acs:ram::system:policy/" + name }

// assumedRoleResource is the role AssumeRole would assume, by its own
// ARN: RoleArn resolves names in any case (roleByArn), so authorizing the
// ARN as typed would let role/ADMIN step around a Deny on role/admin. A
// RoleArn that names no role of this account is authorized as typed; the
// handler then answers EntityNotExist.Role or InvalidParameter.RoleArn.
func assumedRoleResource(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	arn, err := rq.Required("RoleArn")
	if err != nil {
		return nil, err
	}
	if r, rerr := s.roleByArn(arn); rerr == nil {
		return []string{r.arn(s.cfg.AccountID)}, nil
	}
	return []string{arn}, nil
}

// roleResource is RoleName's ARN: the role's own Arn when it exists (a
// service-linked role's is lower-cased), else built from the name.
func roleResource(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	name, err := rq.Required("RoleName")
	if err != nil {
		return nil, err
	}
	if r := s.st.roles[name]; r != nil {
		return []string{r.arn(s.cfg.AccountID)}, nil
	}
	return []string{roleArn(s.cfg.AccountID, name)}, nil
}

// keyUserResource is the user an access-key action is about (see
// keyUser): UserName, or when it is absent the RAM user signing.
func keyUserResource(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	if _, sent := rq.Lookup("UserName"); !sent && rq.Caller.IdentityType == wire.IdentityRAMUser {
		if u := s.st.userByID(rq.Caller.PrincipalID); u != nil {
			return []string{s.ramArn("user/" + u.Name)}, nil
		}
	}
	return named("user", "UserName")(s, rq)
}

// ramTaggedResources: RAM's tag actions on the roles or policies named by
// ResourceNames; ListTagResources without names is account-wide.
func ramTaggedResources(listing bool) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		rt, err := rq.Required("ResourceType")
		if err != nil {
			return nil, err
		}
		if rt != "role" && rt != "policy" {
			return nil, wire.Incorrect("ResourceType")
		}
		names, err := jsonStrings(rq, "ResourceNames", maxTagResources)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			if listing {
				return accountWide(s, rq)
			}
			return nil, wire.Missing("ResourceNames")
		}
		out := make([]string, len(names))
		for i, n := range names {
			if r := s.st.roles[n]; rt == "role" && r != nil {
				out[i] = r.arn(s.cfg.AccountID)
			} else {
				out[i] = s.ramArn(rt + "/" + n)
			}
		}
		return out, nil
	}
}

// imsTaggedUsers: IMS's tag actions on the users named by ResourceId.N or
// ResourcePrincipalName.N (resolved as the handler resolves them, so an
// unknown one answers EntityNotExist.User); ListTagResources without
// either is account-wide.
func imsTaggedUsers(listing bool) resourceFunc {
	return func(s *Service, rq *wire.Request) ([]string, *wire.Error) {
		if listing && len(rq.Indexes("ResourceId")) == 0 && len(rq.Indexes("ResourcePrincipalName")) == 0 {
			if _, err := rq.Required("ResourceType"); err != nil {
				return nil, err
			}
			return accountWide(s, rq)
		}
		users, err := s.taggedUsers(rq, listing)
		if err != nil {
			return nil, err
		}
		out := make([]string, len(users))
		for i, u := range users {
			out[i] = s.ramArn("user/" + u.Name)
		}
		return out, nil
	}
}

// serviceLinkedRoleToCreate is the role CreateServiceLinkedRole would
// create (lower-cased, as its Arn will be). seed 000 grants it as
// acs:ram:*:<account>:role/* with a ram:ServiceName condition, which this
// ARN matches. An unknown service answers EntityNotExist.Service, as the
// handler would.
func serviceLinkedRoleToCreate(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	service, err := rq.Required("ServiceName")
	if err != nil {
		return nil, err
	}
	spec, ok := s.ServiceSpec(service)
	if !ok {
		return nil, errServiceNotExist()
	}
	name := spec.RoleName
	if suffix := rq.Get("CustomSuffix"); suffix != "" {
		name += "_" + suffix
	}
	return []string{roleArn(s.cfg.AccountID, strings.ToLower(name))}, nil
}

// deletionTaskResource is the role of a deletion task, read from its id
// (task/acs-service-role/<service>/<role>/<uuid>); an id of another shape
// is authorized account-wide and then refused by the handler.
func deletionTaskResource(s *Service, rq *wire.Request) ([]string, *wire.Error) {
	id, err := rq.Required("DeletionTaskId")
	if err != nil {
		return nil, err
	}
	if _, role := deletionTaskRole(id); role != "" {
		return []string{roleArn(s.cfg.AccountID, strings.ToLower(role))}, nil
	}
	return accountWide(s, rq)
}

// deletionTaskRole splits a DeletionTaskId into its service and role
// name; both "" when it is not of that shape.
func deletionTaskRole(id string) (service, role string) {
	rest, ok := strings.CutPrefix(id, "task/acs-service-role/")
	parts := strings.Split(rest, "/")
	if !ok || len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return "", ""
	}
	return parts[0], parts[1]
}
