// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package ram is ramsim's RAM side of an account: RAM (2015-05-01), IMS
// (2019-08-15), ResourceManager's role actions (2020-03-31) and STS
// (2015-04-01). Service holds the account (users with their access keys
// and login profiles, groups, roles, custom and system policies with their
// versions and attachments, service-linked role deletion tasks, STS
// sessions) and answers the handlers of RAMAPI, IMSAPI,
// ResourceManagerAPI and STSAPI. It also decides authorization for every
// product: the resources each RAM action is checked on (authz_resources.go)
// and the caller's policies, evaluated with internal/policy
// (AuthorizeRequest). The eventual-consistency lag of the faults spec is
// applied here, to this store (lag.go). The ramsim guide
// (docs/guides/ramsim.md) describes the behavior for users.
package ram
