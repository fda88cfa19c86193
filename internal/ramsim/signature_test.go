// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

func TestAuthentication(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	p := map[string]string{}
	cases := []struct {
		name   string
		sg     ramsimtest.Signer
		status int
		code   string
	}{
		{"v1 ok", ramsimtest.Signer{}, 200, ""},
		{"v3 ok", ramsimtest.Signer{V3: true}, 200, ""},
		{"v1 GET ok", ramsimtest.Signer{Method: "GET"}, 200, ""},
		{"v1 wrong secret", ramsimtest.Signer{Secret: "nope"}, 400, "SignatureDoesNotMatch"},
		{"v3 wrong secret", ramsimtest.Signer{V3: true, Secret: "nope"}, 400, "SignatureDoesNotMatch"},
		{"v1 unknown key", ramsimtest.Signer{KeyID: "other"}, 404, "InvalidAccessKeyId.NotFound"},
		{"v3 unknown key", ramsimtest.Signer{V3: true, KeyID: "other"}, 404, "InvalidAccessKeyId.NotFound"},
		{"v1 tampered parameter", ramsimtest.Signer{Mutate: func(r *http.Request) {
			q := r.URL.Query()
			q.Set("Extra", "x")
			r.URL.RawQuery = q.Encode()
		}}, 400, "SignatureDoesNotMatch"},
		{"v3 tampered query", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.URL.RawQuery = "Extra=x" }}, 400, "SignatureDoesNotMatch"},
		{"v3 tampered host", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.Host = "127.0.0.1:1" }}, 400, "SignatureDoesNotMatch"},
		{"v3 tampered method", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.Method = "GET" }}, 400, "SignatureDoesNotMatch"},
		{"v3 unsigned x-acs header", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.Header.Set("x-acs-extra", "1") }}, 400, "IncompleteSignature"},
		{"v3 body not matching its hash", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) {
			r.Body = io.NopCloser(bytes.NewReader([]byte("UserName=x")))
		}}, 400, "ContentSHA256NotMatched"},
		{"v3 other algorithm", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) {
			r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), wire.V3Algorithm, "ACS3-HMAC-SM3", 1))
		}}, 400, "InvalidSignatureMethod"},
		{"v3 malformed authorization", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.Header.Set("Authorization", "ACS3-HMAC-SHA256") }}, 400, "IncompleteSignature"},
		{"v1 expired", ramsimtest.Signer{At: env.Clock.Now().Add(-16 * time.Minute)}, 400, "InvalidTimeStamp.Expired"},
		{"v1 from the future", ramsimtest.Signer{At: env.Clock.Now().Add(16 * time.Minute)}, 400, "InvalidTimeStamp.Expired"},
		{"v1 within the window", ramsimtest.Signer{At: env.Clock.Now().Add(-14 * time.Minute)}, 200, ""},
		{"v3 expired", ramsimtest.Signer{V3: true, At: env.Clock.Now().Add(-16 * time.Minute)}, 400, "InvalidTimeStamp.Expired"},
		{"v1 bad timestamp", ramsimtest.Signer{Mutate: func(r *http.Request) {
			q := r.URL.Query()
			q.Set("Timestamp", "yesterday")
			r.URL.RawQuery = q.Encode()
		}}, 400, "InvalidTimeStamp.Format"},
		{"v1 missing signature", ramsimtest.Signer{Mutate: func(r *http.Request) {
			q := r.URL.Query()
			q.Del("Signature")
			r.URL.RawQuery = q.Encode()
		}}, 400, "MissingSignature"},
		{"v1 missing key id", ramsimtest.Signer{Mutate: func(r *http.Request) {
			q := r.URL.Query()
			q.Del("AccessKeyId")
			r.URL.RawQuery = q.Encode()
		}}, 400, "MissingAccessKeyId"},
		{"v1 missing nonce", ramsimtest.Signer{Mutate: func(r *http.Request) {
			q := r.URL.Query()
			q.Del("SignatureNonce")
			r.URL.RawQuery = q.Encode()
		}}, 400, "MissingSignatureNonce"},
		{"unknown authorization scheme", ramsimtest.Signer{V3: true, Mutate: func(r *http.Request) { r.Header.Set("Authorization", "Bearer x") }}, 400, "IncompleteSignature"},
		{"v3 security token", ramsimtest.Signer{V3: true, Headers: map[string]string{"x-acs-security-token": "tok"}}, 400, "InvalidSecurityToken.Malformed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := env.Do(env.Request(c.sg, ramsimtest.VSTS, "GetCallerIdentity", p))
			if c.code == "" {
				if status != 200 {
					t.Fatalf("status %d: %v", status, body)
				}
				return
			}
			ramsimtest.WantError(t, status, body, c.status, c.code)
			if body["HostId"] != "sts.aliyuncs.com" {
				t.Fatalf("HostId = %v", body["HostId"])
			}
		})
	}
}

// The V1 SecurityToken parameter is signed, so the test signs it in.
func TestV1SecurityTokenRejected(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.Fail(ramsimtest.VSTS, "GetCallerIdentity", map[string]string{"SecurityToken": "tok"}, 400, "InvalidSecurityToken.Malformed")
}

func TestSignatureMismatchMessage(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	r := env.Request(ramsimtest.Signer{Secret: "wrong"}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "a b"})
	want := wire.V1StringToSign("POST", wire.Params(r.URL.Query()))
	_, body := env.Do(r)
	msg := ramsimtest.Str(body, "Message")
	if !strings.HasSuffix(msg, "server string to sign is:"+want) || !strings.Contains(want, "UserName%3Da%2520b") {
		t.Fatalf("message %q, string to sign %q", msg, want)
	}
}

func TestNonceReuse(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, v3 := range []bool{false, true} {
		sg := ramsimtest.Signer{V3: v3, Nonce: "same-" + map[bool]string{false: "v1", true: "v3"}[v3]}
		if status, body := env.Do(env.Request(sg, ramsimtest.VSTS, "GetCallerIdentity", nil)); status != 200 {
			t.Fatalf("first use: %d %v", status, body)
		}
		status, body := env.Do(env.Request(sg, ramsimtest.VSTS, "GetCallerIdentity", nil))
		ramsimtest.WantError(t, status, body, 400, "SignatureNonceUsed")
	}
	// A request with a bad signature does not consume its nonce.
	status, body := env.Do(env.Request(ramsimtest.Signer{Nonce: "n-bad", Secret: "x"}, ramsimtest.VSTS, "GetCallerIdentity", nil))
	ramsimtest.WantError(t, status, body, 400, "SignatureDoesNotMatch")
	if status, body := env.Do(env.Request(ramsimtest.Signer{Nonce: "n-bad"}, ramsimtest.VSTS, "GetCallerIdentity", nil)); status != 200 {
		t.Fatalf("nonce burnt by a forged request: %d %v", status, body)
	}
	// Once its timestamp is out of the window, the replay fails on the
	// timestamp (the cache's purge is wire's TestNonceCachePurge).
	replay := env.Request(ramsimtest.Signer{Nonce: "n-bad"}, ramsimtest.VSTS, "GetCallerIdentity", nil)
	env.Clock.Add(31 * time.Minute)
	status, body = env.Do(replay)
	ramsimtest.WantError(t, status, body, 400, "InvalidTimeStamp.Expired")
}

func TestRouting(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	cases := []struct {
		name, version, action string
		status                int
		code, host            string
	}{
		{"unknown RAM action", ramsimtest.VRAM, "DecodeDiagnosticMessage", 404, "InvalidAction.NotFound", "ram.aliyuncs.com"},
		{"action of another product", ramsimtest.VRAM, "GetCallerIdentity", 404, "InvalidAction.NotFound", "ram.aliyuncs.com"},
		{"unimplemented ResourceManager action", ramsimtest.VRM, "CreateResourceGroup", 404, "InvalidAction.NotFound", "resourcemanager.aliyuncs.com"},
		{"unknown version", "2099-01-01", "GetCallerIdentity", 400, "InvalidVersion", "sts.aliyuncs.com"},
		{"unknown version and action", "2099-01-01", "Nope", 400, "InvalidVersion", "ram.aliyuncs.com"},
		{"missing version", "", "GetUser", 400, "MissingVersion", "ram.aliyuncs.com"},
		{"missing action", ramsimtest.VIMS, "", 400, "MissingAction", "ims.aliyuncs.com"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, v3 := range []bool{false, true} {
				status, body := env.Do(env.Request(ramsimtest.Signer{V3: v3}, c.version, c.action, nil))
				ramsimtest.WantError(t, status, body, c.status, c.code)
				if body["HostId"] != c.host {
					t.Fatalf("HostId %v, want %s", body["HostId"], c.host)
				}
			}
		})
	}
	// Routing errors come before authentication, as on the gateway.
	status, body := env.Do(env.Request(ramsimtest.Signer{Secret: "wrong"}, ramsimtest.VRAM, "Nope", nil))
	ramsimtest.WantError(t, status, body, 404, "InvalidAction.NotFound")
	// Other paths and methods are not RPC endpoints.
	status, body = env.Do(env.Request(ramsimtest.Signer{Method: "PUT"}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "a"}))
	ramsimtest.WantError(t, status, body, 404, "InvalidAction.NotFound")
	status, body = env.Do(env.Request(ramsimtest.Signer{Mutate: func(r *http.Request) { r.URL.Path = "/other" }}, ramsimtest.VRAM, "GetUser", nil))
	ramsimtest.WantError(t, status, body, 404, "InvalidAction.NotFound")
}

// Parameters may come in a form body (V1 signs them like query parameters).
func TestFormBody(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	r := env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "form-user", "Comments": "a+b c"})
	body := r.URL.RawQuery
	r = httptest.NewRequest("POST", "/", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, resp := env.Do(r); status != 200 || ramsimtest.Str(resp, "User", "Comments") != "a+b c" {
		t.Fatalf("%d %v", status, resp)
	}
}
