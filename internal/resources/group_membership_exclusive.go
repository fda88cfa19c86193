// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// NewGroupMembershipExclusiveResource registers
// mseram_group_membership_exclusive: every member of one group, named as
// mseram_group_membership names one (group_name, user_name).
func NewGroupMembershipExclusiveResource() resource.Resource {
	return newExclusiveResource(exclusiveSpec{
		typeSuffix: "group_membership_exclusive",
		description: exclusiveWording{
			items: "members", item: "member", added: "added", removes: "removes", owner: "RAM group", attribute: "user_names",
			single: "mseram_group_membership", link: "a membership", deleted: "a member user",
		}.description(),
		owner:      "group_name",
		ownerNoun:  "RAM group",
		ownerRule:  ramrules.GroupName,
		ownerCheck: framework.GroupName(),
		elements:   "user_names",
		elementsDoc: "Logon names of every RAM user in the group, e.g. the `name` of `mseram_user` resources. Required; `[]` removes every member. " +
			"Members are listed page by page (`ListUsersForGroup` follows `Marker`), so groups of any size are read whole.",
		elementsAttr: func(doc string) schema.Attribute {
			return schema.SetAttribute{
				MarkdownDescription: doc,
				ElementType:         types.StringType,
				Required:            true,
				Validators:          []validator.Set{setvalidator.ValueStringsAre(framework.UserName()...)},
			}
		},
		keys: func(ctx context.Context, set types.Set) ([]string, diag.Diagnostics) {
			var users []string
			diags := set.ElementsAs(ctx, &users, false)
			return users, diags
		},
		toSet: func(ctx context.Context, users []string) (types.Set, diag.Diagnostics) {
			return types.SetValueFrom(ctx, types.StringType, users)
		},
		list: func(ctx context.Context, c *alicloud.Client, group string) ([]string, error) {
			members, err := c.ListUsersForGroup(ctx, group)
			if err != nil {
				return nil, err
			}
			users := make([]string, 0, len(members))
			for _, u := range members {
				users = append(users, u.UserName)
			}
			return users, nil
		},
		add: func(ctx context.Context, c *alicloud.Client, group, user string) error {
			return c.AddUserToGroup(ctx, group, user)
		},
		remove: func(ctx context.Context, c *alicloud.Client, group, user string) error {
			return c.RemoveUserFromGroup(ctx, group, user)
		},
		link: func(group, user string) string {
			return fmt.Sprintf("membership of RAM user %q in RAM group %q", user, group)
		},
		addSummary:    "Unable to add RAM user to group",
		addHint:       "Check that the user and the group exist; if Terraform creates them, reference their `name` attributes so that they are created first.",
		removeSummary: "Unable to remove RAM user from group",
		example:       "mse-developers",
	})
}
