// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"fmt"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// CallAuthorization is what the emulator would authorize a call on, and
// for whom: the question a client-side evaluator must answer to agree
// with it.
type CallAuthorization struct {
	// Action is the code a policy must allow, e.g. ram:CreateServiceLinkedRole
	// for resourcemanager:CreateServiceLinkedRole.
	Action string
	// Resources are the ARNs the action must be allowed on, every one.
	Resources []string
	// Context holds the condition keys the emulator would fill in, except
	// acs:SourceIp, which comes from the connection; acs:SecureTransport is
	// "false", as for a call over plain HTTP.
	Context map[string]string
	// UserName is the RAM user signing; RoleName the role of an assumed
	// role's credentials, with SessionPolicy the canonical JSON of the
	// session policy given to AssumeRole ("" if none).
	UserName, RoleName, SessionPolicy string
}

// Authorization says what the emulator would authorize call (e.g.
// "mse:GetNacosConfig", as Call takes it) with params on when signed with
// cred, by running the product's own resource and condition functions on
// the emulator's current state; nothing is called or changed. Credentials
// of the root account (which policies do not govern), a call exempt from
// authorization, an unknown call or credential, or parameters the resource
// function refuses are errors.
func (s *Server) Authorization(call string, callParams map[string]string, cred Credential) (CallAuthorization, error) {
	// The product as Call reaches it: by the service's API version.
	service, action, _ := strings.Cut(call, ":")
	pv, known := callProducts[service]
	prod, found := productFor(pv[1], action)
	if _, routed := prod.route(action); !known || !found || !routed {
		return CallAuthorization{}, fmt.Errorf("call %q: no such action in the emulator", call)
	}
	// credentials takes the lock itself.
	secret, c, aerr := s.credentials(cred.AccessKeyID, cred.SecurityToken)
	switch {
	case aerr != nil:
		return CallAuthorization{}, fmt.Errorf("credentials %s: %s", cred.AccessKeyID, aerr.Code)
	case secret != cred.AccessKeySecret:
		return CallAuthorization{}, fmt.Errorf("credentials %s: the secret does not match", cred.AccessKeyID)
	case c.IdentityType == wire.IdentityAccount:
		return CallAuthorization{}, fmt.Errorf("credentials %s: the root account is not governed by policies", cred.AccessKeyID)
	}
	code := prod.spec().ActionCode(action)
	if ram.Exempt(code) {
		return CallAuthorization{}, fmt.Errorf("call %q: %s is exempt from authorization", call, code)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	p := wire.Params{}
	for k, v := range callParams {
		p[k] = []string{v}
	}
	rq := &wire.Request{Params: p, Caller: c}
	resources, err := prod.resources(s, action, rq)
	if err != nil {
		return CallAuthorization{}, fmt.Errorf("call %q: %s", call, err.Code)
	}
	out := CallAuthorization{Action: code, Resources: resources, Context: map[string]string{}, UserName: c.UserName}
	for k, v := range s.ram.ConditionContext(code, rq) {
		out.Context[k] = v[0]
	}
	if c.IdentityType == wire.IdentityAssumedRole {
		name, ok := s.ram.AssumedRole(c.RoleID)
		if !ok {
			return CallAuthorization{}, fmt.Errorf("credentials %s: the assumed role no longer exists", cred.AccessKeyID)
		}
		out.RoleName = name
		if c.SessionPolicy != nil {
			out.SessionPolicy = c.SessionPolicy.CanonicalJSON()
		}
	}
	return out, nil
}
