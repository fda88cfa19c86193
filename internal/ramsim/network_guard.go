// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// The checks in this file keep web pages and proxies away from an emulator
// that holds a documented root key and unsigned admin endpoints. No
// Alibaba Cloud service decides any of it: the real endpoints have fixed
// public names and their own CORS rules, so the status codes, error codes
// and messages below are the emulator's own. The browser behavior relied
// on is the Fetch standard's (https://fetch.spec.whatwg.org/#origin-header)
// and Fetch Metadata's (https://www.w3.org/TR/fetch-metadata/).
//
// They apply to requests that arrive through a listener. A browser or a
// proxy can reach the emulator no other way; a request handed to ServeHTTP
// in-process by Go code (a test, a recording front end) has no network
// peer and keeps whatever Host its builder chose.

// fromListener reports whether net/http read r from a connection.
func fromListener(r *http.Request) bool {
	return r.Context().Value(http.LocalAddrContextKey) != nil
}

// refuseForeign refuses a request that a web page could have sent:
//
//   - a Host header that is not localhost, an IP literal, a name under
//     aliyuncs.com or a configured name. DNS rebinding serves a page from
//     evil.example, then points evil.example at 127.0.0.1: the browser
//     then sends the page's requests here, with Host: evil.example. An IP
//     literal cannot be rebound (no name is resolved), and only Alibaba
//     Cloud's DNS answers for aliyuncs.com, whose product endpoint names
//     clients keep when a hosts file or a dialer sends them here.
//   - an Origin header: browsers send it on every cross-origin request and
//     on every POST (the value "null" included), no SDK does.
//   - a Sec-Fetch-Site header other than "none" (a URL the user typed):
//     current browsers send it on every request, a simple <img> GET
//     included, which carries no Origin.
//
// An older browser's cross-site GET carries neither header; to act it must
// be signed, which a page can do only with a key it knows, such as the
// documented DefaultAccessKeySecret.
func (s *Server) refuseForeign(r *http.Request) *wire.Error {
	if !fromListener(r) {
		return nil
	}
	if !s.hostAllowed(r.Host) {
		return wire.NewError(http.StatusForbidden, "Forbidden.HostNotAllowed",
			"The Host header %q is not served by this emulator (DNS rebinding protection): use localhost, an IP address or an aliyuncs.com endpoint name, or list the name with -allowed-hosts (Config.AllowedHosts).", r.Host)
	}
	if _, ok := r.Header["Origin"]; ok || (r.Header.Get("Sec-Fetch-Site") != "" && r.Header.Get("Sec-Fetch-Site") != "none") {
		return wire.NewError(http.StatusForbidden, "Forbidden.BrowserRequest",
			"Requests sent by a web browser (Origin or Sec-Fetch-Site header) are refused: the emulator serves SDKs and tools, not web pages.")
	}
	return nil
}

// hostAllowed reports whether a Host header value (host or host:port) is
// localhost, an IP literal, a name under aliyuncs.com or one of
// Config.AllowedHosts.
func (s *Server) hostAllowed(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = canonicalHost(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"))
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	if host == "localhost" || strings.HasSuffix(host, ".aliyuncs.com") {
		return true
	}
	for _, h := range s.cfg.AllowedHosts {
		if canonicalHost(h) == host {
			return true
		}
	}
	return false
}

// canonicalHost folds case and drops the trailing dot of a fully
// qualified name, which name the same host.
func canonicalHost(h string) string { return strings.TrimSuffix(strings.ToLower(h), ".") }

// checkAllowedHosts rejects entries that cannot match a Host header's
// name: empty, or carrying a scheme, port, path or space.
func checkAllowedHosts(hosts []string) error {
	for _, h := range hosts {
		if canonicalHost(h) == "" || strings.ContainsAny(h, ":/ \t@?#") {
			return fmt.Errorf("AllowedHosts: %q is not a host name (give names only, without scheme, port or path)", h)
		}
	}
	return nil
}

// proxyHeaders are set by reverse proxies on what they relay. A proxy on
// the same machine connects from loopback, so without them its clients
// would pass for local ones. Their values are never used: acs:SourceIp
// is RemoteAddr's (auth.go).
var proxyHeaders = []string{"Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-Ip", "Via"}

// refuseAdmin checks an admin request from a loopback client, returning
// the status and message of a refusal, or 0. A relayed request is
// refused, and so is a POST or PUT that is not JSON: a page can send
// text/plain, form and multipart bodies across sites without a CORS
// preflight, never JSON. A proxy that adds none of proxyHeaders (nginx's
// bare proxy_pass) cannot be told from a local client.
func refuseAdmin(r *http.Request) (int, string) {
	if !fromListener(r) {
		return 0, ""
	}
	for _, h := range proxyHeaders {
		if _, ok := r.Header[h]; ok {
			return http.StatusForbidden, "the ramsim admin endpoints refuse requests relayed by a proxy (" + h + " header)"
		}
	}
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			return http.StatusUnsupportedMediaType, "the ramsim admin endpoints take POST and PUT with Content-Type: application/json only"
		}
	}
	return 0, ""
}

// checkBind refuses a listener beyond loopback while the root secret is
// the documented one, unless Config.AllowRemote: anyone who can reach
// the port and read the docs would be the account's root.
func (s *Server) checkBind(ln net.Listener) error {
	addr, ok := ln.Addr().(*net.TCPAddr)
	if s.cfg.AllowRemote || s.cfg.AccessKeySecret != DefaultAccessKeySecret || (ok && addr.IP.IsLoopback()) {
		return nil
	}
	return fmt.Errorf("ramsim: refusing to listen on %s, which is not a loopback address, with the documented root key "+
		"(%s/%s) that anyone can use: listen on 127.0.0.1, set a root key of your own (-access-key-id, -access-key-secret), "+
		"or accept the risk with -allow-remote (Config.AllowRemote)", ln.Addr(), DefaultAccessKeyID, DefaultAccessKeySecret)
}
