// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// secretFileMode keeps a written secret readable by its owner only.
const secretFileMode fs.FileMode = 0o600

// writeSecretFile writes data to path so that a reader sees either the old
// file or the whole new one, never a partial secret: a temporary file in
// the same directory (rename is atomic only within one file system), mode
// 0600 from the start, flushed to disk, then renamed over path.
func writeSecretFile(path string, data []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("create a temporary file next to %s: %w", path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
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
	if err = os.Rename(tmpName, path); err != nil {
		return fmt.Errorf("move %s to %s: %w", tmpName, path, err)
	}
	// Persist the rename itself; not every platform can sync a directory,
	// and the file is complete either way, so this is best effort.
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// removeSecretFile deletes a secret file; one already gone is fine.
func removeSecretFile(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
