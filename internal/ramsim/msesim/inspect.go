// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package msesim

import "cmp"

// NacosConfigContent returns the content of a Nacos configuration of the
// emulated MSE, for tests that prove a write went through. An empty
// namespace is "public", an empty group DEFAULT_GROUP, as the API takes them.
func (s *Service) NacosConfigContent(instanceID, namespaceID, group, dataID string) (string, bool) {
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
func (s *Service) GatewayRouteNames(gatewayUniqueID string) []string {
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
