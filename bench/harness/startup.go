// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// startup is part 5.
type startup struct {
	binaryBytes int64
	noopBytes   int64
	// handshake: exec of the provider binary to go-plugin's handshake line
	// (the process is serving gRPC), median of startupRuns.
	handshake, noopHandshake time.Duration
	// schemaCLI: `terraform providers schema -json` in a directory using
	// mseram, minus the same in a directory using terraform_data only
	// (Terraform's own cost), medians of startupRuns.
	schemaCLI, schemaBaseline, schemaNoop time.Duration
}

const startupRuns = 7

// pluginCookie is go-plugin's handshake for Terraform providers
// (terraform-plugin-go's tf6server.Serve).
const pluginCookie = "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

func measureStartup(e *env, rep *report) error {
	s := &startup{}
	rep.startup = s
	mseram := filepath.Join(e.plugins, "terraform-provider-mseram")
	noop := filepath.Join(e.plugins, "terraform-provider-noop")
	for _, b := range []struct {
		path string
		size *int64
		hs   *time.Duration
	}{{mseram, &s.binaryBytes, &s.handshake}, {noop, &s.noopBytes, &s.noopHandshake}} {
		fi, err := os.Stat(b.path)
		if err != nil {
			return err
		}
		*b.size = fi.Size()
		var times []time.Duration
		for range startupRuns {
			d, err := handshakeTime(b.path)
			if err != nil {
				return err
			}
			times = append(times, d)
		}
		*b.hs = median(times)
	}

	dirs := map[string]string{}
	for _, kind := range []string{kindData, kindNoop, kindMseram} {
		dir := filepath.Join(e.tmp, "schema", kind)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(configFor(kind, 1)), 0o644); err != nil {
			return err
		}
		dirs[kind] = dir
	}
	environ := e.tfEnv("")
	measure := func(kind string) (time.Duration, error) {
		var times []time.Duration
		for i := 0; i < startupRuns+1; i++ {
			d, err := timeCmd(dirs[kind], environ, filepath.Join(dirs[kind], "schema.log"), e.terraform, "providers", "schema", "-json")
			if err != nil {
				return 0, err
			}
			if i > 0 { // the first run warms the page cache
				times = append(times, d)
			}
		}
		return median(times), nil
	}
	var err error
	if s.schemaBaseline, err = measure(kindData); err != nil {
		return err
	}
	if s.schemaNoop, err = measure(kindNoop); err != nil {
		return err
	}
	s.schemaCLI, err = measure(kindMseram)
	return err
}

// handshakeTime starts a provider binary as Terraform does and waits for
// the handshake line ("1|6|unix|...|grpc") on its stdout.
func handshakeTime(bin string) (time.Duration, error) {
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), pluginCookie, "PLUGIN_PROTOCOL_VERSIONS=6", "TF_LOG=")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	defer func() {
		cmd.Process.Kill() //nolint:errcheck
		cmd.Wait()         //nolint:errcheck
	}()
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Scan()
		line <- sc.Text()
		for sc.Scan() {
		}
	}()
	select {
	case l := <-line:
		d := time.Since(start)
		if !strings.Contains(l, "|6|") {
			return 0, fmt.Errorf("%s: unexpected handshake %q", bin, l)
		}
		return d, nil
	case <-time.After(10 * time.Second):
		return 0, fmt.Errorf("%s: no handshake within 10 s", bin)
	}
}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
