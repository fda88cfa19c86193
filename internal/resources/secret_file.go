// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// secretFileMode keeps a written secret readable by its owner only.
const secretFileMode fs.FileMode = 0o600

// secretDirMode is given to the directories writeSecretFile creates.
const secretDirMode fs.FileMode = 0o700

// Ownership of secret_file
//
// The provider only ever writes a regular file holding exactly the key's
// secret. Anything else at the path belongs to someone else: it is not
// replaced unless overwrite_secret_file says so, and destroy removes the
// file only while it is still what the key wrote.

// describeFileMode names what sits at a path, for messages.
func describeFileMode(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a file"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// checkSecretFilePath refuses a path the secret cannot be written to
// without harm: a directory always (a file cannot replace it), anything
// else that exists unless overwrite is set. Create calls it before the
// access key exists, so a refusal leaves nothing behind.
func checkSecretFilePath(path string, overwrite bool) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot check secret_file %s: %w", path, err)
	}
	what := describeFileMode(fi.Mode())
	if fi.IsDir() {
		return fmt.Errorf("secret_file %s is %s; the secret can only be written to a file path. Choose another path", path, what)
	}
	if !overwrite {
		return fmt.Errorf("secret_file %s already exists (%s) and was not written by this access key, so it is not replaced. "+
			"Move it away or choose another path, or set overwrite_secret_file = true to replace it", path, what)
	}
	return nil
}

// writeSecretFile writes data to path so that a reader sees either the old
// file or the whole new one, never a partial secret: a temporary file in
// the same directory (rename is atomic only within one file system), mode
// 0600 from the start, flushed to disk, then moved to path. Without
// overwrite, something already at path is an error and is left untouched.
func writeSecretFile(path string, data []byte, overwrite bool) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// Missing parents are made private to the owner, like the file; a
	// parent that exists is left as it is.
	if err := os.MkdirAll(dir, secretDirMode); err != nil {
		return fmt.Errorf("create the directory of %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("create a temporary file next to %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		_ = tmp.Close()
		// After a successful link the temporary name is a second name of
		// the secret file; it goes in every case.
		_ = os.Remove(tmpName)
	}()
	// CreateTemp already uses 0600; Chmod makes it explicit and immune to a
	// future change there.
	if err = tmp.Chmod(secretFileMode); err != nil {
		return fmt.Errorf("restrict %s to mode 0600: %w", tmpName, err)
	}
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", tmpName, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("flush %s to disk: %w", tmpName, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmpName, err)
	}
	if err = placeSecretFile(tmpName, path, overwrite); err != nil {
		return err
	}
	// Persist the new name; not every platform can sync a directory, and
	// the file is complete either way, so this is best effort.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// placeSecretFile gives the written temporary file its final name. With
// overwrite, rename replaces whatever file is there. Without, a hard link
// creates the name only if it is free, in one atomic step; on a file
// system without hard links the path is checked again and then renamed
// onto, which leaves a short window in which a new file could be replaced.
func placeSecretFile(tmpName, path string, overwrite bool) error {
	if !overwrite {
		err := os.Link(tmpName, path)
		if err == nil {
			return nil
		}
		if cerr := checkSecretFilePath(path, false); cerr != nil {
			return cerr
		}
		if errors.Is(err, fs.ErrExist) {
			// Something came and went again while we looked.
			return fmt.Errorf("link %s to %s: %w", tmpName, path, err)
		}
	}
	if err := os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("move %s to %s: %w", tmpName, path, err)
	}
	return nil
}

// secretFileIsOurs reports whether path is still the file an access key
// wrote: a regular file holding exactly secret. When it is not, why says
// what is there instead, without the content.
func secretFileIsOurs(path, secret string) (ours bool, why string, err error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return false, "", err
	}
	if !fi.Mode().IsRegular() {
		return false, "it is now " + describeFileMode(fi.Mode()), nil
	}
	changed := "its content is no longer this access key's secret"
	// An empty secret (never the case for a key the API created) would
	// make every empty file ours.
	if secret == "" || fi.Size() != int64(len(secret)) {
		return false, changed, nil
	}
	content, err := os.ReadFile(path)
	if err != nil {
		return false, "", err
	}
	if subtle.ConstantTimeCompare(content, []byte(secret)) != 1 {
		return false, changed, nil
	}
	return true, "", nil
}

// cleanUpSecretFile removes the secret file of a destroyed access key
// (object names it) when it is still the file the key wrote. Anything else
// at the path is left, with a warning: the key is gone, so only the user
// can tell whether it is still needed.
func cleanUpSecretFile(path, secret, object string) diag.Diagnostics {
	var diags diag.Diagnostics
	ours, why, err := secretFileIsOurs(path, secret)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err == nil && !ours {
		diags.AddAttributeWarning(pathSecretFile, "secret_file left in place",
			fmt.Sprintf("%s was deleted, but %s was not removed: %s, so it is not the file the key wrote. "+
				"Delete it yourself if it is no longer needed.", object, path, why))
		return diags
	}
	if err == nil {
		err = os.Remove(path)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// The key is gone, so the file holds a dead secret: warn, not fail.
		diags.AddAttributeWarning(pathSecretFile, "Unable to remove secret_file",
			fmt.Sprintf("%s was deleted, but its secret file %s could not be removed: %s. Delete the file by hand.", object, path, err))
	}
	return diags
}

// secretFileGone is Read's check of a key's secret_file: when nothing is
// at the path any more (deleted by hand), the secret cannot be written
// again, since RAM returns it only at creation. secret_file is then
// dropped from the state, so the plan shows the key replaced by a new one
// whose secret is written to the path, and a warning (object names the
// key) says why. A file that is there but changed is not drift: it is
// someone's, and Delete leaves it alone.
func secretFileGone(path, object string) (gone bool, diags diag.Diagnostics) {
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	diags.AddAttributeWarning(pathSecretFile, "secret_file is gone",
		fmt.Sprintf("The secret file %s of %s no longer exists on this machine. Alibaba Cloud returns a secret only when the key "+
			"is created, so it cannot be written again: the plan replaces the key with a new one and writes the new secret to the path. "+
			"If the file lives on another machine (the file is checked where Terraform runs), run Terraform there instead; "+
			"to keep the key without the file, remove secret_file from the configuration.", path, object))
	return true, diags
}

// pathSecretFile is the attribute the secret file diagnostics refer to.
var pathSecretFile = path.Root("secret_file")
