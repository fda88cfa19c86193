// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const mseTrust = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["mse.aliyuncs.com"]}}],"Version":"1"}`

func TestServiceCatalog(t *testing.T) {
	env := newEnv(t, Config{ExtraServiceLinkedRoles: []ServiceLinkedRoleSpec{
		{ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB", AllowsCustomSuffix: true, AllowsDescription: true, Source: "test"},
	}})
	cat := env.srv.ServiceCatalog()
	var names []string
	for _, sp := range cat {
		names = append(names, sp.ServiceName+"="+sp.RoleName)
		if sp.Source == "" || (sp.ServiceName != "polardb.aliyuncs.com" && (systemPolicies[sp.PolicyName] == nil || sp.Description == "")) {
			t.Errorf("incomplete entry %+v", sp)
		}
	}
	want := "mse.aliyuncs.com=AliyunServiceRoleForMSE,engine-service.mse.aliyuncs.com=AliyunServiceRoleForMSEEngineService," +
		"mssp.aliyuncs.com=AliyunServiceRoleForMssp,esa.mssp.aliyuncs.com=AliyunServiceRoleForESAMssp,polardb.aliyuncs.com=AliyunServiceRoleForPolarDB"
	if got := strings.Join(names, ","); got != want {
		t.Fatalf("catalog %s", got)
	}
	cat[0].RoleName = "changed"
	if env.srv.ServiceCatalog()[0].RoleName != "AliyunServiceRoleForMSE" {
		t.Fatal("ServiceCatalog shares its slice")
	}
}

func TestCreateServiceLinkedRole(t *testing.T) {
	env := newEnv(t, Config{})
	body := env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	r := field(body, "Role")
	if str(r, "RoleName") != "AliyunServiceRoleForMSE" || str(r, "Arn") != "acs:ram::"+testAccount+":role/aliyunserviceroleformse" ||
		field(r, "IsServiceLinkedRole") != true || str(r, "AssumeRolePolicyDocument") != mseTrust ||
		str(r, "RolePrincipalName") != "AliyunServiceRoleForMSE@role."+testAccount+".onaliyunservice.com" ||
		str(r, "CreateDate") != "2025-03-04T05:06:07Z" || len(str(r, "RoleId")) != 16 || str(r, "Description") == "" {
		t.Fatalf("CreateServiceLinkedRole: %v", body)
	}
	if _, ok := r.(map[string]any)["LatestDeletionTask"]; ok {
		t.Fatalf("new role has a deletion task: %v", r)
	}
	env.fail(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"}, 409, "EntityAlreadyExists.Role")
	// The service's system policy is attached.
	if got := env.srv.AttachedPolicies("role", "AliyunServiceRoleForMSE"); !slices.Equal(got, []string{"System:AliyunServiceRolePolicyForMSE"}) {
		t.Fatalf("attached %v", got)
	}
	slrs := env.srv.ServiceLinkedRoles()
	if len(slrs) != 1 || !slrs[0].IsServiceLinkedRole || slrs[0].ServiceName != "mse.aliyuncs.com" || slrs[0].Arn != str(r, "Arn") {
		t.Fatalf("ServiceLinkedRoles %+v", slrs)
	}

	// A RAM role of the same name blocks it too.
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp", "AssumeRolePolicyDocument": mseTrust})
	env.fail(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"}, 409, "EntityAlreadyExists.Role")

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
		t.Run(c.name, func(t *testing.T) { env.fail(vRM, "CreateServiceLinkedRole", c.p, c.status, c.code) })
	}
	if len(env.srv.ServiceLinkedRoles()) != 1 {
		t.Fatal("a failed create left a role")
	}
}

func TestServiceLinkedRoleSuffixAndDescription(t *testing.T) {
	env := newEnv(t, Config{ExtraServiceLinkedRoles: []ServiceLinkedRoleSpec{
		{ServiceName: "polardb.aliyuncs.com", RoleName: "AliyunServiceRoleForPolarDB", Description: "default",
			AllowsCustomSuffix: true, AllowsDescription: true, Source: "test"},
	}})
	body := env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com", "CustomSuffix": "Example", "Description": "for tests"})
	if str(body, "Role", "RoleName") != "AliyunServiceRoleForPolarDB_Example" || str(body, "Role", "Description") != "for tests" ||
		str(body, "Role", "Arn") != "acs:ram::"+testAccount+":role/aliyunserviceroleforpolardb_example" {
		t.Fatalf("with suffix: %v", body)
	}
	// The default role is another one; an unknown policy name attaches none.
	body = env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com"})
	if str(body, "Role", "RoleName") != "AliyunServiceRoleForPolarDB" || str(body, "Role", "Description") != "default" {
		t.Fatalf("default: %v", body)
	}
	if got := env.srv.AttachedPolicies("role", "AliyunServiceRoleForPolarDB"); len(got) != 0 {
		t.Fatalf("attached %v", got)
	}
	// Names with the "_" of a suffix are found by RAM and RM GetRole.
	env.ok(vRAM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForPolarDB_Example"})
	env.ok(vRM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForPolarDB_Example"})
	env.fail(vRAM, "GetRole", map[string]string{"RoleName": "No_Such"}, 400, "InvalidParameter.RoleName.InvalidChars")

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
		t.Run(c.name, func(t *testing.T) { env.fail(vRM, "CreateServiceLinkedRole", c.p, 400, c.code) })
	}
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "polardb.aliyuncs.com",
		"CustomSuffix": strings.Repeat("x", 64-len("AliyunServiceRoleForPolarDB_"))})
}

// Service-linked roles count toward the role quota but can be created
// when it is full.
func TestServiceLinkedRoleQuota(t *testing.T) {
	env := newEnv(t, Config{Limits: Limits{Roles: 1}})
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "r1", "AssumeRolePolicyDocument": mseTrust})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.fail(vRAM, "CreateRole", map[string]string{"RoleName": "r2", "AssumeRolePolicyDocument": mseTrust}, 409, "LimitExceeded.Role")
}

// RAM shows service-linked roles but refuses to change them.
func TestServiceLinkedRoleInRAM(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "plain", "AssumeRolePolicyDocument": mseTrust})
	body := env.ok(vRAM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if field(body, "Role", "IsServiceLinkedRole") != true || str(body, "Role", "AssumeRolePolicyDocument") != mseTrust {
		t.Fatalf("RAM GetRole: %v", body)
	}
	roles, _ := field(env.ok(vRAM, "ListRoles", nil), "Roles", "Role").([]any)
	if len(roles) != 2 || str(roles[0], "RoleName") != "AliyunServiceRoleForMSE" || field(roles[0], "IsServiceLinkedRole") != true ||
		field(roles[1], "IsServiceLinkedRole") != false {
		t.Fatalf("RAM ListRoles: %v", roles)
	}
	body = env.ok(vRAM, "ListPoliciesForRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if ps, _ := field(body, "Policies", "Policy").([]any); len(ps) != 1 || str(ps[0], "PolicyName") != "AliyunServiceRolePolicyForMSE" {
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
		env.fail(vRAM, c.action, p, 403, "NoPermission")
	}
	r, _ := env.srv.Role("AliyunServiceRoleForMSE")
	if r.AssumeRolePolicyDocument != mseTrust || r.Description == "x" {
		t.Fatalf("role changed: %+v", r)
	}
	if got := env.srv.AttachedPolicies("role", "AliyunServiceRoleForMSE"); len(got) != 1 {
		t.Fatalf("policies changed: %v", got)
	}
	// The system policy lists the role among its entities.
	body = env.ok(vRAM, "ListEntitiesForPolicy", map[string]string{"PolicyName": "AliyunServiceRolePolicyForMSE", "PolicyType": "System"})
	if rs, _ := field(body, "Roles", "Role").([]any); len(rs) != 1 {
		t.Fatalf("ListEntitiesForPolicy: %v", body)
	}
}

const confTrustForTests = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`

func TestRMGetAndListRoles(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	for _, n := range []string{"a-role", "b-role", "c-role"} {
		env.ok(vRAM, "CreateRole", map[string]string{"RoleName": n, "AssumeRolePolicyDocument": mseTrust})
	}
	body := env.ok(vRM, "GetRole", map[string]string{"RoleName": "a-role", "Language": "en"})
	if field(body, "Role", "IsServiceLinkedRole") != false || str(body, "Role", "RolePrincipalName") != "a-role@role."+testAccount+".onaliyunservice.com" ||
		str(body, "Role", "Arn") != "acs:ram::"+testAccount+":role/a-role" {
		t.Fatalf("RM GetRole: %v", body)
	}
	env.fail(vRM, "GetRole", map[string]string{"RoleName": "nope"}, 404, "EntityNotExist.Role")
	env.fail(vRM, "GetRole", nil, 400, "MissingRoleName")

	var names []string
	for page := 1; page <= 3; page++ {
		body = env.ok(vRM, "ListRoles", map[string]string{"PageNumber": itoa(page), "PageSize": "2"})
		if field(body, "TotalCount") != float64(4) || field(body, "PageSize") != float64(2) || field(body, "PageNumber") != float64(page) {
			t.Fatalf("RM ListRoles page %d: %v", page, body)
		}
		for _, r := range asList(t, field(body, "Roles", "Role")) {
			names = append(names, str(r, "RoleName"))
			if str(r, "RoleName") == "AliyunServiceRoleForMSE" && field(r, "IsServiceLinkedRole") != true {
				t.Fatalf("SLR not marked: %v", r)
			}
		}
	}
	if strings.Join(names, ",") != "AliyunServiceRoleForMSE,a-role,b-role,c-role" {
		t.Fatalf("RM ListRoles: %v", names)
	}
	if body = env.ok(vRM, "ListRoles", nil); field(body, "PageSize") != float64(10) || len(asList(t, field(body, "Roles", "Role"))) != 4 {
		t.Fatalf("defaults: %v", body)
	}
	env.fail(vRM, "ListRoles", map[string]string{"PageSize": "101"}, 400, "InvalidParameter.PageSize")
	env.fail(vRM, "ListRoles", map[string]string{"PageNumber": "0"}, 400, "InvalidParameter.PageNumber")
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// pollStatus queries a deletion task once.
func pollStatus(env *testEnv, task string) map[string]any {
	env.t.Helper()
	return env.ok(vRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": task})
}

func TestServiceLinkedRoleDeletion(t *testing.T) {
	env := newEnv(t, Config{})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	task := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId")
	if !strings.HasPrefix(task, "task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/") || len(task) != len("task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/")+36 {
		t.Fatalf("DeletionTaskId %q", task)
	}
	// A second delete while pending answers the same task.
	if again := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId"); again != task {
		t.Fatalf("second task %q", again)
	}
	// RM GetRole shows the task.
	body := env.ok(vRM, "GetRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"})
	if str(body, "Role", "LatestDeletionTask", "DeletionTaskId") != task || str(body, "Role", "LatestDeletionTask", "CreateDate") == "" {
		t.Fatalf("LatestDeletionTask: %v", body)
	}
	for i, want := range []string{"NOT_STARTED", "IN_PROGRESS", "SUCCEEDED", "SUCCEEDED"} {
		body := pollStatus(env, task)
		if str(body, "Status") != want || body["Reason"] != nil {
			t.Fatalf("poll %d: %v, want %s", i+1, body, want)
		}
		if _, exists := env.srv.Role("AliyunServiceRoleForMSE"); exists != (i < 2) {
			t.Fatalf("poll %d: role exists %v", i+1, exists)
		}
	}
	env.fail(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}, 404, "EntityNotExist.Role")
	// It can be created again.
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})

	env.ok(vRAM, "CreateRole", map[string]string{"RoleName": "plain", "AssumeRolePolicyDocument": mseTrust})
	env.fail(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "plain"}, 404, "EntityNotExist.ServiceLinkedRole")
	env.fail(vRM, "DeleteServiceLinkedRole", nil, 400, "MissingRoleName")

	for _, c := range []struct{ id, code string }{
		{"task/acs-service-role/x", "InvalidParameter.DeletionTaskId.Length"},
		{strings.Repeat("t", 30), "InvalidParameter.DeletionTaskId"},
		{"task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/nope", "EntityNotExist.ServiceLinkedRole.DeletionTask"},
	} {
		status := 400
		if strings.HasPrefix(c.code, "EntityNotExist") {
			status = 404
		}
		env.fail(vRM, "GetServiceLinkedRoleDeletionStatus", map[string]string{"DeletionTaskId": c.id}, status, c.code)
	}
	env.fail(vRM, "GetServiceLinkedRoleDeletionStatus", nil, 400, "MissingDeletionTaskId")
}

func TestServiceLinkedRoleDeletionInUse(t *testing.T) {
	env := newEnv(t, Config{DeletionPolls: 1})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mssp.aliyuncs.com"})
	res := []string{"acs:mssp::" + testAccount + ":subscription/s-1", "acs:mssp::" + testAccount + ":subscription/s-2"}
	env.srv.SetServiceInUse("mssp.aliyuncs.com", true, res)

	task := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp"}), "DeletionTaskId")
	if got := str(pollStatus(env, task), "Status"); got != "IN_PROGRESS" {
		t.Fatalf("first poll %s", got)
	}
	for range 2 {
		body := pollStatus(env, task)
		usages, _ := field(body, "Reason", "RoleUsages", "RoleUsage").([]any)
		if str(body, "Status") != "FAILED" || len(usages) != 1 || str(usages[0], "Region") != "global" ||
			!strings.Contains(str(body, "Reason", "Message"), "acs:ram::"+testAccount+":role/aliyunserviceroleformssp cannot be deleted as it is in use by mssp.aliyuncs.com") {
			t.Fatalf("FAILED answer: %v", body)
		}
		var got []string
		for _, r := range asList(t, field(usages[0], "Resources", "Resource")) {
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
	if _, ok := env.srv.Role("AliyunServiceRoleForMssp"); !ok {
		t.Fatal("role deleted although in use")
	}
	if st, ok := env.srv.DeletionTaskStatus(task); !ok || st != "FAILED" {
		t.Fatalf("DeletionTaskStatus %q %v", st, ok)
	}

	// Once the subscription ends, a new deletion succeeds.
	env.srv.SetServiceInUse("mssp.aliyuncs.com", false, nil)
	task2 := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMssp"}), "DeletionTaskId")
	if task2 == task {
		t.Fatal("finished task reused")
	}
	pollStatus(env, task2)
	if got := str(pollStatus(env, task2), "Status"); got != "SUCCEEDED" {
		t.Fatalf("after in-use cleared: %s", got)
	}
	if _, ok := env.srv.Role("AliyunServiceRoleForMssp"); ok {
		t.Fatal("role survived")
	}
}

// DeletionPolls < 0: the task is already final at the first query; an
// in-use service from Config gets one made-up resource.
func TestServiceLinkedRoleDeletionImmediate(t *testing.T) {
	env := newEnv(t, Config{DeletionPolls: -1, ServicesInUse: map[string][]string{"esa.mssp.aliyuncs.com": nil}})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "esa.mssp.aliyuncs.com"})
	task := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSE"}), "DeletionTaskId")
	if _, ok := env.srv.Role("AliyunServiceRoleForMSE"); ok {
		t.Fatal("role not deleted at once")
	}
	if got := str(pollStatus(env, task), "Status"); got != "SUCCEEDED" {
		t.Fatal(got)
	}
	task = str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForESAMssp"}), "DeletionTaskId")
	body := pollStatus(env, task)
	usages, _ := field(body, "Reason", "RoleUsages", "RoleUsage").([]any)
	if str(body, "Status") != "FAILED" || len(usages) != 1 ||
		asList(t, field(usages[0], "Resources", "Resource"))[0] != "acs:mssp::"+testAccount+":instance/ramsim-in-use" {
		t.Fatalf("in use from Config: %v", body)
	}
}

// Roles and tasks survive a restart.
func TestServiceLinkedRolePersistence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env := newEnv(t, Config{StatePath: path})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.ok(vRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "engine-service.mse.aliyuncs.com"})
	task := str(env.ok(vRM, "DeleteServiceLinkedRole", map[string]string{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "DeletionTaskId")
	pollStatus(env, task)

	again := newEnv(t, Config{StatePath: path})
	if slrs := again.srv.ServiceLinkedRoles(); len(slrs) != 2 || slrs[0].ServiceName != "mse.aliyuncs.com" {
		t.Fatalf("after reload %+v", slrs)
	}
	if got := str(pollStatus(again, task), "Status"); got != "IN_PROGRESS" {
		t.Fatalf("task after reload: %s", got)
	}
	if got := str(pollStatus(again, task), "Status"); got != "SUCCEEDED" || len(again.srv.ServiceLinkedRoles()) != 1 {
		t.Fatalf("task after reload: %s", got)
	}
}

func TestAdminEndpoint(t *testing.T) {
	env := newEnv(t, Config{})
	admin := func(method, path, body, remote string) (int, map[string]any) {
		t.Helper()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		env.srv.ServeHTTP(w, r)
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
	if got := env.srv.ServicesInUse()["mssp.aliyuncs.com"]; !slices.Equal(got, []string{"acs:mssp::1:subscription/s-1"}) {
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
	if _, ok := env.srv.ServicesInUse()["mssp.aliyuncs.com"]; !ok {
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
	if len(env.srv.ServicesInUse()) != 0 {
		t.Fatal("not cleared")
	}
}
