// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestNoCredentials(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{}))
	c := testClient(t, f.URL, func(cfg *Config) { cfg.AccessKey, cfg.SecretKey = "", "" })
	_, err := c.GetUser(context.Background(), "alice")
	if !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("err = %v, want ErrNoCredentials", err)
	}
	for _, s := range []string{"ram GetUser", "access_key", "secret_key", "security_token", "profile", "shared_credentials_file",
		"assume_role", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_ACCESS_KEY",
		"ALICLOUD_SECRET_KEY", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_PROFILE"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error should mention %s: %v", s, err)
		}
	}
	if f.count() != 0 {
		t.Errorf("%d requests sent without credentials", f.count())
	}
	// assume_role alone has nothing to assume the role with.
	c = testClient(t, "sts.aliyuncs.com", func(cfg *Config) {
		cfg.AccessKey, cfg.SecretKey = "", ""
		cfg.AssumeRole = &AssumeRoleConfig{RoleARN: "acs:ram::123:role/x"}
	})
	if _, err := c.GetCallerIdentity(context.Background()); !errors.Is(err, ErrNoCredentials) {
		t.Fatalf("assume_role without base: %v", err)
	}
}

func TestIncompleteStaticCredentials(t *testing.T) {
	for _, cfg := range []Config{{AccessKey: "AK"}, {SecretKey: "SK"}, {AccessKey: "AK", SecurityToken: "tok"}} {
		_, err := NewClient(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), "access_key") || !strings.Contains(err.Error(), "secret_key") {
			t.Errorf("%+v: %v", cfg, err)
		}
	}
	if _, err := NewClient(context.Background(), Config{SecurityToken: "tok"}); err == nil {
		t.Error("security_token alone accepted")
	}
}

func TestStaticSTSCredentials(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": map[string]any{"UserName": "alice"}}))
	c := testClient(t, f.URL, func(cfg *Config) { cfg.SecurityToken = "STS-TOKEN" })
	if _, err := c.GetUser(context.Background(), "alice"); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if r.SecurityToken != "STS-TOKEN" || !strings.Contains(r.Authorization, "Credential=AKIDTEST,") {
		t.Errorf("token %q, authorization %q", r.SecurityToken, r.Authorization)
	}
}

func TestProfileCredentials(t *testing.T) {
	f := newFakeAPI(t, ok(map[string]any{"User": map[string]any{"UserName": "alice"}}))
	file := filepath.Join(t.TempDir(), "config.json")
	cfgJSON := `{"current":"default","profiles":[
		{"name":"default","mode":"AK","access_key_id":"AKDEFAULT","access_key_secret":"s1"},
		{"name":"ops","mode":"AK","access_key_id":"AKOPS","access_key_secret":"s2"}]}`
	if err := os.WriteFile(file, []byte(cfgJSON), 0o600); err != nil {
		t.Fatal(err)
	}
	for profile, akid := range map[string]string{"ops": "AKOPS", "": "AKDEFAULT"} {
		c := testClient(t, f.URL, func(cfg *Config) {
			cfg.AccessKey, cfg.SecretKey, cfg.Profile, cfg.SharedCredentialsFile = "", "", profile, file
		})
		if _, err := c.GetUser(context.Background(), "alice"); err != nil {
			t.Fatalf("profile %q: %v", profile, err)
		}
		if r := f.requests(); !strings.Contains(r[len(r)-1].Authorization, "Credential="+akid+",") {
			t.Errorf("profile %q signed as %q", profile, r[len(r)-1].Authorization)
		}
	}
	// The file is read on first use, not by NewClient.
	c := testClient(t, f.URL, func(cfg *Config) {
		cfg.AccessKey, cfg.SecretKey, cfg.Profile, cfg.SharedCredentialsFile = "", "", "ops", filepath.Join(t.TempDir(), "missing.json")
	})
	if _, err := c.GetUser(context.Background(), "alice"); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing profile file: %v", err)
	}
}

// countingListener counts accepted connections.
type countingListener struct {
	net.Listener
	n atomic.Int32
}

func (l *countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

func TestNewClientMakesNoNetworkCall(t *testing.T) {
	clearEndpointEnv(t)
	raw, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	api := &countingListener{Listener: raw}
	go func() { // a server that would hang: it accepts and never answers
		for {
			if _, err := api.Accept(); err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { _ = api.Close() })

	var stsConns atomic.Int32
	sts := httptest.NewUnstartedServer(http.NotFoundHandler())
	sts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			stsConns.Add(1)
		}
	}
	sts.Config.ErrorLog = log.New(io.Discard, "", 0) // the expected handshake failure
	sts.StartTLS()
	t.Cleanup(sts.Close)

	host := "http://" + raw.Addr().String()
	c, err := NewClient(context.Background(), Config{
		AccessKey: "AK", SecretKey: "SK",
		AssumeRole: &AssumeRoleConfig{RoleARN: "acs:ram::123456789012:role/deployer", ExternalID: "ext", SessionExpiration: 900},
		Endpoints:  map[Product]string{ProductRAM: host, ProductIMS: host, ProductResourceManager: host, ProductSTS: sts.URL},
		Retry:      fastRetry,
	})
	if err != nil {
		t.Fatal(err)
	}
	if api.n.Load() != 0 || stsConns.Load() != 0 {
		t.Fatalf("NewClient connected: api %d, sts %d", api.n.Load(), stsConns.Load())
	}
	// The first call assumes the role against our STS endpoint (and fails:
	// the test server's certificate is not trusted), before reaching RAM.
	_, err = c.GetUser(context.Background(), "alice")
	if err == nil || !strings.Contains(err.Error(), "ram_role_arn") {
		t.Fatalf("err = %v, want a ram_role_arn credential failure", err)
	}
	// An untrusted certificate is permanent: one attempt, no retries.
	if stsConns.Load() != 1 || api.n.Load() != 0 {
		t.Errorf("after the call: sts connections %d (want 1), api connections %d (want 0)", stsConns.Load(), api.n.Load())
	}
}

func TestAssumeRoleConfigErrors(t *testing.T) {
	clearEndpointEnv(t)
	base := Config{AccessKey: "AK", SecretKey: "SK"}
	for name, mut := range map[string]func(*Config){
		"no arn":        func(c *Config) { c.AssumeRole = &AssumeRoleConfig{} },
		"short session": func(c *Config) { c.AssumeRole = &AssumeRoleConfig{RoleARN: "acs:ram::1:role/r", SessionExpiration: 60} },
		"http sts": func(c *Config) {
			c.AssumeRole = &AssumeRoleConfig{RoleARN: "acs:ram::1:role/r"}
			c.Endpoints = map[Product]string{ProductSTS: "http://127.0.0.1:1"}
		},
	} {
		cfg := base
		mut(&cfg)
		if _, err := NewClient(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "assume_role") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
