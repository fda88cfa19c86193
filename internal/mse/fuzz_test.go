// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// FuzzResourceRefARN: ARN never panics; it returns an ARN exactly when it
// returns no error; an ARN parses back into the reference it was built
// from, is accepted as a Resource by the policy parser, and a statement on
// it matches it.
func FuzzResourceRefARN(f *testing.F) {
	for _, s := range [][6]string{
		{"", "", "mse-cn-0pp1j8om80a", "", "", ""},
		{"cn-hangzhou", "1234567890123456", "mse-cn-0pp1j8om80a", "3fd98c48-a709-4061-bba1-e341d79d681b", "DEFAULT_GROUP", "prod.yaml"},
		{"*", "*", "gw-8090caa2a3ab447a8bc5fdf3********", "public", "a:b", "svc:1.0"},
		{"", "", "", "ns", "", ""},
		{"", "", "i", "", "g", ""},
		{"CN", "12a", "i/j", "n?", "g\x00", "名"},
		{"", "", strings.Repeat("i", 65), strings.Repeat("n", 129), strings.Repeat("g", 129), strings.Repeat("d", 257)},
		{"", "", "*", "*", "*", "*"},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5])
	}
	f.Fuzz(func(t *testing.T, region, account, instance, namespace, group, name string) {
		ref := ResourceRef{Region: region, Account: account, InstanceID: instance, NamespaceID: namespace, Group: group, Name: name}
		arn, err := ref.ARN()
		if err != nil {
			if arn != "" {
				t.Fatalf("ARN() = %q with error %v", arn, err)
			}
			return
		}
		// acs:mse:<region>:<account>:instance/<segments>; group and name may
		// hold ':', so only the first four colons separate.
		parts := strings.SplitN(arn, ":", 5)
		if len(parts) != 5 || parts[0] != "acs" || parts[1] != "mse" {
			t.Fatalf("ARN() = %q: not acs:mse:...", arn)
		}
		if parts[2] != orStar(region) || parts[3] != orStar(account) {
			t.Fatalf("ARN() = %q: region/account %q/%q, want %q/%q", arn, parts[2], parts[3], orStar(region), orStar(account))
		}
		segs := strings.Split(parts[4], "/")
		want := []string{"instance"}
		for _, v := range []string{instance, namespace, group, name} {
			if v == "" {
				break
			}
			want = append(want, v)
		}
		if strings.Join(segs, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("ARN() = %q: segments %q, want %q", arn, segs, want)
		}
		if len(segs)-1 != ref.depth() {
			t.Fatalf("ARN() = %q has %d segments, depth() = %d", arn, len(segs)-1, ref.depth())
		}
		doc := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":` + quote(arn) + `}]}`
		if _, err := policy.Parse(doc); err != nil {
			t.Fatalf("ARN() = %q is not a valid policy Resource: %v", arn, err)
		}
		if ok, _ := policy.MatchResource(arn, arn); !ok {
			t.Fatalf("ARN() = %q does not match itself as a pattern", arn)
		}
	})
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
