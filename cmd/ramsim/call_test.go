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

// The usage text of `ramsim call` names the variables it reads and never
// shows their values: on -h, without arguments, on a flag error. The
// values are still used when no flag is given.
func TestCallUsageHidesSecrets(t *testing.T) {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(v, "")
	}
	srv, err := ramsim.New(ramsim.Config{AccessKeyID: "env-key-id-7c1f", AccessKeySecret: "env-secret-5d9a"})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	env := map[string]string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID":     "env-key-id-7c1f",
		"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret-5d9a",
		"ALIBABA_CLOUD_SECURITY_TOKEN":    "env-token-3e8b",
		"RAMSIM_ENDPOINT":                 srv.URL(),
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	for _, args := range [][]string{{"-h"}, {"-help"}, {}, {"-nosuch"}, {"-endpoint"}, {"-access-key-id"}} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"call"}, args...), &stdout, &stderr)
		if err == nil {
			t.Fatalf("call %v succeeded", args)
		}
		all := stdout.String() + stderr.String() + err.Error()
		for _, secret := range []string{"env-secret-5d9a", "env-token-3e8b"} {
			if strings.Contains(all, secret) {
				t.Errorf("call %v prints %q:\n%s", args, secret, all)
			}
		}
		for _, name := range []string{"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"} {
			if !strings.Contains(stderr.String(), name) {
				t.Errorf("call %v: the usage does not name %s:\n%s", args, name, stderr.String())
			}
		}
	}
	// Without flags the variables are used (the token is for STS
	// credentials; the root key has none, so drop it here).
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", "")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"call", "sts:GetCallerIdentity"}, &stdout, &stderr); err != nil || !strings.Contains(stdout.String(), `"AccountId"`) {
		t.Fatalf("call with the key from the environment: %v\n%s%s", err, stdout.String(), stderr.String())
	}
}
