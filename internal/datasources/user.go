// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*userDataSource)(nil)

type userDataSource struct {
	client *alicloud.Client
}

// NewUserDataSource is the constructor the provider registers for the
// mseram_user data source.
func NewUserDataSource() datasource.DataSource {
	return &userDataSource{}
}

type userDataModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	UserID        types.String `tfsdk:"user_id"`
	DisplayName   types.String `tfsdk:"display_name"`
	MobilePhone   types.String `tfsdk:"mobile_phone"`
	Email         types.String `tfsdk:"email"`
	Comments      types.String `tfsdk:"comments"`
	Tags          types.Map    `tfsdk:"tags"`
	CreateDate    types.String `tfsdk:"create_date"`
	UpdateDate    types.String `tfsdk:"update_date"`
	LastLoginDate types.String `tfsdk:"last_login_date"`
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Looks up an existing RAM user by logon name, with one `GetUser` call and one tag lookup. Fails if the user does not exist.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{
				MarkdownDescription: "Logon name of the user to look up.",
				Required:            true,
				Validators:          framework.UserName(),
			},
			"id":              computed("The user's ID (`UserId`)."),
			"user_id":         computed("The user's ID (`UserId`), the same value as `id`."),
			"display_name":    computed("Display name; empty when not set."),
			"mobile_phone":    computed("Mobile phone as `<country code>-<number>`; empty when not set."),
			"email":           computed("E-mail address; empty when not set."),
			"comments":        computed("Comments; empty when not set."),
			"create_date":     computed("When the user was created (UTC, RFC 3339)."),
			"update_date":     computed("When the user was last changed (UTC, RFC 3339)."),
			"last_login_date": computed("When the user last signed in to the console; empty if never."),
			"tags": schema.MapAttribute{
				MarkdownDescription: "Tags on the user.",
				ElementType:         types.StringType,
				Computed:            true,
			},
		},
	}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m userDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	object := fmt.Sprintf("RAM user %q", m.Name.ValueString())
	user, err := d.client.GetUser(ctx, m.Name.ValueString())
	if err != nil {
		hint := ""
		if alicloud.IsNotFound(err) {
			hint = "Check the name: RAM user names are case-sensitive."
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read RAM user", object, err, hint))
		return
	}
	tags, err := d.client.ListUserTags(ctx, user.UserID)
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read the tags of RAM user", object, err, ""))
		return
	}
	m.ID = types.StringValue(user.UserID)
	m.UserID = types.StringValue(user.UserID)
	m.DisplayName = types.StringValue(user.DisplayName)
	m.MobilePhone = types.StringValue(user.MobilePhone)
	m.Email = types.StringValue(user.Email)
	m.Comments = types.StringValue(user.Comments)
	m.CreateDate = types.StringValue(user.CreateDate)
	m.UpdateDate = types.StringValue(user.UpdateDate)
	m.LastLoginDate = types.StringValue(user.LastLoginDate)
	tagMap, diags := types.MapValueFrom(ctx, types.StringType, tags)
	resp.Diagnostics.Append(diags...)
	m.Tags = tagMap
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
