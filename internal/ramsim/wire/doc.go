// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package wire is the RPC protocol ramsim speaks, shared by every emulated
// product: reading a request (query and form parameters, Action and
// Version), its signature (V1 HMAC-SHA1, V3 ACS3-HMAC-SHA256, timestamps
// and nonces), the authenticated caller a handler sees, error answers with
// their codes and HTTP statuses, JSON and XML answers, and the paging
// markers of RAM's List* actions. It knows nothing of any product's state:
// packages ram and msesim serve the actions, the server in package ramsim
// wires them together. The ramsim guide (docs/guides/ramsim.md) describes
// the behavior for users.
package wire
