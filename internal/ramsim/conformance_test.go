// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ims"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ram"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/sts"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// Conformance: the two official Go SDKs, unmodified, call every implemented
// action over real HTTP on loopback and decode the answers into their own
// types; bad credentials surface as each SDK's error type with the real
// codes.

const (
	confAccount = "5555666677778888"
	confKeyID   = "LTAIconformance"
	confSecret  = "conformance-secret"
)

// startServer runs the conformance account's emulator (startServerWith).
func startServer(t *testing.T) *ramsim.Server {
	t.Helper()
	return startServerWith(t, ramsim.Config{AccountID: confAccount, AccessKeyID: confKeyID, AccessKeySecret: confSecret})
}

// startServerWith runs an emulator of cfg on a free loopback port. Both
// SDKs honor proxy variables, and the classic one even for loopback, so
// they are cleared for the test.
func startServerWith(t *testing.T, cfg ramsim.Config) *ramsim.Server {
	t.Helper()
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, "")
	}
	srv, err := ramsim.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// tamperingProxy forwards to srv after changing a signed parameter, as a
// man in the middle would.
func tamperingProxy(t *testing.T, srv *ramsim.Server) string {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		q.Set("UserName", q.Get("UserName")+"x")
		r.URL.RawQuery = q.Encode()
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	return ts.URL
}

func hostOf(url string) string { return strings.TrimPrefix(url, "http://") }

// classicClient is a classic-SDK client (V1 signatures) pointed at host.
func classicClient(t *testing.T, host, keyID, secret string) *sdk.Client {
	t.Helper()
	c, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig(), credentials.NewStaticAKCredentialsProvider(keyID, secret))
	if err != nil {
		t.Fatal(err)
	}
	c.Domain = host
	c.GetConfig().Scheme = "http"
	return c
}

func TestConformanceClassicSDK(t *testing.T) {
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)

	create := ram.CreateCreateUserRequest()
	create.UserName, create.DisplayName, create.MobilePhone = "alice", "Alice", "86-18600008888"
	create.Email, create.Comments = "alice@example.com", "a b+c"
	created := ram.CreateCreateUserResponse()
	if err := c.DoAction(create, created); err != nil {
		t.Fatal(err)
	}
	u := created.User
	if u.UserName != "alice" || u.DisplayName != "Alice" || u.MobilePhone != "86-18600008888" || u.Email != "alice@example.com" ||
		u.Comments != "a b+c" || len(u.UserId) != 16 || u.CreateDate == "" || created.RequestId == "" {
		t.Fatalf("CreateUser: %+v", created)
	}

	get := ram.CreateGetUserRequest()
	get.UserName = "alice"
	got := ram.CreateGetUserResponse()
	if err := c.DoAction(get, got); err != nil || got.User.UserId != u.UserId || got.User.Comments != "a b+c" {
		t.Fatalf("GetUser: %+v %v", got, err)
	}

	// The classic SDK drops empty parameters, so it cannot clear a field:
	// NewComments="" is not sent and Comments stays.
	update := ram.CreateUpdateUserRequest()
	update.UserName, update.NewUserName, update.NewEmail, update.NewComments = "alice", "alice2", "a2@example.com", ""
	updated := ram.CreateUpdateUserResponse()
	if err := c.DoAction(update, updated); err != nil {
		t.Fatal(err)
	}
	if updated.User.UserName != "alice2" || updated.User.UserId != u.UserId || updated.User.Email != "a2@example.com" || updated.User.Comments != "a b+c" {
		t.Fatalf("UpdateUser: %+v", updated.User)
	}

	for _, n := range []string{"bob", "carol"} {
		r := ram.CreateCreateUserRequest()
		r.UserName = n
		if err := c.DoAction(r, ram.CreateCreateUserResponse()); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	marker := ""
	for {
		list := ram.CreateListUsersRequest()
		list.MaxItems, list.Marker = requests.NewInteger(2), marker
		listed := ram.CreateListUsersResponse()
		if err := c.DoAction(list, listed); err != nil {
			t.Fatal(err)
		}
		for _, lu := range listed.Users.User {
			names = append(names, lu.UserName)
		}
		if !listed.IsTruncated {
			break
		}
		marker = listed.Marker
	}
	if strings.Join(names, ",") != "alice2,bob,carol" {
		t.Fatalf("ListUsers: %v", names)
	}

	tag := ims.CreateTagResourcesRequest()
	tag.ResourceType = "user"
	tag.ResourceId = &[]string{u.UserId}
	tag.Tag = &[]ims.TagResourcesTag{{Key: "env", Value: "prod"}, {Key: "team", Value: "sec ops"}}
	if err := c.DoAction(tag, ims.CreateTagResourcesResponse()); err != nil {
		t.Fatal(err)
	}
	tagByName := ims.CreateTagResourcesRequest()
	tagByName.ResourceType = "user"
	tagByName.ResourcePrincipalName = &[]string{"bob@" + confAccount + ".onaliyun.com"}
	tagByName.Tag = &[]ims.TagResourcesTag{{Key: "env", Value: "dev"}}
	if err := c.DoAction(tagByName, ims.CreateTagResourcesResponse()); err != nil {
		t.Fatal(err)
	}
	untag := ims.CreateUntagResourcesRequest()
	untag.ResourceType = "user"
	untag.ResourceId = &[]string{u.UserId}
	untag.TagKey = &[]string{"env"}
	if err := c.DoAction(untag, ims.CreateUntagResourcesResponse()); err != nil {
		t.Fatal(err)
	}
	listTags := ims.CreateListTagResourcesRequest()
	listTags.ResourceType = "user"
	listTags.ResourceId = &[]string{u.UserId}
	listTags.PageSize = requests.NewInteger(10)
	tags := ims.CreateListTagResourcesResponse()
	if err := c.DoAction(listTags, tags); err != nil {
		t.Fatal(err)
	}
	if tags.IsTruncated || len(tags.TagResources.TagResource) != 1 {
		t.Fatalf("ListTagResources: %+v", tags)
	}
	if tr := tags.TagResources.TagResource[0]; tr.ResourceId != u.UserId || tr.ResourceType != "user" || tr.TagKey != "team" || tr.TagValue != "sec ops" {
		t.Fatalf("TagResource %+v", tr)
	}

	id := sts.CreateGetCallerIdentityResponse()
	if err := c.DoAction(sts.CreateGetCallerIdentityRequest(), id); err != nil {
		t.Fatal(err)
	}
	if id.AccountId != confAccount || id.UserId != confAccount || id.PrincipalId != confAccount ||
		id.Arn != "acs:ram::"+confAccount+":root" || id.IdentityType != "Account" {
		t.Fatalf("GetCallerIdentity %+v", id)
	}

	del := ram.CreateDeleteUserRequest()
	del.UserName = "carol"
	if err := c.DoAction(del, ram.CreateDeleteUserResponse()); err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.User("carol"); ok {
		t.Fatal("carol survived DeleteUser")
	}
	if err := c.DoAction(del, ram.CreateDeleteUserResponse()); classicCode(t, err, 404) != "EntityNotExist.User" {
		t.Fatalf("second DeleteUser: %v", err)
	}
}

// classicCode returns the code of a classic-SDK server error with status.
func classicCode(t *testing.T, err error, status int) string {
	t.Helper()
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		t.Fatalf("not a ServerError: %T %v", err, err)
	}
	if se.HttpStatus() != status || se.RequestId() == "" || se.HostId() == "" {
		t.Fatalf("ServerError status %d, request %q, host %q: %v", se.HttpStatus(), se.RequestId(), se.HostId(), err)
	}
	return se.ErrorCode()
}

func TestConformanceClassicSDKErrors(t *testing.T) {
	srv := startServer(t)
	get := func(c *sdk.Client) error {
		r := ram.CreateGetUserRequest()
		r.UserName = "nobody"
		return c.DoAction(r, ram.CreateGetUserResponse())
	}
	host := hostOf(srv.URL())
	if code := classicCode(t, get(classicClient(t, host, confKeyID, confSecret)), 404); code != "EntityNotExist.User" {
		t.Fatal(code)
	}
	err := get(classicClient(t, host, confKeyID, "wrong"))
	if code := classicCode(t, err, 400); code != "SignatureDoesNotMatch" {
		t.Fatal(code)
	}
	// The SDK compares its string to sign with ours: equal means the secret
	// is wrong, not the signing.
	var se *sdkerrors.ServerError
	errors.As(err, &se)
	if !strings.Contains(se.Recommend(), "InvalidAccessKeySecret") {
		t.Fatalf("Recommend %q: the strings to sign differ", se.Recommend())
	}
	err = get(classicClient(t, hostOf(tamperingProxy(t, srv)), confKeyID, confSecret))
	if code := classicCode(t, err, 400); code != "SignatureDoesNotMatch" {
		t.Fatal(code)
	}
	if code := classicCode(t, get(classicClient(t, host, "LTAIunknown", confSecret)), 404); code != "InvalidAccessKeyId.NotFound" {
		t.Fatal(code)
	}
}

// darabonbaClient is a darabonba-openapi client (V3 signatures, the
// provider's SDK) pointed at host.
func darabonbaClient(t *testing.T, host, keyID, secret string) *openapi.Client {
	t.Helper()
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(keyID), AccessKeySecret: dara.String(secret),
		Endpoint: dara.String(host), Protocol: dara.String("http"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// callAPI makes an RPC call the way the generated product clients do.
func callAPI(c *openapi.Client, version, action string, query map[string]any) (map[string]any, error) {
	params := &openapiutil.Params{
		Action: dara.String(action), Version: dara.String(version), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}
	res, err := c.CallApi(params, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}, &dara.RuntimeOptions{})
	if err != nil {
		return nil, err
	}
	body, _ := res["body"].(map[string]any)
	return body, nil
}

func get(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func TestConformanceDarabonba(t *testing.T) {
	srv := startServer(t)
	c := darabonbaClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	must := func(version, action string, q map[string]any) map[string]any {
		t.Helper()
		body, err := callAPI(c, version, action, q)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		if body["RequestId"] == "" {
			t.Fatalf("%s: no RequestId: %v", action, body)
		}
		return body
	}
	body := must("2015-05-01", "CreateUser", map[string]any{"UserName": "alice", "DisplayName": "Alice Ω",
		"MobilePhone": "86-18600008888", "Email": "alice@example.com", "Comments": "keep * this ~ + that"})
	id, _ := get(body, "User", "UserId").(string)
	if len(id) != 16 || get(body, "User", "Comments") != "keep * this ~ + that" || get(body, "User", "DisplayName") != "Alice Ω" {
		t.Fatalf("CreateUser: %v", body)
	}
	if got := must("2015-05-01", "GetUser", map[string]any{"UserName": "alice"}); get(got, "User", "UserId") != id {
		t.Fatalf("GetUser: %v", got)
	}

	// darabonba sends a present-but-empty parameter ("NewComments="), so
	// UpdateUser can clear fields.
	body = must("2015-05-01", "UpdateUser", map[string]any{"UserName": "alice", "NewUserName": "alice2",
		"NewComments": "", "NewDisplayName": "", "NewEmail": "", "NewMobilePhone": ""})
	if get(body, "User", "UserName") != "alice2" || get(body, "User", "UserId") != id {
		t.Fatalf("UpdateUser: %v", body)
	}
	if u, _ := srv.User("alice2"); u.Comments != "" || u.DisplayName != "" || u.Email != "" || u.MobilePhone != "" {
		t.Fatalf("fields not cleared: %+v", u)
	}

	must("2015-05-01", "CreateUser", map[string]any{"UserName": "bob"})
	body = must("2015-05-01", "ListUsers", map[string]any{"MaxItems": 1})
	if users, ok := get(body, "Users", "User").([]any); get(body, "IsTruncated") != true || !ok || len(users) != 1 {
		t.Fatalf("ListUsers page 1: %v", body)
	}
	body = must("2015-05-01", "ListUsers", map[string]any{"MaxItems": 1, "Marker": get(body, "Marker")})
	if users, _ := get(body, "Users", "User").([]any); get(body, "IsTruncated") != false || len(users) == 0 || get(users[0], "UserName") != "bob" {
		t.Fatalf("ListUsers page 2: %v", body)
	}

	must("2019-08-15", "TagResources", map[string]any{"ResourceType": "user", "ResourceId": []string{id},
		"Tag": []map[string]any{{"Key": "env", "Value": "prod"}, {"Key": "empty", "Value": ""}}})
	must("2019-08-15", "TagResources", map[string]any{"ResourceType": "user",
		"ResourcePrincipalName": []string{"bob@" + confAccount + ".onaliyun.com"}, "Tag": []map[string]any{{"Key": "env", "Value": "dev"}}})
	must("2019-08-15", "UntagResources", map[string]any{"ResourceType": "user", "ResourceId": []string{id}, "TagKey": []string{"env"}})
	body = must("2019-08-15", "ListTagResources", map[string]any{"ResourceType": "user", "ResourceId": []string{id}, "PageSize": 50})
	trs, _ := get(body, "TagResources", "TagResource").([]any)
	if len(trs) != 1 || get(trs[0], "TagKey") != "empty" || get(trs[0], "TagValue") != "" || get(trs[0], "ResourceId") != id {
		t.Fatalf("ListTagResources: %v", body)
	}
	must("2019-08-15", "UntagResources", map[string]any{"ResourceType": "user", "ResourcePrincipalName": []string{"bob@" + confAccount + ".onaliyun.com"}, "All": true})
	if u, _ := srv.User("bob"); len(u.Tags) != 0 {
		t.Fatalf("bob tags %v", u.Tags)
	}

	body = must("2015-04-01", "GetCallerIdentity", nil)
	if get(body, "Arn") != "acs:ram::"+confAccount+":root" || get(body, "IdentityType") != "Account" || get(body, "AccountId") != confAccount {
		t.Fatalf("GetCallerIdentity: %v", body)
	}

	must("2015-05-01", "DeleteUser", map[string]any{"UserName": "bob"})
	if _, ok := srv.User("bob"); ok {
		t.Fatal("bob survived DeleteUser")
	}
}

// teaCode returns the code of a darabonba error with status.
func teaCode(t *testing.T, err error, status int) string {
	t.Helper()
	var se *tea.SDKError
	if !errors.As(err, &se) {
		t.Fatalf("not a *tea.SDKError: %T %v", err, err)
	}
	if tea.IntValue(se.StatusCode) != status || !strings.Contains(tea.StringValue(se.Data), "RequestId") {
		t.Fatalf("SDKError status %d, data %s", tea.IntValue(se.StatusCode), tea.StringValue(se.Data))
	}
	return tea.StringValue(se.Code)
}

func TestConformanceDarabonbaErrors(t *testing.T) {
	srv := startServer(t)
	host := hostOf(srv.URL())
	getUser := func(c *openapi.Client) error {
		_, err := callAPI(c, "2015-05-01", "GetUser", map[string]any{"UserName": "nobody"})
		return err
	}
	cases := []struct {
		name   string
		client *openapi.Client
		status int
		code   string
	}{
		{"missing user", darabonbaClient(t, host, confKeyID, confSecret), 404, "EntityNotExist.User"},
		{"wrong secret", darabonbaClient(t, host, confKeyID, "wrong"), 400, "SignatureDoesNotMatch"},
		{"tampered request", darabonbaClient(t, hostOf(tamperingProxy(t, srv)), confKeyID, confSecret), 400, "SignatureDoesNotMatch"},
		{"unknown key", darabonbaClient(t, host, "LTAIunknown", confSecret), 404, "InvalidAccessKeyId.NotFound"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if code := teaCode(t, getUser(c.client), c.status); code != c.code {
				t.Fatalf("code %s, want %s", code, c.code)
			}
		})
	}
	_, err := callAPI(darabonbaClient(t, host, confKeyID, confSecret), "2015-05-01", "DecodeDiagnosticMessage", nil)
	if code := teaCode(t, err, 404); code != "InvalidAction.NotFound" {
		t.Fatal(code)
	}
	_, err = callAPI(darabonbaClient(t, host, confKeyID, confSecret), "2015-05-01", "CreateUser", map[string]any{"UserName": "x", "Email": "bad"})
	if code := teaCode(t, err, 400); code != "InvalidParameter.Email.Format" {
		t.Fatal(code)
	}
}

// darabonba can also sign with V1 (Config.SignatureAlgorithm "v2"): it then
// sends Format=json, no RegionId and no SignatureType.
func TestConformanceDarabonbaV1(t *testing.T) {
	srv := startServer(t)
	c := darabonbaClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	c.SignatureAlgorithm = dara.String("v2")
	if _, err := callAPI(c, "2015-05-01", "CreateUser", map[string]any{"UserName": "v1user", "Comments": "c d"}); err != nil {
		t.Fatal(err)
	}
	if _, err := callAPI(c, "2015-05-01", "UpdateUser", map[string]any{"UserName": "v1user", "NewComments": ""}); err != nil {
		t.Fatal(err)
	}
	if u, _ := srv.User("v1user"); u.Comments != "" {
		t.Fatalf("V1 UpdateUser with NewComments=\"\" left Comments %q", u.Comments)
	}
	wrong := darabonbaClient(t, hostOf(srv.URL()), confKeyID, "wrong")
	wrong.SignatureAlgorithm = dara.String("v2")
	_, err := callAPI(wrong, "2015-04-01", "GetCallerIdentity", nil)
	if code := teaCode(t, err, 400); code != "SignatureDoesNotMatch" {
		t.Fatal(code)
	}
}

const (
	confPolicyDoc = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:List*","mse:Get*"],"Resource":"*"}]}`
	confPolicyV2  = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:*"}]}`
	confTrust     = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}]}`
)

// The classic SDK's own structs for policies, versions, attachments, roles
// and groups (it has none for RAM's tag actions).
func TestConformanceClassicSDKPoliciesRolesGroups(t *testing.T) {
	srv := startServer(t)
	c := classicClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	do := func(req requests.AcsRequest, resp responses.AcsResponse) {
		t.Helper()
		if err := c.DoAction(req, resp); err != nil {
			t.Fatalf("%T: %v", req, err)
		}
	}

	cp := ram.CreateCreatePolicyRequest()
	cp.PolicyName, cp.PolicyDocument, cp.Description = "mse-read", confPolicyDoc, "read MSE"
	created := ram.CreateCreatePolicyResponse()
	do(cp, created)
	if p := created.Policy; p.PolicyName != "mse-read" || p.PolicyType != "Custom" || p.DefaultVersion != "v1" || p.Description != "read MSE" || p.CreateDate == "" {
		t.Fatalf("CreatePolicy %+v", created)
	}
	gp := ram.CreateGetPolicyRequest()
	gp.PolicyName, gp.PolicyType = "mse-read", "Custom"
	got := ram.CreateGetPolicyResponse()
	do(gp, got)
	if got.DefaultPolicyVersion.PolicyDocument != confPolicyDoc || !got.DefaultPolicyVersion.IsDefaultVersion || got.Policy.AttachmentCount != 0 {
		t.Fatalf("GetPolicy %+v", got)
	}
	upd := ram.CreateUpdatePolicyDescriptionRequest()
	upd.PolicyName, upd.NewDescription = "mse-read", "new"
	updated := ram.CreateUpdatePolicyDescriptionResponse()
	do(upd, updated)
	if updated.Policy.Description != "new" {
		t.Fatalf("UpdatePolicyDescription %+v", updated)
	}
	lp := ram.CreateListPoliciesRequest()
	lp.PolicyType, lp.MaxItems = "System", requests.NewInteger(2)
	listed := ram.CreateListPoliciesResponse()
	do(lp, listed)
	if !listed.IsTruncated || listed.Marker == "" || len(listed.Policies.Policy) != 2 || listed.Policies.Policy[0].PolicyType != "System" {
		t.Fatalf("ListPolicies %+v", listed)
	}

	cv := ram.CreateCreatePolicyVersionRequest()
	cv.PolicyName, cv.PolicyDocument, cv.SetAsDefault, cv.RotateStrategy = "mse-read", confPolicyV2, requests.NewBoolean(true), "None"
	version := ram.CreateCreatePolicyVersionResponse()
	do(cv, version)
	if v := version.PolicyVersion; v.VersionId != "v2" || !v.IsDefaultVersion || v.PolicyDocument != confPolicyV2 {
		t.Fatalf("CreatePolicyVersion %+v", version)
	}
	gv := ram.CreateGetPolicyVersionRequest()
	gv.PolicyName, gv.PolicyType, gv.VersionId = "mse-read", "Custom", "v1"
	gotVersion := ram.CreateGetPolicyVersionResponse()
	do(gv, gotVersion)
	if gotVersion.PolicyVersion.IsDefaultVersion || gotVersion.PolicyVersion.PolicyDocument != confPolicyDoc {
		t.Fatalf("GetPolicyVersion %+v", gotVersion)
	}
	sd := ram.CreateSetDefaultPolicyVersionRequest()
	sd.PolicyName, sd.VersionId = "mse-read", "v1"
	do(sd, ram.CreateSetDefaultPolicyVersionResponse())
	dv := ram.CreateDeletePolicyVersionRequest()
	dv.PolicyName, dv.VersionId = "mse-read", "v1"
	if err := c.DoAction(dv, ram.CreateDeletePolicyVersionResponse()); classicCode(t, err, 409) != "DeleteConflict.Policy.Version.Default" {
		t.Fatal(err)
	}
	dv.VersionId = "v2"
	do(dv, ram.CreateDeletePolicyVersionResponse())
	lv := ram.CreateListPolicyVersionsRequest()
	lv.PolicyName, lv.PolicyType = "mse-read", "Custom"
	versions := ram.CreateListPolicyVersionsResponse()
	do(lv, versions)
	if vs := versions.PolicyVersions.PolicyVersion; len(vs) != 1 || vs[0].VersionId != "v1" || !vs[0].IsDefaultVersion {
		t.Fatalf("ListPolicyVersions %+v", versions)
	}

	cr := ram.CreateCreateRoleRequest()
	cr.RoleName, cr.AssumeRolePolicyDocument, cr.Description, cr.MaxSessionDuration = "worker", confTrust, "ACK worker", requests.NewInteger(7200)
	role := ram.CreateCreateRoleResponse()
	do(cr, role)
	if r := role.Role; r.RoleName != "worker" || r.Arn != "acs:ram::"+confAccount+":role/worker" || r.MaxSessionDuration != 7200 || r.RoleId == "" || r.AssumeRolePolicyDocument != confTrust {
		t.Fatalf("CreateRole %+v", role)
	}
	ur := ram.CreateUpdateRoleRequest()
	ur.RoleName, ur.NewDescription, ur.NewMaxSessionDuration = "worker", "updated", requests.NewInteger(3600)
	updatedRole := ram.CreateUpdateRoleResponse()
	do(ur, updatedRole)
	if updatedRole.Role.Description != "updated" || updatedRole.Role.MaxSessionDuration != 3600 {
		t.Fatalf("UpdateRole %+v", updatedRole)
	}
	gr := ram.CreateGetRoleRequest()
	gr.RoleName = "worker"
	gotRole := ram.CreateGetRoleResponse()
	do(gr, gotRole)
	if gotRole.Role.RoleId != role.Role.RoleId {
		t.Fatalf("GetRole %+v", gotRole)
	}
	lr := ram.CreateListRolesRequest()
	lr.MaxItems = requests.NewInteger(10)
	roles := ram.CreateListRolesResponse()
	do(lr, roles)
	if roles.IsTruncated || len(roles.Roles.Role) != 1 || roles.Roles.Role[0].RoleName != "worker" {
		t.Fatalf("ListRoles %+v", roles)
	}

	cu := ram.CreateCreateUserRequest()
	cu.UserName = "alice"
	do(cu, ram.CreateCreateUserResponse())
	cg := ram.CreateCreateGroupRequest()
	cg.GroupName, cg.Comments = "devs", "developers"
	group := ram.CreateCreateGroupResponse()
	do(cg, group)
	if group.Group.GroupName != "devs" || group.Group.Comments != "developers" || group.Group.GroupId == "" {
		t.Fatalf("CreateGroup %+v", group)
	}
	ug := ram.CreateUpdateGroupRequest()
	ug.GroupName, ug.NewGroupName, ug.NewComments = "devs", "devs2", "renamed"
	updatedGroup := ram.CreateUpdateGroupResponse()
	do(ug, updatedGroup)
	if updatedGroup.Group.GroupName != "devs2" || updatedGroup.Group.GroupId != group.Group.GroupId {
		t.Fatalf("UpdateGroup %+v", updatedGroup)
	}
	gg := ram.CreateGetGroupRequest()
	gg.GroupName = "devs2"
	gotGroup := ram.CreateGetGroupResponse()
	do(gg, gotGroup)
	if gotGroup.Group.Comments != "renamed" {
		t.Fatalf("GetGroup %+v", gotGroup)
	}
	lg := ram.CreateListGroupsRequest()
	groups := ram.CreateListGroupsResponse()
	do(lg, groups)
	if len(groups.Groups.Group) != 1 {
		t.Fatalf("ListGroups %+v", groups)
	}
	add := ram.CreateAddUserToGroupRequest()
	add.GroupName, add.UserName = "devs2", "alice"
	do(add, ram.CreateAddUserToGroupResponse())
	if err := c.DoAction(add, ram.CreateAddUserToGroupResponse()); classicCode(t, err, 409) != "EntityAlreadyExists.User.Group" {
		t.Fatal(err)
	}
	lgu := ram.CreateListGroupsForUserRequest()
	lgu.UserName = "alice"
	userGroups := ram.CreateListGroupsForUserResponse()
	do(lgu, userGroups)
	if gs := userGroups.Groups.Group; len(gs) != 1 || gs[0].GroupName != "devs2" || gs[0].JoinDate == "" {
		t.Fatalf("ListGroupsForUser %+v", userGroups)
	}
	lug := ram.CreateListUsersForGroupRequest()
	lug.GroupName = "devs2"
	members := ram.CreateListUsersForGroupResponse()
	do(lug, members)
	if us := members.Users.User; len(us) != 1 || us[0].UserName != "alice" || us[0].JoinDate == "" {
		t.Fatalf("ListUsersForGroup %+v", members)
	}

	// Attach the custom policy to each kind and the system one to the role.
	au := ram.CreateAttachPolicyToUserRequest()
	au.UserName, au.PolicyName, au.PolicyType = "alice", "mse-read", "Custom"
	do(au, ram.CreateAttachPolicyToUserResponse())
	if err := c.DoAction(au, ram.CreateAttachPolicyToUserResponse()); classicCode(t, err, 409) != "EntityAlreadyExists.User.Policy" {
		t.Fatal(err)
	}
	ag := ram.CreateAttachPolicyToGroupRequest()
	ag.GroupName, ag.PolicyName, ag.PolicyType = "devs2", "mse-read", "Custom"
	do(ag, ram.CreateAttachPolicyToGroupResponse())
	ar := ram.CreateAttachPolicyToRoleRequest()
	ar.RoleName, ar.PolicyName, ar.PolicyType = "worker", "AliyunMSEFullAccess", "System"
	do(ar, ram.CreateAttachPolicyToRoleResponse())
	ar.PolicyName, ar.PolicyType = "mse-read", "Custom"
	do(ar, ram.CreateAttachPolicyToRoleResponse())

	lpu := ram.CreateListPoliciesForUserRequest()
	lpu.UserName = "alice"
	userPolicies := ram.CreateListPoliciesForUserResponse()
	do(lpu, userPolicies)
	if ps := userPolicies.Policies.Policy; len(ps) != 1 || ps[0].PolicyName != "mse-read" || ps[0].AttachDate == "" || ps[0].DefaultVersion != "v1" {
		t.Fatalf("ListPoliciesForUser %+v", userPolicies)
	}
	lpg := ram.CreateListPoliciesForGroupRequest()
	lpg.GroupName = "devs2"
	groupPolicies := ram.CreateListPoliciesForGroupResponse()
	do(lpg, groupPolicies)
	if len(groupPolicies.Policies.Policy) != 1 {
		t.Fatalf("ListPoliciesForGroup %+v", groupPolicies)
	}
	lpr := ram.CreateListPoliciesForRoleRequest()
	lpr.RoleName = "worker"
	rolePolicies := ram.CreateListPoliciesForRoleResponse()
	do(lpr, rolePolicies)
	if ps := rolePolicies.Policies.Policy; len(ps) != 2 || ps[0].PolicyName != "AliyunMSEFullAccess" || ps[0].PolicyType != "System" {
		t.Fatalf("ListPoliciesForRole %+v", rolePolicies)
	}
	le := ram.CreateListEntitiesForPolicyRequest()
	le.PolicyName, le.PolicyType = "mse-read", "Custom"
	entities := ram.CreateListEntitiesForPolicyResponse()
	do(le, entities)
	if len(entities.Users.User) != 1 || entities.Users.User[0].UserName != "alice" || len(entities.Groups.Group) != 1 ||
		len(entities.Roles.Role) != 1 || entities.Roles.Role[0].Arn == "" || entities.Roles.Role[0].AttachDate == "" {
		t.Fatalf("ListEntitiesForPolicy %+v", entities)
	}
	if p, _ := srv.Policy("mse-read"); p.AttachmentCount != 3 {
		t.Fatalf("AttachmentCount %d", p.AttachmentCount)
	}

	// Deletes are refused while anything depends on them.
	dp := ram.CreateDeletePolicyRequest()
	dp.PolicyName = "mse-read"
	if err := c.DoAction(dp, ram.CreateDeletePolicyResponse()); classicCode(t, err, 409) != "DeleteConflict.Policy.User" {
		t.Fatal(err)
	}
	dr := ram.CreateDeleteRoleRequest()
	dr.RoleName = "worker"
	if err := c.DoAction(dr, ram.CreateDeleteRoleResponse()); classicCode(t, err, 409) != "DeleteConflict.Role.Policy" {
		t.Fatal(err)
	}
	dg := ram.CreateDeleteGroupRequest()
	dg.GroupName = "devs2"
	if err := c.DoAction(dg, ram.CreateDeleteGroupResponse()); classicCode(t, err, 409) != "DeleteConflict.Group.User" {
		t.Fatal(err)
	}

	du := ram.CreateDetachPolicyFromUserRequest()
	du.UserName, du.PolicyName, du.PolicyType = "alice", "mse-read", "Custom"
	do(du, ram.CreateDetachPolicyFromUserResponse())
	if err := c.DoAction(du, ram.CreateDetachPolicyFromUserResponse()); classicCode(t, err, 404) != "EntityNotExist.User.Policy" {
		t.Fatal(err)
	}
	dgp := ram.CreateDetachPolicyFromGroupRequest()
	dgp.GroupName, dgp.PolicyName, dgp.PolicyType = "devs2", "mse-read", "Custom"
	do(dgp, ram.CreateDetachPolicyFromGroupResponse())
	drp := ram.CreateDetachPolicyFromRoleRequest()
	drp.RoleName, drp.PolicyType = "worker", "Custom"
	for _, name := range []string{"mse-read", "AliyunMSEFullAccess"} {
		drp.PolicyName = name
		if name == "AliyunMSEFullAccess" {
			drp.PolicyType = "System"
		}
		do(drp, ram.CreateDetachPolicyFromRoleResponse())
	}
	rm := ram.CreateRemoveUserFromGroupRequest()
	rm.GroupName, rm.UserName = "devs2", "alice"
	do(rm, ram.CreateRemoveUserFromGroupResponse())

	do(dp, ram.CreateDeletePolicyResponse())
	do(dr, ram.CreateDeleteRoleResponse())
	do(dg, ram.CreateDeleteGroupResponse())
	if len(srv.Policies()) != 0 || len(srv.Roles()) != 0 || len(srv.Groups()) != 0 {
		t.Fatal("deletes left state behind")
	}
	if err := c.DoAction(gr, ram.CreateGetRoleResponse()); classicCode(t, err, 404) != "EntityNotExist.Role" {
		t.Fatal(err)
	}
}

// darabonba (V3) for every policy, version, attachment, role, group and
// RAM tag action. R2 sends Tag, ResourceNames and TagKeys as JSON strings.
func TestConformanceDarabonbaPoliciesRolesGroups(t *testing.T) {
	srv := startServer(t)
	c := darabonbaClient(t, hostOf(srv.URL()), confKeyID, confSecret)
	must := func(action string, q map[string]any) map[string]any {
		t.Helper()
		body, err := callAPI(c, "2015-05-01", action, q)
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		return body
	}
	fails := func(action string, q map[string]any, status int, code string) {
		t.Helper()
		_, err := callAPI(c, "2015-05-01", action, q)
		if got := teaCode(t, err, status); got != code {
			t.Fatalf("%s: %s, want %s", action, got, code)
		}
	}
	list := func(v any, field string) string {
		var out []string
		items, _ := v.([]any)
		for _, it := range items {
			out = append(out, fmt.Sprint(get(it, field)))
		}
		return strings.Join(out, ",")
	}

	body := must("CreatePolicy", map[string]any{"PolicyName": "mse-read", "PolicyDocument": confPolicyDoc,
		"Description": "read * MSE", "Tag": `[{"Key":"env","Value":"prod"}]`})
	if get(body, "Policy", "DefaultVersion") != "v1" || get(body, "Policy", "Description") != "read * MSE" {
		t.Fatalf("CreatePolicy: %v", body)
	}
	fails("CreatePolicy", map[string]any{"PolicyName": "bad", "PolicyDocument": `{"Version":"1"}`}, 400, "MalformedPolicyDocument")
	body = must("GetPolicy", map[string]any{"PolicyName": "mse-read", "PolicyType": "Custom"})
	if get(body, "DefaultPolicyVersion", "PolicyDocument") != confPolicyDoc || list(get(body, "Policy", "Tags", "Tag"), "TagValue") != "prod" {
		t.Fatalf("GetPolicy: %v", body)
	}
	body = must("ListPolicies", map[string]any{"PolicyType": "Custom", "Tag": `[{"Key":"env","Value":"prod"}]`, "MaxItems": 10})
	if list(get(body, "Policies", "Policy"), "PolicyName") != "mse-read" || get(body, "IsTruncated") != false {
		t.Fatalf("ListPolicies: %v", body)
	}
	body = must("UpdatePolicyDescription", map[string]any{"PolicyName": "mse-read", "NewDescription": ""})
	if get(body, "Policy", "Description") != "" {
		t.Fatalf("UpdatePolicyDescription: %v", body)
	}
	for range 5 {
		must("CreatePolicyVersion", map[string]any{"PolicyName": "mse-read", "PolicyDocument": confPolicyV2,
			"SetAsDefault": false, "RotateStrategy": "DeleteOldestNonDefaultVersionWhenLimitExceeded"})
	}
	fails("CreatePolicyVersion", map[string]any{"PolicyName": "mse-read", "PolicyDocument": confPolicyV2}, 409, "LimitExceeded.Policy.Version")
	body = must("ListPolicyVersions", map[string]any{"PolicyName": "mse-read", "PolicyType": "Custom"})
	if got := list(get(body, "PolicyVersions", "PolicyVersion"), "VersionId"); got != "v1,v3,v4,v5,v6" {
		t.Fatalf("ListPolicyVersions: %s", got)
	}
	must("SetDefaultPolicyVersion", map[string]any{"PolicyName": "mse-read", "VersionId": "v6"})
	body = must("GetPolicyVersion", map[string]any{"PolicyName": "mse-read", "PolicyType": "Custom", "VersionId": "v6"})
	if get(body, "PolicyVersion", "IsDefaultVersion") != true || get(body, "PolicyVersion", "PolicyDocument") != confPolicyV2 {
		t.Fatalf("GetPolicyVersion: %v", body)
	}
	must("DeletePolicyVersion", map[string]any{"PolicyName": "mse-read", "VersionId": "v1"})

	body = must("CreateRole", map[string]any{"RoleName": "worker", "AssumeRolePolicyDocument": confTrust,
		"MaxSessionDuration": 3600, "Tag": `[{"Key":"cluster","Value":"c1"}]`})
	if get(body, "Role", "Arn") != "acs:ram::"+confAccount+":role/worker" {
		t.Fatalf("CreateRole: %v", body)
	}
	must("UpdateRole", map[string]any{"RoleName": "worker", "NewAssumeRolePolicyDocument": confTrust, "NewDescription": "d", "NewMaxSessionDuration": 43200})
	if get(must("GetRole", map[string]any{"RoleName": "worker"}), "Role", "Description") != "d" {
		t.Fatal("UpdateRole did not apply")
	}
	body = must("ListRoles", map[string]any{"MaxItems": 1, "Tag": `[{"Key":"cluster"}]`})
	if list(get(body, "Roles", "Role"), "RoleName") != "worker" {
		t.Fatalf("ListRoles: %v", body)
	}

	must("CreateUser", map[string]any{"UserName": "alice"})
	must("CreateGroup", map[string]any{"GroupName": "devs", "Comments": "c"})
	must("UpdateGroup", map[string]any{"GroupName": "devs", "NewGroupName": "devs2", "NewComments": ""})
	if get(must("GetGroup", map[string]any{"GroupName": "devs2"}), "Group", "Comments") != "" {
		t.Fatal("UpdateGroup did not clear Comments")
	}
	if list(get(must("ListGroups", map[string]any{"MaxItems": 5}), "Groups", "Group"), "GroupName") != "devs2" {
		t.Fatal("ListGroups")
	}
	must("AddUserToGroup", map[string]any{"GroupName": "devs2", "UserName": "alice"})
	if list(get(must("ListGroupsForUser", map[string]any{"UserName": "alice"}), "Groups", "Group"), "GroupName") != "devs2" {
		t.Fatal("ListGroupsForUser")
	}
	if list(get(must("ListUsersForGroup", map[string]any{"GroupName": "devs2"}), "Users", "User"), "UserName") != "alice" {
		t.Fatal("ListUsersForGroup")
	}
	fails("DeleteUser", map[string]any{"UserName": "alice"}, 409, "DeleteConflict.User.Group")

	for _, p := range []struct{ kind, param, name string }{{"User", "UserName", "alice"}, {"Group", "GroupName", "devs2"}, {"Role", "RoleName", "worker"}} {
		q := map[string]any{p.param: p.name, "PolicyName": "mse-read", "PolicyType": "Custom"}
		must("AttachPolicyTo"+p.kind, q)
		fails("AttachPolicyTo"+p.kind, q, 409, "EntityAlreadyExists."+p.kind+".Policy")
		if got := list(get(must("ListPoliciesFor"+p.kind, map[string]any{p.param: p.name}), "Policies", "Policy"), "PolicyName"); got != "mse-read" {
			t.Fatalf("ListPoliciesFor%s: %s", p.kind, got)
		}
	}
	body = must("ListEntitiesForPolicy", map[string]any{"PolicyName": "mse-read", "PolicyType": "Custom"})
	if list(get(body, "Users", "User"), "UserName") != "alice" || list(get(body, "Groups", "Group"), "GroupName") != "devs2" ||
		list(get(body, "Roles", "Role"), "RoleName") != "worker" {
		t.Fatalf("ListEntitiesForPolicy: %v", body)
	}
	if get(must("GetPolicy", map[string]any{"PolicyName": "mse-read", "PolicyType": "Custom"}), "Policy", "AttachmentCount") != json.Number("3") {
		t.Fatal("AttachmentCount")
	}
	fails("DeletePolicy", map[string]any{"PolicyName": "mse-read", "CascadingDelete": true}, 409, "DeleteConflict.Policy.User")
	for _, p := range []struct{ kind, param, name string }{{"User", "UserName", "alice"}, {"Group", "GroupName", "devs2"}, {"Role", "RoleName", "worker"}} {
		q := map[string]any{p.param: p.name, "PolicyName": "mse-read", "PolicyType": "Custom"}
		must("DetachPolicyFrom"+p.kind, q)
		fails("DetachPolicyFrom"+p.kind, q, 404, "EntityNotExist."+p.kind+".Policy")
	}

	// RAM's own tag actions for roles and policies.
	must("TagResources", map[string]any{"ResourceType": "role", "ResourceNames": `["worker"]`, "Tag": `[{"Key":"team","Value":"sec ops"}]`})
	must("TagResources", map[string]any{"ResourceType": "policy", "ResourceNames": `["mse-read"]`, "Tag": `[{"Key":"team","Value":"x"}]`})
	body = must("ListTagResources", map[string]any{"ResourceType": "role", "ResourceNames": `["worker"]`, "PageSize": 1})
	trs, _ := get(body, "TagResources").([]any)
	if len(trs) != 1 || get(trs[0], "ResourceName") != "worker" || get(trs[0], "ResourceType") != "role" || get(trs[0], "TagKey") != "cluster" || get(body, "NextToken") == nil {
		t.Fatalf("ListTagResources: %v", body)
	}
	body = must("ListTagResources", map[string]any{"ResourceType": "role", "NextToken": get(body, "NextToken"), "PageSize": 1})
	if trs, _ = get(body, "TagResources").([]any); len(trs) != 1 || get(trs[0], "TagValue") != "sec ops" {
		t.Fatalf("ListTagResources page 2: %v", body)
	}
	must("UntagResources", map[string]any{"ResourceType": "role", "ResourceNames": `["worker"]`, "TagKeys": `["team"]`})
	must("UntagResources", map[string]any{"ResourceType": "policy", "ResourceNames": `["mse-read"]`, "All": true})
	if r, _ := srv.Role("worker"); len(r.Tags) != 1 || r.Tags["cluster"] != "c1" {
		t.Fatalf("role tags %v", r.Tags)
	}

	must("RemoveUserFromGroup", map[string]any{"GroupName": "devs2", "UserName": "alice"})
	fails("DeletePolicy", map[string]any{"PolicyName": "mse-read"}, 409, "DeleteConflict.Policy.Version")
	must("DeletePolicy", map[string]any{"PolicyName": "mse-read", "CascadingDelete": true})
	must("DeleteRole", map[string]any{"RoleName": "worker"})
	must("DeleteGroup", map[string]any{"GroupName": "devs2"})
	must("DeleteUser", map[string]any{"UserName": "alice"})
	if len(srv.Policies())+len(srv.Roles())+len(srv.Groups())+len(srv.Users()) != 0 {
		t.Fatal("state left behind")
	}
}
