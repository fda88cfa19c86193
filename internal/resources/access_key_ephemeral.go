// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var (
	_ ephemeral.EphemeralResourceWithConfigure = (*accessKeyEphemeral)(nil)
	_ ephemeral.EphemeralResourceWithClose     = (*accessKeyEphemeral)(nil)
)

// privateEphemeralKey is the private-data key under which Open hands Close
// the key to delete.
const privateEphemeralKey = "access_key"

type accessKeyEphemeral struct {
	client *alicloud.Client
}

// NewAccessKeyEphemeralResource is the constructor the provider registers
// for the mseram_access_key ephemeral resource.
func NewAccessKeyEphemeralResource() ephemeral.EphemeralResource {
	return &accessKeyEphemeral{}
}

type accessKeyEphemeralModel struct {
	UserName    types.String `tfsdk:"user_name"`
	AccessKeyID types.String `tfsdk:"access_key_id"`
	Secret      types.String `tfsdk:"secret"`
}

// ephemeralKeyRef is what Close needs, kept in private data (never in
// state). It holds no secret.
type ephemeralKeyRef struct {
	UserName    string `json:"user_name"`
	AccessKeyID string `json:"access_key_id"`
}

func (e *accessKeyEphemeral) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_access_key"
}

func (e *accessKeyEphemeral) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A short-lived AccessKey pair of a RAM user (Terraform 1.10 and later): created when Terraform " +
			"opens it and deleted when Terraform closes it, at the end of each plan or apply. It is never stored in the " +
			"plan or the state. Use it to hand a key to something else during one run, e.g. a write-only attribute or " +
			"a provider configuration.\n\nEach open creates a key, and a RAM user has at most two, so the user needs a " +
			"free slot while Terraform runs.",
		Attributes: map[string]schema.Attribute{
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The RAM user to create the key for.",
				Required:            true,
				Validators:          framework.UserName(),
			},
			"access_key_id": schema.StringAttribute{
				MarkdownDescription: "The AccessKey ID.",
				Computed:            true,
			},
			"secret": schema.StringAttribute{
				MarkdownDescription: "The AccessKey secret.",
				Computed:            true,
				Sensitive:           true,
			},
		},
	}
}

func (e *accessKeyEphemeral) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	e.client = client
}

func (e *accessKeyEphemeral) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var data accessKeyEphemeralModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &data)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if e.client == nil {
		resp.Diagnostics.AddError("Provider not configured for ephemeral resources",
			"The mseram provider did not hand its API client to ephemeral resources. This is always a bug in the provider; please report it.")
		return
	}
	user := data.UserName.ValueString()
	key, err := createAccessKey(ctx, e.client, user)
	if err != nil {
		resp.Diagnostics.Append(accessKeyCreateDiag(user, err))
		return
	}
	tflog.Info(ctx, "opened ephemeral RAM access key", map[string]any{"user_name": user, "access_key_id": key.AccessKeyID})

	ref, err := json.Marshal(ephemeralKeyRef{UserName: user, AccessKeyID: key.AccessKeyID})
	if err == nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateEphemeralKey, ref)...)
	}
	if err != nil || resp.Diagnostics.HasError() {
		// Without the reference Close could not delete the key: do it now.
		if derr := ignoreNotFound(e.client.DeleteAccessKey(ctx, user, key.AccessKeyID)); derr != nil {
			resp.Diagnostics.AddError("Unable to delete the ephemeral access key",
				fmt.Sprintf("%s could not be recorded for deletion and deleting it failed: %s. Delete it in the RAM console.",
					accessKeyObject(user, key.AccessKeyID), derr))
		}
		return
	}
	data.AccessKeyID = types.StringValue(key.AccessKeyID)
	data.Secret = types.StringValue(key.AccessKeySecret)
	resp.Diagnostics.Append(resp.Result.Set(ctx, data)...)
}

func (e *accessKeyEphemeral) Close(ctx context.Context, req ephemeral.CloseRequest, resp *ephemeral.CloseResponse) {
	raw, diags := req.Private.GetKey(ctx, privateEphemeralKey)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() || len(raw) == 0 {
		return
	}
	var ref ephemeralKeyRef
	if err := json.Unmarshal(raw, &ref); err != nil {
		resp.Diagnostics.AddError("Unable to close the ephemeral access key",
			fmt.Sprintf("Its private data does not decode (%s), so the key to delete is unknown. This is always a bug in the provider; "+
				"please report it, and delete the user's surplus access key in the RAM console.", err))
		return
	}
	if e.client == nil {
		resp.Diagnostics.AddError("Provider not configured for ephemeral resources",
			fmt.Sprintf("Cannot delete %s. This is always a bug in the provider; please report it, and delete the key in the RAM console.",
				accessKeyObject(ref.UserName, ref.AccessKeyID)))
		return
	}
	if err := ignoreNotFound(e.client.DeleteAccessKey(ctx, ref.UserName, ref.AccessKeyID)); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to delete the ephemeral access key", accessKeyObject(ref.UserName, ref.AccessKeyID), err,
			"The key outlives this run. Delete it in the RAM console (or with DeleteAccessKey), or it keeps one of the user's two key slots."))
		return
	}
	tflog.Info(ctx, "closed ephemeral RAM access key", map[string]any{"user_name": ref.UserName, "access_key_id": ref.AccessKeyID})
}
