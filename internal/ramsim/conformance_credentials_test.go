// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ram"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/resourcemanager"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/sts"
)

// The classic SDK's own structs for login profiles, access keys and
// ResourceManager's service-linked role actions; a created key signs (V1)
// as its user.
func TestConformanceClassicSDKCredentialsAndSLR(t *testing.T) {
	srv := startServer(t)
	host := hostOf(srv.URL())
	c := classicClient(t, host, confKeyID, confSecret)
	do := func(req requests.AcsRequest, resp responses.AcsResponse) {
		t.Helper()
		if err := c.DoAction(req, resp); err != nil {
			t.Fatalf("%T: %v", req, err)
		}
	}
	cu := ram.CreateCreateUserRequest()
	cu.UserName = "alice"
	user := ram.CreateCreateUserResponse()
	do(cu, user)

	clp := ram.CreateCreateLoginProfileRequest()
	clp.UserName, clp.Password, clp.PasswordResetRequired = "alice", "Passw0rd!", requests.NewBoolean(true)
	lp := ram.CreateCreateLoginProfileResponse()
	do(clp, lp)
	if p := lp.LoginProfile; p.UserName != "alice" || !p.PasswordResetRequired || p.MFABindRequired || p.CreateDate == "" {
		t.Fatalf("CreateLoginProfile %+v", lp)
	}
	if err := c.DoAction(clp, ram.CreateCreateLoginProfileResponse()); classicCode(t, err, 409) != "EntityAlreadyExists.User.LoginProfile" {
		t.Fatal(err)
	}
	ulp := ram.CreateUpdateLoginProfileRequest()
	ulp.UserName, ulp.MFABindRequired, ulp.PasswordResetRequired = "alice", requests.NewBoolean(true), requests.NewBoolean(false)
	do(ulp, ram.CreateUpdateLoginProfileResponse())
	ulp.Password = "weak"
	if err := c.DoAction(ulp, ram.CreateUpdateLoginProfileResponse()); classicCode(t, err, 400) != "InvalidParameter.Password.TooWeak" {
		t.Fatal(err)
	}
	glp := ram.CreateGetLoginProfileRequest()
	glp.UserName = "alice"
	got := ram.CreateGetLoginProfileResponse()
	do(glp, got)
	if !got.LoginProfile.MFABindRequired || got.LoginProfile.PasswordResetRequired {
		t.Fatalf("GetLoginProfile %+v", got)
	}
	dlp := ram.CreateDeleteLoginProfileRequest()
	dlp.UserName = "alice"
	do(dlp, ram.CreateDeleteLoginProfileResponse())
	if err := c.DoAction(glp, ram.CreateGetLoginProfileResponse()); classicCode(t, err, 404) != "EntityNotExist.User.LoginProfile" {
		t.Fatal(err)
	}

	cak := ram.CreateCreateAccessKeyRequest()
	cak.UserName = "alice"
	key := ram.CreateCreateAccessKeyResponse()
	do(cak, key)
	if k := key.AccessKey; !strings.HasPrefix(k.AccessKeyId, "LTAI") || k.AccessKeySecret == "" || k.Status != "Active" || k.CreateDate == "" {
		t.Fatalf("CreateAccessKey %+v", key)
	}
	do(cak, ram.CreateCreateAccessKeyResponse())
	if err := c.DoAction(cak, ram.CreateCreateAccessKeyResponse()); classicCode(t, err, 409) != "LimitExceeded.User.AccessKey" {
		t.Fatal(err)
	}
	lak := ram.CreateListAccessKeysRequest()
	lak.UserName = "alice"
	keys := ram.CreateListAccessKeysResponse()
	do(lak, keys)
	if ks := keys.AccessKeys.AccessKey; len(ks) != 2 || ks[0].AccessKeyId != key.AccessKey.AccessKeyId || ks[0].AccessKeySecret != "" {
		t.Fatalf("ListAccessKeys %+v", keys)
	}

	// The user's key signs V1 requests as the user.
	as := classicClient(t, host, key.AccessKey.AccessKeyId, key.AccessKey.AccessKeySecret)
	id := sts.CreateGetCallerIdentityResponse()
	if err := as.DoAction(sts.CreateGetCallerIdentityRequest(), id); err != nil {
		t.Fatal(err)
	}
	if id.IdentityType != "RAMUser" || id.Arn != "acs:ram::"+confAccount+":user/alice" || id.UserId != user.User.UserId ||
		id.PrincipalId != user.User.UserId || id.AccountId != confAccount {
		t.Fatalf("GetCallerIdentity as alice %+v", id)
	}
	uak := ram.CreateUpdateAccessKeyRequest()
	uak.UserName, uak.UserAccessKeyId, uak.Status = "alice", key.AccessKey.AccessKeyId, "Inactive"
	do(uak, ram.CreateUpdateAccessKeyResponse())
	if err := as.DoAction(sts.CreateGetCallerIdentityRequest(), sts.CreateGetCallerIdentityResponse()); classicCode(t, err, 400) != "InvalidAccessKeyId.Inactive" {
		t.Fatal(err)
	}
	du := ram.CreateDeleteUserRequest()
	du.UserName = "alice"
	if err := c.DoAction(du, ram.CreateDeleteUserResponse()); classicCode(t, err, 409) != "DeleteConflict.User.AccessKey" {
		t.Fatal(err)
	}
	dak := ram.CreateDeleteAccessKeyRequest()
	dak.UserName = "alice"
	for _, k := range keys.AccessKeys.AccessKey {
		dak.UserAccessKeyId = k.AccessKeyId
		do(dak, ram.CreateDeleteAccessKeyResponse())
	}
	if err := c.DoAction(dak, ram.CreateDeleteAccessKeyResponse()); classicCode(t, err, 404) != "EntityNotExist.User.AccessKey" {
		t.Fatal(err)
	}
	if err := as.DoAction(sts.CreateGetCallerIdentityRequest(), sts.CreateGetCallerIdentityResponse()); classicCode(t, err, 404) != "InvalidAccessKeyId.NotFound" {
		t.Fatal(err)
	}
	do(du, ram.CreateDeleteUserResponse())

	// ResourceManager.
	cs := resourcemanager.CreateCreateServiceLinkedRoleRequest()
	cs.ServiceName = "mse.aliyuncs.com"
	slr := resourcemanager.CreateCreateServiceLinkedRoleResponse()
	do(cs, slr)
	if r := slr.Role; r.RoleName != "AliyunServiceRoleForMSE" || !r.IsServiceLinkedRole || r.Arn != "acs:ram::"+confAccount+":role/aliyunserviceroleformse" ||
		r.RolePrincipalName == "" || r.RoleId == "" || !strings.Contains(r.AssumeRolePolicyDocument, "mse.aliyuncs.com") {
		t.Fatalf("CreateServiceLinkedRole %+v", slr)
	}
	cs.CustomSuffix = "x"
	if err := c.DoAction(cs, resourcemanager.CreateCreateServiceLinkedRoleResponse()); classicCode(t, err, 400) != "InvalidParameter.CustomSuffix.NotAllowed" {
		t.Fatal(err)
	}
	gr := resourcemanager.CreateGetRoleRequest()
	gr.RoleName = "AliyunServiceRoleForMSE"
	role := resourcemanager.CreateGetRoleResponse()
	do(gr, role)
	if !role.Role.IsServiceLinkedRole || role.Role.MaxSessionDuration != 3600 || role.Role.RoleId != slr.Role.RoleId {
		t.Fatalf("GetRole %+v", role)
	}
	lr := resourcemanager.CreateListRolesRequest()
	lr.PageSize = requests.NewInteger(5)
	roles := resourcemanager.CreateListRolesResponse()
	do(lr, roles)
	if roles.TotalCount != 1 || roles.PageNumber != 1 || roles.PageSize != 5 || len(roles.Roles.Role) != 1 || !roles.Roles.Role[0].IsServiceLinkedRole {
		t.Fatalf("ListRoles %+v", roles)
	}
	// RAM's GetRole decodes into the classic RAM struct too.
	rg := ram.CreateGetRoleRequest()
	rg.RoleName = "AliyunServiceRoleForMSE"
	ramRole := ram.CreateGetRoleResponse()
	do(rg, ramRole)
	if ramRole.Role.RoleId != slr.Role.RoleId {
		t.Fatalf("RAM GetRole %+v", ramRole)
	}
	ru := ram.CreateUpdateRoleRequest()
	ru.RoleName, ru.NewDescription = "AliyunServiceRoleForMSE", "mine"
	if err := c.DoAction(ru, ram.CreateUpdateRoleResponse()); classicCode(t, err, 403) != "NoPermission" {
		t.Fatal(err)
	}

	srv.SetServiceInUse("mse.aliyuncs.com", true, []string{"acs:mse:cn-hangzhou:" + confAccount + ":instance/mse-cn-1"})
	ds := resourcemanager.CreateDeleteServiceLinkedRoleRequest()
	ds.RoleName = "AliyunServiceRoleForMSE"
	task := resourcemanager.CreateDeleteServiceLinkedRoleResponse()
	do(ds, task)
	gs := resourcemanager.CreateGetServiceLinkedRoleDeletionStatusRequest()
	gs.DeletionTaskId = task.DeletionTaskId
	var statuses []string
	var last *resourcemanager.GetServiceLinkedRoleDeletionStatusResponse
	for range 3 {
		last = resourcemanager.CreateGetServiceLinkedRoleDeletionStatusResponse()
		do(gs, last)
		statuses = append(statuses, last.Status)
	}
	if strings.Join(statuses, ",") != "NOT_STARTED,IN_PROGRESS,FAILED" || len(last.Reason.RoleUsages.RoleUsage) != 1 ||
		last.Reason.RoleUsages.RoleUsage[0].Resources.Resource[0] != "acs:mse:cn-hangzhou:"+confAccount+":instance/mse-cn-1" || last.Reason.Message == "" {
		t.Fatalf("deletion %v %+v", statuses, last)
	}
	gs.DeletionTaskId = "task/acs-service-role/mse.aliyuncs.com/AliyunServiceRoleForMSE/none"
	if err := c.DoAction(gs, resourcemanager.CreateGetServiceLinkedRoleDeletionStatusResponse()); classicCode(t, err, 404) != "EntityNotExist.ServiceLinkedRole.DeletionTask" {
		t.Fatal(err)
	}
	ds.RoleName = "nope"
	if err := c.DoAction(ds, resourcemanager.CreateDeleteServiceLinkedRoleResponse()); classicCode(t, err, 404) != "EntityNotExist.Role" {
		t.Fatal(err)
	}
}

// darabonba (V3) for every new action, and a created key signing V3.
func TestConformanceDarabonbaCredentialsAndSLR(t *testing.T) {
	srv := startServer(t)
	host := hostOf(srv.URL())
	c := darabonbaClient(t, host, confKeyID, confSecret)
	must := func(version, action string, q map[string]any) map[string]any {
		t.Helper()
		body, err := callAPI(c, version, action, q)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		return body
	}
	fails := func(version, action string, q map[string]any, status int, code string) {
		t.Helper()
		_, err := callAPI(c, version, action, q)
		if got := teaCode(t, err, status); got != code {
			t.Fatalf("%s: %s, want %s", action, got, code)
		}
	}
	const vRAM, vRM = "2015-05-01", "2020-03-31"
	uid := get(must(vRAM, "CreateUser", map[string]any{"UserName": "bob"}), "User", "UserId")

	body := must(vRAM, "CreateLoginProfile", map[string]any{"UserName": "bob", "Password": "p a s s+w*rd~", "MFABindRequired": true})
	if get(body, "LoginProfile", "MFABindRequired") != true || get(body, "LoginProfile", "PasswordResetRequired") != false {
		t.Fatalf("CreateLoginProfile: %v", body)
	}
	if !srv.PasswordMatches("bob", "p a s s+w*rd~") {
		t.Fatal("password mangled on the way")
	}
	fails(vRAM, "CreateLoginProfile", map[string]any{"UserName": "bob", "Password": "Passw0rd!"}, 409, "EntityAlreadyExists.User.LoginProfile")
	must(vRAM, "UpdateLoginProfile", map[string]any{"UserName": "bob", "Password": "NewPassw0rd", "MFABindRequired": false})
	if lp, _ := srv.LoginProfile("bob"); lp.MFABindRequired || !srv.PasswordMatches("bob", "NewPassw0rd") {
		t.Fatalf("UpdateLoginProfile: %+v", lp)
	}
	if get(must(vRAM, "GetLoginProfile", map[string]any{"UserName": "bob"}), "LoginProfile", "UserName") != "bob" {
		t.Fatal("GetLoginProfile")
	}
	fails(vRAM, "CreateLoginProfile", map[string]any{"UserName": "nobody", "Password": "Passw0rd!"}, 404, "EntityNotExist.User")
	fails(vRAM, "DeleteUser", map[string]any{"UserName": "bob"}, 409, "DeleteConflict.User.LoginProfile")
	must(vRAM, "DeleteLoginProfile", map[string]any{"UserName": "bob"})
	fails(vRAM, "DeleteLoginProfile", map[string]any{"UserName": "bob"}, 404, "EntityNotExist.User.LoginProfile")

	key := get(must(vRAM, "CreateAccessKey", map[string]any{"UserName": "bob"}), "AccessKey")
	keyID, secret := fmt.Sprint(get(key, "AccessKeyId")), fmt.Sprint(get(key, "AccessKeySecret"))
	body = must(vRAM, "ListAccessKeys", map[string]any{"UserName": "bob"})
	if ks, _ := get(body, "AccessKeys", "AccessKey").([]any); len(ks) != 1 || get(ks[0], "AccessKeySecret") != nil || get(ks[0], "Status") != "Active" {
		t.Fatalf("ListAccessKeys: %v", body)
	}
	asBob := darabonbaClient(t, host, keyID, secret)
	body, err := callAPI(asBob, "2015-04-01", "GetCallerIdentity", nil)
	if err != nil || get(body, "IdentityType") != "RAMUser" || get(body, "Arn") != "acs:ram::"+confAccount+":user/bob" ||
		get(body, "UserId") != uid || get(body, "PrincipalId") != uid {
		t.Fatalf("GetCallerIdentity as bob: %v %v", body, err)
	}
	must(vRAM, "UpdateAccessKey", map[string]any{"UserName": "bob", "UserAccessKeyId": keyID, "Status": "Inactive"})
	_, err = callAPI(asBob, "2015-04-01", "GetCallerIdentity", nil)
	if code := teaCode(t, err, 400); code != "InvalidAccessKeyId.Inactive" {
		t.Fatal(code)
	}
	fails(vRAM, "UpdateAccessKey", map[string]any{"UserName": "bob", "UserAccessKeyId": "LTAInone", "Status": "Active"}, 404, "EntityNotExist.User.AccessKey")
	fails(vRAM, "DeleteUser", map[string]any{"UserName": "bob"}, 409, "DeleteConflict.User.AccessKey")
	must(vRAM, "DeleteAccessKey", map[string]any{"UserName": "bob", "UserAccessKeyId": keyID})
	_, err = callAPI(asBob, "2015-04-01", "GetCallerIdentity", nil)
	if code := teaCode(t, err, 404); code != "InvalidAccessKeyId.NotFound" {
		t.Fatal(code)
	}
	must(vRAM, "CreateAccessKey", map[string]any{"UserName": "bob"})
	must(vRAM, "CreateAccessKey", map[string]any{"UserName": "bob"})
	fails(vRAM, "CreateAccessKey", map[string]any{"UserName": "bob"}, 409, "LimitExceeded.User.AccessKey")

	// ResourceManager.
	body = must(vRM, "CreateServiceLinkedRole", map[string]any{"ServiceName": "engine-service.mse.aliyuncs.com"})
	if get(body, "Role", "RoleName") != "AliyunServiceRoleForMSEEngineService" || get(body, "Role", "IsServiceLinkedRole") != true {
		t.Fatalf("CreateServiceLinkedRole: %v", body)
	}
	fails(vRM, "CreateServiceLinkedRole", map[string]any{"ServiceName": "engine-service.mse.aliyuncs.com"}, 409, "EntityAlreadyExists.Role")
	fails(vRM, "CreateServiceLinkedRole", map[string]any{"ServiceName": "unknown.aliyuncs.com"}, 404, "EntityNotExist.Service")
	fails(vRM, "CreateServiceLinkedRole", map[string]any{"ServiceName": "mse.aliyuncs.com", "Description": "d"}, 400, "InvalidParameter.Description.NotAllowed")
	if get(must(vRM, "GetRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService", "Language": "en"}), "Role", "IsServiceLinkedRole") != true {
		t.Fatal("RM GetRole")
	}
	if get(must(vRAM, "GetRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "Role", "IsServiceLinkedRole") != true {
		t.Fatal("RAM GetRole")
	}
	body = must(vRM, "ListRoles", map[string]any{"PageNumber": 1, "PageSize": 100})
	if rs, _ := get(body, "Roles", "Role").([]any); len(rs) != 1 {
		t.Fatalf("RM ListRoles: %v", body)
	}
	fails(vRAM, "DeleteRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService"}, 403, "NoPermission")
	fails(vRAM, "AttachPolicyToRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService", "PolicyName": "ReadOnlyAccess", "PolicyType": "System"}, 403, "NoPermission")
	task := get(must(vRM, "DeleteServiceLinkedRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService"}), "DeletionTaskId")
	var statuses []string
	for range 3 {
		statuses = append(statuses, fmt.Sprint(get(must(vRM, "GetServiceLinkedRoleDeletionStatus", map[string]any{"DeletionTaskId": task}), "Status")))
	}
	if strings.Join(statuses, ",") != "NOT_STARTED,IN_PROGRESS,SUCCEEDED" || len(srv.ServiceLinkedRoles()) != 0 {
		t.Fatalf("deletion: %v", statuses)
	}
	fails(vRM, "DeleteServiceLinkedRole", map[string]any{"RoleName": "AliyunServiceRoleForMSEEngineService"}, 404, "EntityNotExist.Role")
	fails(vRM, "GetServiceLinkedRoleDeletionStatus", map[string]any{"DeletionTaskId": "bad"}, 400, "InvalidParameter.DeletionTaskId.Length")
}
