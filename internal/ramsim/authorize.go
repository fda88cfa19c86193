// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// authorize decides rq: the RAM service (package ram) judges the caller's
// policies on the resources the product names for the action. The root
// key and the actions exempt from authorization bypass it; nil means
// allowed. It runs with s.mu held, before the handler, so a denied request
// changes nothing.
func (s *Server) authorize(prod product, action string, rq *wire.Request) *wire.Error {
	if rq.Caller.IdentityType == wire.IdentityAccount {
		return nil
	}
	code := prod.spec().ActionCode(action)
	if ram.Exempt(code) {
		return nil
	}
	resources, err := prod.resources(s, action, rq)
	if err != nil {
		return err
	}
	return s.ram.AuthorizeRequest(code, resources, rq)
}
