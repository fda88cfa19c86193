// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import "cmp"

// NacosConfigContent returns the content of a Nacos configuration of the
// emulated MSE, for tests that prove a write went through. An empty
// namespace is "public", an empty group DEFAULT_GROUP, as the API takes them.
func (s *Server) NacosConfigContent(instanceID, namespaceID, group, dataID string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.mse.clusters[instanceID]
	if c == nil {
		return "", false
	}
	ns := c.namespaces[cmp.Or(namespaceID, "public")]
	if ns == nil {
		return "", false
	}
	cfg := ns.configs[nacosKey{cmp.Or(group, "DEFAULT_GROUP"), dataID}]
	if cfg == nil {
		return "", false
	}
	return cfg.Content, true
}

// GatewayRouteNames lists the names of a gateway's routes, in the order
// they were added.
func (s *Server) GatewayRouteNames(gatewayUniqueID string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.mse.gateways[gatewayUniqueID]
	if g == nil {
		return nil
	}
	var out []string
	for _, r := range g.routes {
		out = append(out, r.Name)
	}
	return out
}
