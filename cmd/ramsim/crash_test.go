// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
)

// stormClient is an SDK client that reports errors instead of failing the
// test, for use from goroutines while the server may die under it.
func stormClient(url string) (*openapi.Client, error) {
	return openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String("cli-key"), AccessKeySecret: dara.String("cli-secret"),
		Endpoint: dara.String(strings.TrimPrefix(url, "http://")), Protocol: dara.String("http"),
	})
}

func stormCall(c *openapi.Client, action string, query map[string]any) (map[string]any, error) {
	res, err := c.CallApi(&openapiutil.Params{
		Action: dara.String(action), Version: dara.String("2015-05-01"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)},
		&dara.RuntimeOptions{ConnectTimeout: dara.Int(2000), ReadTimeout: dara.Int(5000)})
	if err != nil {
		return nil, err
	}
	if code := fmt.Sprint(res["statusCode"]); code != "200" { // an integer of some width
		return nil, fmt.Errorf("status %v", res["statusCode"])
	}
	body, _ := res["body"].(map[string]any)
	return body, nil
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
				c, err := stormClient(p.url)
				if err != nil {
					t.Error(err)
					return
				}
				for i := 0; !stop.Load(); i++ {
					name := fmt.Sprintf("storm-r%d-w%d-%04d", round, w, i)
					if _, err := stormCall(c, "CreateUser", map[string]any{"UserName": name}); err != nil {
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
