// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

// The shared base of the managed resources
//
// Every resource embeds base, which holds what the provider hands over and
// supplies Metadata and Configure, so a resource file keeps only its
// schema, its model and its API mapping. The lifecycle rules every RAM
// object follows (adoption after a lost create, the private-state marks,
// rename recovery, waiting out DeleteConflict) live in ramObject
// (ram_object.go); the typed start of each operation in operations.go.

// base is embedded by every managed resource.
type base struct {
	// typeName follows the provider's name in the resource type: "user"
	// gives mseram_user.
	typeName string
	client   *alicloud.Client
}

func (b *base) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + b.typeName
}

// Configure takes the API client the provider's Configure made; it is nil
// while Terraform validates a configuration before configuring providers.
func (b *base) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	b.client = client
}

// linting is base for resources that send policy documents: they lint them
// at plan time with the provider's lint settings.
type linting struct {
	base
	lint framework.LintSettings
}

func (l *linting) Configure(ctx context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.base.Configure(ctx, req, resp)
	l.lint = framework.LintFrom(req.ProviderData)
}

// importByName is the ImportState of a resource imported by its object's
// name: an ID that breaks RAM's rule for such names fails at once, saying
// what import takes (usage, e.g. `Import mseram_group by the group's name
// (...), e.g. "developers"`); a valid one is set on attrs, and Read fills
// in the rest.
func importByName(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse, rule ramrules.Name, usage string, attrs ...string) {
	if !rule.Valid(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf("%s; got %q.", usage, req.ID))
		return
	}
	for _, a := range attrs {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(a), req.ID)...)
	}
}
