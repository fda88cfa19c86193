// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"strings"
	"testing"
)

// A typo in the backend variable fails instead of running elsewhere.
func TestCurrentBackend(t *testing.T) { // t.Setenv: serial
	for v, want := range map[string]Backend{"": BackendRamsim, "ramsim": BackendRamsim, "cloud": BackendCloud} {
		t.Setenv(BackendEnv, v)
		if got, err := CurrentBackend(); err != nil || got != want {
			t.Errorf("%s=%q: got %q, %v; want %q", BackendEnv, v, got, err, want)
		}
	}
	for _, v := range []string{"Cloud", "aliyun", " cloud"} {
		t.Setenv(BackendEnv, v)
		if got, err := CurrentBackend(); err == nil {
			t.Errorf("%s=%q: got %q, want an error", BackendEnv, v, got)
		}
	}
}

// The cloud backend refuses to start without a complete credential.
func TestCloudCredentialRequired(t *testing.T) { // t.Setenv: serial
	t.Setenv(cloudKeyIDEnv, "LTAIexample")
	t.Setenv(cloudSecretEnv, "")
	if _, err := CloudClient(""); err == nil || !strings.Contains(err.Error(), cloudSecretEnv) {
		t.Fatalf("CloudClient without a secret: %v, want an error naming %s", err, cloudSecretEnv)
	}
}

// Names carry the Env's prefix, are stable within an Env, differ between
// Envs, fit RAM's limits and are what the sweepers recognize.
func TestName(t *testing.T) {
	RamsimOnly(t, "the test compares two Envs' prefixes; names are the same on both backends")
	t.Parallel()
	a, b := New(t), New(t)
	n := a.Name("alice")
	if !strings.HasPrefix(n, a.Prefix()) || !strings.HasSuffix(n, "-alice") || n != a.Name("alice") {
		t.Errorf("Name(alice) = %q with prefix %q", n, a.Prefix())
	}
	if a.Prefix() == b.Prefix() {
		t.Errorf("two Envs drew the same prefix %q", a.Prefix())
	}
	if !IsTestName(n) {
		t.Errorf("IsTestName(%q) = false", n)
	}
	for _, other := range []string{"alice", "tfacc-alice", "tfacc-ABCDEFGH-alice", "xtfacc-abcdefgh-alice", "tfacc-abcdefgh-", "tfacc-abcdefg-alice"} {
		if IsTestName(other) {
			t.Errorf("IsTestName(%q) = true: the sweepers would delete it", other)
		}
	}
	if long := a.Name(strings.Repeat("x", maxNameLen-len(a.Prefix()))); len(long) != maxNameLen {
		t.Errorf("the longest base gives %d characters, want %d", len(long), maxNameLen)
	}
}
