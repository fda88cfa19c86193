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
//
// # Credentials
//
// The root key of Config signs as the account. An access key created with
// CreateAccessKey signs as its RAM user (GetCallerIdentity: IdentityType
// RAMUser, Arn acs:ram::<account>:user/<name>); RAM-user authorization is
// not implemented yet, so such a key may call any action. An Inactive key
// answers InvalidAccessKeyId.Inactive, a deleted one (or one of a deleted
// user) InvalidAccessKeyId.NotFound. The state file keeps those secrets in
// clear (signatures are verified with them) and is written with mode 0600;
// login-profile passwords are kept only as salted SHA-256 hashes.
//
// # Service-linked roles
//
// ResourceManager's CreateServiceLinkedRole knows the services of a
// built-in catalog (Server.ServiceCatalog: MSE's two roles of seed 000,
// MSS's two of seed 002) plus Config.ExtraServiceLinkedRoles. Such roles
// are listed by RAM's GetRole/ListRoles with IsServiceLinkedRole true, and
// RAM's UpdateRole, DeleteRole, AttachPolicyToRole and DetachPolicyFromRole
// refuse them (NoPermission, an assumed code). DeleteServiceLinkedRole
// starts a task that GetServiceLinkedRoleDeletionStatus advances, one step
// per query (Config.DeletionPolls): NOT_STARTED, IN_PROGRESS, then
// SUCCEEDED (the role is deleted) or, when the service is marked in use,
// FAILED with the resources using the role.
//
// # Admin endpoint
//
// A service is marked in use with Server.SetServiceInUse,
// Config.ServicesInUse, cmd/ramsim's -in-use flag, or over HTTP on the API
// port, from loopback clients only (others get 403):
//
//	POST /__ramsim/services/<service-name>/in-use  {"in_use":true,"resources":["acs:mssp::..."]}
//	GET  /__ramsim/services/<service-name>/in-use
//
// Both answer {"service":...,"in_use":...,"resources":[...]}; a service not
// in the catalog answers 404.
package ramsim
