// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The terraform CLI against the provider binary built from this tree,
// through a dev_overrides CLI configuration as `make demo` uses. The
// in-process test framework cannot see warnings nor count diagnostics;
// these helpers run the real CLI and read its JSON output.

var (
	buildOnce sync.Once
	builtRC   string
	buildErr  error
	buildOut  []byte
)

// CLIConfig builds the provider once per test binary and returns a
// Terraform CLI configuration file that points at it.
func CLIConfig(t *testing.T) string {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 (make test does)")
	}
	buildOnce.Do(func() {
		var bin string
		// One build serves every test of the binary, so it cannot live in
		// one test's t.TempDir, which goes with that test.
		if bin, buildErr = os.MkdirTemp("", "mseram-cli-"); buildErr != nil { //nolint:usetesting // see above

			return
		}
		_, file, _, _ := runtime.Caller(0)
		root := filepath.Join(filepath.Dir(file), "..", "..")
		cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-mseram"), ".")
		cmd.Dir = root
		if buildOut, buildErr = cmd.CombinedOutput(); buildErr != nil {
			return
		}
		builtRC = filepath.Join(bin, "terraform.rc")
		buildErr = os.WriteFile(builtRC, []byte(`disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/mseram/mseram" = "`+bin+`"
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`), 0o600)
	})
	if buildErr != nil {
		t.Fatalf("building the provider: %v\n%s", buildErr, buildOut)
	}
	return builtRC
}

// Terraform runs the terraform CLI in dir with the built provider.
func Terraform(t *testing.T, dir string, args ...string) ([]byte, error) {
	t.Helper()
	rc := CLIConfig(t)
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set: make test sets it to the terraform on PATH")
	}
	cmd := exec.Command(tf, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.Bytes(), err
}

// Diagnostic is one diagnostic as `terraform plan -json` reports it.
type Diagnostic struct {
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Detail   string `json:"detail"`
	Address  string `json:"address"`
}

// PlanDiagnostics writes config (with the provider requirement added) to a
// fresh directory, runs `terraform plan -json` and returns every diagnostic,
// warnings included, in the order reported.
func PlanDiagnostics(t *testing.T, config string) []Diagnostic {
	t.Helper()
	dir := t.TempDir()
	full := "terraform {\n  required_providers {\n    mseram = {\n      source = \"mseram/mseram\"\n    }\n  }\n}\n\n" + config
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(full), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ := Terraform(t, dir, "plan", "-json", "-input=false", "-refresh=false")
	var diags []Diagnostic
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line struct {
			Type       string     `json:"type"`
			Diagnostic Diagnostic `json:"diagnostic"`
		}
		// The CLI's own warning about dev_overrides is how these tests run,
		// not something the provider said.
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Type == "diagnostic" &&
			line.Diagnostic.Summary != "Provider development overrides are in effect" {
			diags = append(diags, line.Diagnostic)
		}
	}
	if len(diags) == 0 && !bytes.Contains(out, []byte(`"type":"change_summary"`)) {
		t.Fatalf("terraform plan printed neither diagnostics nor a plan:\n%s", out)
	}
	return diags
}
