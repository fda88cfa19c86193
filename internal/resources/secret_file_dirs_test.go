// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Missing parent directories of secret_file are created with mode 0700;
// an existing parent keeps its mode.
func TestWriteSecretFileCreatesDirectories(t *testing.T) {
	root := t.TempDir()
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "a", "b", "key")
	if err := writeSecretFile(path, []byte("secret"), false); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "secret" {
		t.Fatalf("read back %q, %v", b, err)
	}
	for dir, want := range map[string]os.FileMode{root: 0o755, filepath.Join(root, "a"): 0o700, filepath.Join(root, "a", "b"): 0o700} {
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s has mode %v, want %v", dir, got, want)
		}
	}
}

// A missing secret_file is drift, with a warning naming the path; a file
// that is there, whatever it holds, is not.
func TestSecretFileGone(t *testing.T) {
	dir := t.TempDir()
	present := filepath.Join(dir, "present")
	if err := os.WriteFile(present, []byte("changed"), 0o600); err != nil {
		t.Fatal(err)
	}
	if gone, diags := secretFileGone(present, "access key X"); gone || len(diags) != 0 {
		t.Errorf("a present file: gone=%v, diags=%v", gone, diags)
	}
	missing := filepath.Join(dir, "missing")
	gone, diags := secretFileGone(missing, "access key X")
	if !gone || len(diags) != 1 || diags.HasError() {
		t.Fatalf("a missing file: gone=%v, diags=%v", gone, diags)
	}
	for _, want := range []string{missing, "access key X", "replaces the key"} {
		if d := diags[0].Detail(); !strings.Contains(d, want) {
			t.Errorf("the warning lacks %q: %s", want, d)
		}
	}
}
