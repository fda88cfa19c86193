// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package resources holds the provider's managed resources, one file per
// resource type.
package resources
