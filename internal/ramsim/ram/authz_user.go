// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"fmt"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Authorize decides, as the emulator would for a request signed by the RAM
// user userName, whether action (e.g. "ram:GetUser", "mse:GetNacosConfig")
// is allowed on resource (an ARN) with the condition keys of ctx. Only the
// keys in ctx are set: unlike a real request, nothing is filled from the
// network or the clock. detail names the deciding policy and statement,
// e.g. "Allow by Custom:readers statement 0", "ExplicitDeny by
// System:X statement 1 (Sid deny)", or "ImplicitDeny: no statement allows
// it"; an unknown user is refused with detail "user not found".
func (s *Service) Authorize(userName, action, resource string, ctx map[string]string) (allowed bool, detail string) {
	u := s.st.users[userName]
	if u == nil {
		return false, "user not found"
	}
	c := &wire.Caller{IdentityType: wire.IdentityRAMUser, PrincipalID: u.ID, UserName: u.Name}
	context := make(map[string][]string, len(ctx))
	for k, v := range ctx {
		context[k] = []string{v}
	}
	d := decide(s.identityPolicies(c), nil, policy.Request{Action: action, Resource: resource, Context: context})
	if d.doc == nil {
		return d.allowed, d.result.Decision.String() + ": no statement allows it"
	}
	detail = fmt.Sprintf("%s by %s statement %d", d.result.Decision, d.doc.key, d.result.Statement)
	if d.result.Sid != "" {
		detail += fmt.Sprintf(" (Sid %s)", d.result.Sid)
	}
	return d.allowed, detail
}
