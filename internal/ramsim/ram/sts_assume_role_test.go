// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	ramsdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ram"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/sts"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// trustAccount trusts every principal of the test account.
const trustAccount = `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::` +
	ramsimtest.Account + `:root"]}}],"Version":"1"}`

const allowAssumeDeployer = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"acs:ram::` +
	ramsimtest.Account + `:role/deployer"}]}`

func deployerArn() string { return "acs:ram::" + ramsimtest.Account + ":role/deployer" }

// deployerSession is the ARN a session of deployer acts as
// (GetCallerIdentity's Arn).
func deployerSession(session string) string {
	return "acs:ram::" + ramsimtest.Account + ":assumed-role/deployer/" + session
}

// stsEnv: a role "deployer" trusting trust, allowed ram:GetUser on every
// user; alice may assume it, bob and carol exist.
func stsEnv(t *testing.T, trust string, cfg ramsim.Config) (*ramsimtest.Env, ramsimtest.Signer) {
	t.Helper()
	env := ramsimtest.New(t, cfg)
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "carol"})
	env.OK(ramsimtest.VRAM, "CreateRole", map[string]string{"RoleName": "deployer", "AssumeRolePolicyDocument": trust})
	env.Grant("Role", "deployer", "get-users", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"acs:ram:*:*:user/*"}]}`)
	env.Grant("User", "alice", "assume-deployer", allowAssumeDeployer)
	return env, alice
}

// tempCreds is what AssumeRole answered.
type tempCreds struct {
	keyID, secret, token, expiration string
}

// signer signs with the credentials, sending the token as SecurityToken
// (V1) or x-acs-security-token (V3); token overrides it ("" sends none).
func (c tempCreds) signer(v3 bool, token string) ramsimtest.Signer {
	sg := ramsimtest.Signer{V3: v3, KeyID: c.keyID, Secret: c.secret}
	if token != "" {
		if v3 {
			sg.Headers = map[string]string{"x-acs-security-token": token}
		} else {
			// V1: the token is a signed parameter; see withToken.
			sg.Headers = map[string]string{"x-test-v1-token": token}
		}
	}
	return sg
}

// call signs a request with temporary credentials; for V1 the token goes
// into the (signed) parameters.
func asTemp(e *ramsimtest.Env, sg ramsimtest.Signer, version, action string, p map[string]string) (int, map[string]any) {
	e.T.Helper()
	if tok := sg.Headers["x-test-v1-token"]; tok != "" {
		q := map[string]string{"SecurityToken": tok}
		for k, v := range p {
			q[k] = v
		}
		p, sg.Headers = q, nil
	}
	return e.As(sg, version, action, p)
}

func assume(e *ramsimtest.Env, sg ramsimtest.Signer, p map[string]string) tempCreds {
	e.T.Helper()
	body := e.AsOK(sg, ramsimtest.VSTS, "AssumeRole", p)
	c := tempCreds{ramsimtest.Str(body, "Credentials", "AccessKeyId"), ramsimtest.Str(body, "Credentials", "AccessKeySecret"),
		ramsimtest.Str(body, "Credentials", "SecurityToken"), ramsimtest.Str(body, "Credentials", "Expiration")}
	if !strings.HasPrefix(c.keyID, "STS.") || c.secret == "" || c.token == "" || c.expiration == "" {
		e.T.Fatalf("AssumeRole credentials: %v", body)
	}
	return c
}

func TestAssumeRole(t *testing.T) {
	env, alice := stsEnv(t, trustAccount, ramsim.Config{})
	roleID := mustRole(t, env.Srv, "deployer").RoleID

	// bob has no sts:AssumeRole.
	bob := ramsimtest.Signer{}
	k := ramsimtest.Field(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "bob"}), "AccessKey")
	bob.KeyID, bob.Secret = ramsimtest.Str(k, "AccessKeyId"), ramsimtest.Str(k, "AccessKeySecret")
	env.AsDenied(bob, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s1"}, "sts:AssumeRole", deployerArn())

	for _, v3 := range []bool{false, true} {
		sg := alice
		sg.V3 = v3
		body := env.AsOK(sg, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "alice@ci"})
		if ramsimtest.Str(body, "AssumedRoleUser", "Arn") != deployerArn()+"/alice@ci" || ramsimtest.Str(body, "AssumedRoleUser", "AssumedRoleId") != roleID+":alice@ci" {
			t.Fatalf("AssumedRoleUser: %v", body)
		}
		if exp := ramsimtest.Str(body, "Credentials", "Expiration"); exp != env.Clock.Now().Add(time.Hour).Format(wire.DateFormat) {
			t.Fatalf("Expiration %q (now %v)", exp, env.Clock.Now())
		}
	}
	creds := assume(env, alice, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s1", "DurationSeconds": "900"})
	for _, v3 := range []bool{false, true} {
		sg := creds.signer(v3, creds.token)
		status, body := asTemp(env, sg, ramsimtest.VSTS, "GetCallerIdentity", nil)
		// The session's ARN in the assumed-role form, the role's id, and no
		// UserId (GetCallerIdentity returns it for accounts and users only).
		_, hasUserID := body["UserId"]
		if status != 200 || body["IdentityType"] != "AssumedRoleUser" || body["Arn"] != deployerSession("s1") ||
			body["PrincipalId"] != roleID+":s1" || body["RoleId"] != roleID || hasUserID || body["AccountId"] != ramsimtest.Account {
			t.Fatalf("v3=%v GetCallerIdentity: %d %v", v3, status, body)
		}
		// The role's policies apply, not alice's.
		if status, body = asTemp(env, sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}); status != 200 {
			t.Fatalf("GetUser as the role: %d %v", status, body)
		}
		status, body = asTemp(env, sg, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "x"})
		ramsimtest.WantError(t, status, body, 403, "NoPermission")
		if d, _ := body["AccessDeniedDetail"].(map[string]any); d["AuthPrincipalType"] != "AssumedRoleUser" || d["AuthPrincipalDisplayName"] != roleID+":s1" {
			t.Fatalf("detail %v", body)
		}
		status, body = asTemp(env, sg, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "again"})
		ramsimtest.WantError(t, status, body, 403, "NoPermission")

		// The token is required, and must be this key's.
		status, body = asTemp(env, creds.signer(v3, ""), ramsimtest.VSTS, "GetCallerIdentity", nil)
		ramsimtest.WantError(t, status, body, 400, "MissingSecurityToken")
		status, body = asTemp(env, creds.signer(v3, "CAISwrong"), ramsimtest.VSTS, "GetCallerIdentity", nil)
		ramsimtest.WantError(t, status, body, 400, "InvalidSecurityToken.MismatchWithAccessKey")
		wrongSecret := creds.signer(v3, creds.token)
		wrongSecret.Secret = "nope"
		status, body = asTemp(env, wrongSecret, ramsimtest.VSTS, "GetCallerIdentity", nil)
		ramsimtest.WantError(t, status, body, 400, "SignatureDoesNotMatch")
	}
	// A token with a permanent key is still malformed; an unknown STS key is unknown.
	status, body := asTemp(env, ramsimtest.Signer{Headers: map[string]string{"x-test-v1-token": creds.token}}, ramsimtest.VSTS, "GetCallerIdentity", nil)
	ramsimtest.WantError(t, status, body, 400, "InvalidSecurityToken.Malformed")
	status, body = asTemp(env, tempCreds{keyID: "STS.unknown", secret: "s"}.signer(true, "t"), ramsimtest.VSTS, "GetCallerIdentity", nil)
	ramsimtest.WantError(t, status, body, 404, "InvalidAccessKeyId.NotFound")

	// Expiry by the server clock: valid just before, expired from Expiration on.
	env.Clock.Add(899 * time.Second)
	if status, body = asTemp(env, creds.signer(true, creds.token), ramsimtest.VSTS, "GetCallerIdentity", nil); status != 200 {
		t.Fatalf("before expiry: %d %v", status, body)
	}
	env.Clock.Add(time.Second)
	for _, v3 := range []bool{false, true} {
		status, body = asTemp(env, creds.signer(v3, creds.token), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"})
		ramsimtest.WantError(t, status, body, 400, "InvalidSecurityToken.Expired")
	}

	// Deleting the role leaves live credentials with no permissions.
	live := assume(env, alice, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s2"})
	env.OK(ramsimtest.VRAM, "DetachPolicyFromRole", map[string]string{"RoleName": "deployer", "PolicyName": "get-users", "PolicyType": "Custom"})
	env.OK(ramsimtest.VRAM, "DeleteRole", map[string]string{"RoleName": "deployer"})
	status, body = asTemp(env, live.signer(true, live.token), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"})
	ramsimtest.WantError(t, status, body, 403, "NoPermission")
}

func mustRole(t *testing.T, s *ramsim.Server, name string) ram.Role {
	t.Helper()
	r, ok := s.Role(name)
	if !ok {
		t.Fatalf("no role %s", name)
	}
	return r
}

// A session policy narrows the role's permissions; an explicit Deny in it
// wins.
func TestAssumeRoleSessionPolicy(t *testing.T) {
	env, alice := stsEnv(t, trustAccount, ramsim.Config{})
	creds := assume(env, alice, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "narrow",
		"Policy": `{"Version":"1","Statement":[{"Effect":"Allow","Action":["ram:GetUser","ram:CreateUser"],"Resource":"acs:ram:*:*:user/bob"}]}`})
	sg := creds.signer(true, creds.token)
	if status, body := asTemp(env, sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}); status != 200 {
		t.Fatalf("GetUser bob: %d %v", status, body)
	}
	status, body := asTemp(env, sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"})
	ramsimtest.WantError(t, status, body, 403, "NoPermission")
	if d, _ := body["AccessDeniedDetail"].(map[string]any); d["PolicyType"] != "SessionPolicy" || d["NoPermissionType"] != "ImplicitDeny" {
		t.Fatalf("detail %v", body)
	}
	// The session policy allows CreateUser, the role does not.
	status, body = asTemp(env, sg, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob2"})
	ramsimtest.WantError(t, status, body, 403, "NoPermission")
	if d, _ := body["AccessDeniedDetail"].(map[string]any); d["PolicyType"] != "AccountLevelIdentityBasedPolicy" {
		t.Fatalf("detail %v", body)
	}

	deny := assume(env, alice, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "deny",
		"Policy": `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:*","Resource":"*"},{"Effect":"Deny","Action":"ram:GetUser","Resource":"acs:ram:*:*:user/carol"}]}`})
	status, body = asTemp(env, deny.signer(false, deny.token), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "carol"})
	ramsimtest.WantError(t, status, body, 403, "NoPermission")
	if d, _ := body["AccessDeniedDetail"].(map[string]any); d["PolicyType"] != "SessionPolicy" || d["NoPermissionType"] != "ExplicitDeny" {
		t.Fatalf("detail %v", body)
	}
	env.Fail(ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "bad", "Policy": `{"Version":"1"}`},
		400, "InvalidParameter.PolicyGrammar")
	env.Fail(ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "big", "Policy": strings.Repeat(" ", 2049)},
		400, "InvalidParameter.PolicySize")
}

// A trust policy naming one user admits that user only; the root key,
// which needs no sts:AssumeRole grant, still needs the trust policy.
func TestAssumeRoleTrustPolicy(t *testing.T) {
	trustCarol := `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::` + ramsimtest.Account + `:user/carol"]}}],"Version":"1"}`
	env, alice := stsEnv(t, trustCarol, ramsim.Config{})
	detail := env.AsDenied(alice, ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9"}, "sts:AssumeRole", deployerArn())
	if detail["PolicyType"] != "AssumeRolePolicy" {
		t.Fatalf("detail %v", detail)
	}
	status, body := env.Call(ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9"})
	ramsimtest.WantError(t, status, body, 403, "NoPermission")

	k := ramsimtest.Field(env.OK(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "carol"}), "AccessKey")
	carol := ramsimtest.Signer{KeyID: ramsimtest.Str(k, "AccessKeyId"), Secret: ramsimtest.Str(k, "AccessKeySecret")}
	env.Grant("User", "carol", "carol-assume", allowAssumeDeployer)
	assume(env, carol, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9"})

	// Trusting the account admits its root too.
	env.OK(ramsimtest.VRAM, "UpdateRole", map[string]string{"RoleName": "deployer", "NewAssumeRolePolicyDocument": trustAccount})
	root := assume(env, ramsimtest.Signer{V3: true}, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "root"})
	if _, body := asTemp(env, root.signer(true, root.token), ramsimtest.VSTS, "GetCallerIdentity", nil); body["Arn"] != deployerSession("root") {
		t.Fatalf("GetCallerIdentity %v", body)
	}
	// A service-linked role trusts its service only.
	env.OK(ramsimtest.VRM, "CreateServiceLinkedRole", map[string]string{"ServiceName": "mse.aliyuncs.com"})
	env.Fail(ramsimtest.VSTS, "AssumeRole", map[string]string{"RoleArn": "acs:ram::" + ramsimtest.Account + ":role/aliyunserviceroleformse", "RoleSessionName": "s9"}, 403, "NoPermission")
}

func TestAssumeRoleParameters(t *testing.T) {
	env, _ := stsEnv(t, trustAccount, ramsim.Config{})
	for _, c := range []struct {
		p            map[string]string
		status       int
		code         string
		wantMessages string
	}{
		{map[string]string{"RoleSessionName": "s9"}, 400, "MissingRoleArn", ""},
		{map[string]string{"RoleArn": deployerArn()}, 400, "MissingRoleSessionName", ""},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "a"}, 400, "InvalidParameter.RoleSessionName", ""},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "a b"}, 400, "InvalidParameter.RoleSessionName", ""},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": strings.Repeat("a", 65)}, 400, "InvalidParameter.RoleSessionName", ""},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9", "DurationSeconds": "899"}, 400, "InvalidParameter.DurationSeconds", "900/3600"},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9", "DurationSeconds": "3601"}, 400, "InvalidParameter.DurationSeconds", ""},
		{map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9", "DurationSeconds": "x"}, 400, "InvalidParameter.DurationSeconds", ""},
		{map[string]string{"RoleArn": "deployer", "RoleSessionName": "s9"}, 400, "InvalidParameter.RoleArn", ""},
		{map[string]string{"RoleArn": "acs:ram::" + ramsimtest.Account + ":role/nope", "RoleSessionName": "s9"}, 404, "EntityNotExist.Role", ""},
		{map[string]string{"RoleArn": "acs:ram::999:role/deployer", "RoleSessionName": "s9"}, 404, "EntityNotExist.Role", ""},
	} {
		body := env.Fail(ramsimtest.VSTS, "AssumeRole", c.p, c.status, c.code)
		if !strings.Contains(ramsimtest.Str(body, "Message"), c.wantMessages) {
			t.Fatalf("%v: %v", c.p, body)
		}
	}
	// A longer MaxSessionDuration allows longer sessions; the role name
	// matches in any case.
	env.OK(ramsimtest.VRAM, "UpdateRole", map[string]string{"RoleName": "deployer", "NewMaxSessionDuration": "7200"})
	c := assume(env, ramsimtest.Signer{}, map[string]string{"RoleArn": "acs:ram::" + ramsimtest.Account + ":role/Deployer", "RoleSessionName": "s9", "DurationSeconds": "7200"})
	if c.expiration != env.Clock.Now().Add(2*time.Hour).Format(wire.DateFormat) {
		t.Fatalf("Expiration %s", c.expiration)
	}
}

// Temporary credentials are never written to the state file, and a
// restarted emulator does not know them.
func TestAssumeRoleNotPersisted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	env, alice := stsEnv(t, trustAccount, ramsim.Config{StatePath: path})
	c := assume(env, alice, map[string]string{"RoleArn": deployerArn(), "RoleSessionName": "s9"})
	if err := env.Srv.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), c.keyID) || strings.Contains(string(data), c.token) {
		t.Fatal("temporary credentials in the state file")
	}
	again := ramsimtest.New(t, ramsim.Config{StatePath: path})
	status, body := asTemp(again, c.signer(true, c.token), ramsimtest.VSTS, "GetCallerIdentity", nil)
	if status != http.StatusNotFound || body["Code"] != "InvalidAccessKeyId.NotFound" {
		t.Fatalf("after restart: %d %v", status, body)
	}
}

// The official SDKs, unmodified, over loopback: the classic SDK (V1)
// assumes a role and decodes the answer into its own struct, then signs
// with the temporary credentials (SecurityToken parameter); darabonba (V3)
// signs with them too (x-acs-security-token header).
func TestAssumeRoleSDKs(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, "")
	}
	srv, err := ramsim.New(ramsim.Config{AccountID: ramsimtest.Account, AccessKeyID: ramsimtest.KeyID, AccessKeySecret: ramsimtest.Secret})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	host := strings.TrimPrefix(srv.URL(), "http://")

	root, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig(), credentials.NewStaticAKCredentialsProvider(ramsimtest.KeyID, ramsimtest.Secret))
	if err != nil {
		t.Fatal(err)
	}
	root.Domain = host
	root.GetConfig().Scheme = "http"
	cr := ramsdk.CreateCreateRoleRequest()
	cr.RoleName, cr.AssumeRolePolicyDocument = "deployer", trustAccount
	if err := root.DoAction(cr, ramsdk.CreateCreateRoleResponse()); err != nil {
		t.Fatal(err)
	}
	ar := sts.CreateAssumeRoleRequest()
	ar.RoleArn, ar.RoleSessionName, ar.DurationSeconds = deployerArn(), "sdk", requests.NewInteger(1800)
	ar.Policy = `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:GetCallerIdentity","Resource":"*"}]}`
	assumed := sts.CreateAssumeRoleResponse()
	if err := root.DoAction(ar, assumed); err != nil {
		t.Fatal(err)
	}
	cred := assumed.Credentials
	roleID := mustRole(t, srv, "deployer").RoleID
	if !strings.HasPrefix(cred.AccessKeyId, "STS.") || cred.AccessKeySecret == "" || cred.SecurityToken == "" || cred.Expiration == "" ||
		assumed.AssumedRoleUser.Arn != deployerArn()+"/sdk" || assumed.AssumedRoleUser.AssumedRoleId != roleID+":sdk" || assumed.RequestId == "" {
		t.Fatalf("AssumeRole %+v", assumed)
	}
	if exp, err := time.Parse(time.RFC3339, cred.Expiration); err != nil || time.Until(exp) > 31*time.Minute || time.Until(exp) < 29*time.Minute {
		t.Fatalf("Expiration %q: %v", cred.Expiration, err)
	}

	temp, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig(),
		credentials.NewStaticSTSCredentialsProvider(cred.AccessKeyId, cred.AccessKeySecret, cred.SecurityToken))
	if err != nil {
		t.Fatal(err)
	}
	temp.Domain = host
	temp.GetConfig().Scheme = "http"
	id := sts.CreateGetCallerIdentityResponse()
	if err := temp.DoAction(sts.CreateGetCallerIdentityRequest(), id); err != nil {
		t.Fatal(err)
	}
	if id.IdentityType != "AssumedRoleUser" || id.Arn != deployerSession("sdk") || id.AccountId != ramsimtest.Account {
		t.Fatalf("GetCallerIdentity %+v", id)
	}
	gu := ramsdk.CreateGetUserRequest()
	gu.UserName = "nobody"
	err = temp.DoAction(gu, ramsdk.CreateGetUserResponse())
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "NoPermission" || se.HttpStatus() != 403 || se.AccessDeniedDetail()["AuthAction"] != "ram:GetUser" {
		t.Fatalf("GetUser with the role's credentials: %v", err)
	}

	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(cred.AccessKeyId), AccessKeySecret: dara.String(cred.AccessKeySecret),
		SecurityToken: dara.String(cred.SecurityToken), Endpoint: dara.String(host), Protocol: dara.String("http"),
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.CallApi(&openapiutil.Params{
		Action: dara.String("GetCallerIdentity"), Version: dara.String(ramsimtest.VSTS), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}, &openapiutil.OpenApiRequest{}, &dara.RuntimeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if body, _ := res["body"].(map[string]any); body["Arn"] != deployerSession("sdk") || body["IdentityType"] != "AssumedRoleUser" {
		t.Fatalf("darabonba GetCallerIdentity %v", res)
	}
}
