// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/faults"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/msesim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Server is one emulated account serving RAM, IMS, ResourceManager, STS and
// MSE on one port. It is an
// http.Handler and is safe for concurrent use.
type Server struct {
	cfg    Config
	nonces wire.NonceCache

	// mu guards ram, mse and the state file: a request is authorized and
	// handled under it, so the decision and the change see the same state.
	mu  sync.Mutex
	ram *ram.Service    // RAM, IMS, ResourceManager and STS; saved to cfg.StatePath
	mse *msesim.Service // MSE, built from cfg.Fixtures at New, memory only

	faults   faults.Injector   // fault injection, its own lock
	counters faults.CounterSet // request counts, its own lock

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
	acct, err := ram.New(ram.Config{
		AccountID: cfg.AccountID, AccessKeyID: cfg.AccessKeyID, Now: cfg.Now,
		Limits: cfg.Limits, PasswordPolicy: cfg.PasswordPolicy, DeletionPolls: cfg.DeletionPolls,
		ExtraServiceLinkedRoles: cfg.ExtraServiceLinkedRoles,
	}, cfg.StatePath)
	if err != nil {
		return nil, err
	}
	sp, err := faults.Parse(cfg.Faults, knownAction)
	if err != nil {
		return nil, err
	}
	ms, err := msesim.New(msesim.Config{AccountID: cfg.AccountID, Now: cfg.Now, Fixtures: cfg.Fixtures})
	if err != nil {
		return nil, err
	}
	tlsCfg, err := loadTLS(cfg)
	if err != nil {
		return nil, err
	}
	srv := &Server{cfg: cfg, ram: acct, mse: ms, tls: tlsCfg}
	srv.faults.Set(sp, cfg.Seed)
	acct.SetConsistency(sp.Consistency())
	for service, resources := range cfg.ServicesInUse {
		acct.SetServiceInUse(service, true, resources)
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
// covers headers and a body of wire.MaxBodyBytes; WriteTimeout runs from the
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
		if serr := s.ram.Save(s.cfg.StatePath); serr != nil {
			err = errors.Join(err, serr)
		}
	}
	return err
}

// ServeHTTP answers one RPC request: refuse what a web page could have
// sent (network_guard.go), route by (Version, Action), authenticate,
// authorize, run the action, write JSON. Every request let in is counted,
// and the fault injector (package faults) may throttle, fail, delay or drop it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	admin := strings.HasPrefix(r.URL.Path, adminPrefix)
	if err := s.refuseForeign(r); err != nil {
		if admin {
			adminAnswer(w, err.Status, map[string]any{"error": err.Message})
			return
		}
		in := wire.ReadRPC(r)
		prod, _ := productFor(in.Version, in.Action)
		in.Answer(w, prod.spec(), nil, err)
		return
	}
	if admin {
		s.serveAdmin(w, r)
		return
	}
	in := wire.ReadRPC(r)
	s.counters.Received(in.Action)
	fd := s.faults.Decide(in.Action, wire.ClaimedAccessKey(r, in.Params), s.cfg.Now())
	if fd.Delay > 0 {
		s.counters.Fault(in.Action, faults.Latency)
	}
	if fd.Kind == faults.Reset { // before the handler: nothing changes
		s.counters.Fault(in.Action, faults.Reset)
		faults.Sleep(r.Context(), fd.Delay)
		faults.Drop(w, true)
		return
	}
	var resp map[string]any
	var prod product
	var err *wire.Error
	if ferr := fd.InjectedError(); ferr != nil { // before the handler
		s.counters.Fault(in.Action, fd.Kind)
		prod, _ = productFor(in.Version, in.Action)
		err = ferr
	} else {
		resp, prod, err = s.serve(r, in)
	}
	faults.Sleep(r.Context(), fd.Delay)
	if fd.Kind == faults.Lost { // after the handler: its change stays
		s.counters.Fault(in.Action, faults.Lost)
		faults.Drop(w, false)
		return
	}
	s.counters.Answered(in.Action, err == nil)
	in.Answer(w, prod.spec(), resp, err)
}

func (s *Server) serve(r *http.Request, in wire.RPC) (map[string]any, product, *wire.Error) {
	body, p, action, version := in.Body, in.Params, in.Action, in.Version
	prod, known := productFor(version, action)
	switch {
	case in.BodyErr != nil:
		return nil, prod, in.BodyErr
	case in.FormatErr != nil:
		return nil, prod, in.FormatErr
	case r.URL.Path != "/" || (r.Method != http.MethodPost && r.Method != http.MethodGet):
		return nil, prod, wire.ActionNotFound()
	case action == "":
		return nil, prod, wire.Missing("Action")
	case version == "":
		return nil, prod, wire.Missing("Version")
	case !known:
		return nil, prod, wire.InvalidVersion()
	}
	mutates, ok := prod.route(action)
	if !ok {
		return nil, prod, wire.ActionNotFound()
	}
	c, err := s.authenticate(r, body, p)
	if err != nil {
		return nil, prod, err
	}
	resp, err := s.run(prod, action, mutates, &wire.Request{Params: p, Caller: c})
	return resp, prod, err
}

// run authorizes the caller and executes a handler under the store lock
// (so the decision and the change see the same state; a denied request
// changes nothing) and, for a successful mutation, saves the state before
// answering, so an acknowledged change is on disk. If the save fails the client gets InternalError while the change
// stays in memory; the next save (or Close) writes it, as a real service
// may apply a change whose answer was lost.
func (s *Server) run(prod product, action string, mutates bool, rq *wire.Request) (map[string]any, *wire.Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.authorize(prod, action, rq); err != nil {
		return nil, err
	}
	resp, err := prod.handle(s, action, rq)
	if err != nil || !mutates || s.cfg.StatePath == "" {
		return resp, err
	}
	if serr := s.ram.Save(s.cfg.StatePath); serr != nil {
		return nil, wire.Internal()
	}
	return resp, nil
}
