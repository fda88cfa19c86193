// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// adminPrefix is the path of the emulator's own endpoints, on the API port.
// They are no Alibaba Cloud API: unsigned, JSON in and out (POST and PUT
// must say so in Content-Type), and answered only to loopback clients that
// no proxy relays and no web page sent (network_guard.go).
const adminPrefix = "/__ramsim/"

// inUseBody is the body of POST /__ramsim/services/<service>/in-use and
// the answer of both methods.
type inUseBody struct {
	Service   string   `json:"service,omitempty"`
	InUse     bool     `json:"in_use"`
	Resources []string `json:"resources"`
}

// serveAdmin answers the admin endpoints:
//
//	GET  /__ramsim/services/<service-name>/in-use
//	POST /__ramsim/services/<service-name>/in-use  {"in_use":true,"resources":["acs:mssp::..."]}
//	GET  /__ramsim/faults                          -> {"spec":"throttle=0.2,...","seed":1}
//	PUT  /__ramsim/faults  {"spec":"...","seed":N} (POST too; seed absent: keep the seed)
//	GET  /__ramsim/counters                        -> Counters as JSON
//	POST /__ramsim/counters/reset                  -> the counters before the reset
//
// A non-loopback client, a relayed or browser request gets 403, a POST or
// PUT whose Content-Type is not application/json 415, an unknown service
// (not in the catalog) or path 404, a bad body or fault spec 400, another
// method 405.
func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	if !isLoopback(r.RemoteAddr) {
		adminAnswer(w, http.StatusForbidden, map[string]any{"error": "the ramsim admin endpoints answer loopback clients only"})
		return
	}
	if status, msg := refuseAdmin(r); status != 0 {
		adminAnswer(w, status, map[string]any{"error": msg})
		return
	}
	switch r.URL.Path {
	case adminPrefix + "faults":
		s.serveAdminFaults(w, r)
		return
	case adminPrefix + "counters":
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			adminAnswer(w, http.StatusMethodNotAllowed, map[string]any{"error": "use GET"})
			return
		}
		adminAnswer(w, http.StatusOK, s.Counters())
		return
	case adminPrefix + "counters/reset":
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			adminAnswer(w, http.StatusMethodNotAllowed, map[string]any{"error": "use POST"})
			return
		}
		adminAnswer(w, http.StatusOK, s.ResetCounters())
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, adminPrefix+"services/")
	service, ok := strings.CutSuffix(rest, "/in-use")
	if rest == r.URL.Path || !ok || service == "" || strings.Contains(service, "/") {
		adminAnswer(w, http.StatusNotFound, map[string]any{"error": "unknown admin path " + r.URL.Path})
		return
	}
	if _, known := s.ram.ServiceSpec(service); !known {
		adminAnswer(w, http.StatusNotFound, map[string]any{"error": "service " + service + " is not in the service-linked role catalog"})
		return
	}
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost, http.MethodPut:
		var in inUseBody
		dec := json.NewDecoder(io.LimitReader(r.Body, wire.MaxBodyBytes))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			adminAnswer(w, http.StatusBadRequest, map[string]any{"error": "body: " + err.Error()})
			return
		}
		s.SetServiceInUse(service, in.InUse, in.Resources)
	default:
		w.Header().Set("Allow", "GET, POST")
		adminAnswer(w, http.StatusMethodNotAllowed, map[string]any{"error": "use GET or POST"})
		return
	}
	resources, inUse := s.ServicesInUse()[service]
	if resources == nil {
		resources = []string{}
	}
	adminAnswer(w, http.StatusOK, inUseBody{Service: service, InUse: inUse, Resources: resources})
}

// faultsBody is the body of PUT /__ramsim/faults and the answer of both
// methods.
type faultsBody struct {
	Spec string `json:"spec"`
	Seed *int64 `json:"seed,omitempty"`
}

func (s *Server) serveAdminFaults(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
	case http.MethodPut, http.MethodPost:
		var in faultsBody
		dec := json.NewDecoder(io.LimitReader(r.Body, wire.MaxBodyBytes))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			adminAnswer(w, http.StatusBadRequest, map[string]any{"error": "body: " + err.Error()})
			return
		}
		_, seed := s.Faults()
		if in.Seed != nil {
			seed = *in.Seed
		}
		if err := s.SetFaults(in.Spec, seed); err != nil {
			adminAnswer(w, http.StatusBadRequest, map[string]any{"error": err.Error()})
			return
		}
	default:
		w.Header().Set("Allow", "GET, PUT")
		adminAnswer(w, http.StatusMethodNotAllowed, map[string]any{"error": "use GET or PUT"})
		return
	}
	spec, seed := s.Faults()
	adminAnswer(w, http.StatusOK, faultsBody{Spec: spec, Seed: &seed})
}

// isLoopback reports whether a RemoteAddr ("host:port") is a loopback
// address.
func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func adminAnswer(w http.ResponseWriter, status int, body any) {
	data, _ := json.Marshal(body)
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	w.Write(data) //nolint:errcheck // the client went away; nothing to do
}
