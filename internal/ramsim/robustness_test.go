// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Robustness: whatever arrives, the emulator answers with a well-formed
// JSON error (string Code, Message, RequestId, HostId, Recommend) and never
// panics; bodies over 1 MiB get 413; many signed clients at once leave a
// consistent store (run with -race).

// wellFormedError checks an answer recorded from ServeHTTP: an error status,
// the JSON content type, and an error body the SDKs can read.
func wellFormedError(t *testing.T, what string, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	if w.Code < 400 || w.Code > 599 {
		t.Errorf("%s: status %d, want an error: %s", what, w.Code, w.Body)
		return nil
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json;charset=utf-8" {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
	var body map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
		t.Errorf("%s: the answer is not JSON: %v: %q", what, err, w.Body)
		return nil
	}
	for _, f := range []string{"RequestId", "HostId", "Code", "Message", "Recommend"} {
		if s, ok := body[f].(string); !ok || (f != "Recommend" && s == "") {
			t.Errorf("%s: %s is not a non-empty string: %v", what, f, body)
		}
	}
	return body
}

// serveRecorded runs one request through ServeHTTP, failing the test (not
// crashing it) on a panic.
func serveRecorded(t *testing.T, srv *ramsim.Server, r *http.Request) (w *httptest.ResponseRecorder) {
	t.Helper()
	w = httptest.NewRecorder()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("%s %s: panic: %v", r.Method, r.URL, p)
		}
	}()
	srv.ServeHTTP(w, r)
	return w
}

// rawRequest builds a server-side request without httptest.NewRequest's
// validation, so that any target, method and header can be sent.
func rawRequest(method, rawPath, rawQuery string, header http.Header, body []byte) *http.Request {
	if header == nil {
		header = http.Header{}
	}
	return &http.Request{
		Method:     method,
		URL:        &url.URL{Path: rawPath, RawQuery: rawQuery},
		Proto:      "HTTP/1.1",
		ProtoMajor: 1, ProtoMinor: 1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: int64(len(body)),
		Host:          "127.0.0.1:8765",
		RemoteAddr:    "192.0.2.1:1234",
		RequestURI:    rawPath + "?" + rawQuery,
	}
}

func TestMalformedRequests(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	good := env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"})
	goodV3 := env.Request(ramsimtest.Signer{V3: true}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"})
	huge := strings.Repeat("h", 512<<10)
	form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	withV3 := func(authz string, extra ...string) http.Header {
		h := goodV3.Header.Clone()
		h.Set("Authorization", authz)
		for i := 0; i+1 < len(extra); i += 2 {
			h.Set(extra[i], extra[i+1])
		}
		return h
	}
	cases := []struct {
		name     string
		r        *http.Request
		wantCode string // "" for any error code
	}{
		{"empty request", rawRequest("POST", "/", "", nil, nil), "MissingAction"},
		{"garbage form body", rawRequest("POST", "/", "", form, []byte("\x00\xff%%%&&==;;\r\n=%zz&Action")), "MissingAction"},
		{"binary body, no content type", rawRequest("POST", "/", good.URL.RawQuery, nil, bytes.Repeat([]byte{0, 0xff, 0x80}, 1000)), ""},
		{"bad percent-encoding in the query", rawRequest("POST", "/", "Action=GetUser&Version=2015-05-01&UserName=%zz&Signature=%", nil, nil), ""},
		{"only garbage in the query", rawRequest("POST", "/", "%%%%&&&===", nil, nil), "MissingAction"},
		{"semicolons in the query", rawRequest("POST", "/", "Action=GetUser;Version=2015-05-01", nil, nil), ""},
		{"invalid UTF-8 parameters", rawRequest("POST", "/", good.URL.RawQuery+"&UserName=%ff%fe", nil, nil), ""},
		{"NUL in the action", rawRequest("POST", "/", "Action=Get%00User&Version=2015-05-01", nil, nil), "InvalidAction.NotFound"},
		{"over-long action", rawRequest("POST", "/", "Action="+strings.Repeat("A", 100000)+"&Version=2015-05-01", nil, nil), "InvalidAction.NotFound"},
		{"repeated Action", rawRequest("POST", "/", "Action=GetUser&Action=DeleteUser&Version=2015-05-01", nil, nil), ""},
		{"V1 without a signature", rawRequest("POST", "/", strings.ReplaceAll(good.URL.RawQuery, "Signature=", "X="), nil, nil), "MissingSignature"},
		{"V1 with an empty AccessKeyId", rawRequest("POST", "/", good.URL.RawQuery+"&AccessKeyId=", nil, nil), ""},
		{"V1 with a non-base64 signature", rawRequest("POST", "/", url.Values{"Action": {"GetUser"}, "Version": {ramsimtest.VRAM}, "AccessKeyId": {ramsimtest.KeyID},
			"SignatureMethod": {"HMAC-SHA1"}, "Timestamp": {"2025-03-04T05:06:07Z"}, "SignatureNonce": {"n"}, "Signature": {"%%%"}}.Encode(), nil, nil), "SignatureDoesNotMatch"},
		{"V1 with a bad timestamp", rawRequest("POST", "/", url.Values{"Action": {"GetUser"}, "Version": {ramsimtest.VRAM}, "AccessKeyId": {ramsimtest.KeyID},
			"SignatureMethod": {"HMAC-SHA1"}, "Timestamp": {"yesterday"}, "SignatureNonce": {"n"}, "Signature": {"x"}}.Encode(), nil, nil), ""},
		{"Authorization with the algorithm only", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SHA256"), nil), "IncompleteSignature"},
		{"Authorization with empty parts", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature="), nil), "IncompleteSignature"},
		{"Authorization without SignedHeaders", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SHA256 Credential=test-key,Signature=00"), nil), "IncompleteSignature"},
		{"Authorization with junk separators", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SHA256 ,,,=,==,Credential"), nil), "IncompleteSignature"},
		{"Authorization of another algorithm", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SM3 Credential=test-key,SignedHeaders=host,Signature=00"), nil), ""},
		{"Authorization of another scheme", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("Bearer abc"), nil), "IncompleteSignature"},
		{"V3 without x-acs-date", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3(goodV3.Header.Get("Authorization"), "x-acs-date", ""), nil), ""},
		{"V3 with a wrong body hash", rawRequest("POST", "/", goodV3.URL.RawQuery, goodV3.Header.Clone(), []byte("body")), ""},
		{"V3 with an unsigned x-acs header", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3(goodV3.Header.Get("Authorization"), "x-acs-extra", "1"), nil), "IncompleteSignature"},
		{"huge Authorization", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3("ACS3-HMAC-SHA256 Credential="+huge+",SignedHeaders=host,Signature="+huge), nil), ""},
		{"huge x-acs-action", rawRequest("POST", "/", "", http.Header{"X-Acs-Action": {huge}, "X-Acs-Version": {ramsimtest.VRAM}}, nil), "InvalidAction.NotFound"},
		{"huge nonce and date", rawRequest("POST", "/", goodV3.URL.RawQuery, withV3(goodV3.Header.Get("Authorization"), "x-acs-signature-nonce", huge, "x-acs-date", huge), nil), ""},
		{"many headers", rawRequest("POST", "/", good.URL.RawQuery, manyHeaders(2000), nil), ""},
		{"PUT", rawRequest("PUT", "/", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"DELETE", rawRequest("DELETE", "/", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"PATCH", rawRequest("PATCH", "/", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"OPTIONS", rawRequest("OPTIONS", "/", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"method with odd characters", rawRequest("G\x00ET", "/", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"unknown path", rawRequest("POST", "/users", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"double slash", rawRequest("POST", "//", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"dot segments", rawRequest("POST", "/../../etc/passwd", good.URL.RawQuery, nil, nil), "InvalidAction.NotFound"},
		{"empty path", rawRequest("POST", "", good.URL.RawQuery, nil, nil), ""},
	}
	for _, c := range cases {
		body := wellFormedError(t, c.name, serveRecorded(t, env.Srv, c.r))
		if body != nil && c.wantCode != "" && body["Code"] != c.wantCode {
			t.Errorf("%s: Code %v, want %s", c.name, body["Code"], c.wantCode)
		}
	}
	if n := len(env.Srv.Users()); n != 0 {
		t.Fatalf("malformed requests created %d users", n)
	}
}

func manyHeaders(n int) http.Header {
	h := http.Header{}
	for i := range n {
		h.Set(fmt.Sprintf("X-Junk-%d", i), strings.Repeat("j", 100))
	}
	return h
}

// Unknown admin paths and methods answer JSON too (the admin error shape,
// {"error": "..."}).
func TestMalformedAdminRequests(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, c := range []struct{ method, path string }{
		{"GET", ramsim.AdminPrefix + "nope"}, {"DELETE", ramsim.AdminPrefix + "counters"}, {"GET", ramsim.AdminPrefix + "counters/reset"},
		{"GET", ramsim.AdminPrefix + "services//in-use"}, {"PUT", ramsim.AdminPrefix + "faults"}, {"POST", ramsim.AdminPrefix + "services/a/b/in-use"},
	} {
		r := rawRequest(c.method, c.path, "", nil, []byte("{not json"))
		r.RemoteAddr = "127.0.0.1:999"
		w := serveRecorded(t, env.Srv, r)
		var body map[string]any
		if w.Code < 400 || json.Unmarshal(w.Body.Bytes(), &body) != nil {
			t.Errorf("%s %s: %d %q, want a JSON error", c.method, c.path, w.Code, w.Body)
			continue
		}
		if _, ok := body["error"].(string); !ok {
			t.Errorf("%s %s: no error string: %v", c.method, c.path, body)
		}
	}
}

func TestOversizedBody(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	q := env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "big"}).URL.RawQuery
	for _, n := range []int{wire.MaxBodyBytes + 1, 2 * wire.MaxBodyBytes, 8 * wire.MaxBodyBytes} {
		body := wellFormedError(t, fmt.Sprintf("%d-byte body", n), serveRecorded(t, env.Srv, rawRequest("POST", "/", q, form.Clone(), bytes.Repeat([]byte("a"), n))))
		if body != nil && body["Code"] != "RequestEntityTooLarge" {
			t.Errorf("%d-byte body: Code %v", n, body["Code"])
		}
	}
	// Exactly the limit is read and served (here refused by the signature
	// check, since the body's parameters are signed too, but not as too
	// large).
	w := serveRecorded(t, env.Srv, rawRequest("POST", "/", q, form.Clone(), bytes.Repeat([]byte("a"), wire.MaxBodyBytes)))
	if body := wellFormedError(t, "body at the limit", w); body != nil && (w.Code == http.StatusRequestEntityTooLarge || body["Code"] == "RequestEntityTooLarge") {
		t.Errorf("a body of exactly %d bytes is refused as too large", wire.MaxBodyBytes)
	}

	// Through a real listener, with the body streamed by the client.
	if err := env.Srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { env.Srv.Close() })
	resp, err := http.Post(env.Srv.URL()+"/?"+q, "application/x-www-form-urlencoded", io.LimitReader(zeroReader{}, 3*wire.MaxBodyBytes))
	if err != nil {
		t.Fatalf("POST of a 3 MiB body: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if resp.StatusCode != http.StatusRequestEntityTooLarge || json.Unmarshal(b, &out) != nil || out["Code"] != "RequestEntityTooLarge" {
		t.Fatalf("over the wire: %d %q", resp.StatusCode, b)
	}
	if n := len(env.Srv.Users()); n != 0 {
		t.Fatalf("an oversized request created %d users", n)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// Headers over net/http's limit (1 MiB) never reach the handler; the
// server answers 431 itself and keeps serving. Under the limit, the
// handler answers JSON.
func TestHugeHeadersOverTheWire(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	if err := env.Srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { env.Srv.Close() })
	for _, size := range []int{64 << 10, 2 << 20} {
		req, _ := http.NewRequest("POST", env.Srv.URL()+"/", nil)
		req.Header.Set("X-Acs-Action", strings.Repeat("A", size))
		req.Header.Set("X-Acs-Version", ramsimtest.VRAM)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%d-byte header: %v", size, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case size > 1<<20 && resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge:
			t.Errorf("%d-byte header: %d, want 431", size, resp.StatusCode)
		case size <= 1<<20:
			var out map[string]any
			if json.Unmarshal(b, &out) != nil || out["Code"] != "InvalidAction.NotFound" {
				t.Errorf("%d-byte header: %d %q", size, resp.StatusCode, b)
			}
		}
	}
	// Still serving.
	resp, err := http.Get(env.Srv.URL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("after huge headers: %d", resp.StatusCode)
	}
}

// 50 clients at once, each creating, reading, listing and deleting its own
// user with signed requests over real connections (half V1, half V3). Run
// with -race: the store, nonce cache and counters are shared.
func TestConcurrentClients(t *testing.T) {
	const clients = 50
	env := ramsimtest.New(t, ramsim.Config{})
	if err := env.Srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { env.Srv.Close() })
	base := env.Srv.URL()
	send := func(v3 bool, action string, p map[string]string) (int, map[string]any, error) {
		r := env.Request(ramsimtest.Signer{V3: v3}, ramsimtest.VRAM, action, p)
		req, err := http.NewRequest(r.Method, base+r.URL.RequestURI(), nil)
		if err != nil {
			return 0, nil, err
		}
		req.Header = r.Header.Clone()
		if v3 {
			req.Host = r.Host // V3 signs the host the helper chose; V1's is httptest's example.com, a foreign name
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return resp.StatusCode, nil, err
		}
		return resp.StatusCode, body, nil
	}
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	for i := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v3 := i%2 == 1
			name := fmt.Sprintf("conc-%02d", i)
			steps := []struct {
				action string
				p      map[string]string
			}{
				{"CreateUser", map[string]string{"UserName": name, "Comments": "client " + name}},
				{"GetUser", map[string]string{"UserName": name}},
				{"UpdateUser", map[string]string{"UserName": name, "NewDisplayName": "Client " + name}},
				{"ListUsers", map[string]string{"MaxItems": "1000"}},
				{"DeleteUser", map[string]string{"UserName": name}},
			}
			for _, s := range steps {
				status, body, err := send(v3, s.action, s.p)
				if err != nil || status != http.StatusOK {
					errs <- fmt.Errorf("client %d %s: %d %v %v", i, s.action, status, body, err)
					return
				}
				if s.action == "GetUser" && ramsimtest.Str(body, "User", "Comments") != "client "+name {
					errs <- fmt.Errorf("client %d read another user: %v", i, body)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(env.Srv.Users()); n != 0 {
		t.Errorf("%d users left after every client deleted its own", n)
	}
	c := env.Srv.Counters()
	if c.Total.Received != clients*5 || c.Total.OK != clients*5 || c.Actions["CreateUser"].OK != clients {
		t.Errorf("counters: %+v", c.Total)
	}
}
