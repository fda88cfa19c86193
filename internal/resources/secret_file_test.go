// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteSecretFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "key.secret")
	// An existing, world-readable file is replaced, not rewritten in place.
	if err := os.WriteFile(p, []byte("old secret, longer than the new one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSecretFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "new" {
		t.Fatalf("content %q, want %q", got, "new")
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}

	if err := removeSecretFile(p); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Fatalf("file still there after remove: %v", err)
	}
	if err := removeSecretFile(p); err != nil {
		t.Fatalf("removing a missing file: %v", err)
	}
}

func TestWriteSecretFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	if err := writeSecretFile(filepath.Join(dir, "missing-dir", "key"), []byte("x")); err == nil {
		t.Fatal("want an error for a missing directory")
	}
	// Renaming onto a directory fails after the temporary file was written:
	// it must not stay behind with the secret in it.
	target := filepath.Join(dir, "target")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(target, "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeSecretFile(target, []byte("secret")); err == nil {
		t.Fatal("want an error when the path is a non-empty directory")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}
