// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"fmt"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// TrustedServiceGrant lets cloud services assume the role: a trust
// statement with Principal {"Service": [...]} (RAM's "regular service
// role"). Service names have the syntax of a service (<...>.aliyuncs.com);
// any service may be trusted, not only those of the service-linked role
// catalog.
type TrustedServiceGrant struct {
	ServiceNames []string
	Sid          string
}

// TrustedAccountGrant lets an account's RAM users and roles assume the role,
// those whose own policies allow sts:AssumeRole on it: Principal
// {"RAM": ["acs:ram::<uid>:root"]}.
// RequireMFA adds the condition Bool acs:MFAPresent true, so only sessions
// signed in with MFA may assume it.
type TrustedAccountGrant struct {
	AccountID  string
	RequireMFA bool
	Sid        string
}

// ACKWorkerRoleGrant renders the trust policy of a custom worker RAM role of
// an ACK node pool: ACK's guide "Use custom worker RAM roles" requires the
// trusted service to be Elastic Compute Service (ecs.aliyuncs.com), since
// the nodes are ECS instances that take the role through their instance
// metadata. MSE Ingress Controller's permissions are then attached to that
// role (seed 004).
type ACKWorkerRoleGrant struct {
	Sid string
}

// ackWorkerService is the service an ACK worker role trusts.
const ackWorkerService = "ecs.aliyuncs.com"

func assumeRole(principalType string, ids ...string) stmt {
	return stmt{Statement: policy.Statement{
		Effect:     policy.EffectAllow,
		Actions:    []string{policy.ActionAssumeRole},
		Principals: map[string][]string{principalType: ids},
	}, generated: true}
}

// generateTrust renders the typed trust blocks.
func (req Request) generateTrust(g *generated) error {
	for i, t := range req.TrustedServices {
		block := fmt.Sprintf("trusted_service[%d]", i)
		if len(t.ServiceNames) == 0 {
			return fmt.Errorf("%s.service_names: give at least one service, such as ecs.aliyuncs.com", block)
		}
		for j, n := range t.ServiceNames {
			if !IsServiceName(n) {
				return fmt.Errorf("%s.service_names[%d]: %q is not a service name: a lower-case host under aliyuncs.com, such as ecs.aliyuncs.com", block, j, n)
			}
		}
		g.add(block, t.Sid, "", assumeRole(policy.PrincipalService, sortedSet(t.ServiceNames)...))
	}
	for i, t := range req.TrustedAccounts {
		block := fmt.Sprintf("trusted_account[%d]", i)
		if err := ruleAccount.check(t.AccountID); err != nil {
			return fmt.Errorf("%s.%w", block, err)
		}
		s := assumeRole(policy.PrincipalRAM, "acs:ram::"+t.AccountID+":root")
		if t.RequireMFA {
			s.Conditions = []policy.Condition{{Operator: "Bool", Key: policy.KeyMFAPresent, Values: []string{"true"}}}
		}
		g.add(block, t.Sid, "", s)
	}
	for i, t := range req.ACKWorkerRoles {
		g.add(fmt.Sprintf("ack_worker_role[%d]", i), t.Sid, "", assumeRole(policy.PrincipalService, ackWorkerService))
	}
	return nil
}

// kind decides whether the request renders a trust policy (a typed trust
// block, or a raw, source or override statement naming principals) or an
// identity policy, and refuses a mix: a document is either attached to
// principals (identity) or says who may assume a role (trust), never both.
func (req Request) kind(docs parsedDocuments) (policy.Kind, error) {
	var trustFrom, identityFrom string
	note := func(k policy.Kind, where string) {
		switch {
		case k == policy.Trust && trustFrom == "":
			trustFrom = where
		case k == policy.Identity && identityFrom == "":
			identityFrom = where
		}
	}
	for _, b := range []struct {
		name string
		n    int
		kind policy.Kind
	}{
		{"trusted_service", len(req.TrustedServices), policy.Trust},
		{"trusted_account", len(req.TrustedAccounts), policy.Trust},
		{"ack_worker_role", len(req.ACKWorkerRoles), policy.Trust},
		{"nacos_config", len(req.NacosConfigs), policy.Identity},
		{"nacos_service", len(req.NacosServices), policy.Identity},
		{"instance", len(req.Instances), policy.Identity},
		{"gateway", len(req.Gateways), policy.Identity},
		{"service_linked_role_creation", len(req.SLRCreation), policy.Identity},
	} {
		if b.n > 0 {
			note(b.kind, b.name+"[0]")
		}
	}
	for i, s := range req.Statements {
		note(statementKind(s), fmt.Sprintf("statement[%d]", i))
	}
	for i, k := range docs.sourceKinds {
		note(k, fmt.Sprintf("source_policy_documents[%d]", i))
	}
	for i, k := range docs.overrideKinds {
		note(k, fmt.Sprintf("override_policy_documents[%d]", i))
	}
	if trustFrom == "" {
		return policy.Identity, nil
	}
	if identityFrom != "" {
		return policy.Trust, fmt.Errorf("%s: grants permissions, but %s makes this a role's trust policy (it names who may assume the role): "+
			"a document is either a trust policy or an identity policy, so render the role's permissions in a second "+
			"mseram_policy_document and attach it to the role as an mseram_policy", identityFrom, trustFrom)
	}
	return policy.Trust, nil
}

func statementKind(s policy.Statement) policy.Kind {
	if s.Principals != nil {
		return policy.Trust
	}
	return policy.Identity
}

// lintTrustStatement checks one statement of a trust policy: trusting every
// account (a RAM principal "*") or a whole foreign account without a
// condition is legal, but lets far more principals assume the role than a
// role usually needs.
func lintTrustStatement(where string, s policy.Statement) []Finding {
	if s.Effect != policy.EffectAllow {
		return nil
	}
	var out []Finding
	for _, id := range s.Principals[policy.PrincipalRAM] {
		if strings.Contains(id, "*") || id == "acs:ram::*:root" {
			out = append(out, Finding{Rule: RuleTrustAnyone, Where: where,
				Msg: fmt.Sprintf("RAM principal %q lets any matching account assume the role; name the accounts, users or roles", id)})
		}
	}
	for _, id := range s.Principals[policy.PrincipalService] {
		if strings.Contains(id, "*") {
			out = append(out, Finding{Rule: RuleTrustAnyone, Where: where,
				Msg: fmt.Sprintf("Service principal %q lets every matching cloud service assume the role; name the services", id)})
		}
	}
	return out
}

// LintTrust runs lintTrustStatement on every statement of a trust policy,
// naming statements by index and Sid, plus the document warnings of the
// policy package.
func LintTrust(doc *policy.Document) []Finding {
	if doc == nil {
		return nil
	}
	out := documentFindings(doc)
	for i, s := range doc.Statements {
		out = append(out, lintTrustStatement(statementName(i, s.Sid), s)...)
	}
	return out
}
