// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"strings"
	"testing"
)

func TestResourceRefARN(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name    string
		ref     ResourceRef
		want    string
		wantErr string // substring
	}{
		{"instance", ResourceRef{InstanceID: "mse-cn-0pp1j8om80a"}, "acs:mse:*:*:instance/mse-cn-0pp1j8om80a", ""},
		{"namespace", ResourceRef{InstanceID: "mse-1", NamespaceID: "3fd98c48-a709"}, "acs:mse:*:*:instance/mse-1/3fd98c48-a709", ""},
		{"group", ResourceRef{InstanceID: "mse-1", NamespaceID: "public", Group: "DEFAULT_GROUP"}, "acs:mse:*:*:instance/mse-1/public/DEFAULT_GROUP", ""},
		{"data id", ResourceRef{InstanceID: "mse-1", NamespaceID: "public", Group: "G", Name: "prod.yaml"}, "acs:mse:*:*:instance/mse-1/public/G/prod.yaml", ""},
		{"service with colons", ResourceRef{InstanceID: "mse-1", NamespaceID: "public", Group: "G", Name: "providers:com.foo.Bar:1.0"}, "acs:mse:*:*:instance/mse-1/public/G/providers:com.foo.Bar:1.0", ""},
		{"region and account", ResourceRef{Region: "cn-hangzhou", Account: "1234567890123456", InstanceID: "gw-1"}, "acs:mse:cn-hangzhou:1234567890123456:instance/gw-1", ""},
		{"explicit stars", ResourceRef{Region: "*", Account: "*", InstanceID: "*"}, "acs:mse:*:*:instance/*", ""},
		{"masked gateway", ResourceRef{InstanceID: "gw-8090caa2a3ab447a8bc5fdf3********"}, "acs:mse:*:*:instance/gw-8090caa2a3ab447a8bc5fdf3********", ""},
		{"wildcard data id", ResourceRef{InstanceID: "mse-1", NamespaceID: "public", Group: "G", Name: "*.yaml"}, "acs:mse:*:*:instance/mse-1/public/G/*.yaml", ""},

		{"no instance", ResourceRef{}, "", "instance_id: must not be empty"},
		{"group without namespace", ResourceRef{InstanceID: "i", Group: "G"}, "", "group: set without namespace_id"},
		{"name without group", ResourceRef{InstanceID: "i", NamespaceID: "n", Name: "x"}, "", "name: set without group"},
		{"name without namespace", ResourceRef{InstanceID: "i", Name: "x"}, "", "set without namespace_id"},
		{"slash in instance", ResourceRef{InstanceID: "a/b"}, "", "instance_id: \"a/b\" contains '/'"},
		{"slash in namespace", ResourceRef{InstanceID: "i", NamespaceID: "a/b"}, "", "namespace_id"},
		{"slash in group", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "a/b"}, "", "group"},
		{"slash in name", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "g", Name: "a/b"}, "", "name"},
		{"question mark", ResourceRef{InstanceID: "mse-?"}, "", "contains '?'"},
		{"dot in instance", ResourceRef{InstanceID: "mse.1"}, "", "instance_id: \"mse.1\" contains '.'"},
		{"colon in namespace", ResourceRef{InstanceID: "i", NamespaceID: "a:b"}, "", "namespace_id"},
		{"space in group", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "a b"}, "", "group"},
		{"non-ASCII name", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "g", Name: "配置"}, "", "name"},
		{"instance too long", ResourceRef{InstanceID: long(65)}, "", "at most 64"},
		{"namespace too long", ResourceRef{InstanceID: "i", NamespaceID: long(129)}, "", "at most 128"},
		{"group too long", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: long(129)}, "", "at most 128"},
		{"name too long", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "g", Name: long(257)}, "", "at most 256"},
		{"name at limit", ResourceRef{InstanceID: "i", NamespaceID: "n", Group: "g", Name: long(256)}, "acs:mse:*:*:instance/i/n/g/" + long(256), ""},
		{"upper-case region", ResourceRef{Region: "CN-hangzhou", InstanceID: "i"}, "", "region"},
		{"region with colon", ResourceRef{Region: "cn:x", InstanceID: "i"}, "", "region"},
		{"account with letters", ResourceRef{Account: "12ab", InstanceID: "i"}, "", "account_id"},
		{"account too long", ResourceRef{Account: strings.Repeat("1", 33), InstanceID: "i"}, "", "account_id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.ref.ARN()
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ARN() = %q, %v; want error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ARN() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestAllResources(t *testing.T) {
	if got := AllResources("", ""); got != "acs:mse:*:*:*" {
		t.Errorf("AllResources = %q", got)
	}
	if got := AllResources("cn-beijing", "1"); got != "acs:mse:cn-beijing:1:*" {
		t.Errorf("AllResources = %q", got)
	}
}
