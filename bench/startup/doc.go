// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package startup holds the start-up benchmarks of the provider, run by
// bench/harness: the in-process answer to Terraform's schema request.
// Benchmark code only; nothing here is shipped.
package startup
