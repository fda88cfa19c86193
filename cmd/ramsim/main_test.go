// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
)

var readyLine = regexp.MustCompile(`^ramsim listening on (https?://127\.0\.0\.1:[0-9]+)\n$`)

// buildBinary compiles the command once per test.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ramsim")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a running ramsim binary.
type process struct {
	cmd    *exec.Cmd
	url    string
	stdout *bufio.Reader
	stderr *bytes.Buffer
}

// startBinary runs the binary and waits for its ready line.
func startBinary(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, stdout: bufio.NewReader(stdout), stderr: &bytes.Buffer{}}
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		// stop may already have reaped the process; Kill then reports os.ErrProcessDone.
		if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
			t.Errorf("kill ramsim: %v", err)
		}
		_ = cmd.Wait() // Only reaps: the exit status of a killed or already-waited process says nothing.
	})
	line := make(chan string, 1)
	go func() {
		l, _ := p.stdout.ReadString('\n')
		line <- l
	}()
	select {
	case l := <-line:
		m := readyLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("first stdout line %q; stderr %s", l, p.stderr)
		}
		p.url = m[1]
	case <-time.After(20 * time.Second):
		t.Fatal("no ready line within 20s")
	}
	return p
}

// stop sends SIGTERM and requires a clean exit with nothing more on stdout.
func (p *process) stop(t *testing.T) {
	t.Helper()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(p.stdout)
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("exit: %v; stderr %s", err, p.stderr)
	}
	if len(rest) > 0 {
		t.Fatalf("more stdout after the ready line: %q", rest)
	}
}

func call(t *testing.T, url, action string, query map[string]any) map[string]any {
	t.Helper()
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String("cli-key"), AccessKeySecret: dara.String("cli-secret"),
		Endpoint: dara.String(strings.TrimPrefix(url, "http://")), Protocol: dara.String("http"),
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.CallApi(&openapiutil.Params{
		Action: dara.String(action), Version: dara.String("2015-05-01"), Protocol: dara.String("HTTPS"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}, &dara.RuntimeOptions{})
	if err != nil {
		t.Fatalf("%s: %v", action, err)
	}
	body, _ := res["body"].(map[string]any)
	return body
}

func TestBinaryServesAndPersists(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	bin := buildBinary(t)
	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-addr", "127.0.0.1:0", "-account-id", "9999000011112222", "-access-key-id", "cli-key", "-access-key-secret", "cli-secret", "-state", state}

	p := startBinary(t, bin, args...)
	body := call(t, p.url, "CreateUser", map[string]any{"UserName": "persisted", "Comments": "kept"})
	id, _ := body["User"].(map[string]any)["UserId"].(string)
	p.stop(t)
	if _, err := os.Stat(state); err != nil {
		t.Fatalf("state file: %v", err)
	}

	p = startBinary(t, bin, args...)
	body = call(t, p.url, "GetUser", map[string]any{"UserName": "persisted"})
	u, ok := body["User"].(map[string]any)
	if !ok {
		t.Fatalf("after restart: User is %T, not an object: %v", body["User"], body)
	}
	if u["UserId"] != id || u["Comments"] != "kept" {
		t.Fatalf("after restart: %v", body)
	}
	p.stop(t)
}

func TestRunFlags(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v", err)
	}
	if !strings.Contains(stderr.String(), "-state") || stdout.Len() != 0 {
		t.Fatalf("usage on stderr %q, stdout %q", stderr.String(), stdout.String())
	}
	if err := run(context.Background(), []string{"extra"}, &stdout, &stderr); err == nil {
		t.Fatal("positional argument accepted")
	}
	if err := run(context.Background(), []string{"-addr", "256.0.0.1:x"}, &stdout, &stderr); err == nil {
		t.Fatal("bad address accepted")
	}
	// In-process: ready line, then a clean stop when the context ends.
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-addr", "127.0.0.1:0"}, w, &stderr); w.Close() }()
	line, _ := bufio.NewReader(r).ReadString('\n')
	if !readyLine.MatchString(line) {
		t.Fatalf("ready line %q", line)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// -in-use marks catalog services in use; the admin endpoint shows and
// changes it; an unknown service is refused at start.
func TestInUseFlagAndAdminEndpoint(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	var stderr bytes.Buffer
	if err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-in-use", "nope.aliyuncs.com"}, io.Discard, &stderr); err == nil ||
		!strings.Contains(err.Error(), "unknown service") {
		t.Fatalf("unknown service: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-in-use", "mssp.aliyuncs.com, esa.mssp.aliyuncs.com"}, w, &stderr)
		w.Close()
	}()
	line, _ := bufio.NewReader(r).ReadString('\n')
	m := readyLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("ready line %q", line)
	}
	get := func(method, service, body string) map[string]any {
		t.Helper()
		req, _ := http.NewRequest(method, m[1]+"/__ramsim/services/"+service+"/in-use", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s %s: %d %v", method, service, resp.StatusCode, err)
		}
		return out
	}
	for _, svc := range []string{"mssp.aliyuncs.com", "esa.mssp.aliyuncs.com"} {
		if got := get(http.MethodGet, svc, ""); got["in_use"] != true {
			t.Fatalf("%s: %v", svc, got)
		}
	}
	if got := get(http.MethodGet, "mse.aliyuncs.com", ""); got["in_use"] != false {
		t.Fatalf("mse: %v", got)
	}
	if got := get(http.MethodPost, "mssp.aliyuncs.com", `{"in_use":false}`); got["in_use"] != false {
		t.Fatalf("cleared: %v", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// -fixtures loads the MSE instances and gateways; a bad file stops the
// command with an error naming the file and the field.
func TestFixturesFlag(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-h"}, &stdout, &stderr); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr.String(), "-fixtures") {
		t.Fatalf("-h does not document -fixtures: %v %s", err, stderr.String())
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"Clusters":[{"InstanceId":"mse-cn-a","Namespaces":[{"NamespaceId":""}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-fixtures", bad}, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), "Clusters[0].Namespaces[0].NamespaceId") {
		t.Fatalf("bad fixtures: %v", err)
	}
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(`{"Clusters":[{"InstanceId":"mse-cn-cli","ClusterAliasName":"from-file"}],
		"Gateways":[{"GatewayUniqueId":"gw-cli","Name":"cli-gateway"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-access-key-id", "cli-key", "-access-key-secret", "cli-secret", "-fixtures", good}, w, &stderr)
		w.Close()
	}()
	line, _ := bufio.NewReader(r).ReadString('\n')
	m := readyLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("ready line %q", line)
	}
	c, err := openapi.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String("cli-key"), AccessKeySecret: dara.String("cli-secret"),
		Endpoint: dara.String(strings.TrimPrefix(m[1], "http://")), Protocol: dara.String("http"),
	})
	if err != nil {
		t.Fatal(err)
	}
	mseCall := func(action string, query map[string]any) map[string]any {
		t.Helper()
		res, err := c.CallApi(&openapiutil.Params{
			Action: dara.String(action), Version: dara.String("2019-05-31"), Protocol: dara.String("HTTPS"),
			Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"),
			Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
		}, &openapiutil.OpenApiRequest{Query: openapiutil.Query(query)}, &dara.RuntimeOptions{})
		if err != nil {
			t.Fatalf("%s: %v", action, err)
		}
		body, _ := res["body"].(map[string]any)
		return body
	}
	clusters := mseCall("ListClusters", map[string]any{"PageNum": 1, "PageSize": 10})
	data, _ := clusters["Data"].([]any)
	if len(data) != 1 {
		t.Fatalf("ListClusters: %v", clusters)
	}
	if cl, ok := data[0].(map[string]any); !ok || cl["ClusterAliasName"] != "from-file" {
		t.Fatalf("ListClusters: %v", clusters)
	}
	gw := mseCall("GetGateway", map[string]any{"GatewayUniqueId": "gw-cli"})
	if d, _ := gw["Data"].(map[string]any); gw["Success"] != true || d["Name"] != "cli-gateway" {
		t.Fatalf("GetGateway: %v", gw)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// -faults and -seed configure fault injection; the admin endpoints show
// and change it and count requests; a bad spec stops the command.
func TestFaultsFlags(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(v, "")
	}
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-faults", "throttle=0.5,lost=oops"}, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), `key "lost"`) {
		t.Fatalf("bad -faults: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-access-key-id", "cli-key", "-access-key-secret", "cli-secret",
			"-faults", "throttle=1,actions=DeleteUser", "-seed", "77"}, w, &stderr)
		w.Close()
	}()
	line, _ := bufio.NewReader(r).ReadString('\n')
	m := readyLine.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("ready line %q", line)
	}
	admin := func(method, path, body string) map[string]any {
		t.Helper()
		req, _ := http.NewRequest(method, m[1]+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s %s: %d %v %v", method, path, resp.StatusCode, err, out)
		}
		return out
	}
	if got := admin(http.MethodGet, "/__ramsim/faults", ""); got["spec"] != "throttle=1,actions=DeleteUser" || got["seed"] != 77.0 {
		t.Fatalf("faults: %v", got)
	}
	call(t, m[1], "CreateUser", map[string]any{"UserName": "f"}) // out of scope: answers
	if got := admin(http.MethodPut, "/__ramsim/faults", `{"spec":"latency=1ms","seed":1}`); got["spec"] != "latency=1ms" {
		t.Fatalf("PUT faults: %v", got)
	}
	call(t, m[1], "GetUser", map[string]any{"UserName": "f"})
	got := admin(http.MethodGet, "/__ramsim/counters", "")
	if tot, _ := got["total"].(map[string]any); tot["received"] != 2.0 || tot["ok"] != 2.0 {
		t.Fatalf("counters: %v", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
