// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

// What the external tests of this package reach inside it.
const (
	MSETimeFormat       = mseTimeFormat
	RoutePublished      = routePublished
	NamespaceTypeCustom = namespaceTypeCustom
)
