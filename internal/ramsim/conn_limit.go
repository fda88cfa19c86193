// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net"
	"net/http"
	"sync"
)

// maxConnections bounds the connections one server keeps open. Each costs
// a goroutine, buffers and a descriptor; the limit is far above what
// terraform (10 operations at once by default) or the concurrency tests
// (50 clients) need.
const maxConnections = 512

// connLimiter bounds a server's open connections through its ConnState
// hook. At the limit a new connection takes the place of an idle
// keep-alive one (clients that build an SDK client per call leave those
// behind until IdleTimeout); when none is idle the new one is closed at
// once, so its client fails fast instead of waiting.
//
// netutil.LimitListener would wrap every connection, hiding the
// *net.TCPConn that the reset fault needs to send a TCP RST (faults.go);
// the hook sees the connection itself.
type connLimiter struct {
	max   int
	mu    sync.Mutex
	conns map[net.Conn]http.ConnState // open connections and their state
}

func newConnLimiter(limit int) *connLimiter {
	return &connLimiter{max: limit, conns: map[net.Conn]http.ConnState{}}
}

// track is the http.Server.ConnState hook.
func (l *connLimiter) track(c net.Conn, st http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch st {
	case http.StateNew:
		if len(l.conns) >= l.max && !l.closeIdle() {
			c.Close()
			return
		}
		l.conns[c] = st
	case http.StateActive, http.StateIdle:
		if _, open := l.conns[c]; open {
			l.conns[c] = st
		}
	case http.StateHijacked, http.StateClosed:
		delete(l.conns, c)
	}
}

// closeIdle closes one idle connection, if there is one (l.mu held). A
// request its client sends at that very moment fails, as it would on a
// server's IdleTimeout; clients retry those on a new connection.
func (l *connLimiter) closeIdle() bool {
	for c, st := range l.conns {
		if st == http.StateIdle {
			c.Close()
			delete(l.conns, c)
			return true
		}
	}
	return false
}
