// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package datasources

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var _ datasource.DataSourceWithConfigure = (*serviceLinkedRolesDataSource)(nil)

type serviceLinkedRolesDataSource struct {
	client *alicloud.Client
}

// NewServiceLinkedRolesDataSource is the constructor the provider registers
// for the mseram_service_linked_roles data source.
func NewServiceLinkedRolesDataSource() datasource.DataSource {
	return &serviceLinkedRolesDataSource{}
}

type serviceLinkedRolesModel struct {
	ID           types.String `tfsdk:"id"`
	ServiceNames types.Set    `tfsdk:"service_names"`
	Roles        types.List   `tfsdk:"roles"`
}

// slrEntryAttrTypes is the object type of one element of roles.
var slrEntryAttrTypes = map[string]attr.Type{
	"service_name":          types.StringType,
	"role_name":             types.StringType,
	"description":           types.StringType,
	"accepts_custom_suffix": types.BoolType,
	"accepts_description":   types.BoolType,
	"system_policy":         types.StringType,
	"source":                types.StringType,
	"exists":                types.BoolType,
	"arn":                   types.StringType,
}

func (d *serviceLinkedRolesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_service_linked_roles"
}

func (d *serviceLinkedRolesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	boolean := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{MarkdownDescription: desc, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The provider's catalog of service-linked roles (the services `mseram_service_linked_role` accepts without `allow_unknown_service`), " +
			"each with whether its role already exists in the account: one ResourceManager `GetRole` call per entry. " +
			"Use it to decide whether to create a role or import it, or to check that MSE's role is in place.",
		Attributes: map[string]schema.Attribute{
			"id": str("Always `service-linked-roles`."),
			"service_names": schema.SetAttribute{
				MarkdownDescription: "Only these services (e.g. `[\"mse.aliyuncs.com\"]`); each must be in the catalog. Default: the whole catalog.",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"roles": schema.ListNestedAttribute{
				MarkdownDescription: "The catalog entries, in catalog order (MSE first, then MSS).",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"service_name":          str("The service, e.g. `mse.aliyuncs.com`: the `service_name` of `mseram_service_linked_role`."),
					"role_name":             str("The role the service gets, e.g. `AliyunServiceRoleForMSE` (without any custom suffix)."),
					"description":           str("The role's default description."),
					"accepts_custom_suffix": boolean("Whether `CreateServiceLinkedRole` accepts a `custom_suffix` for this service."),
					"accepts_description":   boolean("Whether `CreateServiceLinkedRole` accepts a `description` for this service."),
					"system_policy":         str("The system policy attached to the role, e.g. `AliyunServiceRolePolicyForMSE`."),
					"source":                str("Where the entry comes from (the product documentation it was taken from, and what was assumed)."),
					"exists":                boolean("Whether the service-linked role (named `role_name`) exists in the account."),
					"arn":                   str("The role's ARN when it exists; null otherwise."),
				}},
			},
		},
	}
}

func (d *serviceLinkedRolesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	client, diags := framework.ClientFrom(req.ProviderData)
	resp.Diagnostics.Append(diags...)
	d.client = client
}

func (d *serviceLinkedRolesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m serviceLinkedRolesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	entries := mse.ServiceLinkedRoles()
	if !m.ServiceNames.IsNull() {
		var want []string
		resp.Diagnostics.Append(m.ServiceNames.ElementsAs(ctx, &want, false)...)
		if resp.Diagnostics.HasError() {
			return
		}
		for _, n := range want {
			if _, ok := mse.ServiceLinkedRoleFor(n); !ok {
				resp.Diagnostics.AddAttributeError(path.Root("service_names"), "Unknown service",
					fmt.Sprintf("Service %q is not in the provider's service-linked role catalog. Known services: %s.", n, strings.Join(mse.ServiceNames(), ", ")))
			}
		}
		if resp.Diagnostics.HasError() {
			return
		}
		entries = slices.DeleteFunc(entries, func(e mse.ServiceLinkedRole) bool { return !slices.Contains(want, e.ServiceName) })
	}

	objs := make([]attr.Value, 0, len(entries))
	for _, e := range entries {
		exists, arn := false, types.StringNull()
		role, err := d.client.GetServiceLinkedRole(ctx, e.RoleName)
		switch {
		case alicloud.IsNotFound(err):
		case err != nil:
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to read service-linked role",
				fmt.Sprintf("role %q of %s", e.RoleName, e.ServiceName), err, ""))
			return
		case !role.IsServiceLinkedRole:
			// An ordinary role holds the name, so the service cannot create its own.
			resp.Diagnostics.AddWarning("Role name taken by an ordinary role",
				fmt.Sprintf("RAM role %q exists but is not the service-linked role of %s, so that service cannot create its role. "+
					"Rename or delete the ordinary role.", e.RoleName, e.ServiceName))
		default:
			exists, arn = true, types.StringValue(role.Arn)
		}
		tflog.Debug(ctx, "looked up service-linked role", map[string]any{"role_name": e.RoleName, "exists": exists})
		obj, diags := types.ObjectValue(slrEntryAttrTypes, map[string]attr.Value{
			"service_name":          types.StringValue(e.ServiceName),
			"role_name":             types.StringValue(e.RoleName),
			"description":           types.StringValue(e.Description),
			"accepts_custom_suffix": types.BoolValue(e.AcceptsSuffix),
			"accepts_description":   types.BoolValue(e.AcceptsDescription),
			"system_policy":         types.StringValue(e.PolicyName),
			"source":                types.StringValue(e.Source),
			"exists":                types.BoolValue(exists),
			"arn":                   arn,
		})
		resp.Diagnostics.Append(diags...)
		objs = append(objs, obj)
	}
	list, diags := types.ListValue(types.ObjectType{AttrTypes: slrEntryAttrTypes}, objs)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	m.ID = types.StringValue("service-linked-roles")
	m.Roles = list
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
