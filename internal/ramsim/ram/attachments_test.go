// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// principalCase is one kind of principal for the table-driven tests.
type principalCase struct{ kind, param, name string }

var principalCases = []principalCase{{"User", "UserName", "alice"}, {"Group", "GroupName", "devs"}, {"Role", "RoleName", "worker"}}

// createPrincipals makes alice, devs and worker.
func createPrincipals(e *ramsimtest.Env) {
	e.T.Helper()
	e.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	e.OK(ramsimtest.VRAM, "CreateGroup", map[string]string{"GroupName": "devs"})
	e.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": docTrust})
}

func (c principalCase) params(typ, policy string) map[string]string {
	return map[string]string{c.param: c.name, "PolicyType": typ, "PolicyName": policy}
}

func TestAttachDetach(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	createPrincipals(env)
	createPolicy(env, "my-policy", "Description", "mine")
	for _, c := range principalCases {
		t.Run(c.kind, func(t *testing.T) {
			env.Clock.Add(time.Minute)
			attachedAt := wire.FormatDate(env.Clock.Now())
			env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "AliyunMSEFullAccess"))
			env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "my-policy"))
			env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "my-policy"), 409, "EntityAlreadyExists."+c.kind+".Policy")
			env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "AliyunMSEFullAccess"), 404, "EntityNotExist.Policy")
			env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "nope"), 404, "EntityNotExist.Policy")
			env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Other", "my-policy"), 400, "InvalidParameter.PolicyType")
			missing := c.params("Custom", "my-policy")
			missing[c.param] = "nobody"
			env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, missing, 404, "EntityNotExist."+c.kind)

			if got := env.Srv.AttachedPolicies(strings.ToLower(c.kind), c.name); strings.Join(got, ",") != "Custom:my-policy,System:AliyunMSEFullAccess" {
				t.Fatalf("AttachedPolicies %v", got)
			}
			body := env.OK(ramsimtest.VRAM, "ListPoliciesFor"+c.kind, map[string]string{c.param: c.name})
			pols := ramsimtest.AsList(t, ramsimtest.Field(body, "Policies", "Policy"))
			if names(pols, "PolicyName") != "AliyunMSEFullAccess,my-policy" || ramsimtest.Str(pols[1], "PolicyType") != "Custom" ||
				ramsimtest.Str(pols[1], "Description") != "mine" || ramsimtest.Str(pols[1], "DefaultVersion") != "v1" || ramsimtest.Str(pols[1], "AttachDate") != attachedAt {
				t.Fatalf("ListPoliciesFor%s: %v", c.kind, body)
			}
			env.Fail(ramsimtest.VRAM, "ListPoliciesFor"+c.kind, map[string]string{c.param: "nobody"}, 404, "EntityNotExist."+c.kind)
		})
	}
	if p, _ := env.Srv.Policy("AliyunMSEFullAccess"); p.AttachmentCount != 3 || p.PolicyType != "System" {
		t.Fatalf("system policy snapshot %+v", p)
	}
	body := env.OK(ramsimtest.VRAM, "GetPolicy", map[string]string{"PolicyName": "my-policy", "PolicyType": "Custom"})
	if ramsimtest.Field(body, "Policy", "AttachmentCount") != 3.0 {
		t.Fatalf("AttachmentCount: %v", body)
	}
	body = env.OK(ramsimtest.VRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AliyunMSEFullAccess", "PolicyType": "System"})
	if names(ramsimtest.Field(body, "Users", "User"), "UserName") != "alice" || names(ramsimtest.Field(body, "Groups", "Group"), "GroupName") != "devs" ||
		names(ramsimtest.Field(body, "Roles", "Role"), "RoleName") != "worker" ||
		ramsimtest.Str(ramsimtest.AsList(t, ramsimtest.Field(body, "Roles", "Role"))[0], "Arn") != "acs:ram::"+ramsimtest.Account+":role/worker" ||
		ramsimtest.Str(ramsimtest.AsList(t, ramsimtest.Field(body, "Users", "User"))[0], "AttachDate") == "" {
		t.Fatalf("ListEntitiesForPolicy: %v", body)
	}
	body = env.OK(ramsimtest.VRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System"})
	if users, ok := ramsimtest.Field(body, "Users", "User").([]any); !ok || len(users) != 0 {
		t.Fatalf("empty ListEntitiesForPolicy: %v", body)
	}

	for _, c := range principalCases {
		env.OK(ramsimtest.VRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "my-policy"))
		env.Fail(ramsimtest.VRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "my-policy"), 404, "EntityNotExist."+c.kind+".Policy")
		env.Fail(ramsimtest.VRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "nope"), 404, "EntityNotExist.Policy")
		if got := env.Srv.AttachedPolicies(c.kind, c.name); strings.Join(got, ",") != "System:AliyunMSEFullAccess" {
			t.Fatalf("after detach %v", got)
		}
	}
	if p, _ := env.Srv.Policy("my-policy"); p.AttachmentCount != 0 {
		t.Fatalf("AttachmentCount after detach %d", p.AttachmentCount)
	}
	if env.Srv.AttachedPolicies("user", "nobody") != nil || env.Srv.AttachedPolicies("alien", "alice") != nil {
		t.Fatal("AttachedPolicies of unknown principals")
	}
}

func TestAttachLimits(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{SystemPoliciesPerPrincipal: 2, CustomPoliciesPerPrincipal: 1}})
	createPrincipals(env)
	createPolicy(env, "c1")
	createPolicy(env, "c2")
	for _, c := range principalCases {
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c1"))
		env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c2"), 409, "LimitExceeded."+c.kind+".Policy")
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "AdministratorAccess"))
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.Fail(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "AliyunMSEFullAccess"), 409, "LimitExceeded."+c.kind+".Policy")
		env.OK(ramsimtest.VRAM, "DetachPolicyFrom"+c.kind, c.params("Custom", "c1"))
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("Custom", "c2"))
	}
}

// Principals with policies cannot be deleted; renaming keeps attachments.
func TestPrincipalDeleteAndRename(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	createPrincipals(env)
	for _, c := range principalCases {
		env.OK(ramsimtest.VRAM, "AttachPolicyTo"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.Fail(ramsimtest.VRAM, "Delete"+c.kind, map[string]string{c.param: c.name}, 409, "DeleteConflict."+c.kind+".Policy")
	}
	env.OK(ramsimtest.VRAM, "UpdateUser", map[string]string{"UserName": "alice", "NewUserName": "alice2"})
	env.OK(ramsimtest.VRAM, "UpdateGroup", map[string]string{"GroupName": "devs", "NewGroupName": "devs2"})
	for _, c := range []principalCase{{"User", "UserName", "alice2"}, {"Group", "GroupName", "devs2"}, {"Role", "RoleName", "worker"}} {
		if got := env.Srv.AttachedPolicies(c.kind, c.name); fmt.Sprint(got) != "[System:ReadOnlyAccess]" {
			t.Fatalf("%s %s: %v", c.kind, c.name, got)
		}
		env.OK(ramsimtest.VRAM, "DetachPolicyFrom"+c.kind, c.params("System", "ReadOnlyAccess"))
		env.OK(ramsimtest.VRAM, "Delete"+c.kind, map[string]string{c.param: c.name})
	}
}
