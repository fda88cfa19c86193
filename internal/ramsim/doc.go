// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ramsim is a local emulator of Alibaba Cloud RAM (2015-05-01), IMS
// (2019-08-15), ResourceManager (2020-03-31) and STS (2015-04-01). It speaks
// the real wire protocol on one HTTP port: RPC-style requests signed with
// signature V1 (HMAC-SHA1) or V3 (ACS3-HMAC-SHA256), JSON answers with the
// real field names, error codes and HTTP statuses. Acceptance tests run it
// in-process; cmd/ramsim serves it as a binary. Anything it does not
// implement answers like the real gateway answers an unknown action, never
// with a silent success. See shared/design/RAM-API.md for the protocol.
package ramsim
