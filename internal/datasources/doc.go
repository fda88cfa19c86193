// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package datasources holds the provider's data sources: lookups of RAM
// objects and, in later releases, the policy document renderer and checks.
package datasources
