// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// httpClient is the dara.HttpClient handed to darabonba. The SDK's default
// client takes HTTP(S)_PROXY itself and proxies every host, loopback
// included, so a local emulator becomes unreachable behind a corporate
// proxy. This one applies the standard library's proxy rules (which never
// proxy localhost or loopback addresses and honor NO_PROXY) and pools
// keep-alive connections across all calls of one Client.
type httpClient struct {
	client *http.Client
}

func newHTTPClient() *httpClient {
	// The same rules as http.ProxyFromEnvironment, but read when the Client
	// is built instead of once per process, so a reconfigured provider (and
	// a test) sees the current environment.
	proxyFor := httpproxy.FromEnvironment().ProxyFunc()
	transport := &http.Transport{
		Proxy:                 func(r *http.Request) (*url.URL, error) { return proxyFor(r.URL) },
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	// No overall client timeout: the caller's context bounds each call.
	return &httpClient{client: &http.Client{Transport: transport}}
}

// Call implements dara.HttpClient. The transport darabonba builds per
// request is ignored on purpose (see httpClient).
func (h *httpClient) Call(req *http.Request, _ *http.Transport) (*http.Response, error) {
	// darabonba copies proxy credentials from HTTP(S)_PROXY into a request
	// header for its own transport; ours authenticates to the proxy itself,
	// and the header must never reach the API endpoint.
	req.Header.Del("Proxy-Authorization")
	resp, err := h.client.Do(req)
	if err == nil {
		if t, ok := req.Context().Value(traceKey{}).(*responseTrace); ok {
			t.status = resp.StatusCode
			t.requestID = resp.Header.Get("x-acs-request-id")
		}
	}
	return resp, err
}

// responseTrace records what the HTTP layer saw for one attempt. darabonba
// drops the status of an error response whose body is not JSON (an HTML page
// from a load balancer, say) and returns only the decoding error; the trace
// lets such a 502 still be classified as retryable.
type responseTrace struct {
	status    int
	requestID string
}

type traceKey struct{}

func withTrace(ctx context.Context) (context.Context, *responseTrace) {
	t := &responseTrace{}
	return context.WithValue(ctx, traceKey{}, t), t
}
