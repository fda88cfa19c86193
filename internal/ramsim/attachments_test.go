// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// principalCase is one kind of principal for the table-driven tests.
type principalCase struct{ kind, param, name string }

var principalCases = []principalCase{{"User", "UserName", "alice"}, {"Group", "GroupName", "devs"}, {"Role", "RoleName", "worker"}}

// createPrincipals makes alice, devs and worker.
func (e *testEnv) createPrincipals() {
	e.t.Helper()
	e.ok(vRAM, "CreateUser", map[string]string{"UserName": "alice"})
	e.ok(vRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	e.ok(vRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": docTrust})
}

func (c principalCase) params(typ, policy string) map[string]string {
	return map[string]string{c.param: c.name, "PolicyType": typ, "PolicyName": policy}
}

func TestAttachDetach(t *testing.T) {
	env := newEnv(t, Config{})
	env.createPrincipals()
	env.createPolicy("my-policy", "Description", "mine")
	for _, c := range principalCases {
		t.Run(c.kind, func(t *testing.T) {
			env.clock.add(time.Minute)
			attachedAt := formatDate(env.clock.now())
			env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "AliyunMSEFullAccess"))
			env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "my-policy"))
			env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "my-policy"), 409, "EntityAlreadyExists."+c.kind+".Policy")
			env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "AliyunMSEFullAccess"), 404, "EntityNotExist.Policy")
			env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "nope"), 404, "EntityNotExist.Policy")
			env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("Other", "my-policy"), 400, "InvalidParameter.PolicyType")
			missing := c.params("Custom", "my-policy")
			missing[c.param] = "nobody"
			env.fail(vRAM, "AttachPolicyTo"+c.kind, missing, 404, "EntityNotExist."+c.kind)

			if got := env.srv.AttachedPolicies(strings.ToLower(c.kind), c.name); strings.Join(got, ",") != "Custom:my-policy,System:AliyunMSEFullAccess" {
				t.Fatalf("AttachedPolicies %v", got)
			}
			body := env.ok(vRAM, "ListPoliciesFor"+c.kind, map[string]string{c.param: c.name})
			pols := asList(t, field(body, "Policies", "Policy"))
			if names(pols, "PolicyName") != "AliyunMSEFullAccess,my-policy" || str(pols[1], "PolicyType") != "Custom" ||
				str(pols[1], "Description") != "mine" || str(pols[1], "DefaultVersion") != "v1" || str(pols[1], "AttachDate") != attachedAt {
				t.Fatalf("ListPoliciesFor%s: %v", c.kind, body)
			}
			env.fail(vRAM, "ListPoliciesFor"+c.kind, map[string]string{c.param: "nobody"}, 404, "EntityNotExist."+c.kind)
		})
	}
	if p, _ := env.srv.Policy("AliyunMSEFullAccess"); p.AttachmentCount != 3 || p.PolicyType != "System" {
		t.Fatalf("system policy snapshot %+v", p)
	}
	body := env.ok(vRAM, "GetPolicy", map[string]string{"PolicyName": "my-policy", "PolicyType": "Custom"})
	if field(body, "Policy", "AttachmentCount") != 3.0 {
		t.Fatalf("AttachmentCount: %v", body)
	}
	body = env.ok(vRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AliyunMSEFullAccess", "PolicyType": "System"})
	if names(field(body, "Users", "User"), "UserName") != "alice" || names(field(body, "Groups", "Group"), "GroupName") != "devs" ||
		names(field(body, "Roles", "Role"), "RoleName") != "worker" ||
		str(asList(t, field(body, "Roles", "Role"))[0], "Arn") != "acs:ram::"+testAccount+":role/worker" ||
		str(asList(t, field(body, "Users", "User"))[0], "AttachDate") == "" {
		t.Fatalf("ListEntitiesForPolicy: %v", body)
	}
	body = env.ok(vRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System"})
	if users, ok := field(body, "Users", "User").([]any); !ok || len(users) != 0 {
		t.Fatalf("empty ListEntitiesForPolicy: %v", body)
	}

	for _, c := range principalCases {
		env.ok(vRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "my-policy"))
		env.fail(vRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "my-policy"), 404, "EntityNotExist."+c.kind+".Policy")
		env.fail(vRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "nope"), 404, "EntityNotExist.Policy")
		if got := env.srv.AttachedPolicies(c.kind, c.name); strings.Join(got, ",") != "System:AliyunMSEFullAccess" {
			t.Fatalf("after detach %v", got)
		}
	}
	if p, _ := env.srv.Policy("my-policy"); p.AttachmentCount != 0 {
		t.Fatalf("AttachmentCount after detach %d", p.AttachmentCount)
	}
	if env.srv.AttachedPolicies("user", "nobody") != nil || env.srv.AttachedPolicies("alien", "alice") != nil {
		t.Fatal("AttachedPolicies of unknown principals")
	}
}

func TestAttachLimits(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{SystemPoliciesPerPrincipal: 2, CustomPoliciesPerPrincipal: 1}})
	env.createPrincipals()
	env.createPolicy("c1")
	env.createPolicy("c2")
	for _, c := range principalCases {
		env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c1"))
		env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c2"), 409, "LimitExceeded."+c.kind+".Policy")
		env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "AdministratorAccess"))
		env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.fail(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "AliyunMSEFullAccess"), 409, "LimitExceeded."+c.kind+".Policy")
		env.ok(vRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "c1"))
		env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c2"))
	}
}

// Principals with policies cannot be deleted; renaming keeps attachments.
func TestPrincipalDeleteAndRename(t *testing.T) {
	env := newEnv(t, Config{})
	env.createPrincipals()
	for _, c := range principalCases {
		env.ok(vRAM, "AttachPolicyTo"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.fail(vRAM, "Delete"+c.kind, map[string]string{c.param: c.name}, 409, "DeleteConflict."+c.kind+".Policy")
	}
	env.ok(vRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	env.ok(vRAM, "UpdateGroup", map[string]string{"GroupName": "devs", "NewGroupName": "devs2"})
	for _, c := range []principalCase{{"User", "UserName", "alice2"}, {"Group", "GroupName", "devs2"}, {"Role", "RoleName", "worker"}} {
		if got := env.srv.AttachedPolicies(c.kind, c.name); fmt.Sprint(got) != "[System:ReadOnlyAccess]" {
			t.Fatalf("%s %s: %v", c.kind, c.name, got)
		}
		env.ok(vRAM, "DetachPolicyFrom"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.ok(vRAM, "Delete"+c.kind, map[string]string{c.param: c.name})
	}
}
