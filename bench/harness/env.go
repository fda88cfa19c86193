// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// env is what every run shares: the binaries and the Terraform CLI config.
type env struct {
	tmp       string
	terraform string
	plugins   string // dev_overrides directory: terraform-provider-mseram and terraform-provider-noop
	ramsim    string
	cliConfig string
}

func errorsJoin(errs ...error) error { return errors.Join(errs...) }

func lookTerraform() (string, error) {
	if p := os.Getenv("TERRAFORM"); p != "" {
		return p, nil
	}
	p, err := exec.LookPath("terraform")
	if err != nil {
		return "", fmt.Errorf("terraform is not on PATH")
	}
	return p, nil
}

// setup builds the three binaries and writes the CLI config: dev_overrides
// for both providers, nothing installed from anywhere.
func setup(tmp, tf string) (*env, error) {
	e := &env{tmp: tmp, terraform: tf, plugins: filepath.Join(tmp, "plugins"), ramsim: filepath.Join(tmp, "ramsim"),
		cliConfig: filepath.Join(tmp, "terraform.rc")}
	builds := [][2]string{
		{filepath.Join(e.plugins, "terraform-provider-mseram"), "."},
		{filepath.Join(e.plugins, "terraform-provider-noop"), "./bench/noop"},
		{e.ramsim, "./cmd/ramsim"},
	}
	for _, b := range builds {
		logf("go build -o %s %s", b[0], b[1])
		cmd := exec.Command("go", "build", "-o", b[0], b[1])
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go build %s: %w", b[1], err)
		}
	}
	rc := fmt.Sprintf(`disable_checkpoint = true
provider_installation {
  dev_overrides {
    "registry.terraform.io/mseram/mseram" = %q
    "registry.terraform.io/mseram/noop"   = %q
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`, e.plugins, e.plugins)
	return e, os.WriteFile(e.cliConfig, []byte(rc), 0o644)
}

// tfEnv is the environment of every terraform command; url is ramsim's
// ("" when the run needs none).
func (e *env) tfEnv(url string) []string {
	out := []string{}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TF_") || strings.HasPrefix(k, "ALIBABA_CLOUD_") || strings.HasPrefix(k, "ALICLOUD_") {
			continue // nothing from the caller's shell changes the measurement
		}
		out = append(out, kv)
	}
	out = append(out, "TF_CLI_CONFIG_FILE="+e.cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	if url != "" {
		out = append(out, "ALIBABA_CLOUD_ACCESS_KEY_ID=ramsim", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=ramsim-secret",
			"ALIBABA_CLOUD_ENDPOINT_RAM="+url, "ALIBABA_CLOUD_ENDPOINT_IMS="+url,
			"ALIBABA_CLOUD_ENDPOINT_RESOURCEMANAGER="+url, "ALIBABA_CLOUD_ENDPOINT_STS="+url)
	}
	return out
}

// machine is the description that goes with every report.
type machine struct {
	nproc                     int
	cpu, memory, goVer, tfVer string
	commit, kernel, goarch    string
	loadStart                 string
}

// loadAverage is the 1-minute load average from /proc/loadavg.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

func describeMachine(tf string) machine {
	m := machine{nproc: runtime.NumCPU(), goarch: runtime.GOOS + "/" + runtime.GOARCH, loadStart: loadAverage()}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && f[0] == "MemTotal:" {
				if kb, err := strconv.ParseFloat(f[1], 64); err == nil {
					m.memory = fmt.Sprintf("%.1f GiB", kb/1024/1024)
				}
			}
		}
	}
	m.goVer = strings.TrimSpace(output("go", "env", "GOVERSION"))
	m.tfVer = strings.TrimSpace(firstLine(output(tf, "version")))
	m.commit = strings.TrimSpace(output("git", "rev-parse", "--short", "HEAD"))
	if strings.TrimSpace(output("git", "status", "--porcelain")) != "" {
		m.commit += " (with uncommitted changes)"
	}
	m.kernel = strings.TrimSpace(output("uname", "-r"))
	return m
}

func output(name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1", "TF_CLI_CONFIG_FILE=/dev/null")
	out, _ := cmd.Output()
	return string(out)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// timeCmd runs a command in dir, writing its output to logPath, and returns
// its wall time.
func timeCmd(dir string, environ []string, logPath string, name string, args ...string) (time.Duration, error) {
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fmt.Fprintf(f, "\n$ %s %s\n", filepath.Base(name), strings.Join(args, " "))
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, environ, f, f
	start := time.Now()
	err = cmd.Run()
	d := time.Since(start)
	if err != nil {
		return d, fmt.Errorf("%s %s in %s: %w (see %s)", filepath.Base(name), strings.Join(args, " "), dir, err, logPath)
	}
	return d, nil
}

// tailFile is the end of a log, for error messages.
func tailFile(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
