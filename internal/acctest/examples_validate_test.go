// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every example under examples/ (the documentation's, the scenarios and the
// demo) passes `terraform validate` against the provider built from this
// tree, through a dev_overrides CLI config as `make demo` uses: an example
// that no longer matches a schema fails here, not in a user's editor.
func TestAccExamplesValidate(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set: make test sets it to the terraform on PATH")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-mseram"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := filepath.Join(bin, "terraform.rc")
	if err := os.WriteFile(rc, []byte(`disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/mseram/mseram" = "`+bin+`"
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`), 0o600); err != nil {
		t.Fatal(err)
	}

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
			cmd := exec.Command(tf, "validate", "-no-color")
			cmd.Dir = work
			cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("terraform validate %s: %v\n%s", dir, err, out)
			}
		})
	}
}
