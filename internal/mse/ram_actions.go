// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// RAMAction is a RAM or STS action that the MSE guides (the seeds) or this
// provider's own calls need, with the resource RAM checks a call against.
//
// Policies and calls name resources differently. A policy's Resource is a
// pattern, and RAM's documentation writes it with region "*"
// (acs:ram:*:<account-id>:role/*). A call is checked against one concrete
// ARN, the one the entity itself carries (a role's Arn is
// acs:ram::<account-id>:role/<name>, with an empty region). Asking
// mseram_access_check about the pattern ("*", or role/*) answers a question
// RAM never asks, so Checks holds the request form to ask about instead.
type RAMAction struct {
	Name string // "ram:CreateServiceLinkedRole", as written in policies
	// Patterns are the Resource patterns the documentation grants the action
	// on, with <placeholders>.
	Patterns []string
	// Checks are the resources a call is checked against, one entry per
	// resource; each lists the ARN forms it can take.
	Checks []RAMCheck
	// ConditionKeys are the action's own condition keys, which RAM fills in
	// from the call (ram:ServiceName for service-linked roles).
	ConditionKeys []string
	// UsedBy says which guide or provider feature needs the action.
	UsedBy string
	// Sources are the public documents the entry follows.
	Sources []string
	// Undecided says what no document decides and what the entry assumes;
	// empty when the documents decide everything.
	Undecided string
}

// RAMCheck is one resource RAM checks a call against.
type RAMCheck struct {
	What    string   // "the service-linked role being created"
	Forms   []string // ARN forms with <placeholders>; exactly one applies to a call
	Example string   // a filled-in form, for messages
}

// Placeholders in Patterns and Checks. Each stands for one concrete name:
// no wildcard, no ':' or '/'.
var ramPlaceholders = map[string]string{
	"<account-id>":  `[0-9]+`,
	"<role-name>":   `[A-Za-z0-9._-]+`,
	"<user-name>":   `[A-Za-z0-9._-]+`,
	"<policy-name>": `[A-Za-z0-9-]+`,
}

// Where the entries come from. The API references' "RAM authorization"
// tables give the Resource patterns; the request forms follow the entity's
// own Arn (GetRole and ListRoles return acs:ram::<account-id>:role/<name>).
const (
	// RAM: API authentication rules (resource formats per RAM action).
	docRAMAuthRules = "https://www.alibabacloud.com/help/doc-detail/102666.htm"
	// Resource Management: RAM authorization (role and policy actions).
	docRMAuthorization = "https://www.alibabacloud.com/help/doc-detail/159974.htm"
	// CreateServiceLinkedRole API reference.
	docCreateSLR = "https://alibabacloud.com/help/en/resource-management/resource-group/developer-reference/api-resourcemanager-2020-03-31-createservicelinkedrole-rg"
	// DeleteServiceLinkedRole API reference.
	docDeleteSLR = "https://help.aliyun.com/zh/resource-management/resource-group/developer-reference/api-resourcemanager-2020-03-31-deleteservicelinkedrole-rg"
	// GetRole API reference.
	docGetRole = "https://www.alibabacloud.com/help/doc-detail/28711.htm"
	// ListRoles API reference.
	docListRoles = "https://www.alibabacloud.com/help/en/ram/developer-reference/api-listroles"
	// ListUsers API reference.
	docListUsers = "https://alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-listusers"
	// AttachPolicyToUser API reference.
	docAttachToUser = "https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-attachpolicytouser"
	// AttachPolicyToRole API reference.
	docAttachToRole = "https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-attachpolicytorole"
	// DetachPolicyFromRole API reference.
	docDetachFromRole = "https://alibabacloud.com/help/tc/ram/developer-reference/api-ram-2015-05-01-detachpolicyfromrole"
	// ECS: PassRole on an instance RAM role.
	docECSPassRole = "https://www.alibabacloud.com/help/en/ecs/user-guide/authorize-a-ram-user-to-manage-an-instance-ram-role"
	// AssumeRole API reference (RoleArn format).
	docAssumeRole = "https://www.alibabacloud.com/help/doc-detail/28763.htm"
	// FAQ about RAM roles and STS tokens.
	docRoleFAQ = "https://alibabacloud.com/help/doc-detail/39744.htm"
	// system policy AliyunSTSAssumeRoleAccess.
	docSTSAssumeRoleAcc = "https://alibabacloud.com/help/en/ram/developer-reference/aliyunstsassumeroleaccess"

	// The guides, for UsedBy.
	seedSLRGuide      = "MSE service-linked role guide (seed 000): the FAQ policy and AliyunServiceRolePolicyForMSEEngineService"
	seedRAMUsersGuide = "RAM users for MSE (seed 001): creating users, console logon, AccessKeys, granting policies"
	seedIngressGuide  = "MSE Ingress Controller permissions (seed 004): the Simple Log Service policy"

	// The forms calls are checked against, and examples of them.
	roleForm            = "acs:ram::<account-id>:role/<role-name>"
	userForm            = "acs:ram::<account-id>:user/<user-name>"
	customPolicyForm    = "acs:ram::<account-id>:policy/<policy-name>"
	systemPolicyForm    = "acs:ram::system:policy/<policy-name>"
	exampleAccount      = "1234567890123456"
	exampleMSERoleARN   = "acs:ram::" + exampleAccount + ":role/aliyunserviceroleformse"
	exampleUserARN      = "acs:ram::" + exampleAccount + ":user/dev-zhang"
	exampleRoleARN      = "acs:ram::" + exampleAccount + ":role/ack-worker-role"
	exampleSystemPolicy = "acs:ram::system:policy/AliyunMSEFullAccess"

	undecidedRegionEmpty = "The documentation writes patterns with region `*`; a call carries the entity's own ARN, whose region is empty, and a `*` pattern covers it."
)

// ramActions is the catalog, sorted by Name. Each entry's comment names the
// documents it follows.
var ramActions = []RAMAction{
	// Seed 004 attaches AliyunMSEFullAccess to an ACK worker role; also
	// mseram_role_policy_attachment. Source: our copy of AttachPolicyToRole's
	// reference has no readable table; DetachPolicyFromRole's lists the policy
	// and the role, and attaching is taken to be the same.
	{
		Name: "ram:AttachPolicyToRole",
		Patterns: []string{"acs:ram:*:<account-id>:role/<role-name>", "acs:ram:*:<account-id>:policy/<policy-name>",
			"acs:ram:*:system:policy/<policy-name>"},
		Checks: []RAMCheck{
			{What: "the role the policy is attached to", Forms: []string{roleForm}, Example: exampleRoleARN},
			{What: "the policy being attached", Forms: []string{customPolicyForm, systemPolicyForm}, Example: exampleSystemPolicy},
		},
		UsedBy:  seedIngressGuide + "; mseram_role_policy_attachment",
		Sources: []string{docAttachToRole, docDetachFromRole},
		Undecided: "Taken from DetachPolicyFromRole's table (policy and role; it adds the condition keys `ram:TrustedPrincipalTypes` " +
			"and `ram:ServiceNames`, which no document gives for attaching). Whether both resources must be allowed is not said: ask about both. " +
			"ramsim checks both.",
	},
	// Granted in seed 001 (Add Permissions) and by mseram_user_policy_attachment.
	// Source: AttachPolicyToUser's API reference lists the policy (custom or
	// system) and the user as resource types.
	{
		Name: "ram:AttachPolicyToUser",
		Patterns: []string{"acs:ram:*:<account-id>:user/<user-name>", "acs:ram:*:<account-id>:policy/<policy-name>",
			"acs:ram:*:system:policy/<policy-name>"},
		Checks: []RAMCheck{
			{What: "the RAM user the policy is attached to", Forms: []string{userForm}, Example: exampleUserARN},
			{What: "the policy being attached", Forms: []string{customPolicyForm, systemPolicyForm}, Example: exampleSystemPolicy},
		},
		UsedBy:    seedRAMUsersGuide + "; mseram_user_policy_attachment",
		Sources:   []string{docAttachToUser, docRAMAuthRules},
		Undecided: "The reference lists the user (required) and the policy (not marked required) without saying whether a call that names a policy needs it allowed too: ask about both. ramsim checks both.",
	},
	// Seed 001: permanent AccessKeys for RAM users; mseram_access_key.
	// Source: the RAM authentication rules give user/<user-name>.
	{
		Name:      "ram:CreateAccessKey",
		Patterns:  []string{"acs:ram:*:<account-id>:user/<user-name>"},
		Checks:    []RAMCheck{{What: "the user whose AccessKey is created", Forms: []string{userForm}, Example: exampleUserARN}},
		UsedBy:    seedRAMUsersGuide + "; mseram_access_key",
		Sources:   []string{docRAMAuthRules},
		Undecided: undecidedRegionEmpty,
	},
	// Seed 001: console logon for RAM users; mseram_login_profile.
	// Source: the RAM authentication rules give user/<user-name>.
	{
		Name:      "ram:CreateLoginProfile",
		Patterns:  []string{"acs:ram:*:<account-id>:user/<user-name>"},
		Checks:    []RAMCheck{{What: "the user who gets a console password", Forms: []string{userForm}, Example: exampleUserARN}},
		UsedBy:    seedRAMUsersGuide + "; mseram_login_profile",
		Sources:   []string{docRAMAuthRules},
		Undecided: undecidedRegionEmpty,
	},
	// Seeds 000 (FAQ policy, acs:ram:*:<account-id>:role/* with
	// ram:ServiceName) and 004 (on *). Source: CreateServiceLinkedRole's API
	// reference gives role/* and the condition key ram:ServiceName.
	{
		Name:     "ram:CreateServiceLinkedRole",
		Patterns: []string{"acs:ram:*:<account-id>:role/*"},
		Checks: []RAMCheck{{What: "the service-linked role being created, its name lower-case as in its ARN",
			Forms: []string{roleForm}, Example: exampleMSERoleARN}},
		ConditionKeys: []string{"ram:ServiceName"},
		UsedBy:        seedSLRGuide + "; " + seedIngressGuide + "; mseram_service_linked_role",
		Sources:       []string{docCreateSLR, docRMAuthorization},
		Undecided: "The reference gives only `role/*`, not the ARN a call is checked against. We take the role being created, " +
			"lower-cased as service-linked role ARNs are (seed 004 writes `aliyunserviceroleforslsaudit`), which is what ramsim checks; " +
			"a statement on `role/*` or `*` covers it either way.",
	},
	// Seed 001: creating RAM users; mseram_user. Source: the RAM
	// authentication rules give user/*.
	{
		Name:      "ram:CreateUser",
		Patterns:  []string{"acs:ram:*:<account-id>:user/*"},
		Checks:    []RAMCheck{{What: "every user of the account: a new user is checked on the wildcard, not its name", Forms: []string{"acs:ram::<account-id>:user/*"}, Example: "acs:ram::" + exampleAccount + ":user/*"}},
		UsedBy:    seedRAMUsersGuide + "; mseram_user",
		Sources:   []string{docRAMAuthRules},
		Undecided: undecidedRegionEmpty + " A statement on `user/dev-*` does not cover it; ramsim checks `user/*`.",
	},
	// Seed 000: AliyunServiceRolePolicyForMSEEngineService grants it on *
	// with ram:ServiceName. Source: DeleteServiceLinkedRole's API reference
	// (our copy of its table names no resource type).
	{
		Name:          "ram:DeleteServiceLinkedRole",
		Patterns:      []string{"*"},
		Checks:        []RAMCheck{{What: "the service-linked role being deleted", Forms: []string{roleForm}, Example: exampleMSERoleARN}},
		ConditionKeys: []string{"ram:ServiceName"},
		UsedBy:        seedSLRGuide + "; mseram_service_linked_role",
		Sources:       []string{docDeleteSLR},
		Undecided: "No document we found gives the resource; we take the role named by RoleName (lower-case, as its Arn), " +
			"as for `ram:GetRole`, which is what ramsim checks.",
	},
	// The RAM console's role pages; mseram_role and mseram_service_linked_role
	// read roles with it. Source: GetRole's API reference gives
	// role/<role-name>; its Arn field shows the empty region.
	{
		Name:      "ram:GetRole",
		Patterns:  []string{"acs:ram:*:<account-id>:role/<role-name>"},
		Checks:    []RAMCheck{{What: "the role read", Forms: []string{roleForm}, Example: exampleRoleARN}},
		UsedBy:    "mseram_role, mseram_service_linked_role",
		Sources:   []string{docGetRole, docRMAuthorization},
		Undecided: undecidedRegionEmpty,
	},
	// mseram_user reads users with it. Source: the RAM authentication rules
	// give user/<user-name>.
	{
		Name:      "ram:GetUser",
		Patterns:  []string{"acs:ram:*:<account-id>:user/<user-name>"},
		Checks:    []RAMCheck{{What: "the user read", Forms: []string{userForm}, Example: exampleUserARN}},
		UsedBy:    seedRAMUsersGuide + "; mseram_user",
		Sources:   []string{docRAMAuthRules},
		Undecided: undecidedRegionEmpty,
	},
	// The RAM console's Roles page (seed 000 finds the MSE role there).
	// Source: ListRoles' API reference (resource type Role) and Resource
	// Management's RAM authorization page (role/*).
	{
		Name:      "ram:ListRoles",
		Patterns:  []string{"acs:ram:*:<account-id>:role/*"},
		Checks:    []RAMCheck{{What: "every role of the account", Forms: []string{"acs:ram::<account-id>:role/*"}, Example: "acs:ram::" + exampleAccount + ":role/*"}},
		UsedBy:    "RAM console (seed 000 deletes the MSE role from the Roles page); mseram_service_linked_roles",
		Sources:   []string{docListRoles, docRMAuthorization},
		Undecided: "No document says what a listing call is checked against; a statement must cover `role/*` to allow it, so ask about that, as ramsim checks.",
	},
	// The RAM console's Users page (seed 001). Source: ListUsers' API
	// reference (resource type User) and the RAM authentication rules
	// (user/*).
	{
		Name:      "ram:ListUsers",
		Patterns:  []string{"acs:ram:*:<account-id>:user/*"},
		Checks:    []RAMCheck{{What: "every user of the account", Forms: []string{"acs:ram::<account-id>:user/*"}, Example: "acs:ram::" + exampleAccount + ":user/*"}},
		UsedBy:    seedRAMUsersGuide,
		Sources:   []string{docListUsers, docRAMAuthRules},
		Undecided: "No document says what a listing call is checked against; a statement must cover `user/*` to allow it, so ask about that, as ramsim checks.",
	},
	// Seed 004 grants it on acs:ram::*:role/aliyunserviceroleforslsaudit.
	// Source: ECS's guide calls it a permission on the role passed (and
	// grants it on *); PassRole has no API of its own, so no reference table.
	{
		Name:     "ram:PassRole",
		Patterns: []string{"acs:ram:*:<account-id>:role/<role-name>", "*"},
		Checks: []RAMCheck{{What: "the role handed to the cloud service", Forms: []string{roleForm},
			Example: "acs:ram::" + exampleAccount + ":role/aliyunserviceroleforslsaudit"}},
		UsedBy:    seedIngressGuide,
		Sources:   []string{docECSPassRole},
		Undecided: "No document gives the ARN form; we take the passed role's own Arn, as seed 004's policy writes it.",
	},
	// The provider's assume_role credentials. Source: AssumeRole's
	// reference gives RoleArn as acs:ram::<account-id>:role/<role-name>; the
	// roles FAQ limits the action to one role with a custom policy;
	// AliyunSTSAssumeRoleAccess grants it on *.
	{
		Name:     "sts:AssumeRole",
		Patterns: []string{"acs:ram:*:<account-id>:role/<role-name>", "*"},
		Checks: []RAMCheck{{What: "the role assumed, the call's RoleArn", Forms: []string{roleForm},
			Example: "acs:ram::" + exampleAccount + ":role/mse-operator"}},
		UsedBy:  "the provider's assume_role credentials",
		Sources: []string{docAssumeRole, docRoleFAQ, docSTSAssumeRoleAcc},
		Undecided: "The role's trust policy must also allow the caller; mseram_access_check evaluates identity policies only, " +
			"so it cannot answer that part.",
	},
}

// conditionExamples are values for messages, one per ConditionKeys entry.
var conditionExamples = map[string]string{"ram:ServiceName": "mse.aliyuncs.com"}

// ramFormPatterns holds each Checks form as a regular expression.
var ramFormPatterns = func() map[string]*regexp.Regexp {
	out := map[string]*regexp.Regexp{}
	for _, a := range ramActions {
		for _, c := range a.Checks {
			for _, f := range c.Forms {
				out[f] = compileRAMForm(f)
			}
		}
	}
	return out
}()

// compileRAMForm turns a form into an anchored expression: placeholders
// match one concrete name, everything else (a '*' included) itself.
func compileRAMForm(form string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for rest := form; rest != ""; {
		i := strings.IndexByte(rest, '<')
		j := strings.IndexByte(rest, '>')
		if i < 0 || j < i {
			b.WriteString(regexp.QuoteMeta(rest))
			break
		}
		b.WriteString(regexp.QuoteMeta(rest[:i]))
		expr, ok := ramPlaceholders[rest[i:j+1]]
		if !ok {
			panic("mse: unknown placeholder " + rest[i:j+1] + " in " + form)
		}
		b.WriteString(expr)
		rest = rest[j+1:]
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// RAMActions returns the catalog, sorted by Name (a copy).
func RAMActions() []RAMAction {
	return slices.Clone(ramActions)
}

// LookupRAMAction finds an action by name, case-insensitively (RAM matches
// actions case-insensitively).
func LookupRAMAction(name string) (RAMAction, bool) {
	for _, a := range ramActions {
		if strings.EqualFold(a.Name, name) {
			return a, true
		}
	}
	return RAMAction{}, false
}

// checkFor returns the index of the check whose forms fit resource, or -1.
func (a RAMAction) checkFor(resource string) int {
	for i, c := range a.Checks {
		for _, f := range c.Forms {
			if ramFormPatterns[f].MatchString(resource) {
				return i
			}
		}
	}
	return -1
}

// RequestNotes says what a check of a on resource, with the condition keys
// contextKeys, does not ask the way RAM does: a resource of another form
// than RAM checks (such as "*", or a pattern with region "*"), another
// resource RAM also checks, a condition key RAM would fill in that the
// request leaves out. It returns nil when the request is RAM's.
func (a RAMAction) RequestNotes(resource string, contextKeys []string) []string {
	var notes []string
	i := a.checkFor(resource)
	if i < 0 {
		var forms []string
		for _, c := range a.Checks {
			forms = append(forms, fmt.Sprintf("%s (%s, e.g. %s)", strings.Join(c.Forms, " or "), c.What, c.Example))
		}
		notes = append(notes, fmt.Sprintf("RAM checks a %s call against %s, not against %q: ask about that ARN, with your "+
			"account ID and the names filled in, to get RAM's answer. A policy may still grant the action on a pattern "+
			"such as %s.", a.Name, strings.Join(forms, " and "), resource, a.Patterns[0]))
	}
	for j, c := range a.Checks {
		if i >= 0 && j != i {
			notes = append(notes, fmt.Sprintf("RAM also checks a %s call against %s (%s, e.g. %s): ask about it too.",
				a.Name, strings.Join(c.Forms, " or "), c.What, c.Example))
		}
	}
	for _, k := range a.ConditionKeys {
		if !slices.ContainsFunc(contextKeys, func(c string) bool { return strings.EqualFold(c, k) }) {
			notes = append(notes, fmt.Sprintf("RAM fills in the condition key %s for a %s call; the request's context leaves it "+
				"out, so a statement that requires it cannot match. Add it to context (e.g. \"%s\" = %q).",
				k, a.Name, k, conditionExamples[k]))
		}
	}
	return notes
}
