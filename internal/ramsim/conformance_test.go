// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
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

// startServer runs an emulator on a free loopback port. Both SDKs honour
// proxy variables, and the classic one even for loopback, so they are
// cleared for the test.
func startServer(t *testing.T) *ramsim.Server {
	t.Helper()
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, "")
	}
	srv, err := ramsim.New(ramsim.Config{AccountID: confAccount, AccessKeyID: confKeyID, AccessKeySecret: confSecret})
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
	c, err := sdk.NewClientWithAccessKey("cn-hangzhou", keyID, secret)
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
	if get(body, "IsTruncated") != true || len(get(body, "Users", "User").([]any)) != 1 {
		t.Fatalf("ListUsers page 1: %v", body)
	}
	body = must("2015-05-01", "ListUsers", map[string]any{"MaxItems": 1, "Marker": get(body, "Marker")})
	if get(body, "IsTruncated") != false || get(body, "Users", "User").([]any)[0].(map[string]any)["UserName"] != "bob" {
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
	_, err := callAPI(darabonbaClient(t, host, confKeyID, confSecret), "2015-05-01", "CreateRole", nil)
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
