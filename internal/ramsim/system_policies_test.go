// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

func TestSystemPolicies(t *testing.T) {
	env := newEnv(t, Config{})
	for _, name := range []string{"AdministratorAccess", "ReadOnlyAccess", "AliyunMSEFullAccess", "AliyunMSEReadOnlyAccess",
		"AliyunServiceRolePolicyForMSE", "AliyunServiceRolePolicyForMSEEngineService",
		"AliyunServiceRolePolicyForMssp", "AliyunServiceRolePolicyForESAMssp"} {
		t.Run(name, func(t *testing.T) {
			body := env.ok(vRAM, "GetPolicy", map[string]string{"PolicyName": name, "PolicyType": "System"})
			doc := str(body, "DefaultPolicyVersion", "PolicyDocument")
			if _, err := policy.Parse(doc); err != nil {
				t.Fatalf("document does not parse: %v\n%s", err, doc)
			}
			if str(body, "Policy", "PolicyType") != "System" || str(body, "Policy", "DefaultVersion") != "v1" || str(body, "Policy", "Description") == "" {
				t.Fatalf("GetPolicy: %v", body)
			}
			p, ok := env.srv.Policy(name)
			if !ok || p.PolicyType != "System" || p.Document() != doc {
				t.Fatalf("snapshot %+v", p)
			}
		})
	}
	if len(systemPolicies) != 8 || len(env.srv.Policies()) != 0 {
		t.Fatalf("%d system policies; Policies() lists %v", len(systemPolicies), env.srv.Policies())
	}
	// Spot checks of the documents against the seeds.
	full, _ := env.srv.Policy("AliyunMSEFullAccess")
	slr, _ := env.srv.Policy("AliyunServiceRolePolicyForMSE")
	engine, _ := env.srv.Policy("AliyunServiceRolePolicyForMSEEngineService")
	for _, c := range []struct{ doc, want string }{
		{full.Document(), `"mse:*"`},
		{slr.Document(), `"ecs:CreateNetworkInterfacePermission"`},
		{slr.Document(), `"servicemesh:InvokeApiServer"`},
		{slr.Document(), `"slb:DescribeLoadBalancerUDPListenerAttribute"`},
		{engine.Document(), `"engine-service.mse.aliyuncs.com"`},
	} {
		if !strings.Contains(c.doc, c.want) {
			t.Errorf("%s not in %s", c.want, c.doc)
		}
	}
}
