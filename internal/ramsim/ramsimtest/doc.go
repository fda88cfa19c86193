// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ramsimtest is the test harness of ramsim's own packages: an
// emulator on a settable clock (Env), requests signed with V1 or V3 by the
// test key or any other (Signer), served in-process, and helpers to read
// the JSON answers. The tests of ramsim, ram and msesim share it; the
// provider's acceptance tests use internal/acctest instead.
package ramsimtest
