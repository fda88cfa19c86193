// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package startup

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

// BenchmarkGetProviderSchemaCold is what a fresh provider process does for
// Terraform's first request: build the protocol 6 server and answer
// GetProviderSchema (every resource, data source, ephemeral resource and
// function schema, validated and converted), nothing cached.
func BenchmarkGetProviderSchemaCold(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		srv := providerserver.NewProtocol6(provider.New("bench")())()
		resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil || hasError(resp.Diagnostics) {
			b.Fatalf("%v %v", err, resp.Diagnostics)
		}
	}
}

// BenchmarkGetProviderSchemaWarm is a repeated schema request to one
// server (Terraform asks again per command; the framework caches).
func BenchmarkGetProviderSchemaWarm(b *testing.B) {
	ctx := context.Background()
	srv := providerserver.NewProtocol6(provider.New("bench")())()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := srv.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil || hasError(resp.Diagnostics) {
			b.Fatalf("%v %v", err, resp.Diagnostics)
		}
	}
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
