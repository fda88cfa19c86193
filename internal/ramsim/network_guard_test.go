// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

// overTheWire sends r (built by env.request) to base over a real
// connection, with the Host header host ("" keeps the base's) and the
// extra headers, and decodes the JSON answer.
func overTheWire(t *testing.T, base string, r *http.Request, host string, extra map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(r.Method, base+r.URL.RequestURI(), r.Body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = r.Header.Clone()
	if host != "" {
		req.Host = host
	}
	for k, v := range extra {
		req.Header.Set(k, v)
	}
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("answer %d is not JSON: %q", resp.StatusCode, b)
	}
	return resp.StatusCode, out
}

// DNS rebinding: a page on evil.example whose name then resolves to
// 127.0.0.1 reaches the emulator with Host: evil.example. Only localhost,
// IP literals, Alibaba Cloud's endpoint names and configured names are
// served.
func TestHostHeaderChecked(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{AllowedHosts: []string{"ramsim.internal", "Build-Box."}})
	base := started(env)
	port := base[strings.LastIndex(base, ":"):]
	for _, host := range []string{"evil.example" + port, "evil.example", "127.0.0.1.evil.example" + port, "localhost.evil.example", "ramsim.internal.evil.example",
		"sts.aliyuncs.com.evil.example", "evilaliyuncs.com"} {
		status, body := overTheWire(t, base, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "rebound"}), host, nil)
		ramsimtest.WantError(t, status, body, http.StatusForbidden, "Forbidden.HostNotAllowed")
		if !strings.Contains(ramsimtest.Str(body, "Message"), "-allowed-hosts") {
			t.Fatalf("Host %s: the message does not say how to allow a name: %v", host, body)
		}
	}
	if _, ok := env.Srv.User("rebound"); ok {
		t.Fatal("a refused request created the user")
	}
	status, body := overTheWire(t, base, mustRequest(t, http.MethodGet, "/__ramsim/counters"), "evil.example"+port, nil)
	if status != http.StatusForbidden || !strings.Contains(ramsimtest.Str(body, "error"), "Host") {
		t.Fatalf("admin with a foreign Host: %d %v", status, body)
	}
	for _, host := range []string{"", "localhost" + port, "LOCALHOST", "localhost.", "[::1]" + port, "127.0.0.2", "10.0.0.8" + port,
		"ramsim.internal" + port, "RAMSIM.INTERNAL", "build-box", "ram.aliyuncs.com", "sts.cn-hangzhou.aliyuncs.com:443"} {
		if status, body := overTheWire(t, base, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"}), host, nil); status != http.StatusNotFound {
			t.Fatalf("Host %q: %d %v, want the API's answer (404)", host, status, body)
		}
	}
	// A handler called in-process (no listener) has no Host of its own:
	// httptest.NewRequest's example.com is not refused.
	if status, body := env.Do(env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"})); status != http.StatusNotFound {
		t.Fatalf("in-process: %d %v", status, body)
	}
	for _, bad := range [][]string{{""}, {"evil.example:80"}, {"http://evil.example"}, {"a/b"}, {"a b"}} {
		if _, err := ramsim.New(ramsim.Config{AllowedHosts: bad}); err == nil || !strings.Contains(err.Error(), "AllowedHosts") {
			t.Errorf("AllowedHosts %q: %v", bad, err)
		}
	}
}

// Browsers mark their requests: Origin on every cross-origin or non-GET
// request, Sec-Fetch-Site on every request of current browsers. Neither
// reaches the API or the admin endpoints, even signed.
func TestBrowserRequestsRefused(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	base := started(env)
	for _, h := range []map[string]string{
		{"Origin": "https://evil.example"},
		{"Origin": "null"},
		{"Origin": base},
		{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"},
		{"Sec-Fetch-Site": "same-site"},
		{"Sec-Fetch-Site": "same-origin"},
	} {
		status, body := overTheWire(t, base, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "from-page"}), "", h)
		ramsimtest.WantError(t, status, body, http.StatusForbidden, "Forbidden.BrowserRequest")
		status, body = overTheWire(t, base, mustRequest(t, http.MethodGet, "/__ramsim/counters"), "", h)
		if status != http.StatusForbidden || !strings.Contains(ramsimtest.Str(body, "error"), "browser") {
			t.Fatalf("admin with %v: %d %v", h, status, body)
		}
	}
	if _, ok := env.Srv.User("from-page"); ok {
		t.Fatal("a browser request created the user")
	}
	// A URL typed into the address bar is the user's own request.
	if status, body := overTheWire(t, base, env.Request(ramsimtest.Signer{Method: http.MethodGet}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "typed"}), "",
		map[string]string{"Sec-Fetch-Site": "none"}); status != http.StatusOK {
		t.Fatalf("Sec-Fetch-Site: none: %d %v", status, body)
	}
}

// The admin endpoints are unsigned and answer loopback clients. A
// browser's cross-site form or fetch can only send text/plain, form or
// multipart bodies without a preflight, so POST and PUT must be JSON; a
// request relayed by a proxy (which connects from loopback) is refused.
func TestAdminRequiresJSONAndRefusesProxies(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	base := started(env)
	put := func(contentType string, extra map[string]string) (int, map[string]any) {
		t.Helper()
		r := mustRequest(t, http.MethodPut, "/__ramsim/faults")
		r.Body = io.NopCloser(strings.NewReader(`{"spec":"throttle=1"}`))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		return overTheWire(t, base, r, "", extra)
	}
	for _, ct := range []string{"", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx"} {
		if status, body := put(ct, nil); status != http.StatusUnsupportedMediaType || !strings.Contains(ramsimtest.Str(body, "error"), "application/json") {
			t.Fatalf("Content-Type %q: %d %v", ct, status, body)
		}
	}
	reset := mustRequest(t, http.MethodPost, "/__ramsim/counters/reset")
	if status, body := overTheWire(t, base, reset, "", nil); status != http.StatusUnsupportedMediaType {
		t.Fatalf("POST counters/reset without a type: %d %v", status, body)
	}
	if spec, _ := env.Srv.Faults(); spec != "" {
		t.Fatalf("a refused request set the faults to %q", spec)
	}
	for _, h := range []string{"X-Forwarded-For", "X-Real-Ip", "Forwarded", "Via", "X-Forwarded-Host"} {
		if status, body := put("application/json", map[string]string{h: "203.0.113.9"}); status != http.StatusForbidden || !strings.Contains(ramsimtest.Str(body, "error"), "proxy") {
			t.Fatalf("relayed (%s): %d %v", h, status, body)
		}
	}
	if spec, _ := env.Srv.Faults(); spec != "" {
		t.Fatalf("a relayed request set the faults to %q", spec)
	}
	if status, body := put("application/json; charset=utf-8", nil); status != http.StatusOK || body["spec"] != "throttle=1" {
		t.Fatalf("JSON: %d %v", status, body)
	}
	// A forwarding header does not make a remote client local.
	r := mustRequest(t, http.MethodGet, "/__ramsim/counters")
	r.RemoteAddr = "203.0.113.9:4000"
	r.Header.Set("X-Forwarded-For", "127.0.0.1")
	w := serveRecorded(t, env.Srv, r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})))
	if w.Code != http.StatusForbidden {
		t.Fatalf("remote client claiming loopback: %d %s", w.Code, w.Body)
	}
}

// acs:SourceIp is the connection's address: X-Forwarded-For, X-Real-Ip,
// x-acs-proxy-source-ip and the classic SDK's SourceIp parameter are never
// believed, in either direction.
func TestSourceIPIgnoresForwardingHeaders(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	alice := env.NewAliceKey()
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "bob"})
	env.Grant("User", "alice", "office-only", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"ram:GetUser","Resource":"*",`+
		`"Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}]}`)
	from := func(remote, forwarded string) ramsimtest.Signer {
		sg := alice
		sg.Mutate = func(r *http.Request) {
			r.RemoteAddr = remote
			r.Header.Set("X-Forwarded-For", forwarded)
			r.Header.Set("X-Real-Ip", forwarded)
			r.Header.Set("x-acs-proxy-source-ip", forwarded)
		}
		return sg
	}
	env.AsDenied(from("127.0.0.1:5555", "10.1.2.3"), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}, "ram:GetUser", ramsimtest.UserArn("bob"))
	env.AsDenied(from("127.0.0.1:5555", "10.1.2.3"), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob", "SourceIp": "10.1.2.3"}, "ram:GetUser", ramsimtest.UserArn("bob"))
	env.AsOK(from("10.1.2.3:5555", "192.0.2.1"), ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"})
}

// The documented root key is public: Start refuses to serve it beyond
// loopback unless allowed.
func TestStartRefusesRemoteBindWithDefaultKey(t *testing.T) {
	start := func(cfg ramsim.Config, addr string) error {
		t.Helper()
		srv, err := ramsim.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		err = srv.Start(addr)
		if cerr := srv.Close(); cerr != nil {
			t.Fatal(cerr)
		}
		return err
	}
	for _, cfg := range []ramsim.Config{{}, {AccessKeyID: "mine", AccessKeySecret: ramsim.DefaultAccessKeySecret}} {
		for _, addr := range []string{"0.0.0.0:0", ":0"} {
			err := start(cfg, addr)
			if err == nil || !strings.Contains(err.Error(), "-allow-remote") || !strings.Contains(err.Error(), "loopback") {
				t.Fatalf("%s with the default key: %v", addr, err)
			}
		}
	}
	for _, c := range []struct {
		cfg  ramsim.Config
		addr string
	}{
		{ramsim.Config{}, "127.0.0.1:0"},
		{ramsim.Config{}, "localhost:0"},
		{ramsim.Config{AllowRemote: true}, "0.0.0.0:0"},
		{ramsim.Config{AccessKeyID: "mine", AccessKeySecret: "not-the-documented-one"}, "0.0.0.0:0"},
	} {
		if err := start(c.cfg, c.addr); err != nil {
			t.Fatalf("%+v on %s: %v", c.cfg, c.addr, err)
		}
	}
}

func mustRequest(t *testing.T, method, path string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
