// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"sort"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
