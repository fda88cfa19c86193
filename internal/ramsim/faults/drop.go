// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package faults

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Sleep waits d or until ctx ends.
func Sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// Drop closes the client connection without an answer. With
// rst the close discards unsent data and sends a TCP RST (a "connection
// reset by peer"); otherwise it is an orderly close (the client reads EOF).
// A writer that cannot be hijacked (HTTP/2, httptest.ResponseRecorder) is
// aborted with http.ErrAbortHandler, which net/http turns into a dropped
// connection or stream.
func Drop(w http.ResponseWriter, rst bool) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok && rst {
		_ = tc.SetLinger(0)
	}
	conn.Close()
}
