// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"
)

// seen is one request as the fake API received it.
type seen struct {
	Action, Version, RawQuery, UserAgent, Authorization, SecurityToken, Method, Path, Body string
	Query                                                                                  url.Values
}

// fakeAPI answers like an Alibaba Cloud RPC endpoint: the action comes from
// x-acs-action, answers are JSON. Signatures are not checked here (ramsim
// verifies them).
type fakeAPI struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []seen
}

// reply answers one request; n is its 1-based index.
type reply func(w http.ResponseWriter, r seen, n int)

func newFakeAPI(t *testing.T, answer reply) *fakeAPI {
	t.Helper()
	f := &fakeAPI{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s := seen{
			Action: r.Header.Get("x-acs-action"), Version: r.Header.Get("x-acs-version"),
			RawQuery: r.URL.RawQuery, Query: r.URL.Query(), UserAgent: r.UserAgent(),
			Authorization: r.Header.Get("Authorization"), SecurityToken: r.Header.Get("x-acs-security-token"),
			Method: r.Method, Path: r.URL.Path, Body: string(body),
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, s)
		n := len(f.reqs)
		f.mu.Unlock()
		answer(w, s, n)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

func (f *fakeAPI) count() int { return len(f.requests()) }

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// apiError writes an error body shaped like RAM's.
func apiError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{
		"RequestId": "REQ-" + code, "HostId": "ram.aliyuncs.com", "Code": code, "Message": msg,
		"Recommend": "https://api.aliyun.com/troubleshoot?q=" + code,
	})
}

func ok(body map[string]any) reply {
	withID := maps.Clone(body)
	withID["RequestId"] = "REQ-OK"
	return func(w http.ResponseWriter, _ seen, _ int) { writeJSON(w, 200, withID) }
}

// fastRetry keeps retry tests quick.
var fastRetry = RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}

// clearEndpointEnv unsets the variables that would redirect products.
func clearEndpointEnv(t *testing.T) {
	t.Helper()
	for _, info := range products {
		t.Setenv(info.envVar, "")
	}
}

// testClient is a client with static keys and every product on url.
func testClient(t *testing.T, url string, mutate ...func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		AccessKey: "AKIDTEST", SecretKey: "secret", UserAgent: "terraform-provider-mseram/0.1.0-test",
		Endpoints: map[Product]string{ProductRAM: url, ProductIMS: url, ProductResourceManager: url, ProductSTS: url},
		Retry:     fastRetry,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	c, err := NewClient(context.Background(), cfg)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}
