// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"slices"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// attachment is one policy attached to a principal.
type attachment struct {
	Type string    `json:"type"` // System or Custom
	Name string    `json:"name"`
	Date time.Time `json:"date"`
}

// attachedPolicies is embedded in users, groups and roles, so renaming a
// principal keeps its attachments.
type attachedPolicies struct {
	Policies []attachment `json:"policies,omitempty"` // in attach order
}

func (a *attachedPolicies) attached() *attachedPolicies { return a }

// find returns the index of the attachment of (typ, name), or -1.
func (a *attachedPolicies) find(typ, name string) int {
	return slices.IndexFunc(a.Policies, func(x attachment) bool { return x.Type == typ && x.Name == name })
}

func (a *attachedPolicies) count(typ string) int {
	n := 0
	for _, x := range a.Policies {
		if x.Type == typ {
			n++
		}
	}
	return n
}

// principal is a user, group or role: something policies attach to.
type principal interface {
	attached() *attachedPolicies
	entity(account string) map[string]any // its wire form in ListEntitiesForPolicy
}

// principalKind describes one kind of principal for the shared attach,
// detach, list and delete-conflict logic.
type principalKind struct {
	kind   string // "User": the segment of error codes and action names
	plural string // "Users": ListEntitiesForPolicy's wrapper
	param  string // "UserName"
	find   func(s *Service, rq *wire.Request) (principal, *wire.Error)
	all    func(st *store) []principal            // sorted by name
	byName func(st *store, name string) principal // nil when absent
}

var (
	userKind = &principalKind{kind: "User", plural: "Users", param: "UserName",
		find: func(s *Service, rq *wire.Request) (principal, *wire.Error) { return asPrincipal(s.existingUser(rq)) },
		all:  func(st *store) []principal { return principals(wire.SortedByName(st.users)) },
		byName: func(st *store, name string) principal {
			if u := st.users[name]; u != nil {
				return u
			}
			return nil
		},
	}
	groupKind = &principalKind{kind: "Group", plural: "Groups", param: "GroupName",
		find: func(s *Service, rq *wire.Request) (principal, *wire.Error) { return asPrincipal(s.existingGroup(rq)) },
		all:  func(st *store) []principal { return principals(wire.SortedByName(st.groups)) },
		byName: func(st *store, name string) principal {
			if g := st.groups[name]; g != nil {
				return g
			}
			return nil
		},
	}
	roleKind = &principalKind{kind: "Role", plural: "Roles", param: "RoleName",
		find: func(s *Service, rq *wire.Request) (principal, *wire.Error) { return asPrincipal(s.existingRole(rq)) },
		all:  func(st *store) []principal { return principals(wire.SortedByName(st.roles)) },
		byName: func(st *store, name string) principal {
			if r := st.roles[name]; r != nil {
				return r
			}
			return nil
		},
	}
	// principalKinds is in the order DeletePolicy reports conflicts.
	principalKinds = []*principalKind{userKind, groupKind, roleKind}
)

// asPrincipal turns a typed lookup into a principal, keeping a failed
// lookup's nil a nil interface.
func asPrincipal[T principal](p T, err *wire.Error) (principal, *wire.Error) {
	if err != nil {
		return nil, err
	}
	return p, nil
}

func principals[T principal](xs []T) []principal {
	out := make([]principal, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// policyLimit is the per-principal quota for one policy type.
func (s *Service) policyLimit(typ string) int {
	if typ == policySystem {
		return s.cfg.Limits.SystemPoliciesPerPrincipal
	}
	return s.cfg.Limits.CustomPoliciesPerPrincipal
}

// attachPolicy is AttachPolicyTo<Kind>.
func attachPolicy(k *principalKind) handler {
	return func(s *Service, rq *wire.Request) (map[string]any, *wire.Error) {
		pr, err := k.find(s, rq)
		if err != nil {
			return nil, err
		}
		if err := refuseServiceLinked(pr); err != nil {
			return nil, err
		}
		p, err := s.existingPolicy(rq)
		if err != nil {
			return nil, err
		}
		a := pr.attached()
		if a.find(p.policyType(), p.Name) >= 0 {
			return nil, errExists(k.kind + ".Policy")
		}
		if a.count(p.policyType()) >= s.policyLimit(p.policyType()) {
			return nil, errLimit(k.kind + ".Policy")
		}
		a.Policies = append(a.Policies, attachment{Type: p.policyType(), Name: p.Name, Date: s.now()})
		return map[string]any{}, nil
	}
}

// detachPolicy is DetachPolicyFrom<Kind>.
func detachPolicy(k *principalKind) handler {
	return func(s *Service, rq *wire.Request) (map[string]any, *wire.Error) {
		pr, err := k.find(s, rq)
		if err != nil {
			return nil, err
		}
		if err := refuseServiceLinked(pr); err != nil {
			return nil, err
		}
		p, err := s.existingPolicy(rq)
		if err != nil {
			return nil, err
		}
		a := pr.attached()
		i := a.find(p.policyType(), p.Name)
		if i < 0 {
			return nil, errNotExist(k.kind + ".Policy")
		}
		a.Policies = slices.Delete(a.Policies, i, i+1)
		return map[string]any{}, nil
	}
}

// listPoliciesFor is ListPoliciesFor<Kind>: every attached policy in
// attach order, no paging.
func listPoliciesFor(k *principalKind) handler {
	return func(s *Service, rq *wire.Request) (map[string]any, *wire.Error) {
		pr, err := k.find(s, rq)
		if err != nil {
			return nil, err
		}
		return map[string]any{"Policies": wire.Wrap("Policy", pr.attached().Policies, func(a attachment) map[string]any {
			w := map[string]any{"PolicyName": a.Name, "PolicyType": a.Type, "AttachDate": wire.FormatDate(a.Date)}
			// Attached policies cannot be deleted, so p is always there.
			if p := s.lookupPolicy(a.Type, a.Name); p != nil {
				w["Description"], w["DefaultVersion"] = p.Description, p.Default
			}
			return w
		})}, nil
	}
}

// listEntitiesForPolicy lists the users, groups and roles a policy is
// attached to, each by name with its AttachDate.
func (s *Service) listEntitiesForPolicy(rq *wire.Request) (map[string]any, *wire.Error) {
	p, err := s.existingPolicy(rq)
	if err != nil {
		return nil, err
	}
	resp := map[string]any{}
	for _, k := range principalKinds {
		var entries []map[string]any
		for _, pr := range k.all(s.st) {
			a := pr.attached()
			if i := a.find(p.policyType(), p.Name); i >= 0 {
				w := pr.entity(s.cfg.AccountID)
				w["AttachDate"] = wire.FormatDate(a.Policies[i].Date)
				entries = append(entries, w)
			}
		}
		resp[k.plural] = wire.Wrap(k.kind, entries, func(w map[string]any) map[string]any { return w })
	}
	return resp, nil
}

// policyConflict is the delete check of a principal with policies:
// DeleteConflict.<Kind>.Policy.
func policyConflict(k *principalKind, pr principal) *wire.Error {
	if len(pr.attached().Policies) > 0 {
		return errDeleteConflict(k.kind+".Policy",
			"The "+entityWords(k.kind)+" has policies attached; detach them first.")
	}
	return nil
}

// AttachedPolicies returns the policies attached to a principal as
// "<PolicyType>:<PolicyName>" (e.g. "System:AliyunMSEFullAccess"), sorted;
// principalType is "user", "group" or "role" (any case). Unknown
// principals have none.
func (s *Service) AttachedPolicies(principalType, principalName string) []string {
	for _, k := range principalKinds {
		if !strings.EqualFold(k.kind, principalType) {
			continue
		}
		pr := k.byName(s.st, principalName)
		if pr == nil {
			return nil
		}
		var out []string
		for _, a := range pr.attached().Policies {
			out = append(out, policyKey(a.Type, a.Name))
		}
		slices.Sort(out)
		return out
	}
	return nil
}
