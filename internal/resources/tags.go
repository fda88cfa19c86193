// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// tagAPI is how one object's tags are changed: IMS for users, RAM's own
// tag actions for roles and policies.
type tagAPI struct {
	untag func(context.Context, []string) error
	tag   func(context.Context, map[string]string) error
}

func userTagAPI(c *alicloud.Client, userID string) tagAPI {
	return tagAPI{
		untag: func(ctx context.Context, keys []string) error { return c.UntagUser(ctx, userID, keys) },
		tag:   func(ctx context.Context, tags map[string]string) error { return c.TagUser(ctx, userID, tags) },
	}
}

func ramTagAPI(c *alicloud.Client, typ alicloud.RAMResourceType, name string) tagAPI {
	return tagAPI{
		untag: func(ctx context.Context, keys []string) error { return c.UntagResource(ctx, typ, name, keys) },
		tag:   func(ctx context.Context, tags map[string]string) error { return c.TagResource(ctx, typ, name, tags) },
	}
}

// updateTags turns the tags in state into the planned ones with the
// object's tagAPI: removed keys first, then added and changed tags (each
// call skipped when it has nothing to do).
func (o ramObject[T]) updateTags(ctx context.Context, state, plan types.Map) diag.Diagnostics {
	have, diags := tagsFromMap(ctx, state)
	want, more := tagsFromMap(ctx, plan)
	diags.Append(more...)
	if diags.HasError() {
		return diags
	}
	set, remove := tagChanges(have, want)
	if err := o.tagging.untag(ctx, remove); err != nil {
		diags.Append(framework.APIErrorDiag("Unable to remove tags from "+o.noun, o.object, err, ""))
		return diags
	}
	if err := o.tagging.tag(ctx, set); err != nil {
		diags.Append(framework.APIErrorDiag("Unable to tag "+o.noun, o.object, err, ""))
	}
	return diags
}

// tagsFromMap reads a tags attribute; null and unknown give an empty map.
func tagsFromMap(ctx context.Context, m types.Map) (map[string]string, diag.Diagnostics) {
	tags := map[string]string{}
	if m.IsNull() || m.IsUnknown() {
		return tags, nil
	}
	diags := m.ElementsAs(ctx, &tags, false)
	return tags, diags
}

// tagsToMap writes tags read from the API back to state. When the API has no
// tags, the prior value is kept if it was an empty map, so `tags = {}` in a
// configuration does not plan a change on every run.
func tagsToMap(remote map[string]string, prior types.Map) (types.Map, diag.Diagnostics) {
	if len(remote) == 0 {
		if !prior.IsNull() && !prior.IsUnknown() && len(prior.Elements()) == 0 {
			return prior, nil
		}
		return types.MapNull(types.StringType), nil
	}
	return types.MapValueFrom(context.Background(), types.StringType, remote)
}

// tagChanges says which tags to set (added or changed) and which keys to
// remove to turn have into want. Keys are sorted so requests are
// deterministic.
func tagChanges(have, want map[string]string) (set map[string]string, remove []string) {
	set = map[string]string{}
	for k, v := range want {
		if old, ok := have[k]; !ok || old != v {
			set[k] = v
		}
	}
	for k := range have {
		if _, ok := want[k]; !ok {
			remove = append(remove, k)
		}
	}
	sort.Strings(remove)
	return set, remove
}
