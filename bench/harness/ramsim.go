// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// emulator is one ramsim process, and the counting proxy in front of it
// when ramsim has no request counters of its own.
type emulator struct {
	cmd   *exec.Cmd
	url   string // what the provider is pointed at
	admin string // ramsim's own URL, for the admin endpoints
	proxy *countingProxy
	done  chan struct{} // closed when the process has exited
}

// actionCount is one action's counts.
type actionCount struct {
	Received  int64 `json:"received"`
	OK        int64 `json:"ok"`
	Errors    int64 `json:"errors"`
	Throttled int64 `json:"throttled"`
}

// counts are the per-action request counts at one moment.
type counts map[string]actionCount

// sub is c - before, per action, dropping actions with no requests.
func (c counts) sub(before counts) counts {
	out := counts{}
	for a, n := range c {
		b := before[a]
		d := actionCount{n.Received - b.Received, n.OK - b.OK, n.Errors - b.Errors, n.Throttled - b.Throttled}
		if d.Received != 0 {
			out[a] = d
		}
	}
	return out
}

func (c counts) total() actionCount {
	var t actionCount
	for _, n := range c {
		t.Received += n.Received
		t.OK += n.OK
		t.Errors += n.Errors
		t.Throttled += n.Throttled
	}
	return t
}

// ramsimSupports reports whether the built ramsim has a flag (its -h text
// names it).
func ramsimSupports(bin, flagName string) bool {
	out, _ := exec.Command(bin, "-h").CombinedOutput()
	return strings.Contains(string(out), "-"+flagName+" ")
}

// startRamsim starts ramsim on a free loopback port with the given -faults
// spec ("" for none) and waits for its ready line.
func startRamsim(e *env, dir, faults string) (*emulator, error) {
	args := []string{"-addr", "127.0.0.1:0"}
	if faults != "" {
		args = append(args, "-faults", faults)
	}
	cmd := exec.Command(e.ramsim, args...)
	stderr, err := os.Create(filepath.Join(dir, "ramsim.log"))
	if err != nil {
		return nil, err
	}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stderr.Close()
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		for sc.Scan() {
		}
	}()
	em := &emulator{cmd: cmd, done: make(chan struct{})}
	go func() {
		// Its exit status is of no interest: by the time it exits the
		// benchmark has its figures, or has failed for a clearer reason.
		_ = cmd.Wait()
		close(em.done)
	}()
	select {
	case line, ok := <-lines:
		u, found := strings.CutPrefix(line, "ramsim listening on ")
		if !ok || !found {
			em.stop()
			return nil, fmt.Errorf("ramsim did not start: %q; log:\n%s", line, tailFile(filepath.Join(dir, "ramsim.log"), 20))
		}
		em.url, em.admin = u, u
	case <-time.After(15 * time.Second):
		em.stop()
		return nil, fmt.Errorf("ramsim did not print its ready line within 15 s")
	}
	if _, err := em.ramsimCounters(); err != nil {
		// No counters endpoint: count in a proxy of our own.
		p, err := newCountingProxy(em.admin)
		if err != nil {
			em.stop()
			return nil, err
		}
		em.proxy, em.url = p, p.url
	}
	return em, nil
}

func (em *emulator) stop() {
	if em.proxy != nil {
		em.proxy.close()
	}
	if em.cmd.Process != nil {
		// An emulator that already exited is as good as stopped.
		_ = em.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-em.done:
		case <-time.After(5 * time.Second):
			_ = em.cmd.Process.Kill()
			<-em.done
		}
	}
}

// counterSource says where the counts come from, for the report.
func (em *emulator) counterSource() string {
	if em.proxy != nil {
		return "a counting reverse proxy in the harness (this ramsim has no /__ramsim/counters)"
	}
	return "ramsim's GET /__ramsim/counters"
}

func (em *emulator) counts() (counts, error) {
	if em.proxy != nil {
		return em.proxy.snapshot(), nil
	}
	return em.ramsimCounters()
}

func (em *emulator) ramsimCounters() (counts, error) {
	resp, err := http.Get(em.admin + "/__ramsim/counters")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /__ramsim/counters: %s", resp.Status)
	}
	var body struct {
		Actions map[string]actionCount `json:"actions"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("GET /__ramsim/counters: %w", err)
	}
	if body.Actions == nil {
		body.Actions = map[string]actionCount{}
	}
	return counts(body.Actions), nil
}

// countingProxy forwards to ramsim and counts requests by Action (the V3
// x-acs-action header or the V1 Action parameter) and answer status. The
// Host header is kept, so V3 signatures still verify.
type countingProxy struct {
	srv *http.Server
	url string
	mu  sync.Mutex
	n   counts
}

func newCountingProxy(target string) (*countingProxy, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &countingProxy{url: "http://" + ln.Addr().String(), n: counts{}}
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.ModifyResponse = func(resp *http.Response) error {
		action := resp.Request.Header.Get("x-acs-action")
		if action == "" {
			action = resp.Request.URL.Query().Get("Action")
		}
		p.mu.Lock()
		c := p.n[action]
		c.Received++
		if resp.StatusCode == http.StatusOK {
			c.OK++
		} else {
			c.Errors++
		}
		p.n[action] = c
		p.mu.Unlock()
		return nil
	}
	p.srv = &http.Server{Handler: rp, ReadHeaderTimeout: 30 * time.Second}
	go p.srv.Serve(ln) //nolint:errcheck // ErrServerClosed at close
	return p, nil
}

func (p *countingProxy) snapshot() counts {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := counts{}
	for k, v := range p.n {
		out[k] = v
	}
	return out
}

func (p *countingProxy) close() { p.srv.Close() }
