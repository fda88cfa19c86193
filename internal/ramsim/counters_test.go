// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/faults"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
)

func TestCounters(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
	env.OK(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"})
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "bob"}, http.StatusNotFound, "EntityNotExist.User")
	if err := env.Srv.SetFaults("throttle=1,actions=GetUser", 0); err != nil {
		t.Fatal(err)
	}
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"}, http.StatusBadRequest, "Throttling.User")
	status, _ := env.Do(httptest.NewRequest(http.MethodPost, "/", nil)) // no Action
	if status != http.StatusBadRequest {
		t.Fatalf("no Action: %d", status)
	}
	c := env.Srv.Counters()
	if got := c.Actions["CreateUser"]; got.Received != 1 || got.OK != 1 || got.Errors != 0 {
		t.Fatalf("CreateUser %+v", got)
	}
	if got := c.Actions["GetUser"]; got.Received != 3 || got.OK != 1 || got.Errors != 2 || got.Throttled != 1 || got.Faults[faults.Throttle] != 1 {
		t.Fatalf("GetUser %+v", got)
	}
	if got := c.Actions["-"]; got.Received != 1 || got.Errors != 1 {
		t.Fatalf("no action %+v", got)
	}
	if c.Total.Received != 5 || c.Total.OK != 2 || c.Total.Errors != 3 || c.Total.Faults[faults.Throttle] != 1 {
		t.Fatalf("total %+v", c.Total)
	}
	// The snapshot is a copy.
	c.Actions["GetUser"].Faults[faults.Throttle] = 99
	if env.Srv.Counters().Actions["GetUser"].Faults[faults.Throttle] != 1 {
		t.Fatal("Counters shares its maps")
	}
	if before := env.Srv.ResetCounters(); before.Total.Received != 5 {
		t.Fatalf("ResetCounters returned %+v", before.Total)
	}
	if c := env.Srv.Counters(); len(c.Actions) != 0 || c.Total.Received != 0 {
		t.Fatalf("after reset %+v", c)
	}
}

func TestAdminFaultsAndCounters(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "latency=1ms", Seed: 9})
	admin := func(method, path, body, remote string) (int, map[string]any) {
		t.Helper()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		env.Srv.ServeHTTP(w, r)
		var out map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &out); err != nil {
			t.Fatalf("%s %s: not JSON: %s", method, path, w.Body)
		}
		return w.Code, out
	}
	const local = "127.0.0.1:5555"
	if status, body := admin(http.MethodGet, "/__ramsim/faults", "", local); status != 200 || body["spec"] != "latency=1ms" || body["seed"] != 9.0 {
		t.Fatalf("GET faults: %d %v", status, body)
	}
	status, body := admin(http.MethodPut, "/__ramsim/faults", `{"spec":"throttle=1, actions=GetUser","seed":4}`, "[::1]:80")
	if status != 200 || body["spec"] != "throttle=1,actions=GetUser" || body["seed"] != 4.0 {
		t.Fatalf("PUT faults: %d %v", status, body)
	}
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "x"}, http.StatusBadRequest, "Throttling.User")
	// Without a seed the seed stays.
	if status, body = admin(http.MethodPut, "/__ramsim/faults", `{"spec":"5xx=0.5"}`, local); status != 200 || body["seed"] != 4.0 {
		t.Fatalf("PUT without seed: %d %v", status, body)
	}
	for _, bad := range []struct{ body, want string }{
		{`{"spec":"throttle=7"}`, `key "throttle"`},
		{`{"spec":"nope=1"}`, `unknown key "nope"`},
		{`{"spec":1}`, "body:"},
		{`{"spec":"","extra":1}`, "body:"},
	} {
		status, body := admin(http.MethodPut, "/__ramsim/faults", bad.body, local)
		if msg, _ := body["error"].(string); status != http.StatusBadRequest || !strings.Contains(msg, bad.want) {
			t.Fatalf("PUT %s: %d %v", bad.body, status, body)
		}
	}
	if spec, _ := env.Srv.Faults(); spec != "5xx=0.5" {
		t.Fatalf("a refused PUT changed the spec: %q", spec)
	}
	if status, _ := admin(http.MethodDelete, "/__ramsim/faults", "", local); status != http.StatusMethodNotAllowed {
		t.Fatalf("DELETE faults: %d", status)
	}

	status, body = admin(http.MethodGet, "/__ramsim/counters", "", local)
	if status != 200 || ramsimtest.Field(body, "actions", "GetUser", "throttled") != 1.0 || ramsimtest.Field(body, "total", "received") != 1.0 ||
		ramsimtest.Field(body, "actions", "GetUser", "faults", "throttle") != 1.0 {
		t.Fatalf("GET counters: %d %v", status, body)
	}
	if status, _ := admin(http.MethodPost, "/__ramsim/counters", "", local); status != http.StatusMethodNotAllowed {
		t.Fatalf("POST counters: %d", status)
	}
	if status, _ := admin(http.MethodGet, "/__ramsim/counters/reset", "", local); status != http.StatusMethodNotAllowed {
		t.Fatalf("GET counters/reset: %d", status)
	}
	if status, body = admin(http.MethodPost, "/__ramsim/counters/reset", "", local); status != 200 || ramsimtest.Field(body, "total", "received") != 1.0 {
		t.Fatalf("reset: %d %v", status, body)
	}
	if status, body = admin(http.MethodGet, "/__ramsim/counters", "", local); status != 200 || ramsimtest.Field(body, "total", "received") != 0.0 {
		t.Fatalf("after reset: %d %v", status, body)
	}
	for _, remote := range []string{"10.0.0.8:5555", "[2001:db8::1]:443", "garbage"} {
		for _, ep := range []struct{ method, path, body string }{
			{http.MethodGet, "/__ramsim/faults", ""},
			{http.MethodPut, "/__ramsim/faults", `{"spec":""}`},
			{http.MethodGet, "/__ramsim/counters", ""},
			{http.MethodPost, "/__ramsim/counters/reset", ""},
		} {
			if status, _ := admin(ep.method, ep.path, ep.body, remote); status != http.StatusForbidden {
				t.Fatalf("%s %s from %s: %d", ep.method, ep.path, remote, status)
			}
		}
	}
	if spec, _ := env.Srv.Faults(); spec != "5xx=0.5" {
		t.Fatalf("a remote PUT changed the spec: %q", spec)
	}
}
