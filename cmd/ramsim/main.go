// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command ramsim serves the RAM / IMS / ResourceManager / STS / MSE emulator on
// one port. When ready it prints exactly one line to stdout,
//
//	ramsim listening on http://HOST:PORT
//
// then serves until SIGINT or SIGTERM, saves the state (-state) and exits 0.
// Diagnostics go to stderr.
//
// -fixtures FILE loads the Microservices Engine (MSE 2019-05-31) instances,
// Nacos namespaces, configurations, services and gateways to emulate from a
// JSON file (format: the ramsim package doc); without it a built-in set with
// the seeds' ids is used. MSE state lives in memory only: it is not part of
// -state and every start begins from the fixtures. A bad file stops the
// command with an error naming the file and the field.
//
// -in-use SERVICE[,SERVICE] marks services of the service-linked role
// catalog as in use from the start (deleting their roles then ends FAILED,
// as for MSS while its subscription is active). At run time the same is
// done on the API port, from loopback only:
//
//	curl -X POST http://127.0.0.1:8765/__ramsim/services/mssp.aliyuncs.com/in-use \
//	     -d '{"in_use":true,"resources":["acs:mssp::1234567890123456:subscription/s-1"]}'
//	curl http://127.0.0.1:8765/__ramsim/services/mssp.aliyuncs.com/in-use
//
// -faults SPEC injects faults, so clients can be tested for reliability:
// comma-separated key=value pairs, each optional (full rules: the ramsim
// package doc, section "Faults"):
//
//	throttle=P  5xx=P  lost=P  reset=P   probabilities per request (sum <= 1)
//	latency=D  jitter=D                  delay every answer by D + [0, jitter)
//	qps=N                                per-AccessKey limit (Throttling.User)
//	consistency=D                        creations and deletions show in Get*/List* after D
//	actions=CreateUser|CreatePolicy      only these actions get per-request faults
//
// -seed N seeds the injector: the same seed and the same requests give the
// same faults. A bad spec stops the command with an error naming the key.
// At run time, from loopback only:
//
//	curl -X PUT http://127.0.0.1:8765/__ramsim/faults -d '{"spec":"throttle=0.2","seed":1}'
//	curl http://127.0.0.1:8765/__ramsim/counters
//	curl -X POST http://127.0.0.1:8765/__ramsim/counters/reset
//
// `ramsim call [flags] <service>:<API> [Name=Value ...]` makes one signed
// call to a running emulator as the holder of an AccessKey (flags or the
// ALIBABA_CLOUD_* variables) and prints the answer; its exit status is 0
// on success, 3 when the call is refused with NoPermission, 2 for another
// API error. Scripts, the demo and users' CI prove who may do what with it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	var exit *exitError
	switch {
	case errors.Is(err, flag.ErrHelp):
	case errors.As(err, &exit):
		fmt.Fprintln(os.Stderr, "ramsim:", exit.msg)
		os.Exit(exit.code)
	case err != nil:
		fmt.Fprintln(os.Stderr, "ramsim:", err)
		os.Exit(1)
	}
}

// run is the whole command: parse flags, serve until ctx ends, save; or,
// as `ramsim call`, make one call to a running emulator.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "call" {
		return runCall(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("ramsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8765", "listen address; 127.0.0.1:0 picks a free port")
	var cfg ramsim.Config
	fs.StringVar(&cfg.AccountID, "account-id", "1234567890123456", "emulated account id")
	fs.StringVar(&cfg.AccessKeyID, "access-key-id", "ramsim", "root AccessKey id")
	fs.StringVar(&cfg.AccessKeySecret, "access-key-secret", "ramsim-secret", "root AccessKey secret")
	fs.StringVar(&cfg.StatePath, "state", "", "state file, loaded at start and saved after each change and at exit (mode 0600: it holds RAM users' AccessKey secrets)")
	fs.StringVar(&cfg.Fixtures, "fixtures", "", "JSON file of the MSE (2019-05-31) Nacos instances and gateways to emulate, loaded at start\n(see the ramsim package doc for its format); default: a built-in set with the seeds' ids\n(mse-cn-0pp1j8om80a, gw-8090caa2a3ab447a8bc5fdf3a3ab447a in cn-hangzhou). MSE state is kept in memory only")
	fs.StringVar(&cfg.Faults, "faults", "", "fault injection spec, comma-separated key=value (all optional): throttle=P,5xx=P,lost=P,reset=P\n(probabilities per request), latency=D,jitter=D (delay each answer), qps=N (per-AccessKey limit),\nconsistency=D (creations and deletions visible to Get*/List* after D), actions=A|B (only these actions);\ne.g. throttle=0.2,5xx=0.05,latency=50ms. At run time: PUT /__ramsim/faults {\"spec\":\"...\",\"seed\":N} from loopback")
	fs.Int64Var(&cfg.Seed, "seed", 0, "seed of the fault injector: the same seed and the same requests inject the same faults")
	inUse := fs.String("in-use", "", "comma-separated services (e.g. mssp.aliyuncs.com) whose service-linked roles are in use, so that deleting them fails;\nat run time: POST /__ramsim/services/<service>/in-use {\"in_use\":true,\"resources\":[\"acs:...\"]} from loopback")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: ramsim [flags]\n\nServes the RAM / IMS / ResourceManager / STS / MSE emulator on one port.\nAdmin endpoints (loopback clients only): GET|POST /__ramsim/services/<service>/in-use,\nGET|PUT /__ramsim/faults, GET /__ramsim/counters, POST /__ramsim/counters/reset\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, svc := range strings.Split(*inUse, ",") {
		if svc = strings.TrimSpace(svc); svc != "" {
			if cfg.ServicesInUse == nil {
				cfg.ServicesInUse = map[string][]string{}
			}
			cfg.ServicesInUse[svc] = nil
		}
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	srv, err := ramsim.New(cfg)
	if err != nil {
		return err
	}
	if err := checkServices(srv, cfg.ServicesInUse); err != nil {
		return err
	}
	if err := srv.Start(*addr); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(stdout, "ramsim listening on %s\n", srv.URL()); err != nil {
		return errors.Join(err, srv.Close())
	}
	<-ctx.Done()
	return srv.Close()
}

// checkServices rejects -in-use services the catalog does not know.
func checkServices(srv *ramsim.Server, inUse map[string][]string) error {
	known := map[string]bool{}
	var names []string
	for _, sp := range srv.ServiceCatalog() {
		known[sp.ServiceName] = true
		names = append(names, sp.ServiceName)
	}
	for svc := range inUse {
		if !known[svc] {
			return fmt.Errorf("-in-use: unknown service %q (known: %s)", svc, strings.Join(names, ", "))
		}
	}
	return nil
}
