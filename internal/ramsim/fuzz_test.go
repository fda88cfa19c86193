// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Fuzz targets for what an attacker controls: the request line, headers
// and body. Two servers share the root AccessKeyId but not its secret:
// seeds are signed with the first one's secret, so no input the fuzzer can
// build carries a signature made with the second one's, and the second
// must never authenticate anything.

const fuzzOtherSecret = "never-used-to-sign-anything"

// fuzzServers returns the signing server (the test secret) and the one
// whose secret no request is signed with, on a fixed clock.
func fuzzServers(f *testing.F) (signing, other *ramsim.Server, env *ramsimtest.Env) {
	clock := ramsimtest.NewClock()
	mk := func(secret string) *ramsim.Server {
		srv, err := ramsim.New(ramsim.Config{AccountID: ramsimtest.Account, AccessKeyID: ramsimtest.KeyID, AccessKeySecret: secret, Now: clock.Now})
		if err != nil {
			f.Fatal(err)
		}
		return srv
	}
	return mk(ramsimtest.Secret), mk(fuzzOtherSecret), &ramsimtest.Env{Clock: clock}
}

// fuzzRequest builds a server-side request from raw parts; headers are
// "Name: value" lines, canonicalized as net/http would.
func fuzzRequest(method, path, rawQuery, headers string, body []byte) *http.Request {
	h := http.Header{}
	for _, line := range strings.Split(headers, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k == "" {
			continue
		}
		h.Add(k, strings.TrimSpace(v))
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	return rawRequest(method, path, rawQuery, h, body)
}

// headerLines is the inverse of fuzzRequest's header parsing, for seeds.
func headerLines(h http.Header) string {
	var lines []string
	for k, vs := range h {
		for _, v := range vs {
			lines = append(lines, k+": "+v)
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// fuzzSeed is one request of the signed seeds.
type fuzzSeed struct {
	method, path, rawQuery, headers string
	body                            []byte
}

// signedSeeds are correctly signed V1 and V3 requests (with the signing
// server's secret), and a V1 request with its parameters in a form body.
func signedSeeds(env *ramsimtest.Env) []fuzzSeed {
	var out []fuzzSeed
	add := func(r *http.Request) {
		out = append(out, fuzzSeed{r.Method, r.URL.Path, r.URL.RawQuery, headerLines(r.Header), nil})
	}
	for _, v3 := range []bool{false, true} {
		sg := ramsimtest.Signer{V3: v3}
		add(env.Request(sg, ramsimtest.VSTS, "GetCallerIdentity", nil))
		add(env.Request(sg, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "fuzz-user", "Comments": "a+b c%d"}))
		add(env.Request(sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "fuzz-user"}))
		add(env.Request(sg, ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "fuzz-user"}))
		add(env.Request(sg, ramsimtest.VIMS, "TagResources", map[string]string{"ResourceType": "user", "ResourcePrincipalName.1": "fuzz-user", "Tag.1.Key": "k", "Tag.1.Value": "v"}))
	}
	r := env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "ListUsers", map[string]string{"MaxItems": "5"})
	out = append(out, fuzzSeed{"POST", "/", "", "Content-Type: application/x-www-form-urlencoded", []byte(r.URL.RawQuery)})
	return out
}

// isAuthError reports whether code is one of authentication's answers.
func isAuthError(code string) bool {
	for _, prefix := range []string{"Signature", "IncompleteSignature", "InvalidAccessKeyId", "InvalidTimeStamp", "Missing",
		"InvalidSignatureMethod", "InvalidSecurityToken", "ContentSHA256"} {
		if strings.HasPrefix(code, prefix) {
			return true
		}
	}
	return false
}

func addSignedSeeds(f *testing.F, env *ramsimtest.Env, withPath bool) {
	for _, s := range signedSeeds(env) {
		if withPath {
			f.Add(s.method, s.path, s.rawQuery, s.headers, s.body)
		} else {
			f.Add(s.method, s.rawQuery, s.headers, s.body)
		}
	}
}

// The signed seeds are what they claim: authenticated by the signing server
// (the action may still fail, e.g. a user that exists already), and
// refused by the other with SignatureDoesNotMatch. Otherwise the fuzz
// targets would never reach past the signature check.
func TestFuzzSeedsAreSigned(t *testing.T) {
	clock := ramsimtest.NewClock()
	env := &ramsimtest.Env{T: t, Clock: clock}
	for _, secret := range []string{ramsimtest.Secret, fuzzOtherSecret} {
		srv, err := ramsim.New(ramsim.Config{AccountID: ramsimtest.Account, AccessKeyID: ramsimtest.KeyID, AccessKeySecret: secret, Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range signedSeeds(env) {
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, fuzzRequest(s.method, s.path, s.rawQuery, s.headers, s.body))
			var body map[string]any
			_ = json.Unmarshal(w.Body.Bytes(), &body)
			code, _ := body["Code"].(string)
			switch {
			case secret == ramsimtest.Secret && isAuthError(code):
				t.Errorf("seed %s?%s: %d %v", s.path, s.rawQuery, w.Code, body)
			case secret != ramsimtest.Secret && body["Code"] != "SignatureDoesNotMatch":
				t.Errorf("seed %s?%s on the other server: %d %v", s.path, s.rawQuery, w.Code, body)
			}
		}
	}
}

// checkAnswer fails unless w is a 200 or a well-formed JSON error.
func checkAnswer(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("status %d with Content-Type %q: %q", w.Code, ct, w.Body)
	}
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Fatalf("status %d, the answer is not JSON: %v", w.Code, err)
	}
	if w.Code == http.StatusOK {
		return
	}
	if _, admin := body["error"]; admin { // admin endpoint answers
		return
	}
	for _, f := range []string{"RequestId", "HostId", "Code", "Message", "Recommend"} {
		if _, ok := body[f].(string); !ok {
			t.Fatalf("status %d: %s is not a string: %v", w.Code, f, body)
		}
	}
}

// FuzzServeHTTP: any request gets a JSON answer and no panic; the server
// whose secret signed nothing never answers 200.
func FuzzServeHTTP(f *testing.F) {
	signing, other, env := fuzzServers(f)
	addSignedSeeds(f, env, true)
	f.Add("GET", "/", "Action=GetUser&Version=2015-05-01&UserName=%zz", "Authorization: ACS3-HMAC-SHA256", []byte(nil))
	f.Add("PUT", "/__ramsim/counters", "", "", []byte("{}"))
	f.Add("POST", "/", "", "Content-Type: application/x-www-form-urlencoded", []byte("Action=GetUser&Version=2015-05-01&Signature=%ZZ&&=="))
	f.Fuzz(func(t *testing.T, method, path, rawQuery, headers string, body []byte) {
		w := httptest.NewRecorder()
		signing.ServeHTTP(w, fuzzRequest(method, path, rawQuery, headers, body))
		checkAnswer(t, w)

		w = httptest.NewRecorder()
		r := fuzzRequest(method, path, rawQuery, headers, body)
		other.ServeHTTP(w, r)
		checkAnswer(t, w)
		if w.Code == http.StatusOK && !strings.HasPrefix(r.URL.Path, ramsim.AdminPrefix) {
			t.Fatalf("a request not signed with the secret was served: %s %s?%s\n%s\n%s", method, path, rawQuery, headers, w.Body)
		}
	})
}

// FuzzAuthenticate drives V1 and V3 verification directly, past routing:
// never a panic, and never a caller on the server whose secret signed
// nothing.
func FuzzAuthenticate(f *testing.F) {
	signing, other, env := fuzzServers(f)
	addSignedSeeds(f, env, false)
	f.Add("POST", "AccessKeyId=test-key&Signature=&SignatureMethod=HMAC-SHA1&Timestamp=2025-03-04T05:06:07Z&SignatureNonce=1", "", []byte(nil))
	f.Add("POST", "", "Authorization: ACS3-HMAC-SHA256 Credential=test-key,SignedHeaders=host;x-acs-date,Signature=00\nX-Acs-Date: 2025-03-04T05:06:07Z", []byte(nil))
	f.Fuzz(func(t *testing.T, method, rawQuery, headers string, body []byte) {
		for _, srv := range []*ramsim.Server{signing, other} {
			r := fuzzRequest(method, "/", rawQuery, headers, body)
			in := wire.ReadRPC(r)
			c, err := ramsim.Authenticate(srv, r, in.Body, in.Params)
			if err == nil && srv == other {
				t.Fatalf("authenticated %+v without the secret: %s ?%s\n%s", c, method, rawQuery, headers)
			}
			if err != nil && (err.Code == "" || err.Status < 400) {
				t.Fatalf("malformed error %+v", err)
			}
			if err == nil && c.ARN == "" {
				t.Fatalf("a caller without an ARN: %+v", c)
			}
		}
	})
}
