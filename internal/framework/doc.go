// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package framework holds the terraform-plugin-framework glue that resources,
// data sources and functions share: validators for RAM's input rules, the
// provider data hand-over, and diagnostics for API errors. It keeps those
// packages free of copy-paste twins.
package framework
