// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// `ramsim call` signs as the given key; its exit status tells success, a
// refusal for lack of permission and another API error apart.
func TestCallSubcommand(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, "")
	}
	srv, err := ramsim.New(ramsim.Config{AccountID: "1234567890123456", AccessKeyID: "root", AccessKeySecret: "root-secret"})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	call := func(id, secret string, args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"call", "-endpoint", srv.URL(), "-access-key-id", id, "-access-key-secret", secret}, args...), &stdout, &stderr)
		return stdout.String(), err
	}
	exitCode := func(err error) int {
		var e *exitError
		if errors.As(err, &e) {
			return e.code
		}
		return -1
	}

	out, err := call("root", "root-secret", "sts:GetCallerIdentity")
	if err != nil || !strings.Contains(out, `"AccountId": "1234567890123456"`) {
		t.Fatalf("GetCallerIdentity as root: %v\n%s", err, out)
	}
	if _, err := call("root", "root-secret", "ram:CreateUser", "UserName=dev"); err != nil {
		t.Fatal(err)
	}
	out, err = call("root", "root-secret", "ram:CreateAccessKey", "UserName=dev")
	if err != nil {
		t.Fatal(err)
	}
	id := between(out, `"AccessKeyId": "`, `"`)
	secret := between(out, `"AccessKeySecret": "`, `"`)
	if id == "" || secret == "" {
		t.Fatalf("no key in %s", out)
	}
	// A user without a policy: refused, exit 3, the denied action named.
	_, err = call(id, secret, "mse:ListClusters", "RegionId=cn-hangzhou")
	if exitCode(err) != exitNoPermission || !strings.Contains(err.Error(), "mse:ListClusters") {
		t.Fatalf("ListClusters as dev: %v (exit %d), want NoPermission naming the action", err, exitCode(err))
	}
	// Another API error: exit 2.
	if _, err := call("root", "root-secret", "ram:GetUser", "UserName=nobody"); exitCode(err) != exitAPIError {
		t.Fatalf("GetUser nobody: %v, want exit %d", err, exitAPIError)
	}
	// Usage errors.
	if _, err := call("root", "root-secret", "nosuch:Thing"); err == nil || exitCode(err) != -1 {
		t.Fatalf("unknown service: %v", err)
	}
	if _, err := call("root", "root-secret", "ram:GetUser", "UserName"); err == nil {
		t.Fatal("a parameter without '=' was accepted")
	}
}

func between(s, start, end string) string {
	_, rest, ok := strings.Cut(s, start)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, end)
	return v
}
