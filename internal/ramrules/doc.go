// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ramrules holds RAM's documented rules for the values a caller
// sends: name lengths and characters, description and comment lengths,
// contact formats, tag rules, and role session durations. They are facts,
// not access decisions: the provider's plan-time validators
// (internal/framework) and the emulator's parameter checks (internal/ramsim)
// both read them here, so the two cannot drift apart. The package uses the
// standard library only.
//
// Sources: the parameter tables of RAM's API references
// (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ram-2015-05-01-createuser,
// ...-createrole, ...-creategroup, ...-createpolicy, ...-tagresources) and of
// IMS's TagResources (https://www.alibabacloud.com/help/en/ram/developer-reference/api-ims-2019-08-15-tagresources).
package ramrules
