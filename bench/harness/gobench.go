// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// goBench is one line of go test -bench output.
type goBench struct {
	pkg, name       string
	ns, bytes, allo float64
	hasMem          bool
}

// goBenchSuites are part 6, one go test per package, run one after the
// other (never two at once on this machine).
var goBenchSuites = []struct{ pkg, pattern string }{
	{"./internal/policy", "^(BenchmarkEvaluateTenStatements|BenchmarkEvaluate|BenchmarkCanonicalJSON)$"},
	{"./internal/mse", "^BenchmarkRender100Grants$"},
	{"./internal/ramsim", "^(BenchmarkServeHTTPV3|BenchmarkLoopbackDarabonba)$"},
	{"./bench/startup", "^BenchmarkGetProviderSchema"},
}

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) B/op\s+([\d.]+) allocs/op)?`)

func runGoBenchmarks(e *env, o options, rep *report) error {
	logPath := filepath.Join(e.tmp, "gobench.log")
	for _, s := range goBenchSuites {
		logf("go test -bench %s %s", s.pattern, s.pkg)
		cmd := exec.Command("go", "test", "-run", "^$", "-bench", s.pattern, "-benchmem", "-benchtime", o.benchtime, "-count", "1", s.pkg)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		appendLog(logPath, out.Bytes())
		if err != nil {
			rep.note("go test -bench %s: %v\n%s", s.pkg, err, lastLines(out.String(), 10))
			continue
		}
		sc := bufio.NewScanner(&out)
		for sc.Scan() {
			m := benchLine.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			g := goBench{pkg: strings.TrimPrefix(s.pkg, "./"), name: strings.TrimPrefix(m[1], "Benchmark")}
			g.ns, _ = strconv.ParseFloat(m[2], 64)
			if m[3] != "" {
				g.hasMem = true
				g.bytes, _ = strconv.ParseFloat(m[3], 64)
				g.allo, _ = strconv.ParseFloat(m[4], 64)
			}
			rep.goBenches = append(rep.goBenches, g)
		}
	}
	if len(rep.goBenches) == 0 {
		return fmt.Errorf("no benchmark results (see %s)", logPath)
	}
	return nil
}

func appendLog(path string, data []byte) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	f.Write(data) //nolint:errcheck // a log
	f.Close()
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
