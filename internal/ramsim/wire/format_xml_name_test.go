// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import "testing"

func TestXMLName(t *testing.T) {
	for in, want := range map[string]string{"User": "User", "zone-a": "zone-a", "1x": "_1x", "a b": "a_b", "a:b": "a_b", "": "_", "é": "é"} {
		if got := xmlName(in); got != want {
			t.Errorf("xmlName(%q) = %q, want %q", in, got, want)
		}
	}
}
