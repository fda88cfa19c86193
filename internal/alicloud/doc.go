// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package alicloud is the provider's typed client for Alibaba Cloud RAM,
// IMS, ResourceManager and STS.
//
// Requests go through darabonba-openapi's CallApiWithCtx (RPC style, all
// parameters in the query, V3 ACS3-HMAC-SHA256 signature); credentials come
// from credentials-go. On top of the SDK this package adds per-product
// endpoint resolution, an HTTP client that never proxies loopback
// endpoints, error classes (NotFound, AlreadyExists, Conflict, Throttled,
// Retryable) and bounded, context-aware retries.
//
// Adding an action is a few lines: build a query, call callInto with a
// struct that mirrors the response JSON (see users.go).
package alicloud
