// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/mse"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// internal/mse's catalog of RAM actions tells mseram_access_check users
// which ARNs RAM checks a call against; ramsim's resource functions check
// calls against ARNs (Server.Authorization names them). Both must say the same: every ARN ramsim authorizes a
// call on fits one of the catalog's forms, one per check.
func TestRAMActionCatalogAgreesWithAuthorization(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "worker", "AssumeRolePolicyDocument": trustAccount})
	key := env.NewAliceKey()
	alice := ramsim.Credential{AccessKeyID: key.KeyID, AccessKeySecret: key.Secret}
	services := map[string]string{ramsimtest.VRAM: "ram", ramsimtest.VRM: "resourcemanager", ramsimtest.VSTS: "sts"}
	calls := map[string]struct {
		version string
		params  map[string]string
	}{
		"ram:AttachPolicyToRole":      {ramsimtest.VRAM, map[string]string{"RoleName": "worker", "PolicyName": "AliyunMSEFullAccess", "PolicyType": "System"}},
		"ram:AttachPolicyToUser":      {ramsimtest.VRAM, map[string]string{"UserName": "alice", "PolicyName": "mine", "PolicyType": "Custom"}},
		"ram:CreateAccessKey":         {ramsimtest.VRAM, map[string]string{"UserName": "alice"}},
		"ram:CreateLoginProfile":      {ramsimtest.VRAM, map[string]string{"UserName": "alice", "Password": "x"}},
		"ram:CreateServiceLinkedRole": {ramsimtest.VRM, map[string]string{"ServiceName": "mse.aliyuncs.com"}},
		"ram:CreateUser":              {ramsimtest.VRAM, map[string]string{"UserName": "bob"}},
		"ram:DeleteServiceLinkedRole": {ramsimtest.VRM, map[string]string{"RoleName": "AliyunServiceRoleForMSE"}},
		"ram:GetRole":                 {ramsimtest.VRAM, map[string]string{"RoleName": "worker"}},
		"ram:GetUser":                 {ramsimtest.VRAM, map[string]string{"UserName": "alice"}},
		"ram:ListRoles":               {ramsimtest.VRAM, nil},
		"ram:ListUsers":               {ramsimtest.VRAM, nil},
		"sts:AssumeRole":              {ramsimtest.VSTS, map[string]string{"RoleArn": "acs:ram::" + ramsimtest.Account + ":role/worker", "RoleSessionName": "s"}},
	}
	for _, a := range mse.RAMActions() {
		c, ok := calls[a.Name]
		if !ok {
			if a.Name != "ram:PassRole" { // no API of its own
				t.Errorf("%s: the catalog lists it; add a call to this test", a.Name)
			}
			continue
		}
		action := strings.SplitN(a.Name, ":", 2)[1]
		auth, err := env.Srv.Authorization(services[c.version]+":"+action, c.params, alice)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		resources := auth.Resources
		if len(resources) != len(a.Checks) {
			t.Errorf("%s: ramsim checks %v, the catalog %d resources", a.Name, resources, len(a.Checks))
		}
		for _, r := range resources {
			for _, n := range a.RequestNotes(r, a.ConditionKeys) {
				if strings.HasPrefix(n, "RAM checks a ") {
					t.Errorf("%s: ramsim checks %s, which no catalog form fits: %s", a.Name, r, n)
				}
			}
		}
	}
}
