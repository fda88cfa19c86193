// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"os"
	"testing"
	"time"
)

// Start serves with read, write and idle timeouts and a connection limit,
// not only a header timeout: a client that trickles its body, never reads
// the answer or keeps idle connections would otherwise hold a goroutine
// and a descriptor each, without bound.
func TestStartSetsTimeoutsAndConnectionLimit(t *testing.T) {
	srv := newServer(t)
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	hs := srv.http
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.WriteTimeout <= 0 || hs.IdleTimeout <= 0 {
		t.Fatalf("timeouts: header %v, read %v, write %v, idle %v", hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout)
	}
	if hs.ReadTimeout < hs.ReadHeaderTimeout || hs.WriteTimeout < time.Minute {
		t.Fatalf("read %v shorter than the header timeout %v, or write %v too short for a delayed answer", hs.ReadTimeout, hs.ReadHeaderTimeout, hs.WriteTimeout)
	}
	if hs.ConnState == nil {
		t.Fatal("no connection limit")
	}
}

// At the limit a new connection takes the place of an idle keep-alive one;
// when every connection is busy it is closed at once.
func TestConnectionLimit(t *testing.T) {
	l := newConnLimiter(2)
	hs := newServer(t).httpServer(l)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln) //nolint:errcheck // returns ErrServerClosed on Close
	t.Cleanup(func() { hs.Close() })
	dial := func() net.Conn {
		t.Helper()
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
		}
	}
	counts := func() (open, idle int) {
		l.mu.Lock()
		defer l.mu.Unlock()
		for _, st := range l.conns {
			if st == http.StateIdle {
				idle++
			}
		}
		return len(l.conns), idle
	}
	closedByServer := func(c net.Conn) bool {
		t.Helper()
		_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, err := c.Read(make([]byte, 1))
		if errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatal("the connection is still open")
		}
		return err != nil
	}
	get := func(c net.Conn) {
		t.Helper()
		if _, err := c.Write([]byte("GET /__ramsim/counters HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")); err != nil {
			t.Fatal(err)
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET counters: %d", resp.StatusCode)
		}
	}

	a, b := dial(), dial()
	waitFor("two connections", func() bool { open, _ := counts(); return open == 2 })
	if !closedByServer(dial()) {
		t.Fatal("a third connection was served while two were waiting for a request")
	}
	get(a)
	waitFor("an idle connection", func() bool { _, idle := counts(); return idle == 1 })
	d := dial()
	get(d) // served in a's place
	if !closedByServer(a) {
		t.Fatal("the idle connection was not closed")
	}
	get(b)
	if open, _ := counts(); open != 2 {
		t.Fatalf("%d connections tracked, want 2", open)
	}
}

// newServer is a server with the default configuration.
func newServer(t *testing.T) *Server {
	t.Helper()
	srv, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}
