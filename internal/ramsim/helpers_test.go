// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"cmp"
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

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

const (
	testAccount = "1234567890123456"
	testKeyID   = "test-key"
	testSecret  = "test-secret"
)

// Product versions.
const (
	vRAM = "2015-05-01"
	vIMS = "2019-08-15"
	vRM  = "2020-03-31"
	vSTS = "2015-04-01"
)

// testClock is a settable clock for Config.Now.
type testClock struct{ t atomic.Int64 }

func newTestClock() *testClock {
	c := &testClock{}
	c.set(time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC))
	return c
}
func (c *testClock) now() time.Time      { return time.Unix(0, c.t.Load()).UTC() }
func (c *testClock) set(t time.Time)     { c.t.Store(t.UnixNano()) }
func (c *testClock) add(d time.Duration) { c.set(c.now().Add(d)) }

type testEnv struct {
	t     *testing.T
	srv   *Server
	clock *testClock
	nonce atomic.Int64
}

// newEnv returns a server on a controlled clock; cfg's credentials default
// to the test key.
func newEnv(t *testing.T, cfg Config) *testEnv {
	t.Helper()
	clock := newTestClock()
	if cfg.AccountID == "" {
		cfg.AccountID = testAccount
	}
	if cfg.AccessKeyID == "" {
		cfg.AccessKeyID, cfg.AccessKeySecret = testKeyID, testSecret
	}
	cfg.Now = clock.now
	srv, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return &testEnv{t: t, srv: srv, clock: clock}
}

// signer describes how a test request is signed; the zero value is a
// correct V1 signature with the test key.
type signer struct {
	v3      bool
	keyID   string
	secret  string
	at      time.Time // zero: the server clock
	nonce   string    // "": a fresh one
	mutate  func(r *http.Request)
	method  string // "": POST
	headers map[string]string
}

func (e *testEnv) nextNonce() string { return "nonce-" + strconv.FormatInt(e.nonce.Add(1), 10) }

// request builds a signed request for version/action with API parameters p.
func (e *testEnv) request(sg signer, version, action string, p map[string]string) *http.Request {
	keyID, secret := cmp.Or(sg.keyID, testKeyID), cmp.Or(sg.secret, testSecret)
	at := sg.at
	if at.IsZero() {
		at = e.clock.now()
	}
	ts := at.UTC().Format(dateFormat)
	nonce := cmp.Or(sg.nonce, e.nextNonce())
	method := cmp.Or(sg.method, http.MethodPost)
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	var r *http.Request
	if sg.v3 {
		r = httptest.NewRequest(method, "/?"+q.Encode(), nil)
		r.Host = "127.0.0.1:8765"
		r.Header.Set("x-acs-action", action)
		r.Header.Set("x-acs-version", version)
		r.Header.Set("x-acs-date", ts)
		r.Header.Set("x-acs-signature-nonce", nonce)
		r.Header.Set("x-acs-content-sha256", wire.SHA256Hex(nil))
		for k, v := range sg.headers {
			r.Header.Set(k, v)
		}
		var signed []string
		for name := range r.Header {
			if l := strings.ToLower(name); strings.HasPrefix(l, "x-acs-") {
				signed = append(signed, l)
			}
		}
		signed = append(signed, "host")
		sort.Strings(signed)
		sts := wire.V3StringToSign(r, signed, wire.SHA256Hex(nil))
		r.Header.Set("Authorization", fmt.Sprintf("%s Credential=%s,SignedHeaders=%s,Signature=%s",
			wire.V3Algorithm, keyID, strings.Join(signed, ";"), wire.V3Sign(secret, sts)))
	} else {
		q.Set("Action", action)
		q.Set("Version", version)
		q.Set("Format", "JSON")
		q.Set("AccessKeyId", keyID)
		q.Set("SignatureMethod", "HMAC-SHA1")
		q.Set("SignatureVersion", "1.0")
		q.Set("SignatureNonce", nonce)
		q.Set("Timestamp", ts)
		q.Set("Signature", wire.V1Sign(secret, wire.V1StringToSign(method, wire.Params(q))))
		r = httptest.NewRequest(method, "/?"+q.Encode(), nil)
		for k, v := range sg.headers {
			r.Header.Set(k, v)
		}
	}
	if sg.mutate != nil {
		sg.mutate(r)
	}
	return r
}

// do serves r and decodes the JSON answer.
func (e *testEnv) do(r *http.Request) (int, map[string]any) {
	e.t.Helper()
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	if ct := w.Header().Get("Content-Type"); ct != "application/json;charset=utf-8" {
		e.t.Fatalf("Content-Type = %q", ct)
	}
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		e.t.Fatalf("answer is not JSON: %v: %s", err, w.Body.String())
	}
	if id, _ := body["RequestId"].(string); len(id) != 36 || strings.ToUpper(id) != id {
		e.t.Fatalf("RequestId = %v", body["RequestId"])
	}
	return w.Code, body
}

// call makes a correctly signed V1 call.
func (e *testEnv) call(version, action string, p map[string]string) (int, map[string]any) {
	e.t.Helper()
	return e.do(e.request(signer{}, version, action, p))
}

// ok makes a call that must succeed.
func (e *testEnv) ok(version, action string, p map[string]string) map[string]any {
	e.t.Helper()
	status, body := e.call(version, action, p)
	if status != http.StatusOK {
		e.t.Fatalf("%s %v: status %d: %v", action, p, status, body)
	}
	return body
}

// wantError checks an error answer: status, Code, and that every field is
// a string as the classic SDK requires.
func wantError(t *testing.T, status int, body map[string]any, wantStatus int, wantCode string) {
	t.Helper()
	if status != wantStatus || body["Code"] != wantCode {
		t.Fatalf("got %d %v, want %d %s: %v", status, body["Code"], wantStatus, wantCode, body)
	}
	for _, f := range []string{"RequestId", "HostId", "Code", "Message", "Recommend"} {
		if _, ok := body[f].(string); !ok {
			t.Fatalf("%s is not a string: %v", f, body)
		}
	}
}

// fail makes a call that must fail with status and code.
func (e *testEnv) fail(version, action string, p map[string]string, status int, code string) map[string]any {
	e.t.Helper()
	s, body := e.call(version, action, p)
	wantError(e.t, s, body, status, code)
	return body
}

// field walks a decoded JSON object: field(body, "User", "UserId").
func field(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

func str(v any, path ...string) string { s, _ := field(v, path...).(string); return s }

// asList returns v as a decoded JSON array and fails the test if it is not one.
func asList(t testing.TB, v any) []any {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("want a JSON array, got %T: %v", v, v)
	}
	return l
}
