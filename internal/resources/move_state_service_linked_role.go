// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var _ resource.ResourceWithMoveState = (*serviceLinkedRoleResource)(nil)

// MoveState accepts alicloud_resource_manager_service_linked_role, whose id
// is `<service_name>:<role_name>`; mseram_service_linked_role's id is the
// role name. `service_name`, `custom_suffix`, `description`, `role_name`,
// `role_id` and `arn` are carried over; `allow_unknown_service` is set for a
// service the provider's catalog does not list, as import does. The trust
// policy is read by the next refresh.
func (r *serviceLinkedRoleResource) MoveState(context.Context) []resource.StateMover {
	return []resource.StateMover{moveFromAlicloud("alicloud_resource_manager_service_linked_role", func(s *alicloudSource) map[string]any {
		service, roleName := s.str("service_name"), s.str("role_name")
		if id := s.str("id"); id != nil {
			if svc, role, ok := strings.Cut(*id, ":"); ok {
				if service == nil && svc != "" {
					service = &svc
				}
				if roleName == nil && role != "" {
					roleName = &role
				}
			}
		}
		if service == nil {
			service = s.requiredStr("service_name")
		}
		if roleName == nil {
			roleName = s.requiredStr("role_name")
		}
		if service == nil || roleName == nil {
			return nil
		}
		if !mse.IsServiceName(*service) {
			s.fail("service_name", "is "+*service+", which is not a service name (a host under aliyuncs.com, such as mse.aliyuncs.com)")
			return nil
		}
		_, known := mse.ServiceLinkedRoleFor(*service)
		return map[string]any{
			"id":                    roleName,
			"service_name":          service,
			"allow_unknown_service": !known,
			"custom_suffix":         s.str("custom_suffix"),
			"description":           s.str("description"),
			"role_name":             roleName,
			"role_id":               s.str("role_id"),
			"arn":                   s.str("arn"),
		}
	})}
}
