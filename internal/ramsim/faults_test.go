// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/faults"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ramsimtest"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// A bad spec is refused by New and SetFaults alike, and changes nothing.
func TestFaultSpecRefused(t *testing.T) {
	if _, err := ramsim.New(ramsim.Config{Faults: "throttle=3"}); err == nil || !strings.Contains(err.Error(), `"throttle"`) {
		t.Fatalf("New with a bad spec: %v", err)
	}
	env := ramsimtest.New(t, ramsim.Config{Faults: "throttle=0.1", Seed: 3})
	if err := env.Srv.SetFaults("5xx=x", 1); err == nil || !strings.Contains(err.Error(), `"5xx"`) {
		t.Fatalf("SetFaults: %v", err)
	}
	if spec, seed := env.Srv.Faults(); spec != "throttle=0.1" || seed != 3 {
		t.Fatalf("a refused spec changed the faults: %q %d", spec, seed)
	}
}

// faultSequence serves n GetUser calls and returns their answers' codes.
func faultSequence(t *testing.T, spec string, seed int64, n int) []string {
	env := ramsimtest.New(t, ramsim.Config{Faults: spec, Seed: seed})
	out := make([]string, n)
	for i := range out {
		status, body := env.Call(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"})
		out[i] = fmt.Sprintf("%d:%s", status, ramsimtest.Str(body, "Code"))
	}
	return out
}

func TestFaultsDeterministic(t *testing.T) {
	const spec = "throttle=0.2,5xx=0.2"
	// Faults are turned on after the setup call.
	run := func(seed int64) []string {
		env := ramsimtest.New(t, ramsim.Config{Seed: seed})
		env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
		if err := env.Srv.SetFaults(spec, seed); err != nil {
			t.Fatal(err)
		}
		out := make([]string, 200)
		for i := range out {
			status, body := env.Call(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"})
			out[i] = fmt.Sprintf("%d:%s", status, ramsimtest.Str(body, "Code"))
		}
		return out
	}
	a, b, c := run(42), run(42), run(43)
	if strings.Join(a, " ") != strings.Join(b, " ") {
		t.Fatalf("same seed, different faults:\n%v\n%v", a, b)
	}
	if strings.Join(a, " ") == strings.Join(c, " ") {
		t.Fatal("seeds 42 and 43 gave the same 200 faults")
	}
	kinds := map[string]int{}
	for _, x := range a {
		kinds[x]++
	}
	if kinds["200:"] == 0 || kinds["400:Throttling.User"] == 0 || kinds["500:InternalError"]+kinds["503:ServiceUnavailable"] == 0 {
		t.Fatalf("fault mix %v", kinds)
	}
	// A spec set at New works like SetFaults.
	if got := faultSequence(t, "throttle=1", 1, 3); got[2] != "400:Throttling.User" {
		t.Fatalf("spec from Config: %v", got)
	}
}

func TestFaultThrottleAnd5xx(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "throttle=1"})
	body := env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}, http.StatusBadRequest, "Throttling.User")
	if body["Message"] != "Request was denied due to user flow control." || body["HostId"] != "ram.aliyuncs.com" {
		t.Fatalf("throttle answer %v", body)
	}
	if _, ok := env.Srv.User("alice"); ok {
		t.Fatal("a throttled CreateUser ran")
	}
	if err := env.Srv.SetFaults("5xx=1", 5); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for range 40 {
		status, body := env.Call(ramsimtest.VIMS, "ListTagResources", map[string]string{"ResourceType": "user"})
		switch {
		case status == 500 && body["Code"] == "InternalError", status == 503 && body["Code"] == "ServiceUnavailable":
			ramsimtest.WantError(t, status, body, status, ramsimtest.Str(body, "Code"))
			if body["HostId"] != "ims.aliyuncs.com" {
				t.Fatalf("HostId %v", body)
			}
			seen[ramsimtest.Str(body, "Code")] = true
		default:
			t.Fatalf("5xx=1 answered %d %v", status, body)
		}
	}
	if !seen["InternalError"] || !seen["ServiceUnavailable"] {
		t.Fatalf("40 5xx faults gave only %v", seen)
	}
	// Scoped to CreateUser: other actions pass.
	if err := env.Srv.SetFaults("throttle=1,actions=CreateUser", 5); err != nil {
		t.Fatal(err)
	}
	env.Fail(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"}, http.StatusBadRequest, "Throttling.User")
	env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "alice"}, http.StatusNotFound, "EntityNotExist.User")
	if err := env.Srv.SetFaults("", 0); err != nil {
		t.Fatal(err)
	}
	env.OK(ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "alice"})
}

func TestFaultLatency(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "latency=40ms,jitter=20ms"})
	for range 3 {
		start := time.Now()
		env.Fail(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"}, http.StatusNotFound, "EntityNotExist.User")
		if d := time.Since(start); d < 40*time.Millisecond {
			t.Fatalf("answered after %v, want at least 40ms", d)
		}
	}
	if c := env.Srv.Counters().Actions["GetUser"]; c.Faults[faults.Latency] != 3 || c.Errors != 3 {
		t.Fatalf("counters %+v", c)
	}
}

func TestFaultQPS(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "qps=2"})
	get := func() (int, map[string]any) {
		return env.Call(ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "nobody"})
	}
	for i := range 2 {
		if status, body := get(); status != http.StatusNotFound {
			t.Fatalf("request %d within the limit: %d %v", i, status, body)
		}
	}
	status, body := get()
	ramsimtest.WantError(t, status, body, http.StatusBadRequest, "Throttling.User")
	env.Clock.Add(500 * time.Millisecond) // one token back
	if status, _ := get(); status != http.StatusNotFound {
		t.Fatalf("after 0.5s: %d", status)
	}
	if status, _ := get(); status != http.StatusBadRequest {
		t.Fatalf("second after 0.5s: %d", status)
	}
	env.Clock.Add(10 * time.Second) // the bucket holds 2 at most
	for i := range 3 {
		status, _ := get()
		if want := map[bool]int{true: 404, false: 400}[i < 2]; status != want {
			t.Fatalf("after 10s, request %d: %d, want %d", i, status, want)
		}
	}
	c := env.Srv.Counters().Actions["GetUser"]
	if c.Received != 8 || c.Throttled != 3 || c.Faults[faults.QPS] != 3 || c.Errors != 8 || c.OK != 0 {
		t.Fatalf("counters %+v", c)
	}
}

// started runs env's server on a loopback port.
func started(e *ramsimtest.Env) string {
	e.T.Helper()
	if err := e.Srv.Start("127.0.0.1:0"); err != nil {
		e.T.Fatal(err)
	}
	e.T.Cleanup(func() { e.Srv.Close() })
	return e.Srv.URL()
}

// send makes r, a request built by e.request, over a real connection
// (one per request: no transport retry of a dropped one).
func send(e *ramsimtest.Env, base string, r *http.Request) (*http.Response, error) {
	u, err := url.Parse(base + r.URL.RequestURI())
	if err != nil {
		e.T.Fatal(err)
	}
	req, err := http.NewRequest(r.Method, u.String(), nil)
	if err != nil {
		e.T.Fatal(err)
	}
	req.Header = r.Header.Clone()
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 10 * time.Second}
	return c.Do(req)
}

func TestFaultLostAndReset(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	env := ramsimtest.New(t, ramsim.Config{StatePath: state, Faults: "lost=1,actions=CreateUser"})
	base := started(env)
	resp, err := send(env, base, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "lost"}))
	if err == nil {
		resp.Body.Close()
		t.Fatalf("lost: got an answer %d", resp.StatusCode)
	}
	if _, ok := env.Srv.User("lost"); !ok {
		t.Fatal("lost: the change was not committed")
	}
	if data, err := os.ReadFile(state); err != nil || !strings.Contains(string(data), `"lost"`) {
		t.Fatalf("lost: the change was not saved: %v", err)
	}
	// GetUser is out of scope and answers.
	resp, err = send(env, base, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "lost"}))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GetUser: %v %v", resp, err)
	}
	resp.Body.Close()

	if err := env.Srv.SetFaults("reset=1", 1); err != nil {
		t.Fatal(err)
	}
	for _, sg := range []ramsimtest.Signer{{}, {V3: true}} {
		resp, err = send(env, base, env.Request(sg, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "reset"}))
		if err == nil {
			resp.Body.Close()
			t.Fatalf("reset: got an answer %d", resp.StatusCode)
		}
	}
	if _, ok := env.Srv.User("reset"); ok {
		t.Fatal("reset: the handler ran")
	}
	c := env.Srv.Counters()
	if cu := c.Actions["CreateUser"]; cu.Received != 3 || cu.Faults[faults.Lost] != 1 || cu.Faults[faults.Reset] != 2 || cu.OK != 0 || cu.Errors != 0 {
		t.Fatalf("CreateUser counters %+v", cu)
	}
	if c.Total.Received != 4 || c.Total.OK != 1 {
		t.Fatalf("total %+v", c.Total)
	}
	// A dropped request through a recorder (not hijackable) aborts the
	// handler the net/http way.
	defer func() {
		if r := recover(); r != http.ErrAbortHandler {
			t.Fatalf("recover() = %v", r)
		}
	}()
	env.Do(env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "reset"}))
}

func TestBodyTooLarge(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	r := env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": "big"})
	big := "Comments=" + strings.Repeat("x", wire.MaxBodyBytes)
	r2, _ := http.NewRequest(http.MethodPost, r.URL.String(), strings.NewReader(big))
	r2.Header = r.Header.Clone()
	r2.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r2.RemoteAddr = r.RemoteAddr
	status, body := env.Do(r2)
	ramsimtest.WantError(t, status, body, http.StatusRequestEntityTooLarge, "RequestEntityTooLarge")
	if !strings.Contains(ramsimtest.Str(body, "Message"), "1048576 bytes") {
		t.Fatalf("message %v", body)
	}
	if _, ok := env.Srv.User("big"); ok {
		t.Fatal("oversized request ran")
	}
	// Exactly the limit is fine (the body is then a form of one field).
	ok := "Comments=" + strings.Repeat("x", wire.MaxBodyBytes-len("Comments="))
	r3, _ := http.NewRequest(http.MethodPost, r.URL.String(), strings.NewReader(ok))
	r3.Header = r2.Header
	if status, body := env.Do(r3); status == http.StatusRequestEntityTooLarge {
		t.Fatalf("a body of exactly the limit refused: %v", body)
	}
}

// Faults, counters and the lagged view under concurrent requests (run
// with -race).
func TestFaultsConcurrent(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{Faults: "throttle=0.2,5xx=0.1,jitter=1ms,consistency=1s", Seed: 1})
	done := make(chan int)
	for g := range 4 {
		go func() {
			n := 0
			for i := range 25 {
				name := fmt.Sprintf("u%d-%d", g, i)
				w := httptest.NewRecorder()
				env.Srv.ServeHTTP(w, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "CreateUser", map[string]string{"UserName": name}))
				w = httptest.NewRecorder()
				env.Srv.ServeHTTP(w, env.Request(ramsimtest.Signer{}, ramsimtest.VRAM, "ListUsers", nil))
				n += 2
			}
			done <- n
		}()
	}
	total := 0
	for range 4 {
		total += <-done
	}
	c := env.Srv.Counters().Total
	if c.Received != int64(total) || c.OK+c.Errors != c.Received {
		t.Fatalf("counters %+v after %d requests", c, total)
	}
}

func TestRequestAccessKey(t *testing.T) {
	env := ramsimtest.New(t, ramsim.Config{})
	for _, sg := range []ramsimtest.Signer{{KeyID: "k1"}, {KeyID: "k2", V3: true}} {
		r := env.Request(sg, ramsimtest.VRAM, "GetUser", map[string]string{"UserName": "x"})
		if got := wire.ClaimedAccessKey(r, wire.Params(r.URL.Query())); got != sg.KeyID {
			t.Fatalf("v3=%v: %q", sg.V3, got)
		}
	}
}
