// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"slices"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// The actions the MSE guides and this provider's resources need must all be
// in the catalog, each entry complete and sourced.
func TestRAMActionsInvariants(t *testing.T) {
	actions := RAMActions()
	if !slices.IsSortedFunc(actions, func(a, b RAMAction) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("RAMActions is not sorted by Name")
	}
	for _, want := range []string{
		"ram:CreateServiceLinkedRole", "ram:DeleteServiceLinkedRole", "ram:GetRole", "ram:PassRole", "ram:ListRoles",
		"ram:ListUsers", "ram:GetUser", "ram:CreateUser", "ram:AttachPolicyToUser", "ram:AttachPolicyToRole", "sts:AssumeRole",
	} {
		if _, ok := LookupRAMAction(want); !ok {
			t.Errorf("%s is missing", want)
		}
	}
	for _, a := range actions {
		if !policy.IsRequestAction(a.Name) {
			t.Errorf("%s: not <service>:<Action>", a.Name)
		}
		if len(a.Patterns) == 0 || len(a.Checks) == 0 || a.UsedBy == "" || len(a.Sources) == 0 {
			t.Errorf("%s: incomplete entry %+v", a.Name, a)
		}
		for _, s := range a.Sources {
			if !strings.HasPrefix(s, "https://") {
				t.Errorf("%s: source %q is not a public address", a.Name, s)
			}
		}
		for _, c := range a.Checks {
			if c.What == "" || len(c.Forms) == 0 {
				t.Errorf("%s: incomplete check %+v", a.Name, c)
			}
			// The example is a request RAM could see: it fits the check's
			// own forms, and is a resource a request may name.
			if got := a.checkFor(c.Example); got < 0 || a.Checks[got].What != c.What {
				t.Errorf("%s: example %q does not fit %v", a.Name, c.Example, c.Forms)
			}
			if !policy.IsRequestResource(c.Example) {
				t.Errorf("%s: example %q is not a request resource", a.Name, c.Example)
			}
			// Every documented pattern that names the same kind of entity
			// covers the example: asking about the example answers for the
			// documented grant.
			kind := c.Example[strings.LastIndex(c.Example, ":")+1:]
			kind = kind[:strings.IndexByte(kind, '/')]
			for _, p := range a.Patterns {
				if p != "*" && !strings.Contains(p, ":"+kind+"/") {
					continue
				}
				filled := strings.NewReplacer("<account-id>", exampleAccount, "<role-name>", "*", "<user-name>", "*", "<policy-name>", "*").Replace(p)
				if strings.Contains(p, ":system:") != strings.Contains(c.Example, ":system:") {
					continue
				}
				if ok, _ := policy.MatchResource(filled, c.Example); !ok {
					t.Errorf("%s: documented pattern %s does not cover the example %s", a.Name, p, c.Example)
				}
			}
		}
	}
}

func TestLookupRAMAction(t *testing.T) {
	a, ok := LookupRAMAction("RAM:createservicelinkedrole")
	if !ok || a.Name != "ram:CreateServiceLinkedRole" {
		t.Fatalf("case-insensitive lookup: %v %q", ok, a.Name)
	}
	if _, ok := LookupRAMAction("ram:Nope"); ok {
		t.Error("found ram:Nope")
	}
	if _, ok := LookupRAMAction("mse:GetNacosConfig"); ok {
		t.Error("an MSE action is not a RAM action")
	}
	// The catalog is a copy.
	RAMActions()[0].Name = "changed"
	if RAMActions()[0].Name == "changed" {
		t.Error("RAMActions returns the catalog itself")
	}
}

func TestRAMActionRequestNotes(t *testing.T) {
	const acct = "1234567890123456"
	slr, _ := LookupRAMAction("ram:CreateServiceLinkedRole")
	attach, _ := LookupRAMAction("ram:AttachPolicyToUser")
	list, _ := LookupRAMAction("ram:ListRoles")
	tests := []struct {
		name     string
		a        RAMAction
		resource string
		context  []string
		want     []string // one substring per note, in order
	}{
		{"slr on the role", slr, "acs:ram::" + acct + ":role/aliyunserviceroleformse", []string{"ram:ServiceName"}, nil},
		{"slr key case-insensitive", slr, "acs:ram::" + acct + ":role/aliyunserviceroleformse", []string{"RAM:servicename"}, nil},
		{"slr on star", slr, "*", []string{"ram:ServiceName"},
			[]string{`against acs:ram::<account-id>:role/<role-name> (the service-linked role being created`}},
		{"slr on the policy pattern", slr, "acs:ram:*:" + acct + ":role/*", []string{"ram:ServiceName"},
			[]string{`not against "acs:ram:*:` + acct + `:role/*"`}},
		{"slr with region star", slr, "acs:ram:*:" + acct + ":role/aliyunserviceroleformse", []string{"ram:ServiceName"},
			[]string{"e.g. " + exampleMSERoleARN}},
		{"slr with account star", slr, "acs:ram::*:role/aliyunserviceroleformse", []string{"ram:ServiceName"}, []string{"role/<role-name>"}},
		{"slr without service name", slr, "acs:ram::" + acct + ":role/aliyunserviceroleformse", nil,
			[]string{`condition key ram:ServiceName`}},
		{"slr on star without service name", slr, "*", nil, []string{"not against", "ram:ServiceName"}},
		{"attach on the user", attach, "acs:ram::" + acct + ":user/dev-zhang", nil, []string{"also checks a ram:AttachPolicyToUser call against acs:ram::<account-id>:policy/<policy-name>"}},
		{"attach on a system policy", attach, "acs:ram::system:policy/AliyunMSEFullAccess", nil, []string{"also checks a ram:AttachPolicyToUser call against acs:ram::<account-id>:user/<user-name>"}},
		{"attach on star", attach, "*", nil, []string{"user/<user-name>"}},
		{"list on role star", list, "acs:ram::" + acct + ":role/*", nil, nil},
		{"list on one role", list, "acs:ram::" + acct + ":role/x", nil, []string{"acs:ram::<account-id>:role/*"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes := tt.a.RequestNotes(tt.resource, tt.context)
			if len(notes) != len(tt.want) {
				t.Fatalf("got %d notes %q, want %d", len(notes), notes, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(notes[i], w) {
					t.Errorf("note %d = %q, want it to contain %q", i, notes[i], w)
				}
			}
		})
	}
}
