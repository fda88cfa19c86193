// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package acctest is the acceptance-test harness: protocol-6 provider
// factories, a provider block, random-prefixed names and checks that read
// the backend through the provider's own API client, so a test proves what
// the cloud holds and not only what Terraform believes.
//
// The backend is an in-process ramsim per test on a free loopback port
// with known root credentials (the default), or with
// MSERAM_ACC_BACKEND=cloud the account of the ALIBABA_CLOUD_* credentials
// (backend.go): the same tests then run unchanged against Alibaba Cloud,
// and those that need the emulator itself skip, saying why (RamsimOnly).
package acctest

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/provider"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// Root credentials of every test emulator.
const (
	AccountID       = "1234567890123456"
	AccessKeyID     = "acctest-root"
	AccessKeySecret = "acctest-root-secret"
)

// Env is one test's backend and the ways to reach it.
type Env struct {
	t       *testing.T
	backend Backend
	prefix  string
	// Server is the test's emulator; nil on the cloud backend, so a test
	// that uses it calls RamsimOnly first.
	Server *ramsim.Server

	clientOnce sync.Once
	client     *alicloud.Client
	clientErr  error
}

// New gives t its backend: on ramsim, an emulator started for t and
// stopped when t ends; on the cloud backend, the account of the
// environment's credential, which the test shares with others and so
// touches only through names of its own (Name). Nothing is shared between
// two Envs, so a test that owns one calls t.Parallel() first; only a test
// that changes the process (t.Setenv) stays serial, saying why.
func New(t *testing.T) *Env {
	t.Helper()
	if backendFor(t) == BackendCloud {
		if _, _, _, err := cloudCredential(); err != nil {
			t.Fatal(err)
		}
		e := &Env{t: t, backend: BackendCloud, prefix: newNamePrefix()}
		t.Cleanup(e.sweepOwn)
		return e
	}
	return newRamsim(t, ramsim.Config{})
}

// NewWithConfig is New with emulator settings (e.g. extra catalog services
// or DeletionPolls); the account and root credentials are always the
// harness's. Such a test needs the emulator: on the cloud backend it is
// skipped.
func NewWithConfig(t *testing.T, cfg ramsim.Config) *Env {
	t.Helper()
	RamsimOnly(t, "the test sets up the emulator itself (ramsim.Config)")
	return newRamsim(t, cfg)
}

func newRamsim(t *testing.T, cfg ramsim.Config) *Env {
	t.Helper()
	cfg.AccountID, cfg.AccessKeyID, cfg.AccessKeySecret = AccountID, AccessKeyID, AccessKeySecret
	srv, err := ramsim.New(cfg)
	if err != nil {
		t.Fatalf("ramsim.New: %v", err)
	}
	if err := srv.Start("127.0.0.1:0"); err != nil {
		t.Fatalf("ramsim.Start: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Close(); err != nil {
			t.Errorf("ramsim.Close: %v", err)
		}
	})
	return &Env{t: t, backend: BackendRamsim, prefix: newNamePrefix(), Server: srv}
}

// sweepOwn deletes, on the cloud backend, whatever of this test is left
// once it ends: objects it made behind Terraform's back, and those a
// failed destroy left (which CheckDestroy, run earlier, has reported).
func (e *Env) sweepOwn() {
	ctx, cancel := callContext()
	defer cancel()
	own := func(name string) bool { return strings.HasPrefix(name, e.prefix) }
	if err := sweepAll(ctx, e.Client(), e.t.Logf, own); err != nil {
		e.t.Errorf("deleting what the test left in the account (run make sweep to retry): %v", err)
	}
}

// Factories serves the provider under test in-process over protocol 6.
func (e *Env) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"mseram": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
}

// ProviderConfig is the provider block for this test's backend. Prepend
// it to each step's configuration. On ramsim it points every product at
// the emulator with its root key; on the cloud backend it is empty, so
// the provider takes its credential and endpoints from the environment as
// a user's CI would.
func (e *Env) ProviderConfig() string {
	if e.backend == BackendCloud {
		return "\nprovider \"mseram\" {}\n"
	}
	u := e.Server.URL()
	return fmt.Sprintf(`
provider "mseram" {
  access_key = %[1]q
  secret_key = %[2]q
  endpoints {
    ram             = %[3]q
    ims             = %[3]q
    resourcemanager = %[3]q
    sts             = %[3]q
  }
}
`, AccessKeyID, AccessKeySecret, u)
}

// Config joins the provider block and a step's resources.
func (e *Env) Config(body string) string {
	return e.ProviderConfig() + body
}

// Client is the provider's API client with the backend's credential (the
// emulator's root key, or the cloud backend's), for the checks and for
// out-of-band changes (drift, disappearance) made behind Terraform's back.
func (e *Env) Client() *alicloud.Client {
	e.t.Helper()
	e.clientOnce.Do(func() {
		if e.backend == BackendCloud {
			e.client, e.clientErr = CloudClient("")
			return
		}
		e.client, e.clientErr = e.keyClient(AccessKeyID, AccessKeySecret)
	})
	if e.clientErr != nil {
		e.t.Fatalf("alicloud.NewClient: %v", e.clientErr)
	}
	return e.client
}
