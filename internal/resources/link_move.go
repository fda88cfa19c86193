// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// Links that follow a rename
//
// A policy attachment and a group membership are links between two named
// RAM objects. RAM keeps a user's or a group's links when it is renamed
// (UpdateUser, UpdateGroup), so such a link follows the rename in place
// instead of being replaced, which would detach the policy (or remove the
// member) for a moment. The in-place update is moveLink: add the link under
// the new names, then remove it under the old ones. During a rename
// Terraform updates the principal first (the link refers to it), so the
// add finds the link already there; when the link moves between two
// existing objects, it is never missing in between.

// moveLink adds the link under its new names (add), then removes it under
// the old ones (remove). Already linked counts as added: RAM kept the link
// across a rename. Not found counts as removed: the old name was renamed
// away, or the link is already gone. added tells which step an error
// comes from. When the link is the same under both (only `timeouts`
// changed), nothing is sent: removing it would undo it.
func moveLink(ctx context.Context, same bool, add, remove func(context.Context) error) (added bool, err error) {
	if same {
		return true, nil
	}
	if err := add(ctx); err != nil && !alicloud.IsAlreadyExists(err) {
		return false, err
	}
	return true, ignoreNotFound(remove(ctx))
}

// derivedID is an ID made of other attributes, joined by ":" after prefix
// (if any): planned from the planned values, so an in-place change of one
// of them shows the new ID, and unknown while one of them is.
func derivedID(description, prefix string, attrs ...string) schema.StringAttribute {
	return schema.StringAttribute{
		MarkdownDescription: description,
		Computed:            true,
		PlanModifiers:       []planmodifier.String{derivedIDModifier{prefix, attrs}},
	}
}

type derivedIDModifier struct {
	prefix string
	attrs  []string
}

func (m derivedIDModifier) Description(context.Context) string {
	return "The ID is made of " + strings.Join(m.attrs, ", ") + "."
}

func (m derivedIDModifier) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (m derivedIDModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var parts []string
	if m.prefix != "" {
		parts = append(parts, m.prefix)
	}
	for _, a := range m.attrs {
		var v types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root(a), &v)...)
		if resp.Diagnostics.HasError() || v.IsUnknown() || v.IsNull() {
			resp.PlanValue = types.StringUnknown()
			return
		}
		parts = append(parts, v.ValueString())
	}
	resp.PlanValue = types.StringValue(strings.Join(parts, ":"))
}
