// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
)

// Every example under examples/ (the documentation's, the scenarios and the
// demo) passes `terraform validate` against the provider built from this
// tree, through a dev_overrides CLI config as `make demo` uses: an example
// that no longer matches a schema fails here, not in a user's editor.
func TestAccExamplesValidate(t *testing.T) {
	t.Parallel()
	acctest.CLIConfig(t) // skips without TF_ACC
	var dirs []string
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if tfs, _ := filepath.Glob(filepath.Join(path, "*.tf")); len(tfs) > 0 {
			dirs = append(dirs, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 20 {
		t.Fatalf("found only %d example directories", len(dirs))
	}
	for _, dir := range dirs {
		t.Run(strings.TrimPrefix(dir, "../../examples/"), func(t *testing.T) {
			t.Parallel()
			work := t.TempDir()
			tfs, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
			pinned := false
			for _, f := range tfs {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				pinned = pinned || bytes.Contains(b, []byte("required_providers"))
				if err := os.WriteFile(filepath.Join(work, filepath.Base(f)), b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			// Documentation snippets leave out the terraform block; without
			// it Terraform would look for hashicorp/mseram.
			if !pinned {
				if err := os.WriteFile(filepath.Join(work, "zz_required_providers.tf"),
					[]byte("terraform {\n  required_providers {\n    mseram = {\n      source = \"mseram/mseram\"\n    }\n  }\n}\n"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if out, err := acctest.Terraform(t, work, "validate", "-no-color"); err != nil {
				t.Fatalf("terraform validate %s: %v\n%s", dir, err, out)
			}
		})
	}
}
