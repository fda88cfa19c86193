// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func setProxyEnv(t *testing.T, proxy string) {
	t.Helper()
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"} {
		t.Setenv(k, proxy)
	}
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
}

// deadAddress is a loopback port nothing listens on.
func deadAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	return addr
}

func TestProxyEnvIgnoredForLoopback(t *testing.T) {
	setProxyEnv(t, "http://"+deadAddress(t))
	f := newFakeAPI(t, ok(map[string]any{"User": map[string]any{"UserName": "alice"}}))
	c := testClient(t, f.URL, func(cfg *Config) { cfg.Retry.MaxAttempts = 1 })
	if _, err := c.GetUser(context.Background(), "alice"); err != nil {
		t.Fatalf("loopback endpoint went through the proxy: %v", err)
	}
}

// The proxy variables still apply to real endpoints.
func TestProxyEnvUsedForRemoteHosts(t *testing.T) {
	var proxied []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied = append(proxied, r.URL.Host+" "+r.Header.Get("x-acs-action")+" "+r.Header.Get("Proxy-Authorization"))
		writeJSON(w, 200, map[string]any{"RequestId": "R", "User": map[string]any{"UserName": "alice"}})
	}))
	t.Cleanup(proxy.Close)
	setProxyEnv(t, strings.Replace(proxy.URL, "http://", "http://puser:ppass@", 1))
	c := testClient(t, "http://ram.example.test", func(cfg *Config) { cfg.Retry.MaxAttempts = 1 })
	if _, err := c.GetUser(context.Background(), "alice"); err != nil {
		t.Fatal(err)
	}
	// Go's transport authenticates to a forward proxy itself.
	if len(proxied) != 1 || !strings.HasPrefix(proxied[0], "ram.example.test GetUser Basic ") {
		t.Errorf("proxy saw %q", proxied)
	}
}

func TestRequestShapeAndUserAgent(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL)
	if _, err := c.Call(context.Background(), ProductResourceManager, "ListRoles", map[string]string{"PageSize": "10"}); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.Method != "POST" || r.Path != "/" || r.Body != "" || r.Action != "ListRoles" || r.Version != "2020-03-31" ||
		r.Query.Get("PageSize") != "10" || !strings.HasPrefix(r.Authorization, "ACS3-HMAC-SHA256 Credential=AKIDTEST,") {
		t.Errorf("request %+v", r)
	}
	if !strings.Contains(r.UserAgent, "terraform-provider-mseram/0.1.0-test") {
		t.Errorf("User-Agent %q lacks the provider", r.UserAgent)
	}
}
