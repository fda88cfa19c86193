// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

// NacosConfigContent returns the content of a Nacos configuration of the
// emulated MSE, for tests that prove a write went through. An empty
// namespace is "public", an empty group DEFAULT_GROUP, as the API takes them.
func (s *Server) NacosConfigContent(instanceID, namespaceID, group, dataID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mse.NacosConfigContent(instanceID, namespaceID, group, dataID)
}

// GatewayRouteNames lists the names of a gateway's routes, in the order
// they were added.
func (s *Server) GatewayRouteNames(gatewayUniqueID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mse.GatewayRouteNames(gatewayUniqueID)
}
