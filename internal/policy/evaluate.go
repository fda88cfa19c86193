// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

// Request is what a caller asks to do: an action on a resource, with the
// condition keys RAM would supply (acs:SourceIp, acs:CurrentTime,
// acs:SecureTransport, acs:MFAPresent, ram:ServiceName, ...). Evaluate does
// not invent keys: a key the caller leaves out is missing (see the package
// documentation for what operators do with a missing key). Principal is
// only consulted by statements that name principals (trust policies).
type Request struct {
	Action, Resource string
	Context          map[string][]string
	Principal        Principal
}

// Decision is the outcome of an evaluation.
type Decision int

const (
	// ImplicitDeny: no statement allowed the request (RAM's default).
	ImplicitDeny Decision = iota
	// Allow: some statement allowed it and none denied it.
	Allow
	// ExplicitDeny: a Deny statement matched; it wins over every Allow.
	ExplicitDeny
)

// String returns "ImplicitDeny", "Allow" or "ExplicitDeny".
func (d Decision) String() string {
	switch d {
	case Allow:
		return "Allow"
	case ExplicitDeny:
		return "ExplicitDeny"
	}
	return "ImplicitDeny"
}

// Result is a Decision and the statement that made it.
type Result struct {
	Decision Decision
	// Document and Statement index the deciding statement in the docs given
	// to Evaluate and in that document's Statements; both are -1 for an
	// implicit deny.
	Document, Statement int
	Sid                 string
	// ViaHierarchy is true when the deciding statement matched the resource
	// only through the MSE rules of MatchResource.
	ViaHierarchy bool
}

// EvaluateWithSession decides a request made with STS credentials: the
// identity policies of the role, narrowed by the session policy given to
// AssumeRole (nil if none). The request is allowed only if both allow it,
// and an explicit Deny in either wins over an implicit one in the other
// (AssumeRole's API reference: the session's permissions are the role's
// narrowed by Policy,
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-assumerole).
// bySession reports that the session policy decided: its Deny, or its lack
// of an Allow for what the identity policies allow. When both deny
// explicitly, the identity policies' Deny is reported; no document says
// which one RAM names.
func EvaluateWithSession(identity []*Document, session *Document, req Request) (r Result, bySession bool) {
	id := Evaluate(identity, req)
	if session == nil || id.Decision == ExplicitDeny {
		return id, false
	}
	sr := Evaluate([]*Document{session}, req)
	if sr.Decision == Allow {
		return id, false
	}
	if sr.Decision == ExplicitDeny || id.Decision == Allow {
		return sr, true
	}
	return id, false
}

// Evaluate decides a request against a set of policies, as RAM does for the
// policies attached to a user, its groups or a role: the first matching Deny
// statement (in document, then statement order) decides ExplicitDeny;
// otherwise the first matching Allow decides Allow; otherwise the result is
// ImplicitDeny. The documents should have been validated; nil documents are
// skipped.
func Evaluate(docs []*Document, req Request) Result {
	res := Result{Decision: ImplicitDeny, Document: -1, Statement: -1}
	for di, d := range docs {
		if d == nil {
			continue
		}
		for si := range d.Statements {
			s := &d.Statements[si]
			effect := s.Effect
			if !validEffect(effect) || effect == EffectAllow && res.Decision == Allow {
				continue // a later Allow cannot change the outcome; only a Deny can
			}
			applies, via := s.applies(req)
			if !applies {
				continue
			}
			r := Result{Decision: Allow, Document: di, Statement: si, Sid: s.Sid, ViaHierarchy: via}
			if effect == EffectDeny {
				r.Decision = ExplicitDeny
				return r
			}
			res = r
		}
	}
	return res
}

// applies reports whether the statement matches the request, ignoring its
// effect, and whether the resource matched through the MSE hierarchy.
func (s *Statement) applies(req Request) (ok, viaHierarchy bool) {
	if !s.MatchesAction(req.Action) {
		return false, false
	}
	if s.Principals != nil && !matchPrincipal(s.Principals, req.Principal) {
		return false, false
	}
	ok, viaHierarchy = s.matchesResource(req.Resource)
	if !ok {
		return false, false
	}
	for _, c := range s.Conditions {
		if !c.matches(req.Context) {
			return false, false
		}
	}
	return true, viaHierarchy
}

// MatchesAction reports whether the statement's Action (or NotAction)
// covers action, whatever its resources and conditions.
func (s *Statement) MatchesAction(action string) bool {
	if len(s.Actions) > 0 {
		for _, p := range s.Actions {
			if MatchAction(p, action) {
				return true
			}
		}
		return false
	}
	if len(s.NotActions) == 0 {
		return false
	}
	for _, p := range s.NotActions {
		if MatchAction(p, action) {
			return false
		}
	}
	return true
}

// matchesResource prefers a plain match over a hierarchical one, so that
// ViaHierarchy is only reported when the hierarchy was needed. A statement
// without Resource (a trust policy's) applies to any resource.
func (s *Statement) matchesResource(resource string) (ok, viaHierarchy bool) {
	if len(s.Resources) == 0 {
		return true, false
	}
	for _, p := range s.Resources {
		if m, via := MatchResource(p, resource); m {
			if !via {
				return true, false
			}
			ok, viaHierarchy = true, true
		}
	}
	return ok, viaHierarchy
}
