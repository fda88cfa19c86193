// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

// Product is one emulated API as clients address it: the Version that
// selects it, the host the real service answers on (HostId in errors), the
// name the troubleshooting link uses and the service prefix of its RAM
// actions ("ram" in ram:CreateUser).
type Product struct {
	Name    string
	Version string
	Host    string
	Service string
	// ActionCodes are the actions RAM authorizes under another code than
	// <Service>:<Action>, e.g. ResourceManager's CreateServiceLinkedRole
	// under ram:CreateServiceLinkedRole.
	ActionCodes map[string]string
	// ErrorFields, when set, adds the product's own fields to an error
	// answer besides Code and Message.
	ErrorFields func(fields map[string]any, err *Error)
}

// ActionCode is the action a policy must allow for action.
func (p *Product) ActionCode(action string) string {
	if code, ok := p.ActionCodes[action]; ok {
		return code
	}
	return p.Service + ":" + action
}

// Handler implements one action on the state S of its product. It returns
// the response fields (the server adds RequestId) or an API error; it must
// not change state when it returns an error. It runs with the server's
// lock held.
type Handler[S any] func(s S, rq *Request) (map[string]any, *Error)

// Route is one implemented action; a mutating one makes the server save
// its state before answering.
type Route[S any] struct {
	Handle  Handler[S]
	Mutates bool
}

// Reads is the route of an action that changes nothing.
func Reads[S any](h Handler[S]) Route[S] { return Route[S]{Handle: h} }

// Writes is the route of an action that changes the account.
func Writes[S any](h Handler[S]) Route[S] { return Route[S]{Handle: h, Mutates: true} }

// ResourceFunc returns the ARNs of what a request touches, the resources
// a RAM principal's policies must allow the action on (e.g.
// acs:ram::<account>:user/<name>). It runs with the server's lock held,
// before the handler; an error (a missing parameter, say) is answered as
// is.
type ResourceFunc[S any] func(s S, rq *Request) ([]string, *Error)

// API is a product with its implemented actions on state S and, for each
// action, the resources it is authorized on. An action missing from
// Actions answers InvalidAction.NotFound, as the real gateway does.
type API[S any] struct {
	Product
	Actions   map[string]Route[S]
	Resources map[string]ResourceFunc[S]
}
