// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command ramsim serves the RAM / IMS / ResourceManager / STS emulator on one
// port. When ready it prints exactly one line to stdout,
//
//	ramsim listening on http://HOST:PORT
//
// then serves until SIGINT or SIGTERM, saves the state (-state) and exits 0.
// Diagnostics go to stderr.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "ramsim:", err)
		os.Exit(1)
	}
}

// run is the whole command: parse flags, serve until ctx ends, save.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ramsim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8765", "listen address; 127.0.0.1:0 picks a free port")
	var cfg ramsim.Config
	fs.StringVar(&cfg.AccountID, "account-id", "1234567890123456", "emulated account id")
	fs.StringVar(&cfg.AccessKeyID, "access-key-id", "ramsim", "root AccessKey id")
	fs.StringVar(&cfg.AccessKeySecret, "access-key-secret", "ramsim-secret", "root AccessKey secret")
	fs.StringVar(&cfg.StatePath, "state", "", "state file, loaded at start and saved after each change and at exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	srv, err := ramsim.New(cfg)
	if err != nil {
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
