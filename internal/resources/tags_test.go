// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"maps"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTagChanges(t *testing.T) {
	have := map[string]string{"keep": "1", "change": "old", "drop": "x", "drop2": "y"}
	want := map[string]string{"keep": "1", "change": "new", "add": "z"}
	set, remove := tagChanges(have, want)
	if wantSet := map[string]string{"change": "new", "add": "z"}; !maps.Equal(set, wantSet) {
		t.Errorf("set = %v, want %v", set, wantSet)
	}
	if wantRemove := []string{"drop", "drop2"}; !slices.Equal(remove, wantRemove) {
		t.Errorf("remove = %v, want %v (sorted)", remove, wantRemove)
	}
	if set, remove := tagChanges(want, want); len(set) != 0 || len(remove) != 0 {
		t.Errorf("no change expected, got set=%v remove=%v", set, remove)
	}
}

func TestTagsToMapKeepsEmptyMap(t *testing.T) {
	empty := types.MapValueMust(types.StringType, nil)
	if got, _ := tagsToMap(nil, empty); !got.Equal(empty) {
		t.Errorf("prior {} with no remote tags: got %v, want {}", got)
	}
	if got, _ := tagsToMap(nil, types.MapNull(types.StringType)); !got.IsNull() {
		t.Errorf("prior null with no remote tags: got %v, want null", got)
	}
	got, _ := tagsToMap(map[string]string{"a": "b"}, empty)
	if len(got.Elements()) != 1 {
		t.Errorf("remote tags must win over prior {}: got %v", got)
	}
}

func TestChanged(t *testing.T) {
	if p := changed(types.StringValue("a"), types.StringValue("a")); p != nil {
		t.Errorf("unchanged value must not be sent, got %q", *p)
	}
	if p := changed(types.StringValue("a"), types.StringNull()); p == nil || *p != "" {
		t.Errorf("a removed value must be sent as empty to clear it, got %v", p)
	}
	if p := changed(types.StringNull(), types.StringValue("b")); p == nil || *p != "b" {
		t.Errorf("a new value must be sent, got %v", p)
	}
}
