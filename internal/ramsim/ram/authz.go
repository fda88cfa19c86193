// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"sync"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Authorization: every request that is not signed with the root key is
// decided by internal/policy.Evaluate before its handler runs, as RAM
// decides for RAM users and assumed roles. The server asks
// AuthorizeRequest, whatever the product (MSE's actions too).
//
//   - The action is <service>:<Action> (ram:CreateUser, ims:TagResources,
//     sts:AssumeRole, mse:GetNacosConfig), except where the product's
//     wire.Product.ActionCodes say the real service authorizes under
//     another code.
//   - The resources are what the product's resource function for the
//     action returns (wire.API.Resources); each must be allowed. An action without a resource function is authorized on
//     "*" (TestAuthzResourcesCoverRoutes keeps that from happening for the
//     RAM, IMS, ResourceManager and STS routes).
//   - The policies are the default versions of those attached to the RAM
//     user and to its groups, System and Custom; for an assumed role those
//     attached to the role, and the request must also be allowed by the
//     session policy given to AssumeRole, if any.
//   - The condition context has the global keys (see ConditionContext) and
//     the keys the action defines (authzContext).

// PolicyType values of AccessDeniedDetail: which kind of policy refused.
const (
	deniedByIdentityPolicy = "AccountLevelIdentityBasedPolicy"
	deniedBySessionPolicy  = "SessionPolicy"
	deniedByTrustPolicy    = "AssumeRolePolicy"
)

// authzExempt are the actions any authenticated caller may call: the real
// STS answers GetCallerIdentity for every valid credential, whatever its
// policies say.
var authzExempt = map[string]bool{
	"sts:GetCallerIdentity": true,
}

// Exempt reports whether any authenticated caller may call the action of
// code, whatever its policies say.
func Exempt(code string) bool { return authzExempt[code] }

// AuthorizeRequest decides rq, a request for the action of code on
// resources, against the caller's policies; nil means allowed. It runs
// with the server's lock held.
func (s *Service) AuthorizeRequest(code string, resources []string, rq *wire.Request) *wire.Error {
	c := &rq.Caller
	ctx := s.ConditionContext(code, rq)
	docs := s.identityPolicies(c)
	for _, res := range resources {
		d := decide(docs, c.SessionPolicy, policy.Request{Action: code, Resource: res, Context: ctx})
		if !d.allowed {
			return errNoPermission(code, res, s.deniedDetail(c, code, d))
		}
	}
	return nil
}

// decision is the outcome of authorizing one resource.
type decision struct {
	allowed bool
	// result is the deciding evaluation: the identity policies' unless the
	// session policy refused.
	result     policy.Result
	policyType string // deniedBy*, for a refusal
	doc        *namedPolicy
}

// decide evaluates identity policies and, if given, a session policy
// (policy.EvaluateWithSession).
func decide(docs []namedPolicy, session *policy.Document, req policy.Request) decision {
	parsed := make([]*policy.Document, len(docs))
	for i := range docs {
		parsed[i] = docs[i].doc
	}
	r, bySession := policy.EvaluateWithSession(parsed, session, req)
	if bySession {
		return decision{result: r, policyType: deniedBySessionPolicy}
	}
	d := decision{allowed: r.Decision == policy.Allow, result: r, policyType: deniedByIdentityPolicy}
	if r.Document >= 0 {
		d.doc = &docs[r.Document]
	}
	return d
}

// deniedDetail is AccessDeniedDetail: the denied action, who was refused,
// and whether a Deny statement or the absence of an Allow refused.
func (s *Service) deniedDetail(c *wire.Caller, code string, d decision) map[string]any {
	principalType, name := "SubUser", c.UserName
	if c.IdentityType == wire.IdentityAssumedRole {
		principalType, name = wire.IdentityAssumedRole, c.PrincipalID
	}
	return map[string]any{
		"AuthAction":               code,
		"AuthPrincipalType":        principalType,
		"AuthPrincipalDisplayName": name,
		"AuthPrincipalOwnerId":     s.cfg.AccountID,
		"NoPermissionType":         d.result.Decision.String(),
		"PolicyType":               d.policyType,
	}
}

// ConditionContext is what a request tells conditions: the global keys
// acs:SourceIp (the client's address), acs:CurrentTime (the server clock,
// RFC 3339 UTC), acs:SecureTransport ("true" over TLS) and acs:MFAPresent
// ("false": access keys carry no MFA), plus the keys the action defines.
// A key not filled here is missing; the ramsim guide lists the keys.
func (s *Service) ConditionContext(code string, rq *wire.Request) map[string][]string {
	c := rq.Caller
	ctx := map[string][]string{
		policy.KeyCurrentTime:     {s.cfg.Now().UTC().Format(time.RFC3339)},
		policy.KeySecureTransport: {boolString(c.SecureTransport)},
		policy.KeyMFAPresent:      {"false"},
	}
	if c.SourceIP != "" {
		ctx[policy.KeySourceIP] = []string{c.SourceIP}
	}
	if f := authzContext[code]; f != nil {
		for k, v := range f(s, rq) {
			if v != "" {
				ctx[k] = []string{v}
			}
		}
	}
	return ctx
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// namedPolicy is an attached policy's parsed default version.
type namedPolicy struct {
	key string // "Custom:name" / "System:name"
	doc *policy.Document
}

// identityPolicies are the policies a caller acts with: a RAM user's own
// and its groups', an assumed role's. A user or role deleted since the
// credentials were issued has none, and so may do nothing.
func (s *Service) identityPolicies(c *wire.Caller) []namedPolicy {
	var sets []*attachedPolicies
	switch c.IdentityType {
	case wire.IdentityRAMUser:
		u := s.st.userByID(c.PrincipalID)
		if u == nil {
			return nil
		}
		sets = append(sets, u.attached())
		for _, g := range s.st.groupsOf(u) {
			sets = append(sets, g.attached())
		}
	case wire.IdentityAssumedRole:
		r := s.st.roleByID(c.RoleID)
		if r == nil {
			return nil
		}
		sets = append(sets, r.attached())
	}
	var out []namedPolicy
	for _, a := range sets {
		out = s.appendPolicies(out, a)
	}
	return out
}

func (s *Service) appendPolicies(out []namedPolicy, a *attachedPolicies) []namedPolicy {
	for _, at := range a.Policies {
		p := s.lookupPolicy(at.Type, at.Name)
		if p == nil {
			continue
		}
		v := p.defaultVersion()
		if v == nil {
			continue
		}
		if doc := parsedPolicy(v.Document); doc != nil {
			out = append(out, namedPolicy{key: policyKey(at.Type, at.Name), doc: doc})
		}
	}
	return out
}

// roleByID finds a role by RoleId.
func (st *store) roleByID(id string) *roleRecord {
	for _, r := range st.roles {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// policyCache holds parsed policy documents by their text: versions never
// change once created, so a document is parsed once, not per request. It
// is emptied when it grows past policyCacheSize.
var policyCache struct {
	sync.Mutex
	docs map[string]*policy.Document
}

const policyCacheSize = 1024

// parsedPolicy parses an identity policy document, nil if it is invalid
// (stored ones were validated when created).
func parsedPolicy(text string) *policy.Document {
	policyCache.Lock()
	defer policyCache.Unlock()
	if d, ok := policyCache.docs[text]; ok {
		return d
	}
	d, err := policy.Parse(text)
	if err != nil {
		d = nil
	}
	if policyCache.docs == nil || len(policyCache.docs) >= policyCacheSize {
		policyCache.docs = make(map[string]*policy.Document)
	}
	policyCache.docs[text] = d
	return d
}
