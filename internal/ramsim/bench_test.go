// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/aliyun/credentials-go/credentials"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// benchServer is a server on the real clock with one user, bench-user,
// holding a key of its own and AliyunMSEReadOnlyAccess plus a custom
// policy, so user-signed requests go through authorization.
func benchServer(b *testing.B) (srv *ramsim.Server, userKey, userSecret string) {
	b.Helper()
	srv, err := ramsim.New(ramsim.Config{AccountID: ramsimtest.Account, AccessKeyID: ramsimtest.KeyID, AccessKeySecret: ramsimtest.Secret})
	if err != nil {
		b.Fatal(err)
	}
	var nonce atomic.Int64
	must := func(action string, p map[string]string) {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, benchV3Request(ramsimtest.VRAM, action, p, ramsimtest.KeyID, ramsimtest.Secret, &nonce))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", action, w.Code, w.Body.String())
		}
	}
	must("CreateUser", map[string]string{"UserName": "bench-user"})
	must("CreatePolicy", map[string]string{"PolicyName": "bench-policy", "PolicyDocument": `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:Get*","Resource":"*"}]}`})
	must("AttachPolicyToUser", map[string]string{"PolicyType": "Custom", "PolicyName": "bench-policy", "UserName": "bench-user"})
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, benchV3Request(ramsimtest.VRAM, "CreateAccessKey", map[string]string{"UserName": "bench-user"}, ramsimtest.KeyID, ramsimtest.Secret, &nonce))
	var body struct {
		AccessKey struct{ AccessKeyId, AccessKeySecret string }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil || body.AccessKey.AccessKeyId == "" {
		b.Fatalf("CreateAccessKey: %v %s", err, w.Body.String())
	}
	return srv, body.AccessKey.AccessKeyId, body.AccessKey.AccessKeySecret
}

// benchV3Request signs a V3 (ACS3-HMAC-SHA256) RPC request as darabonba
// sends it: parameters in the query, x-acs-* headers and host signed, a
// fresh nonce, the current time.
func benchV3Request(version, action string, p map[string]string, keyID, secret string, nonce *atomic.Int64) *http.Request {
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	r := httptest.NewRequest(http.MethodPost, "/?"+q.Encode(), nil)
	r.Host = "127.0.0.1:8765"
	r.RemoteAddr = "127.0.0.1:40000"
	r.Header.Set("x-acs-action", action)
	r.Header.Set("x-acs-version", version)
	r.Header.Set("x-acs-date", time.Now().UTC().Format(wire.DateFormat))
	r.Header.Set("x-acs-signature-nonce", "bench-"+strconv.FormatInt(nonce.Add(1), 10))
	r.Header.Set("x-acs-content-sha256", wire.SHA256Hex(nil))
	signed := make([]string, 0, 6)
	for name := range r.Header {
		signed = append(signed, strings.ToLower(name))
	}
	signed = append(signed, "host")
	sort.Strings(signed)
	sts := wire.V3StringToSign(r, signed, wire.SHA256Hex(nil))
	r.Header.Set("Authorization", fmt.Sprintf("%s Credential=%s,SignedHeaders=%s,Signature=%s",
		wire.V3Algorithm, keyID, strings.Join(signed, ";"), wire.V3Sign(secret, sts)))
	return r
}

// BenchmarkServeHTTPV3 is ramsim's cost per request in process: signature
// V3 verification, nonce check, routing, (for a RAM user's key) policy
// evaluation, the handler and the JSON answer. Requests are built outside
// the timer in batches so only ServeHTTP is measured.
func BenchmarkServeHTTPV3(b *testing.B) {
	srv, userKey, userSecret := benchServer(b)
	cases := []struct {
		name, key, secret, action string
		p                         map[string]string
	}{
		{"GetUser/root", ramsimtest.KeyID, ramsimtest.Secret, "GetUser", map[string]string{"UserName": "bench-user"}},
		{"GetUser/ram-user", userKey, userSecret, "GetUser", map[string]string{"UserName": "bench-user"}},
		{"GetPolicy/root", ramsimtest.KeyID, ramsimtest.Secret, "GetPolicy", map[string]string{"PolicyType": "Custom", "PolicyName": "bench-policy"}},
		{"ListPoliciesForUser/root", ramsimtest.KeyID, ramsimtest.Secret, "ListPoliciesForUser", map[string]string{"UserName": "bench-user"}},
	}
	var nonce atomic.Int64
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			const batch = 512
			reqs := make([]*http.Request, 0, batch)
			w := &benchWriter{h: http.Header{}}
			b.StopTimer()
			for i := 0; i < b.N; i++ {
				if len(reqs) == 0 {
					for range batch {
						reqs = append(reqs, benchV3Request(ramsimtest.VRAM, c.action, c.p, c.key, c.secret, &nonce))
					}
					b.StartTimer()
				}
				r := reqs[len(reqs)-1]
				reqs = reqs[:len(reqs)-1]
				w.reset()
				srv.ServeHTTP(w, r)
				if w.code != http.StatusOK {
					b.Fatalf("%s: status %d", c.action, w.code)
				}
				if len(reqs) == 0 {
					b.StopTimer()
				}
			}
		})
	}
}

// benchWriter is a reusable ResponseWriter that keeps the status only.
type benchWriter struct {
	h    http.Header
	code int
}

func (w *benchWriter) Header() http.Header { return w.h }
func (w *benchWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
}

func (w *benchWriter) Write(p []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return len(p), nil
}

func (w *benchWriter) reset() {
	clear(w.h)
	w.code = 0
}

// BenchmarkLoopbackDarabonba is the end-to-end figure: GetUser signed by
// darabonba-openapi (V3), over loopback HTTP to a started server, with as
// many client goroutines as GOMAXPROCS. ns/op is wall time per request
// across all of them, so 1e9/ns_op is requests/s on this machine (client
// and server share the cores).
func BenchmarkLoopbackDarabonba(b *testing.B) {
	srv, _, _ := benchServer(b)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL(), "http://")
	cred, err := credentials.NewCredential(new(credentials.Config).SetType("access_key").SetAccessKeyId(ramsimtest.KeyID).SetAccessKeySecret(ramsimtest.Secret))
	if err != nil {
		b.Fatal(err)
	}
	params := &openapiutil.Params{
		Action: dara.String("GetUser"), Version: dara.String(ramsimtest.VRAM), Protocol: dara.String("HTTP"), Pathname: dara.String("/"),
		Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			// One client per call, as internal/alicloud does (darabonba's
			// client is not safe for concurrent calls).
			api, err := openapi.NewClient(&openapiutil.Config{Endpoint: dara.String(host), Protocol: dara.String("HTTP"), RegionId: dara.String("cn-hangzhou"), Credential: cred})
			if err != nil {
				b.Error(err)
				return
			}
			req := &openapiutil.OpenApiRequest{Query: map[string]*string{"UserName": dara.String("bench-user")}}
			if _, err := api.CallApi(params, req, &dara.RuntimeOptions{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
