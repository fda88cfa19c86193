// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// product is an emulated API bound to the part of the server that holds
// its state.
type product interface {
	spec() *wire.Product
	// route reports whether action is implemented and whether it changes
	// the account.
	route(action string) (mutates, ok bool)
	// resources are the ARNs action is authorized on; "*" when the API
	// names none for it.
	resources(s *Server, action string, rq *wire.Request) ([]string, *wire.Error)
	handle(s *Server, action string, rq *wire.Request) (map[string]any, *wire.Error)
}

// bound is an API on state S with the way to reach that state.
type bound[S any] struct {
	api   *wire.API[S]
	state func(s *Server) S
}

func (b bound[S]) spec() *wire.Product { return &b.api.Product }

func (b bound[S]) route(action string) (mutates, ok bool) {
	rt, ok := b.api.Actions[action]
	return rt.Mutates, ok
}

func (b bound[S]) resources(s *Server, action string, rq *wire.Request) ([]string, *wire.Error) {
	if f := b.api.Resources[action]; f != nil {
		return f(b.state(s), rq)
	}
	return []string{"*"}, nil
}

func (b bound[S]) handle(s *Server, action string, rq *wire.Request) (map[string]any, *wire.Error) {
	return b.api.Actions[action].Handle(b.state(s), rq)
}

// Each part of the server's state, for the APIs that act on it.
func account(s *Server) *ram.Service  { return s.ram }
func mseOf(s *Server) *msesim.Service { return s.mse }

// products is the routing table: a request's Version selects the product,
// its Action the route. An action missing here answers
// InvalidAction.NotFound like the real gateway.
var products = []product{
	bound[*ram.Service]{ram.RAMAPI, account},
	bound[*ram.Service]{ram.IMSAPI, account},
	bound[*ram.Service]{ram.ResourceManagerAPI, account},
	bound[*ram.Service]{ram.STSAPI, account},
	bound[*msesim.Service]{msesim.API, mseOf},
}

// productFor returns the product a request is for. With a known Version it
// is that product. Otherwise the request fails with InvalidVersion, and the
// product is only needed for the error's HostId: the one implementing the
// action if any, else RAM.
func productFor(version, action string) (product, bool) {
	for _, p := range products {
		if p.spec().Version == version {
			return p, true
		}
	}
	for _, p := range products {
		if _, ok := p.route(action); ok {
			return p, false
		}
	}
	return products[0], false
}

// knownAction reports whether some emulated product implements action
// (the faults spec's actions= key names only those).
func knownAction(a string) bool {
	for _, p := range products {
		if _, ok := p.route(a); ok {
			return true
		}
	}
	return false
}
