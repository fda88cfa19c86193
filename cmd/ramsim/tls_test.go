// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/testcert"
)

// -tls-cert and -tls-key go together; the error names the missing flag,
// and a file that cannot be loaded is named.
func TestTLSFlags(t *testing.T) {
	cert, key := testcert.Write(t, t.TempDir())
	missing := filepath.Join(t.TempDir(), "missing.pem")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-tls-cert", cert}, "-tls-cert needs -tls-key"},
		{[]string{"-tls-key", key}, "-tls-key needs -tls-cert"},
		{[]string{"-tls-cert", missing, "-tls-key", key}, missing},
	} {
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), append([]string{"-addr", "127.0.0.1:0"}, tc.args...), &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), tc.want) || stdout.Len() > 0 {
			t.Errorf("%v: %v, stdout %q; want an error with %q and no ready line", tc.args, err, stdout.String(), tc.want)
		}
	}
}

// The binary serves HTTPS with -tls-cert and -tls-key, and `ramsim call`
// (the classic SDK, trusting the certificate through SSL_CERT_FILE as Go
// does on Linux) assumes a role over it; with a certificate it does not
// trust, the call fails.
func TestServeHTTPSBinary(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("Go reads SSL_CERT_FILE on Linux and the other Unix systems only; macOS and Windows verify with the system's store")
	}
	cert, key := testcert.Write(t, t.TempDir())
	other, _ := testcert.Write(t, t.TempDir()) // a certificate the server does not have
	bin := buildBinary(t)
	p := startBinary(t, bin, "-addr", "127.0.0.1:0", "-access-key-id", "cli-key", "-access-key-secret", "cli-secret",
		"-tls-cert", cert, "-tls-key", key)
	if !strings.HasPrefix(p.url, "https://") {
		t.Fatalf("ready line URL %s, want https://", p.url)
	}
	callAs := func(caFile string, args ...string) (string, string, int) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"call"}, args...)...)
		cmd.Env = append(cleanEnv(), "SSL_CERT_FILE="+caFile, "RAMSIM_ENDPOINT="+p.url,
			"ALIBABA_CLOUD_ACCESS_KEY_ID=cli-key", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=cli-secret")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			return stdout.String(), stderr.String(), exit.ExitCode()
		case err != nil:
			t.Fatal(err)
		}
		return stdout.String(), stderr.String(), 0
	}
	trust := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}`
	if out, errOut, code := callAs(cert, "ram:CreateRole", "RoleName=ci", "AssumeRolePolicyDocument="+trust); code != 0 {
		t.Fatalf("CreateRole over HTTPS: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code := callAs(cert, "sts:AssumeRole", "RoleArn=acs:ram::1234567890123456:role/ci", "RoleSessionName=tls")
	if code != 0 || !strings.Contains(out, `"Arn": "acs:ram::1234567890123456:role/ci/tls"`) || !strings.Contains(out, `"SecurityToken"`) {
		t.Fatalf("AssumeRole over HTTPS: exit %d\n%s%s", code, out, errOut)
	}
	if out, errOut, code := callAs(other, "sts:GetCallerIdentity"); code != 1 || !strings.Contains(errOut, "certificate") {
		t.Fatalf("a call that does not trust the server: exit %d, want 1 and a certificate error\n%s%s", code, out, errOut)
	}
	p.stop(t)
}

// cleanEnv is the test's environment without credentials, endpoints,
// certificate settings and proxies, which would change what a child does.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		upper := strings.ToUpper(name)
		if strings.HasPrefix(upper, "ALIBABA_CLOUD_") || strings.HasPrefix(upper, "ALICLOUD_") || strings.HasPrefix(upper, "SSL_CERT_") ||
			strings.HasSuffix(upper, "_PROXY") || upper == "RAMSIM_ENDPOINT" {
			continue
		}
		env = append(env, kv)
	}
	return env
}
