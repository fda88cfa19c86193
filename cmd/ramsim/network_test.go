// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startRun runs the command in-process until the test ends and returns
// the URL of its ready line.
func startRun(t *testing.T, args ...string) (url string, stderr *bytes.Buffer) {
	t.Helper()
	stderr = &bytes.Buffer{}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, w, stderr); w.Close() }()
	line, _ := bufio.NewReader(r).ReadString('\n')
	m := regexp.MustCompile(`^ramsim listening on (http://\S+)\n$`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		t.Fatalf("ready line %q: %v; stderr %s", line, <-done, stderr)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return m[1], stderr
}

// Listening beyond loopback with the documented root key needs
// -allow-remote, and then says what it exposes; a key of one's own is
// enough without it.
func TestRemoteBindNeedsAllowRemote(t *testing.T) {
	var stderr bytes.Buffer
	for _, args := range [][]string{
		{"-addr", "0.0.0.0:0"},
		{"-addr", ":0"},
		{"-addr", "0.0.0.0:0", "-access-key-id", "mine", "-access-key-secret", "ramsim-secret"},
	} {
		// Served (wrongly) until the deadline, run would return nil.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := run(ctx, args, io.Discard, &stderr)
		cancel()
		if err == nil || !strings.Contains(err.Error(), "-allow-remote") || !strings.Contains(err.Error(), "-access-key-secret") {
			t.Fatalf("%v: %v", args, err)
		}
	}
	_, warned := startRun(t, "-addr", "0.0.0.0:0", "-allow-remote")
	if !strings.Contains(warned.String(), "warning") || !strings.Contains(warned.String(), "ramsim-secret") {
		t.Fatalf("-allow-remote with the documented key: no warning on stderr: %q", warned)
	}
	_, quiet := startRun(t, "-addr", "0.0.0.0:0", "-access-key-id", "mine", "-access-key-secret", "a-secret-of-mine")
	if quiet.Len() != 0 {
		t.Fatalf("a key of one's own: stderr %q", quiet)
	}
	_, quiet = startRun(t, "-addr", "127.0.0.1:0", "-allow-remote")
	if quiet.Len() != 0 {
		t.Fatalf("loopback with -allow-remote: stderr %q", quiet)
	}
}

// -allowed-hosts adds names to the Host values served; others are refused.
func TestAllowedHostsFlag(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-allowed-hosts", "ok.test,http://bad.test"}, io.Discard, &stderr); err == nil ||
		!strings.Contains(err.Error(), "http://bad.test") {
		t.Fatalf("a URL in -allowed-hosts: %v", err)
	}
	url, _ := startRun(t, "-addr", "127.0.0.1:0", "-allowed-hosts", " ramsim.test , other.test")
	for host, want := range map[string]int{"ramsim.test": 200, "other.test:8765": 200, "evil.test": 403, "": 200} {
		req, _ := http.NewRequest(http.MethodGet, url+"/__ramsim/counters", nil)
		req.Host = host
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Fatalf("Host %q: %d, want %d", host, resp.StatusCode, want)
		}
	}
	var usage bytes.Buffer
	_ = run(context.Background(), []string{"-h"}, io.Discard, &usage)
	for _, flag := range []string{"-allow-remote", "-allowed-hosts"} {
		if !strings.Contains(usage.String(), flag) {
			t.Fatalf("-h does not document %s", flag)
		}
	}
}

// The server the command starts has read, write and idle timeouts and a
// connection limit.
func TestCommandServerLimits(t *testing.T) {
	srv, _, _, err := setup([]string{"-addr", "127.0.0.1:0"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 || hs.ConnState == nil {
		t.Fatalf("timeouts: header %v, read %v, write %v, idle %v; connection limit set: %v",
			hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout, hs.ConnState != nil)
	}
}
