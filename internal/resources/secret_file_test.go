// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteSecretFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "key.secret")
	if err := writeSecretFile(p, []byte("first"), false); err != nil {
		t.Fatalf("writing to a free path: %v", err)
	}
	// With the opt-in, an existing world-readable file is replaced, not
	// rewritten in place.
	if err := os.WriteFile(p, []byte("old secret, longer than the new one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeSecretFile(p, []byte("new"), true); err != nil {
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
}

func TestWriteSecretFileFailsCleanly(t *testing.T) {
	dir := t.TempDir()
	// A missing directory is created (secret_file_dirs_test.go); a parent
	// that is a file cannot be.
	notDir := filepath.Join(dir, "not-a-dir")
	if err := os.WriteFile(notDir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := writeSecretFile(filepath.Join(notDir, "key"), []byte("x"), true); err == nil {
		t.Fatal("want an error for a parent that is a file")
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
	if err := writeSecretFile(target, []byte("secret"), true); err == nil {
		t.Fatal("want an error when the path is a non-empty directory")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}

// Something at the path that the access key did not write is refused
// without overwrite_secret_file, both by the check made before the key is
// created and by the write itself, and is left untouched.
func TestSecretFileRefusesForeignPath(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "user.txt")
	if err := os.WriteFile(file, []byte("the user's own notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	emptyDir := filepath.Join(dir, "empty")
	if err := os.Mkdir(emptyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(file, link); err != nil {
		t.Fatal(err)
	}
	// The opt-in is offered where it helps: it cannot turn a directory
	// into a file.
	for _, c := range []struct{ name, path, fix string }{
		{"file", file, "overwrite_secret_file = true"},
		{"symbolic link", link, "overwrite_secret_file = true"},
		{"empty directory", emptyDir, "Choose another path"},
	} {
		p := c.path
		t.Run(c.name, func(t *testing.T) {
			err := checkSecretFilePath(p, false)
			if err == nil {
				t.Fatal("check: want an error")
			}
			if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), c.fix) {
				t.Errorf("the error should name the path and say %q: %v", c.fix, err)
			}
			if err := writeSecretFile(p, []byte("s3cret"), false); err == nil {
				t.Fatal("write: want an error")
			}
		})
	}
	// A directory is refused even with the opt-in: it cannot be replaced by
	// a file.
	if err := checkSecretFilePath(emptyDir, true); err == nil {
		t.Fatal("a directory must be refused with overwrite_secret_file too")
	}
	if got, err := os.ReadFile(file); err != nil || string(got) != "the user's own notes" {
		t.Fatalf("the user's file changed: %q, %v", got, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symbolic link changed: %v, %v", fi, err)
	}
	if entries, _ := os.ReadDir(emptyDir); len(entries) != 0 {
		t.Fatalf("the directory changed: %v", entries)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	if err := checkSecretFilePath(filepath.Join(dir, "free"), false); err != nil {
		t.Fatalf("a free path: %v", err)
	}
}

func TestSecretFileOverwriteOptIn(t *testing.T) {
	p := filepath.Join(t.TempDir(), "user.txt")
	if err := os.WriteFile(p, []byte("the user's own notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkSecretFilePath(p, true); err != nil {
		t.Fatalf("check with the opt-in: %v", err)
	}
	if err := writeSecretFile(p, []byte("s3cret"), true); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "s3cret" {
		t.Fatalf("content %q, want the secret", got)
	}
}

// Destroy removes only a regular file still holding the secret; anything
// else stays, with a warning that names the path and never the secret.
func TestRemoveSecretFileOnlyOurs(t *testing.T) {
	const secret = "S3cretValueOfThirtyCharacters0"
	dir := t.TempDir()
	ours := filepath.Join(dir, "ours")
	replaced := filepath.Join(dir, "replaced")
	emptyDir := filepath.Join(dir, "empty-dir")
	link := filepath.Join(dir, "link")
	for _, p := range []string{ours, replaced} {
		if err := writeSecretFile(p, []byte(secret), false); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(replaced, []byte("the user's own file"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(emptyDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(ours, link); err != nil {
		t.Fatal(err)
	}

	for name, p := range map[string]string{"replaced file": replaced, "empty directory": emptyDir, "symbolic link to the secret": link} {
		t.Run(name, func(t *testing.T) {
			diags := cleanUpSecretFile(p, secret, "access key LTAIx of RAM user \"u\"")
			if diags.HasError() || diags.WarningsCount() != 1 {
				t.Fatalf("want exactly one warning: %v", diags)
			}
			w := diags.Warnings()[0]
			if !strings.Contains(w.Detail(), p) {
				t.Errorf("the warning does not name %s: %s", p, w.Detail())
			}
			if strings.Contains(w.Summary()+w.Detail(), secret) {
				t.Error("the warning contains the secret")
			}
			if _, err := os.Lstat(p); err != nil {
				t.Fatalf("%s was removed: %v", p, err)
			}
		})
	}
	if got, _ := os.ReadFile(replaced); string(got) != "the user's own file" {
		t.Fatalf("the replaced file changed: %q", got)
	}

	if diags := cleanUpSecretFile(ours, secret, "k"); diags.HasError() || diags.WarningsCount() != 0 {
		t.Fatalf("removing our file: %v", diags)
	}
	if _, err := os.Lstat(ours); !os.IsNotExist(err) {
		t.Fatalf("our file is still there: %v", err)
	}
	if diags := cleanUpSecretFile(ours, secret, "k"); len(diags) != 0 {
		t.Fatalf("a file already gone: %v", diags)
	}
}
