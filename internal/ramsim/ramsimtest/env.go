// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsimtest

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

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// The test account and its root key.
const (
	Account = "1234567890123456"
	KeyID   = "test-key"
	Secret  = "test-secret"
)

// The product versions of RAM, IMS, ResourceManager and STS.
const (
	VRAM = "2015-05-01"
	VIMS = "2019-08-15"
	VRM  = "2020-03-31"
	VSTS = "2015-04-01"
)

// Clock is a settable clock for ramsim.Config.Now.
type Clock struct{ t atomic.Int64 }

// NewClock is a clock set to 2025-03-04T05:06:07Z.
func NewClock() *Clock {
	c := &Clock{}
	c.Set(time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC))
	return c
}

// Now is the clock's time; Set sets it, Add moves it.
func (c *Clock) Now() time.Time      { return time.Unix(0, c.t.Load()).UTC() }
func (c *Clock) Set(t time.Time)     { c.t.Store(t.UnixNano()) }
func (c *Clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// Env is one emulator under test: the server, its clock, and the test
// that owns them. Its methods sign requests (V1 or V3) with the test key
// or another one and serve them in-process.
type Env struct {
	T     *testing.T
	Srv   *ramsim.Server
	Clock *Clock
	nonce atomic.Int64
}

// New returns a server on a controlled clock; cfg's credentials default
// to the test key.
func New(t *testing.T, cfg ramsim.Config) *Env {
	t.Helper()
	clock := NewClock()
	if cfg.AccountID == "" {
		cfg.AccountID = Account
	}
	if cfg.AccessKeyID == "" {
		cfg.AccessKeyID, cfg.AccessKeySecret = KeyID, Secret
	}
	cfg.Now = clock.Now
	srv, err := ramsim.New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return &Env{T: t, Srv: srv, Clock: clock}
}

// Signer describes how a test request is signed; the zero value is a
// correct V1 signature with the test key.
type Signer struct {
	V3      bool
	KeyID   string
	Secret  string
	At      time.Time // zero: the server clock
	Nonce   string    // "": a fresh one
	Mutate  func(r *http.Request)
	Method  string // "": POST
	Headers map[string]string
}

func (e *Env) nextNonce() string { return "nonce-" + strconv.FormatInt(e.nonce.Add(1), 10) }

// Request builds a signed request for version/action with API parameters p.
func (e *Env) Request(sg Signer, version, action string, p map[string]string) *http.Request {
	keyID, secret := cmp.Or(sg.KeyID, KeyID), cmp.Or(sg.Secret, Secret)
	at := sg.At
	if at.IsZero() {
		at = e.Clock.Now()
	}
	ts := at.UTC().Format(wire.DateFormat)
	nonce := cmp.Or(sg.Nonce, e.nextNonce())
	method := cmp.Or(sg.Method, http.MethodPost)
	q := url.Values{}
	for k, v := range p {
		q.Set(k, v)
	}
	var r *http.Request
	if sg.V3 {
		r = httptest.NewRequest(method, "/?"+q.Encode(), nil)
		r.Host = "127.0.0.1:8765"
		r.Header.Set("x-acs-action", action)
		r.Header.Set("x-acs-version", version)
		r.Header.Set("x-acs-date", ts)
		r.Header.Set("x-acs-signature-nonce", nonce)
		r.Header.Set("x-acs-content-sha256", wire.SHA256Hex(nil))
		for k, v := range sg.Headers {
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
		for k, v := range sg.Headers {
			r.Header.Set(k, v)
		}
	}
	if sg.Mutate != nil {
		sg.Mutate(r)
	}
	return r
}

// Do serves r and decodes the JSON answer.
func (e *Env) Do(r *http.Request) (int, map[string]any) {
	e.T.Helper()
	w := httptest.NewRecorder()
	e.Srv.ServeHTTP(w, r)
	if ct := w.Header().Get("Content-Type"); ct != "application/json;charset=utf-8" {
		e.T.Fatalf("Content-Type = %q", ct)
	}
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		e.T.Fatalf("answer is not JSON: %v: %s", err, w.Body.String())
	}
	if id, _ := body["RequestId"].(string); len(id) != 36 || strings.ToUpper(id) != id {
		e.T.Fatalf("RequestId = %v", body["RequestId"])
	}
	return w.Code, body
}

// Call makes a correctly signed V1 call.
func (e *Env) Call(version, action string, p map[string]string) (int, map[string]any) {
	e.T.Helper()
	return e.Do(e.Request(Signer{}, version, action, p))
}

// OK makes a call that must succeed.
func (e *Env) OK(version, action string, p map[string]string) map[string]any {
	e.T.Helper()
	status, body := e.Call(version, action, p)
	if status != http.StatusOK {
		e.T.Fatalf("%s %v: status %d: %v", action, p, status, body)
	}
	return body
}

// WantError checks an error answer: status, Code, and that every field is
// a string as the classic SDK requires.
func WantError(t *testing.T, status int, body map[string]any, wantStatus int, wantCode string) {
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

// Fail makes a call that must fail with status and code.
func (e *Env) Fail(version, action string, p map[string]string, status int, code string) map[string]any {
	e.T.Helper()
	s, body := e.Call(version, action, p)
	WantError(e.T, s, body, status, code)
	return body
}

// Field walks a decoded JSON object: Field(body, "User", "UserId").
func Field(v any, path ...string) any {
	for _, k := range path {
		m, _ := v.(map[string]any)
		v = m[k]
	}
	return v
}

// Str is Field as a string, "" when it is none.
func Str(v any, path ...string) string { s, _ := Field(v, path...).(string); return s }

// AsList returns v as a decoded JSON array and fails the test if it is not one.
func AsList(t testing.TB, v any) []any {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("want a JSON array, got %T: %v", v, v)
	}
	return l
}
