// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package msesim is ramsim's Microservices Engine (MSE, API 2019-05-31):
// the slice of MSE that MSE's RAM policies govern, i.e. Nacos instances
// (clusters), namespaces, configurations with their history, services and
// instances, and cloud-native gateways with their routes, domains and
// services. API is its routing table with the resources each action is
// authorized on (MSE's ARNs from internal/mse); Service holds the state,
// built from a fixtures file and kept in memory only. The server in
// package ramsim authenticates and authorizes a request before it reaches
// a handler here. The ramsim guide (docs/guides/ramsim.md) describes the
// actions, the fixtures format and the errors for users.
package msesim
