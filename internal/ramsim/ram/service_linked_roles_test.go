// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

const mseTrust = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mse.aliyuncs.com"]}}],"Version":"1"}`

func TestServiceCatalog(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{ExtraServiceLinkedRoles: []ram.ServiceLinkedRoleSpec{
		{ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB", AllowsCustomSuffix: true, AllowsDescription: true, Source: "test"},
	}})
	cat := env.Srv.ServiceCatalog()
	var names []string
	for _, sp := range cat {
		names = append(names, sp.ServiceName+"="+sp.RoleName)
		if sp.Source == "" || (sp.ServiceName != "polardb.aliyuncs.com" && (ram.SystemPolicies[sp.PolicyName] == nil || sp.Description == "")) {
			t.Errorf("incomplete entry %+v", sp)
		}
	}
	want := "mse.aliyuncs.com=AliyunServiceRoleForMSE,engine-service.mse.aliyuncs.com=AliyunServiceRoleForMSEEngineService," +
		"mssp.aliyuncs.com=AliyunServiceRoleForMssp,esa.mssp.aliyuncs.com=AliyunServiceRoleForESAMssp,polardb.aliyuncs.com=AliyunServiceRoleForPolarDB"
	if got := strings.Join(names, ","); got != want {
		t.Fatalf("catalog %s", got)
	}
	cat[0].RoleName = "changed"
	if env.Srv.ServiceCatalog()[0].RoleName != "AliyunServiceRoleForMSE" {
		t.Fatal("ServiceCatalog shares its slice")
	}
}

func TestCreateServiceLinkedRole(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	body := env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	r := ramsimtest.Field(body, "Role")
	if ramsimtest.Str(r, "RoleName") != "AliyunServiceRoleForMSE" || ramsimtest.Str(r, "Arn") != "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformse" ||
		ramsimtest.Field(r, "IsServiceLinkedRole") != true || ramsimtest.Str(r, "AssumeRolePolicyDocument") != mseTrust ||
		ramsimtest.Str(r, "RolePrincipalName") != "AliyunServiceRoleForMSE@role."+ramsimtest.Account+".onaliyunservice.com" ||
		ramsimtest.Str(r, "CreateDate") != "2025-03-04T05:06:07Z" || len(ramsimtest.Str(r, "RoleId")) != 16 || ramsimtest.Str(r, "Description") == "" {
		t.Fatalf("CreateServiceLinkedRole: %v", body)
	}
	if _, ok := r.(map[string]any)["LatestDeletionTask"]; ok {
		t.Fatalf("new role has a deletion task: %v", r)
	}
	env.Fail(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"}, 409, "EntityAlreadyExists.Role")
	// The service's system policy is attached.
	if got := env.Srv.AttachedPolicies("role", "AliyunServiceRoleForMSE"); !slices.Equal(got, []string{"System:AliyunServiceRolePolicyForMSE"}) {
		t.Fatalf("attached %v", got)
	}
	slrs := env.Srv.ServiceLinkedRoles()
	if len(slrs) != 1 || !slrs[0].IsServiceLinkedRole || slrs[0].ServiceName != "mse.aliyuncs.com" || slrs[0].Arn != ramsimtest.Str(r, "Arn") {
		t.Fatalf("ServiceLinkedRoles %+v", slrs)
	}

	// A RAM role of the same name blocks it too.
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp", "AssumeRolePolicyDocument": mseTrust})
	env.Fail(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"}, 409, "EntityAlreadyExists.Role")

	cases := []struct {
		name   string
		p      map[string]string
		status int
		code   string
	}{
		{"no service", map[string]string{}, 400, "MissingServiceName"},
		{"unknown service", map[string]string{"ServiceName": "nope.aliyuncs.com"}, 404, "EntityNotExist.Service"},
		{"suffix not allowed", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com", "CustomSuffix": "x"}, 400, "InvalidParameter.CustomSuffix.NotAllowed"},
		{"description not allowed", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com", "Description": "mine"}, 400, "InvalidParameter.Description.NotAllowed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { env.Fail(ramsimtest.VRM, "CreateServiceLinkedRole", c.p, c.status, c.code) })
	}
	if len(env.Srv.ServiceLinkedRoles()) != 1 {
		t.Fatal("a failed create left a role")
	}
}

func TestServiceLinkedRoleSuffixAndDescription(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{ExtraServiceLinkedRoles: []ram.ServiceLinkedRoleSpec{
		{ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB", Description: "default",
			AllowsCustomSuffix: true, AllowsDescription: true, Source: "test"},
	}})
	body := env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com", "CustomSuffix": "Example", "Description": "for tests"})
	if ramsimtest.Str(body, "Role", "RoleName") != "AliyunServiceRoleForPolarDB_Example" || ramsimtest.Str(body, "Role", "Description") != "for tests" ||
		ramsimtest.Str(body, "Role", "Arn") != "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleforpolardb_example" {
		t.Fatalf("with suffix: %v", body)
	}
	// The default role is another one; an unknown policy name attaches none.
	body = env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com"})
	if ramsimtest.Str(body, "Role", "RoleName") != "AliyunServiceRoleForPolarDB" || ramsimtest.Str(body, "Role", "Description") != "default" {
		t.Fatalf("default: %v", body)
	}
	if got := env.Srv.AttachedPolicies("role", "AliyunServiceRoleForPolarDB"); len(got) != 0 {
		t.Fatalf("attached %v", got)
	}
	// Names with the "_" of a suffix are found by RAM and RM GetRole.
	env.OK(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForPolarDB_Example"})
	env.OK(ramsimtest.VRM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForPolarDB_Example"})
	env.Fail(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "No_Such"}, 400, "InvalidParameter.RoleName.InvalidChars")

	cases := []struct {
		name string
		p    map[string]string
		code string
	}{
		{"suffix chars", map[string]string{"CustomSuffix": "a_b"}, "InvalidParameter.CustomSuffix.InvalidChars"},
		{"suffix length", map[string]string{"CustomSuffix": strings.Repeat("x", 64-len("AliyunServiceRoleForPolarDB_")+1)}, "InvalidParameter.CustomSuffix.Length"},
		{"description length", map[string]string{"CustomSuffix": "d", "Description": strings.Repeat("d", 1025)}, "InvalidParameter.Description.Length"},
	}
	for _, c := range cases {
		c.p["ServiceName"] = "polardb.aliyuncs.com"
		t.Run(c.name, func(t *testing.T) { env.Fail(ramsimtest.VRM, "CreateServiceLinkedRole", c.p, 400, c.code) })
	}
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com",
		"CustomSuffix": strings.Repeat("x", 64-len("AliyunServiceRoleForPolarDB_"))})
}

// Service-linked roles count toward the role quota but can be created
// when it is full.
func TestServiceLinkedRoleQuota(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Limits: ram.Limits{Roles: 1}})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "r1", "AssumeRolePolicyDocument": mseTrust})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.Fail(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "r2", "AssumeRolePolicyDocument": mseTrust}, 409, "LimitExceeded.Role")
}

// RAM shows service-linked roles but refuses to change them.
func TestServiceLinkedRoleInRAM(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "plain", "AssumeRolePolicyDocument": mseTrust})
	body := env.OK(ramsimtest.VRAM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if ramsimtest.Field(body, "Role", "IsServiceLinkedRole") != true || ramsimtest.Str(body, "Role", "AssumeRolePolicyDocument") != mseTrust {
		t.Fatalf("RAM GetRole: %v", body)
	}
	roles, _ := ramsimtest.Field(env.OK(ramsimtest.VRAM, "ListRoles", nil), "Roles", "Role").([]any)
	if len(roles) != 2 || ramsimtest.Str(roles[0], "RoleName") != "AliyunServiceRoleForMSE" || ramsimtest.Field(roles[0], "IsServiceLinkedRole") != true ||
		ramsimtest.Field(roles[1], "IsServiceLinkedRole") != false {
		t.Fatalf("RAM ListRoles: %v", roles)
	}
	body = env.OK(ramsimtest.VRAM, "ListPoliciesForRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if ps, _ := ramsimtest.Field(body, "Policies", "Policy").([]any); len(ps) != 1 || ramsimtest.Str(ps[0], "PolicyName") != "AliyunServiceRolePolicyForMSE" {
		t.Fatalf("ListPoliciesForRole: %v", body)
	}
	slr := map[string]string{"RoleName": "AliyunServiceRoleForMSE"}
	for _, c := range []struct {
		action string
		extra  map[string]string
	}{
		{"UpdateRole", map[string]string{"NewAssumeRolePolicyDocument": confTrustForTests}},
		{"UpdateRole", map[string]string{"NewDescription": "x"}},
		{"DeleteRole", nil},
		{"AttachPolicyToRole", map[string]string{"PolicyName": "AdministratorAccess", "PolicyType": "System"}},
		{"DetachPolicyFromRole", map[string]string{"PolicyName": "AliyunServiceRolePolicyForMSE", "PolicyType": "System"}},
	} {
		p := map[string]string{}
		for k, v := range slr {
			p[k] = v
		}
		for k, v := range c.extra {
			p[k] = v
		}
		env.Fail(ramsimtest.VRAM, c.action, p, 403, "NoPermission")
	}
	r, _ := env.Srv.Role("AliyunServiceRoleForMSE")
	if r.AssumeRolePolicyDocument != mseTrust || r.Description == "x" {
		t.Fatalf("role changed: %+v", r)
	}
	if got := env.Srv.AttachedPolicies("role", "AliyunServiceRoleForMSE"); len(got) != 1 {
		t.Fatalf("policies changed: %v", got)
	}
	// The system policy lists the role among its entities.
	body = env.OK(ramsimtest.VRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AliyunServiceRolePolicyForMSE", "PolicyType": "System"})
	if rs, _ := ramsimtest.Field(body, "Roles", "Role").([]any); len(rs) != 1 {
		t.Fatalf("ListEntitiesForPolicy: %v", body)
	}
}

const confTrustForTests = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`

func TestRMGetAndListRoles(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	for _, n := range []string{"a-role", "b-role", "c-role"} {
		env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": n, "AssumeRolePolicyDocument": mseTrust})
	}
	body := env.OK(ramsimtest.VRM, "GetRole", map[string]string{"RoleName": "a-role", "Language": "en"})
	if ramsimtest.Field(body, "Role", "IsServiceLinkedRole") != false || ramsimtest.Str(body, "Role", "RolePrincipalName") != "a-role@role."+ramsimtest.Account+".onaliyunservice.com" ||
		ramsimtest.Str(body, "Role", "Arn") != "acs:ram::"+ramsimtest.Account+":role/a-role" {
		t.Fatalf("RM GetRole: %v", body)
	}
	env.Fail(ramsimtest.VRM, "GetRole", map[string]string{"RoleName": "nope"}, 404, "EntityNotExist.Role")
	env.Fail(ramsimtest.VRM, "GetRole", nil, 400, "MissingRoleName")

	var names []string
	for page := 1; page <= 3; page++ {
		body = env.OK(ramsimtest.VRM, "ListRoles", map[string]string{"PageNumber": itoa(page), "PageSize": "2"})
		if ramsimtest.Field(body, "TotalCount") != float64(4) || ramsimtest.Field(body, "PageSize") != float64(2) || ramsimtest.Field(body, "PageNumber") != float64(page) {
			t.Fatalf("RM ListRoles page %d: %v", page, body)
		}
		for _, r := range ramsimtest.AsList(t, ramsimtest.Field(body, "Roles", "Role")) {
			names = append(names, ramsimtest.Str(r, "RoleName"))
			if ramsimtest.Str(r, "RoleName") == "AliyunServiceRoleForMSE" && ramsimtest.Field(r, "IsServiceLinkedRole") != true {
				t.Fatalf("SLR not marked: %v", r)
			}
		}
	}
	if strings.Join(names, ",") != "AliyunServiceRoleForMSE,a-role,b-role,c-role" {
		t.Fatalf("RM ListRoles: %v", names)
	}
	if body = env.OK(ramsimtest.VRM, "ListRoles", nil); ramsimtest.Field(body, "PageSize") != float64(10) || len(ramsimtest.AsList(t, ramsimtest.Field(body, "Roles", "Role"))) != 4 {
		t.Fatalf("defaults: %v", body)
	}
	env.Fail(ramsimtest.VRM, "ListRoles", map[string]string{"PageSize": "101"}, 400, "InvalidParameter.PageSize")
	env.Fail(ramsimtest.VRM, "ListRoles", map[string]string{"PageNumber": "0"}, 400, "InvalidParameter.PageNumber")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// pollStatus queries a deletion task once.
func pollStatus(env *ramsimtest.Env, task string) map[string]any {
	env.T.Helper()
	return env.OK(ramsimtest.VRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": task})
}

func TestServiceLinkedRoleDeletion(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	task := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId")
	if !strings.HasPrefix(task, "task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/") || len(task) != len("task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/")+36 {
		t.Fatalf("DeletionTaskId %q", task)
	}
	// A second delete while pending answers the same task.
	if again := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId"); again != task {
		t.Fatalf("second task %q", again)
	}
	// RM GetRole shows the task.
	body := env.OK(ramsimtest.VRM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if ramsimtest.Str(body, "Role", "LatestDeletionTask", "DeletionTaskId") != task || ramsimtest.Str(body, "Role", "LatestDeletionTask", "CreateDate") == "" {
		t.Fatalf("LatestDeletionTask: %v", body)
	}
	for i, want := range []string{"NOT_STARTED", "IN_PROGRESS", "SUCCEEDED", "SUCCEEDED"} {
		body := pollStatus(env, task)
		if ramsimtest.Str(body, "Status") != want || body["Reason"] != nil {
			t.Fatalf("poll %d: %v, want %s", i+1, body, want)
		}
		if _, exists := env.Srv.Role("AliyunServiceRoleForMSE"); exists != (i < 2) {
			t.Fatalf("poll %d: role exists %v", i+1, exists)
		}
	}
	env.Fail(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}, 404, "EntityNotExist.Role")
	// It can be created again.
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})

	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "plain", "AssumeRolePolicyDocument": mseTrust})
	env.Fail(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "plain"}, 404, "EntityNotExist.ServiceLinkedRole")
	env.Fail(ramsimtest.VRM, "DeleteServiceLinkedRole", nil, 400, "MissingRoleName")

	for _, c := range []struct{ id, code string }{
		{"task/acs-service-role/x", "InvalidParameter.DeletionTaskId.Length"},
		{strings.Repeat("t", 30), "InvalidParameter.DeletionTaskId"},
		{"task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/nope", "EntityNotExist.ServiceLinkedRole.DeletionTask"},
	} {
		status := 400
		if strings.HasPrefix(c.code, "EntityNotExist") {
			status = 404
		}
		env.Fail(ramsimtest.VRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": c.id}, status, c.code)
	}
	env.Fail(ramsimtest.VRM, "GetServiceLinkedRoleDeletionStatus", nil, 400, "MissingDeletionTaskId")
}

func TestServiceLinkedRoleDeletionInUse(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{DeletionPolls: 1})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"})
	res := []string{"acs:mssp::" + ramsimtest.Account + ":subscription/s-1", "acs:mssp::" + ramsimtest.Account + ":subscription/s-2"}
	env.Srv.SetServiceInUse("mssp.aliyuncs.com", true, res)

	task := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp"}), "DeletionTaskId")
	if got := ramsimtest.Str(pollStatus(env, task), "Status"); got != "IN_PROGRESS" {
		t.Fatalf("first poll %s", got)
	}
	for range 2 {
		body := pollStatus(env, task)
		usages, _ := ramsimtest.Field(body, "Reason", "RoleUsages", "RoleUsage").([]any)
		if ramsimtest.Str(body, "Status") != "FAILED" || len(usages) != 1 || ramsimtest.Str(usages[0], "Region") != "global" ||
			!strings.Contains(ramsimtest.Str(body, "Reason", "Message"), "acs:ram::"+ramsimtest.Account+":role/aliyunserviceroleformssp cannot be deleted as it is in use by mssp.aliyuncs.com") {
			t.Fatalf("FAILED answer: %v", body)
		}
		var got []string
		for _, r := range ramsimtest.AsList(t, ramsimtest.Field(usages[0], "Resources", "Resource")) {
			s, ok := r.(string)
			if !ok {
				t.Fatalf("resource %v is %T, not a string", r, r)
			}
			got = append(got, s)
		}
		if !slices.Equal(got, res) {
			t.Fatalf("resources %v", got)
		}
	}
	if _, ok := env.Srv.Role("AliyunServiceRoleForMssp"); !ok {
		t.Fatal("role deleted although in use")
	}
	if st, ok := env.Srv.DeletionTaskStatus(task); !ok || st != "FAILED" {
		t.Fatalf("DeletionTaskStatus %q %v", st, ok)
	}

	// Once the subscription ends, a new deletion succeeds.
	env.Srv.SetServiceInUse("mssp.aliyuncs.com", false, nil)
	task2 := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp"}), "DeletionTaskId")
	if task2 == task {
		t.Fatal("finished task reused")
	}
	pollStatus(env, task2)
	if got := ramsimtest.Str(pollStatus(env, task2), "Status"); got != "SUCCEEDED" {
		t.Fatalf("after in-use cleared: %s", got)
	}
	if _, ok := env.Srv.Role("AliyunServiceRoleForMssp"); ok {
		t.Fatal("role survived")
	}
}

// DeletionPolls < 0: the task is already final at the first query; an
// in-use service from Config gets one made-up resource.
func TestServiceLinkedRoleDeletionImmediate(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{DeletionPolls: -1, ServicesInUse: map[string][]string{"esa.mssp.aliyuncs.com": nil}})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "esa.mssp.aliyuncs.com"})
	task := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId")
	if _, ok := env.Srv.Role("AliyunServiceRoleForMSE"); ok {
		t.Fatal("role not deleted at once")
	}
	if got := ramsimtest.Str(pollStatus(env, task), "Status"); got != "SUCCEEDED" {
		t.Fatal(got)
	}
	task = ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForESAMssp"}), "DeletionTaskId")
	body := pollStatus(env, task)
	usages, _ := ramsimtest.Field(body, "Reason", "RoleUsages", "RoleUsage").([]any)
	if ramsimtest.Str(body, "Status") != "FAILED" || len(usages) != 1 ||
		ramsimtest.AsList(t, ramsimtest.Field(usages[0], "Resources", "Resource"))[0] != "acs:mssp::"+ramsimtest.Account+":instance/ramsim-in-use" {
		t.Fatalf("in use from Config: %v", body)
	}
}

// Roles and tasks survive a restart.
func TestServiceLinkedRolePersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: path})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com"})
	task := ramsimtest.Str(env.OK(ramsimtest.VRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "DeletionTaskId")
	pollStatus(env, task)

	again := ramsimtest.New(t, ramsim.Config{StatePath: path})
	if slrs := again.Srv.ServiceLinkedRoles(); len(slrs) != 2 || slrs[0].ServiceName != "mse.aliyuncs.com" {
		t.Fatalf("after reload %+v", slrs)
	}
	if got := ramsimtest.Str(pollStatus(again, task), "Status"); got != "IN_PROGRESS" {
		t.Fatalf("task after reload: %s", got)
	}
	if got := ramsimtest.Str(pollStatus(again, task), "Status"); got != "SUCCEEDED" || len(again.Srv.ServiceLinkedRoles()) != 1 {
		t.Fatalf("task after reload: %s", got)
	}
}

func TestAdminEndpoint(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	admin := func(method, path, body, remote string) (int, map[string]any) {
		t.Helper()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		env.Srv.ServeHTTP(w, r)
		var out map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: not JSON: %s", method, path, w.Body)
		}
		return w.Code, out
	}
	const path = "/__ramsim/services/mssp.aliyuncs.com/in-use"
	status, body := admin(http.MethodPost, path, `{"in_use":true,"resources":["acs:mssp::1:subscription/s-1"]}`, "127.0.0.1:5555")
	if status != 200 || body["in_use"] != true || body["service"] != "mssp.aliyuncs.com" {
		t.Fatalf("POST: %d %v", status, body)
	}
	if got := env.Srv.ServicesInUse()["mssp.aliyuncs.com"]; !slices.Equal(got, []string{"acs:mssp::1:subscription/s-1"}) {
		t.Fatalf("in use %v", got)
	}
	if status, body = admin(http.MethodGet, path, "", "[::1]:5555"); status != 200 || body["in_use"] != true {
		t.Fatalf("GET over IPv6 loopback: %d %v", status, body)
	}
	for _, remote := range []string{"10.0.0.8:5555", "192.168.1.2:80", "[2001:db8::1]:443", "garbage"} {
		if status, _ = admin(http.MethodPost, path, `{"in_use":false}`, remote); status != http.StatusForbidden {
			t.Fatalf("remote %s: %d", remote, status)
		}
	}
	if _, ok := env.Srv.ServicesInUse()["mssp.aliyuncs.com"]; !ok {
		t.Fatal("a refused request changed the state")
	}
	for _, c := range []struct {
		method, path, body string
		status             int
	}{
		{http.MethodPost, "/__ramsim/services/nope.aliyuncs.com/in-use", `{"in_use":true}`, 404},
		{http.MethodPost, "/__ramsim/other", `{}`, 404},
		{http.MethodPost, path, `{"in_use":"yes"}`, 400},
		{http.MethodPost, path, `{"inuse":true}`, 400},
		{http.MethodDelete, path, "", 405},
	} {
		if status, body = admin(c.method, c.path, c.body, "127.0.0.1:1"); status != c.status {
			t.Fatalf("%s %s %s: %d %v", c.method, c.path, c.body, status, body)
		}
	}
	if status, body = admin(http.MethodPost, path, `{"in_use":false}`, "127.0.0.1:1"); status != 200 || body["in_use"] != false {
		t.Fatalf("clear: %d %v", status, body)
	}
	if len(env.Srv.ServicesInUse()) != 0 {
		t.Fatal("not cleared")
	}
}
