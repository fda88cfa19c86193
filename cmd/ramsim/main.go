// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command ramsim serves the RAM / IMS / ResourceManager / STS / MSE emulator on
// one port. When ready it prints exactly one line to stdout,
//
//	ramsim listening on http://HOST:PORT
//
// (https:// with -tls-cert and -tls-key, PEM files of a certificate and its
// key, for clients that call STS over HTTPS only), then serves until SIGINT
// or SIGTERM, saves the state (-state) and exits 0. Diagnostics go to
// stderr.
//
// -fixtures FILE loads the Microservices Engine (MSE 2019-05-31) instances,
// Nacos namespaces, configurations, services and gateways to emulate from a
// JSON file (format: docs/guides/ramsim.md); without it a built-in set with
// the ids of MSE's documentation is used. MSE state lives in memory only: it is not part of
// -state and every start begins from the fixtures. A bad file stops the
// command with an error naming the file and the field.
//
// -in-use SERVICE[,SERVICE] marks services of the service-linked role
// catalog as in use from the start (deleting their roles then ends FAILED,
// as for MSS while its subscription is active). At run time the same is
// done on the API port, from loopback only, with JSON bodies:
//
//	curl -X POST http://127.0.0.1:8765/__ramsim/services/mssp.aliyuncs.com/in-use \
//	     -H 'Content-Type: application/json' \
//	     -d '{"in_use":true,"resources":["acs:mssp::1234567890123456:subscription/s-1"]}'
//	curl http://127.0.0.1:8765/__ramsim/services/mssp.aliyuncs.com/in-use
//
// -faults SPEC injects faults, so clients can be tested for reliability:
// comma-separated key=value pairs, each optional (full rules:
// docs/guides/ramsim.md, section "Faults"):
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
//	curl -X PUT http://127.0.0.1:8765/__ramsim/faults -H 'Content-Type: application/json' \
//	     -d '{"spec":"throttle=0.2","seed":1}'
//	curl http://127.0.0.1:8765/__ramsim/counters
//	curl -X POST http://127.0.0.1:8765/__ramsim/counters/reset -H 'Content-Type: application/json'
//
// ramsim listens on loopback only while its root key is the documented
// ramsim/ramsim-secret: -addr 0.0.0.0:8765 needs a root key of one's own
// (-access-key-id, -access-key-secret) or -allow-remote. Whatever the
// address, it refuses requests a web page could send (an Origin header, a
// Sec-Fetch-Site header other than "none") and Host names other than
// localhost, IP addresses, *.aliyuncs.com and -allowed-hosts (DNS
// rebinding); the admin endpoints also refuse requests relayed by a proxy
// (X-Forwarded-For, Forwarded, Via, ...). acs:SourceIp is always the
// connection's address.
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
	"net"
	"net/url"
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
	srv, addr, publicKey, err := setup(args, stderr)
	if err != nil {
		return err
	}
	if err := srv.Start(addr); err != nil {
		return err
	}
	if publicKey && !loopback(srv.URL()) {
		fmt.Fprintf(stderr, "ramsim: warning: %s is reachable beyond loopback with the documented root key %s/%s: whoever reaches it is the account's root\n",
			srv.URL(), ramsim.DefaultAccessKeyID, ramsim.DefaultAccessKeySecret)
	}
	if _, err := fmt.Fprintf(stdout, "ramsim listening on %s\n", srv.URL()); err != nil {
		return errors.Join(err, srv.Close())
	}
	<-ctx.Done()
	return srv.Close()
}

// setup parses the flags and builds the server, not yet listening on the
// address it returns; publicKey tells whether the root key is the
// documented one.
func setup(args []string, stderr io.Writer) (_ *ramsim.Server, addr string, publicKey bool, _ error) {
	fs := flag.NewFlagSet("ramsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("addr", "127.0.0.1:8765", "listen address; 127.0.0.1:0 picks a free port")
	var cfg ramsim.Config
	fs.StringVar(&cfg.AccountID, "account-id", "1234567890123456", "emulated account id")
	fs.StringVar(&cfg.AccessKeyID, "access-key-id", ramsim.DefaultAccessKeyID, "root AccessKey id")
	fs.StringVar(&cfg.AccessKeySecret, "access-key-secret", ramsim.DefaultAccessKeySecret, "root AccessKey secret; the default is public: -addr beyond loopback needs a secret of your own or -allow-remote")
	fs.BoolVar(&cfg.AllowRemote, "allow-remote", false, "allow -addr beyond loopback with the documented root key (anyone who reaches the port is the account's root)")
	allowedHosts := fs.String("allowed-hosts", "", "comma-separated host names accepted in the Host header besides localhost, IP addresses and *.aliyuncs.com\n(e.g. the machine's name when others use ramsim through it); other names are refused (DNS rebinding)")
	fs.StringVar(&cfg.StatePath, "state", "", "state file, loaded at start and saved after each change and at exit (mode 0600: it holds RAM users' AccessKey secrets)")
	fs.StringVar(&cfg.Fixtures, "fixtures", "", "JSON file of the MSE (2019-05-31) Nacos instances and gateways to emulate, loaded at start\n(format: the guide \"ramsim reference\", docs/guides/ramsim.md); default: a built-in set with the ids of MSE's documentation\n(mse-cn-0pp1j8om80a, gw-8090caa2a3ab447a8bc5fdf3a3ab447a in cn-hangzhou). MSE state is kept in memory only")
	fs.StringVar(&cfg.Faults, "faults", "", "fault injection spec, comma-separated key=value (all optional): throttle=P,5xx=P,lost=P,reset=P\n(probabilities per request), latency=D,jitter=D (delay each answer), qps=N (per-AccessKey limit),\nconsistency=D (creations and deletions visible to Get*/List* after D), actions=A|B (only these actions);\ne.g. throttle=0.2,5xx=0.05,latency=50ms. At run time: PUT /__ramsim/faults {\"spec\":\"...\",\"seed\":N} from loopback")
	fs.Int64Var(&cfg.Seed, "seed", 0, "seed of the fault injector: the same seed and the same requests inject the same faults")
	checkTLS := tlsFlags(fs, &cfg)
	inUse := fs.String("in-use", "", "comma-separated services (e.g. mssp.aliyuncs.com) whose service-linked roles are in use, so that deleting them fails;\nat run time: POST /__ramsim/services/<service>/in-use {\"in_use\":true,\"resources\":[\"acs:...\"]} from loopback")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: ramsim [flags]\n\nServes the RAM / IMS / ResourceManager / STS / MSE emulator on one port.\n"+
			"Admin endpoints (loopback clients only; POST and PUT with Content-Type: application/json):\n"+
			"GET|POST /__ramsim/services/<service>/in-use, GET|PUT /__ramsim/faults, GET /__ramsim/counters,\nPOST /__ramsim/counters/reset\n"+
			"Requests from web browsers (Origin, Sec-Fetch-Site) and with other Host names than localhost,\nIP addresses, *.aliyuncs.com and -allowed-hosts are refused.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, "", false, err
	}
	if err := checkTLS(); err != nil {
		return nil, "", false, err
	}
	for _, h := range strings.Split(*allowedHosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			cfg.AllowedHosts = append(cfg.AllowedHosts, h)
		}
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
		return nil, "", false, fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	srv, err := ramsim.New(cfg)
	if err != nil {
		return nil, "", false, err
	}
	if err := checkServices(srv, cfg.ServicesInUse); err != nil {
		return nil, "", false, err
	}
	return srv, *listen, cfg.AccessKeySecret == ramsim.DefaultAccessKeySecret, nil
}

// loopback reports whether a server URL's host is a loopback address.
func loopback(serverURL string) bool {
	u, err := url.Parse(serverURL)
	if err != nil {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
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
