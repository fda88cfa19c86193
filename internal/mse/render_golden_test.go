// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

const (
	seedInstance  = "mse-cn-0pp1j8om80a"
	seedNamespace = "3fd98c48-a709-4061-bba1-e341d79d681b"
	seedGateway   = "gw-8090caa2a3ab447a8bc5fdf3********"
)

// goldenCases are the seeds' example policies as typed inputs; the golden
// files (testdata/README.md says what was corrected) are what they render.
var goldenCases = []struct {
	golden string
	req    Request
}{
	{"001_example1_instance.json", Request{Console: true, Instances: []InstanceGrant{{InstanceID: seedInstance, Access: AccessFull}}}},
	{"001_example2_readonly.json", Request{Console: true, Instances: []InstanceGrant{{InstanceID: "*", Access: AccessReadOnly}}}},
	{"001_example3_namespace.json", Request{Console: true, NacosConfigs: []NacosConfigGrant{
		{InstanceID: seedInstance, NamespaceID: seedNamespace, Access: AccessReadWrite}}}},
	{"001_example4_dataid.json", Request{Console: true, NacosConfigs: []NacosConfigGrant{
		{InstanceID: seedInstance, NamespaceID: seedNamespace, Group: "DEFAULT_GROUP", DataID: "prod.yaml", Access: AccessReadWrite}}}},
	{"001_example5_service.json", Request{Console: true, NacosServices: []NacosServiceGrant{
		{InstanceID: seedInstance, NamespaceID: seedNamespace, Group: "DEFAULT_GROUP", Service: "test-service", Access: AccessReadWrite}}}},
	{"003_gateway_readonly.json", Request{Console: true, Gateways: []GatewayGrant{{GatewayID: seedGateway, Access: AccessReadOnly, Companions: true}}}},
	{"003_gateway_readwrite.json", Request{Console: true, Gateways: []GatewayGrant{{GatewayID: seedGateway, Access: AccessReadWrite, Companions: true}}}},
	{"000_create_slr.json", Request{SLRCreation: []SLRCreationGrant{{ServiceNames: []string{"mse.aliyuncs.com"}, AccountID: "1234567890123456"}}}},
}

func TestRenderGoldens(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.golden, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", tc.golden))
			if err != nil {
				t.Fatal(err)
			}
			res, err := Render(tc.req)
			if err != nil {
				t.Fatalf("Render: %v", err)
			}
			eq, err := policy.Equivalent(res.MinifiedJSON, string(want))
			if err != nil {
				t.Fatalf("Equivalent: %v", err)
			}
			if !eq {
				wd, _ := policy.Parse(string(want))
				t.Errorf("rendered\n%s\nwant\n%s", res.JSON, wd.IndentedJSON())
			}
			if eq, _ := policy.Equivalent(res.JSON, res.MinifiedJSON); !eq {
				t.Error("JSON and MinifiedJSON differ")
			}
		})
	}
}

// The corrected goldens must not trip the linter.
func TestGoldensLintClean(t *testing.T) {
	for _, tc := range goldenCases {
		doc, err := policy.Parse(mustRead(t, tc.golden))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range Lint(doc) {
			t.Errorf("%s: %s", tc.golden, w)
		}
	}
}

func mustRead(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
