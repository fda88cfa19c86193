// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ramsim is a local emulator of Alibaba Cloud RAM, IMS,
// ResourceManager, STS and the slice of Microservices Engine (MSE) that
// MSE's RAM policies govern, enforcing RAM policies on every call a RAM
// user or role makes. Acceptance tests run it in-process (New, Start);
// cmd/ramsim serves it as a binary; Call makes one signed call to it.
//
// The user's reference, for running it, its fixtures file, its fault
// specification, its counters and what it assumes where no document
// decides, is the ramsim guide, docs/guides/ramsim.md. The code is in
// parts a reader can take one at a time:
//
//   - wire: the RPC protocol every product shares (parameters, signatures
//     V1 and V3, error and JSON/XML answers, paging markers, the product
//     and route types).
//   - faults: the fault injector and the request counters.
//   - ram: the account's RAM, IMS, ResourceManager and STS, with its
//     store and state file, and the authorization of every request.
//   - msesim: the MSE slice and its fixtures.
//
// This package wires them: Server routes a request to its product,
// authenticates it (the root key here, the account's keys in ram),
// authorizes it through ram, runs the handler under one lock, applies the
// injected faults, and guards the port (network_guard.go, conn_limit.go,
// the admin endpoints in admin.go). ramsimtest is the tests' harness.
package ramsim
