// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Command profile serves the mseram provider in debug (reattach) mode with
// a CPU profile running, so Terraform runs against it can be profiled:
//
//	go build -o profile ./bench/profile
//	TF_LOG=off TF_LOG_SDK=off TF_LOG_SDK_PROTO=off TF_LOG_SDK_FRAMEWORK=off \
//	  ./profile -cpuprofile cpu.pprof -reattach reattach.json &
//	export TF_REATTACH_PROVIDERS=$(cat reattach.json)
//	terraform plan ...
//	kill -INT %1    # stops the profile and exits
//	go tool pprof -top profile cpu.pprof
//
// Without the TF_LOG*=off variables a reattached provider logs every SDK
// trace line to its stderr, and that dominates the profile.
//
// Benchmark tooling only, never shipped.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"log"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"github.com/hashicorp/go-plugin"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

const address = "registry.terraform.io/mseram/mseram"

func main() {
	cpu := flag.String("cpuprofile", "cpu.pprof", "CPU profile written at exit")
	reattach := flag.String("reattach", "reattach.json", "file that receives the TF_REATTACH_PROVIDERS value")
	flag.Parse()
	f, err := os.Create(*cpu)
	if err != nil {
		log.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	configCh := make(chan *plugin.ReattachConfig, 1)
	closeCh := make(chan struct{})
	factory := func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(provider.New("profile")())() }
	go func() {
		if err := tf6server.Serve(address, factory, tf6server.WithDebug(ctx, configCh, closeCh)); err != nil {
			log.Print(err)
		}
	}()
	rc := <-configCh
	type addr struct{ Network, String string }
	type cfg struct {
		Protocol        string
		ProtocolVersion int
		Pid             int
		Test            bool
		Addr            addr
	}
	data, err := json.Marshal(map[string]cfg{address: {string(rc.Protocol), rc.ProtocolVersion, rc.Pid, rc.Test, addr{rc.Addr.Network(), rc.Addr.String()}}})
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*reattach, data, 0o644); err != nil {
		log.Fatal(err)
	}
	<-ctx.Done()
	<-closeCh
	pprof.StopCPUProfile()
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
