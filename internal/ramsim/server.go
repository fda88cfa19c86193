// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// maxBodyBytes bounds a request body; RPC bodies are small forms. A larger
// body is refused with errBodyTooLarge.
const maxBodyBytes = 1 << 20

// Server is one emulated account serving all four products. It is an
// http.Handler and is safe for concurrent use.
type Server struct {
	cfg    Config
	nonces nonceCache

	mu    sync.Mutex // guards st, inUse, sessions and the state file
	st    *store
	inUse map[string][]string // services marked in use -> resources using their roles
	// sessions are the STS temporary credentials by AccessKeyId; memory
	// only, never saved (see sts_assume_role.go).
	sessions map[string]*stsSession

	catalog []ServiceLinkedRoleSpec // service-linked role catalog, fixed at New
	mse     *mseStore               // MSE state, built from cfg.Fixtures at New, memory only; mu guards it
	// lag is the eventual-consistency side table (faults_consistency.go);
	// mu guards it.
	lag map[lagKey]lagEntry

	faults   faultState // fault injection (faults.go), its own lock
	counters counterSet // request counts (counters.go), its own lock

	tls *tls.Config // from Config.TLSCertFile and TLSKeyFile (tls.go); nil serves plain HTTP

	lifecycle sync.Mutex // guards http and ln
	http      *http.Server
	ln        net.Listener
}

// New creates a server, loading cfg.StatePath if that file exists.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if err := checkAllowedHosts(cfg.AllowedHosts); err != nil {
		return nil, err
	}
	st := newStore()
	if cfg.StatePath != "" {
		var err error
		if st, err = loadStore(cfg.StatePath); err != nil {
			return nil, err
		}
	}
	sp, err := parseFaultSpec(cfg.Faults)
	if err != nil {
		return nil, err
	}
	ms, err := loadMSEFixtures(cfg.Fixtures, cfg.Now())
	if err != nil {
		return nil, err
	}
	tlsCfg, err := loadTLS(cfg)
	if err != nil {
		return nil, err
	}
	srv := &Server{cfg: cfg, st: st, inUse: map[string][]string{}, catalog: buildCatalog(cfg.ExtraServiceLinkedRoles)}
	srv.faults.set(sp, cfg.Seed)
	srv.mse = ms
	srv.tls = tlsCfg
	for service, resources := range cfg.ServicesInUse {
		srv.setInUse(service, true, resources)
	}
	return srv, nil
}

// AccountID is the emulated account's id.
func (s *Server) AccountID() string { return s.cfg.AccountID }

// Start listens on addr (e.g. "127.0.0.1:0" for a free port) and serves in
// the background until Close.
func (s *Server) Start(addr string) error {
	s.lifecycle.Lock()
	defer s.lifecycle.Unlock()
	if s.ln != nil {
		return errors.New("ramsim: already started")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if err := s.checkBind(ln); err != nil {
		return errors.Join(err, ln.Close())
	}
	s.ln = ln
	s.http = s.HTTPServer()
	go s.http.Serve(s.tlsListener(ln)) //nolint:errcheck // returns ErrServerClosed on Close
	return nil
}

// HTTPServer returns a new http.Server serving s as Start does, with its
// timeouts and connection limit; serve s on a listener of one's own with
// it.
func (s *Server) HTTPServer() *http.Server { return s.httpServer(newConnLimiter(maxConnections)) }

// httpServer bounds what a slow or idle client can hold. ReadTimeout
// covers headers and a body of maxBodyBytes; WriteTimeout runs from the
// end of the headers to the end of the answer, so it also bounds an
// answer delayed by the fault injector (a latency plus jitter above it
// loses the answer); IdleTimeout closes keep-alive connections nobody
// uses.
func (s *Server) httpServer(l *connLimiter) *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       time.Minute,
		ConnState:         l.track,
	}
}

// URL is "http://HOST:PORT" ("https://" with Config.TLSCertFile) once
// started, "" before.
func (s *Server) URL() string {
	s.lifecycle.Lock()
	defer s.lifecycle.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.scheme() + "://" + s.ln.Addr().String()
}

// Close stops serving, waiting briefly for requests in flight, and saves
// the state if StatePath is set. It may be called more than once.
func (s *Server) Close() error {
	s.lifecycle.Lock()
	var err error
	if s.http != nil {
		// Requests finish in milliseconds; what can keep Shutdown waiting is
		// a client's spare connection that never sent one (net/http treats
		// those as busy for 5 s). Closing them loses nothing.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		if err = s.http.Shutdown(ctx); errors.Is(err, context.DeadlineExceeded) {
			err = s.http.Close()
		}
		cancel()
		s.http = nil
	}
	s.lifecycle.Unlock()
	if s.cfg.StatePath != "" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if serr := s.st.save(s.cfg.StatePath, s.cfg.AccountID); serr != nil {
			err = errors.Join(err, serr)
		}
	}
	return err
}

// ServeHTTP answers one RPC request: refuse what a web page could have
// sent (network_guard.go), route by (Version, Action), authenticate,
// authorize, run the action, write JSON. Every request let in is counted,
// and the fault injector (faults.go) may throttle, fail, delay or drop it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	admin := strings.HasPrefix(r.URL.Path, adminPrefix)
	if err := s.refuseForeign(r); err != nil {
		if admin {
			adminAnswer(w, err.status, map[string]any{"error": err.message})
			return
		}
		in := readRPC(r)
		prod, _ := productFor(in.version, in.action)
		s.answer(w, in, nil, prod, err)
		return
	}
	if admin {
		s.serveAdmin(w, r)
		return
	}
	in := readRPC(r)
	s.counters.received(in.action)
	fd := s.faults.decide(in.action, requestAccessKey(r, in.params), s.cfg.Now())
	if fd.delay > 0 {
		s.counters.fault(in.action, faultLatency)
	}
	if fd.kind == faultReset { // before the handler: nothing changes
		s.counters.fault(in.action, faultReset)
		sleepCtx(r.Context(), fd.delay)
		dropConnection(w, true)
		return
	}
	var resp map[string]any
	var prod *product
	var err *apiError
	if ferr := fd.injectedError(); ferr != nil { // before the handler
		s.counters.fault(in.action, fd.kind)
		prod, _ = productFor(in.version, in.action)
		err = ferr
	} else {
		resp, prod, err = s.serve(r, in)
	}
	sleepCtx(r.Context(), fd.delay)
	if fd.kind == faultLost { // after the handler: its change stays
		s.counters.fault(in.action, faultLost)
		dropConnection(w, false)
		return
	}
	s.counters.answered(in.action, err == nil)
	s.answer(w, in, resp, prod, err)
}

// answer writes a success or error answer in the request's Format
// (format_xml.go): XML with the root <Action>Response or Error, else JSON.
func (s *Server) answer(w http.ResponseWriter, in rpcRequest, resp map[string]any, prod *product, err *apiError) {
	requestID := newRequestID()
	write := func(status int, root string, fields map[string]any) {
		if in.format == formatXML {
			writeXML(w, status, requestID, root, fields)
			return
		}
		writeJSON(w, status, requestID, fields)
	}
	if err != nil {
		fields := map[string]any{
			"HostId":    prod.host,
			"Code":      err.code,
			"Message":   err.message,
			"Recommend": "https://api.aliyun.com/troubleshoot?q=" + url.QueryEscape(err.code) + "&product=" + prod.name,
		}
		if err.detail != nil {
			fields["AccessDeniedDetail"] = err.detail
		}
		if prod == mseProduct {
			mseErrorFields(fields, err)
		}
		write(err.status, "Error", fields)
		return
	}
	write(http.StatusOK, in.action+"Response", resp)
}

// rpcRequest is a request read but not yet served.
type rpcRequest struct {
	body            []byte
	params          params
	action, version string
	bodyErr         *apiError // reading the body failed or it is too large
	format          string    // formatJSON or formatXML
	formatErr       *apiError // Format is neither JSON nor XML
}

// readRPC reads the body (at most maxBodyBytes) and finds the Action and
// Version: from the query (V1) or the x-acs-* headers (V3).
func readRPC(r *http.Request) rpcRequest {
	body, rerr := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	var bodyErr *apiError
	switch {
	case rerr != nil:
		bodyErr = errInternal()
	case len(body) > maxBodyBytes:
		bodyErr, body = errBodyTooLarge(), nil
	}
	p := requestParams(r, body)
	format, formatErr := responseFormat(p)
	return rpcRequest{
		body: body, params: p, bodyErr: bodyErr, format: format, formatErr: formatErr,
		action:  firstNonEmpty(p.get("Action"), r.Header.Get("x-acs-action")),
		version: firstNonEmpty(p.get("Version"), r.Header.Get("x-acs-version")),
	}
}

// errBodyTooLarge answers a body over maxBodyBytes, as a gateway does with
// HTTP 413 (the code and message are assumed).
func errBodyTooLarge() *apiError {
	return newError(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
		"The request body exceeds the limit of %d bytes.", maxBodyBytes)
}

func (s *Server) serve(r *http.Request, in rpcRequest) (map[string]any, *product, *apiError) {
	body, p, action, version := in.body, in.params, in.action, in.version
	prod, known := productFor(version, action)
	switch {
	case in.bodyErr != nil:
		return nil, prod, in.bodyErr
	case in.formatErr != nil:
		return nil, prod, in.formatErr
	case r.URL.Path != "/" || (r.Method != http.MethodPost && r.Method != http.MethodGet):
		return nil, prod, errActionNotFound()
	case action == "":
		return nil, prod, errMissing("Action")
	case version == "":
		return nil, prod, errMissing("Version")
	case !known:
		return nil, prod, errInvalidVersion()
	}
	rt, ok := prod.actions[action]
	if !ok {
		return nil, prod, errActionNotFound()
	}
	c, err := s.authenticate(r, body, p)
	if err != nil {
		return nil, prod, err
	}
	resp, err := s.run(prod, action, rt, &request{params: p, caller: c})
	return resp, prod, err
}

// run authorizes the caller and executes a handler under the store lock
// (so the decision and the change see the same state; a denied request
// changes nothing) and, for a successful mutation, saves the state before
// answering, so an acknowledged change is on disk. If the save fails the client gets InternalError while the change
// stays in memory; the next save (or Close) writes it, as a real service
// may apply a change whose answer was lost.
func (s *Server) run(prod *product, action string, rt route, rq *request) (map[string]any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.authorize(prod, action, rq); err != nil {
		return nil, err
	}
	resp, err := s.handle(action, rt, rq)
	if err != nil || !rt.mutates || s.cfg.StatePath == "" {
		return resp, err
	}
	if serr := s.st.save(s.cfg.StatePath, s.cfg.AccountID); serr != nil {
		return nil, errInternal()
	}
	return resp, nil
}

// handle runs a handler (Server.mu held). With a consistency delay set, a
// mutation's creations and deletions are recorded, and a Get* or List*
// action reads the lagged view of the store (faults_consistency.go).
func (s *Server) handle(action string, rt route, rq *request) (map[string]any, *apiError) {
	if s.faults.consistency() <= 0 {
		return rt.handle(s, rq)
	}
	if rt.mutates {
		before := s.st.shape()
		resp, err := rt.handle(s, rq)
		if err == nil {
			s.recordLag(before, s.st.shape())
		}
		return resp, err
	}
	if lagged(action, rt) {
		if view := s.laggedStore(); view != nil {
			live := s.st
			s.st = view
			defer func() { s.st = live }()
		}
	}
	return rt.handle(s, rq)
}

// requestParams merges the query with a form-encoded body. Both decode "+"
// as a space, as the classic SDK's url.Values encoding requires.
func requestParams(r *http.Request, body []byte) params {
	p := params(r.URL.Query())
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, _ := url.ParseQuery(string(body)) // keep what parses, like a lenient gateway
		for k, vs := range form {
			p[k] = append(p[k], vs...)
		}
	}
	return p
}

func writeJSON(w http.ResponseWriter, status int, requestID string, fields map[string]any) {
	fields["RequestId"] = requestID
	body, err := json.Marshal(fields)
	if err != nil { // only plain maps, strings and numbers are ever written
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.Header().Set("x-acs-request-id", requestID)
	w.WriteHeader(status)
	w.Write(body) //nolint:errcheck // the client went away; nothing to do
}

// newRequestID returns an uppercase UUID-shaped id, like the real RequestId.
func newRequestID() string {
	var b [16]byte
	rand.Read(b[:]) //nolint:errcheck // crypto/rand.Read never fails
	return fmt.Sprintf("%X-%X-%X-%X-%X", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
