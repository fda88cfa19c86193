// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// What the external tests of this package reach inside it.

const AdminPrefix = adminPrefix

var Authenticate = (*Server).authenticate

// ProductIs reports whether version and action route to the product whose
// API is api.
func ProductIs[S any](version, action string, api *wire.API[S]) bool {
	p, known := productFor(version, action)
	return known && p.spec() == &api.Product
}
