// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command harness is the performance harness behind `make bench`. It builds
// the provider, the no-op floor provider (bench/noop) and ramsim into a
// temporary directory, then measures, on this machine:
//
//  1. graph cost: terraform apply, plan (refresh), two in-place updates and
//     destroy of N users + N custom policies + N user policy attachments
//     against ramsim, next to the same graph of terraform_data and of the
//     no-op provider (the floors);
//  2. API calls per resource and phase, from ramsim's request counters;
//  3. the same graph with emulated latency per call, against the ideal
//     floor + calls x latency / parallelism;
//  4. the same graph under a requests/s limit, against calls / limit;
//  5. start-up: binary size and the time to answer the schema request;
//  6. the Go benchmarks (policy evaluation, canonicalisation, rendering,
//     ramsim request handling, in-process GetProviderSchema).
//
// It prints a Markdown report and appends it to bench/RESULTS.md. Run from
// the repository root: go run ./bench/harness -n 100.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

type options struct {
	n           int
	parallelism int
	latency     time.Duration
	qps         float64
	out         string
	skip        map[string]bool
	keep        bool
	benchtime   string
	repeat      int
}

func main() {
	var o options
	var skip string
	flag.IntVar(&o.n, "n", 100, "N: users, policies and attachments each")
	flag.IntVar(&o.parallelism, "parallelism", 10, "terraform -parallelism for every run")
	flag.DurationVar(&o.latency, "latency", 50*time.Millisecond, "emulated latency per call for the latency run")
	flag.Float64Var(&o.qps, "qps", 20, "requests/s limit for the throttling run")
	flag.StringVar(&o.out, "out", "bench/RESULTS.md", "file the report is appended to (\"\": print only)")
	flag.StringVar(&skip, "skip", "", "comma-separated parts to skip: graph,latency,throttle,startup,gobench")
	flag.BoolVar(&o.keep, "keep", false, "keep the temporary directory (binaries, working directories, logs)")
	flag.IntVar(&o.repeat, "repeat", 3, "cycles of each graph (parts 1 and 2), alternated; the median of each phase is reported")
	flag.StringVar(&o.benchtime, "benchtime", "1s", "go test -benchtime for the Go benchmarks")
	flag.Parse()
	o.skip = map[string]bool{}
	for _, s := range strings.Split(skip, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.skip[s] = true
		}
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return fmt.Errorf("run from the repository root (no go.mod here)")
	}
	tf, err := lookTerraform()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "mseram-bench.")
	if err != nil {
		return err
	}
	if o.keep {
		logf("keeping %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	start := time.Now()
	env, err := setup(tmp, tf)
	if err != nil {
		return err
	}
	rep := &report{opts: o, started: start, machine: describeMachine(tf)}

	if !o.skip["startup"] {
		if err := measureStartup(env, rep); err != nil {
			rep.note("start-up: %v", err)
		}
	}
	if !o.skip["graph"] {
		if err := measureGraphs(env, o, rep); err != nil {
			return fmt.Errorf("graph: %w (logs in %s; use -keep to keep them)", err, tmp)
		}
	}
	if !o.skip["latency"] {
		if err := measureFaulted(env, o, rep, "latency"); err != nil {
			rep.note("latency run: %v", err)
		}
	}
	if !o.skip["throttle"] {
		if err := measureFaulted(env, o, rep, "throttle"); err != nil {
			rep.note("throttling run: %v", err)
		}
	}
	if !o.skip["gobench"] {
		if err := runGoBenchmarks(env, o, rep); err != nil {
			rep.note("go benchmarks: %v", err)
		}
	}
	rep.elapsed = time.Since(start)
	text := rep.markdown()
	fmt.Println(text)
	if o.out != "" {
		if err := appendResults(o.out, text); err != nil {
			return err
		}
		logf("appended to %s", o.out)
	}
	return nil
}

func appendResults(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	_, err := os.Stat(path)
	fresh := os.IsNotExist(err)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if fresh {
		fmt.Fprint(f, resultsHeader)
	}
	_, err = fmt.Fprint(f, "\n"+text)
	return errorsJoin(err, f.Close())
}

const resultsHeader = `# Benchmark results

Appended by ` + "`make bench`" + ` (bench/harness); newest last. See bench/README.md for what each
figure means and how the ideal bounds are computed.
`

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}
