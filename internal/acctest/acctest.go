// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

// Package acctest is the acceptance-test harness: an in-process ramsim per
// test on a free loopback port with known root credentials, protocol-6
// provider factories, and checks that read the emulator's own store, so a
// test proves what the cloud holds and not only what Terraform believes.
package acctest

import (
	"context"
	"fmt"
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

// Env is one test's emulator and the ways to reach it.
type Env struct {
	t      *testing.T
	Server *ramsim.Server
}

// New starts an emulator for t and stops it when t ends. Nothing is shared
// between two Envs, so a test that owns one calls t.Parallel() first; only
// a test that changes the process (t.Setenv) stays serial, saying why.
func New(t *testing.T) *Env {
	t.Helper()
	srv, err := ramsim.New(ramsim.Config{AccountID: AccountID, AccessKeyID: AccessKeyID, AccessKeySecret: AccessKeySecret})
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
	return &Env{t: t, Server: srv}
}

// Factories serves the provider under test in-process over protocol 6.
func (e *Env) Factories() map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){
		"mseram": providerserver.NewProtocol6WithError(provider.New("test")()),
	}
}

// ProviderConfig is the provider block that points every product at this
// test's emulator. Prepend it to each step's configuration.
func (e *Env) ProviderConfig() string {
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

// Client is an API client with root credentials on this emulator, for
// out-of-band changes (drift, disappearance) made behind Terraform's back.
func (e *Env) Client() *alicloud.Client {
	e.t.Helper()
	u := e.Server.URL()
	c, err := alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: AccessKeyID,
		SecretKey: AccessKeySecret,
		Endpoints: map[alicloud.Product]string{
			alicloud.ProductRAM: u, alicloud.ProductIMS: u, alicloud.ProductResourceManager: u, alicloud.ProductSTS: u,
		},
		UserAgent: "mseram-acctest",
	})
	if err != nil {
		e.t.Fatalf("alicloud.NewClient: %v", err)
	}
	return c
}
