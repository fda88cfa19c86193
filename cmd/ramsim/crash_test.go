// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// stormCreateUser creates a user through the classic SDK, reporting an
// API error or a transport failure as an error, for use from goroutines
// while the server may die under them. (A darabonba client is not used
// here: its default HTTP client is shared between clients and written on
// every call, which the race detector reports when goroutines call at once.)
func stormCreateUser(url, name string) error {
	res, err := ramsim.Call(url, ramsim.Credential{AccessKeyID: "cli-key", AccessKeySecret: "cli-secret"},
		"ram:CreateUser", map[string]string{"UserName": name})
	if err == nil && res.Code != "" {
		err = fmt.Errorf("%s: %s", res.Code, res.Message)
	}
	return err
}

// The state survives kill -9 at any moment: every CreateUser the server
// acknowledged with 200 before it was killed is there after a restart with
// the same -state file, and the file always loads. Three rounds, each
// killed at a random moment of a write storm from four clients.
func TestStateSurvivesKill9(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	bin := buildBinary(t)
	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-addr", "127.0.0.1:0", "-account-id", "9999000011112222", "-access-key-id", "cli-key", "-access-key-secret", "cli-secret", "-state", state}
	const writers = 4

	var acked []string // every acknowledged user, all rounds
	for round := range 3 {
		p := startBinary(t, bin, args...)
		// Everything acknowledged in earlier rounds is still there.
		for _, name := range acked {
			body := call(t, p.url, "GetUser", map[string]any{"UserName": name})
			if u, _ := body["User"].(map[string]any); u == nil || u["UserName"] != name {
				t.Fatalf("round %d: acknowledged user %s lost: %v", round, name, body)
			}
		}

		var mu sync.Mutex
		var roundAcked []string
		var ackCount atomic.Int64
		var stop atomic.Bool
		var errCount atomic.Int64
		var wg sync.WaitGroup
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; !stop.Load(); i++ {
					name := fmt.Sprintf("storm-r%d-w%d-%04d", round, w, i)
					if err := stormCreateUser(p.url, name); err != nil {
						if stop.Load() {
							return // the server is gone: unacknowledged, may or may not exist
						}
						if errCount.Add(1) == 1 {
							t.Logf("round %d: CreateUser %s failed before the kill: %v", round, name, err)
						}
						continue
					}
					mu.Lock()
					roundAcked = append(roundAcked, name)
					mu.Unlock()
					ackCount.Add(1)
				}
			}()
		}
		// Kill mid-storm: after a random number of acknowledgements and a
		// random extra delay, so the kill lands anywhere in a request.
		minAcks := int64(10 + rand.IntN(40))
		deadline := time.Now().Add(30 * time.Second)
		for ackCount.Load() < minAcks && errCount.Load() < 100 && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(rand.IntN(20000)) * time.Microsecond)
		// An answer that races the kill and arrives is an acknowledgement
		// like any other; the writers stop once their calls fail.
		if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		stop.Store(true)
		wg.Wait()
		_ = p.cmd.Wait()
		if len(roundAcked) == 0 {
			t.Fatalf("round %d: no CreateUser was acknowledged before the kill (stderr %s)", round, p.stderr)
		}
		t.Logf("round %d: killed after %d acknowledged CreateUser calls", round, len(roundAcked))
		acked = append(acked, roundAcked...)
	}

	// A last restart: every acknowledged user of every round exists.
	p := startBinary(t, bin, args...)
	for _, name := range acked {
		body := call(t, p.url, "GetUser", map[string]any{"UserName": name})
		if u, _ := body["User"].(map[string]any); u == nil || u["UserName"] != name {
			t.Fatalf("acknowledged user %s lost: %v", name, body)
		}
	}
	p.stop(t)
}
