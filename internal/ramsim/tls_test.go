// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/testcert"
)

// TLSCertFile and TLSKeyFile go together, and a bad file is named.
func TestTLSConfigErrors(t *testing.T) {
	cert, key := testcert.Write(t, t.TempDir())
	missing := filepath.Join(t.TempDir(), "missing.pem")
	for _, tc := range []struct {
		cfg  ramsim.Config
		want string
	}{
		{ramsim.Config{TLSCertFile: cert}, "TLSCertFile is set without TLSKeyFile"},
		{ramsim.Config{TLSKeyFile: key}, "TLSKeyFile is set without TLSCertFile"},
		{ramsim.Config{TLSCertFile: missing, TLSKeyFile: key}, missing},
		{ramsim.Config{TLSCertFile: key, TLSKeyFile: key}, key}, // a key is no certificate
	} {
		if _, err := ramsim.New(tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v): %v, want an error with %q", tc.cfg, err, tc.want)
		}
	}
}

// httpsCall makes an RPC call over HTTPS with the darabonba client,
// trusting caPEM.
func httpsCall(srv *ramsim.Server, keyID, secret, caPEM, version, action string, query map[string]any) (map[string]any, error) {
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(keyID), AccessKeySecret: dara.String(secret),
		Endpoint: dara.String(strings.TrimPrefix(srv.URL(), "https://")), Protocol: dara.String("https"),
	})
	if err != nil {
		return nil, err
	}
	res, err := c.CallApi(&openapiutil.Params{
		Action: dara.String(action), Version: dara.String(version), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}, &dara.RuntimeOptions{Ca: dara.String(caPEM)})
	if err != nil {
		return nil, err
	}
	body, _ := res["body"].(map[string]any)
	return body, nil
}

// With a certificate ramsim serves HTTPS: a client that trusts the
// certificate calls it (AssumeRole included), one that does not is
// refused by its own TLS check, and acs:SecureTransport is true.
func TestServeHTTPS(t *testing.T) {
	cert, key := testcert.Write(t, t.TempDir())
	caPEM, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServerWith(t, ramsim.Config{AccountID: confAccount, AccessKeyID: confKeyID, AccessKeySecret: confSecret,
		TLSCertFile: cert, TLSKeyFile: key})
	if !strings.HasPrefix(srv.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL() = %s, want https://127.0.0.1:PORT", srv.URL())
	}
	root := func(version, action string, q map[string]any) map[string]any {
		t.Helper()
		body, err := httpsCall(srv, confKeyID, confSecret, string(caPEM), version, action, q)
		if err != nil {
			t.Fatalf("%s over HTTPS: %v", action, err)
		}
		return body
	}
	if got := root("2015-04-01", "GetCallerIdentity", nil); get(got, "AccountId") != confAccount {
		t.Fatalf("GetCallerIdentity: %v", got)
	}
	// darabonba caches its transports without the CA in the key, so the
	// untrusting client is a plain one.
	untrusting := &http.Client{Transport: &http.Transport{}}
	if resp, err := untrusting.Get(srv.URL()); err == nil || !strings.Contains(err.Error(), "certificate") {
		if err == nil {
			resp.Body.Close()
		}
		t.Fatalf("a client that does not trust the certificate: %v, want a certificate error", err)
	}

	// A role assumed over HTTPS, and a user whose only grant needs TLS.
	root("2015-05-01", "CreateRole", map[string]any{"RoleName": "ci", "AssumeRolePolicyDocument": `{"Version":"1","Statement":[` +
		`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::` + confAccount + `:root"]}}]}`})
	assumed := root("2015-04-01", "AssumeRole", map[string]any{"RoleArn": "acs:ram::" + confAccount + ":role/ci", "RoleSessionName": "tls"})
	if arn, _ := get(assumed, "AssumedRoleUser", "Arn").(string); arn != "acs:ram::"+confAccount+":role/ci/tls" {
		t.Fatalf("AssumeRole: %v", assumed)
	}
	root("2015-05-01", "CreateUser", map[string]any{"UserName": "alice"})
	k := root("2015-05-01", "CreateAccessKey", map[string]any{"UserName": "alice"})
	id, _ := get(k, "AccessKey", "AccessKeyId").(string)
	secret, _ := get(k, "AccessKey", "AccessKeySecret").(string)
	root("2015-05-01", "CreatePolicy", map[string]any{"PolicyName": "tls-only", "PolicyDocument": `{"Version":"1","Statement":[` +
		`{"Effect":"Allow","Action":"ram:ListUsers","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"true"}}}]}`})
	root("2015-05-01", "AttachPolicyToUser", map[string]any{"UserName": "alice", "PolicyName": "tls-only", "PolicyType": "Custom"})
	if _, err := httpsCall(srv, id, secret, string(caPEM), "2015-05-01", "ListUsers", nil); err != nil {
		t.Fatalf("ListUsers over HTTPS with acs:SecureTransport true: %v", err)
	}
}
