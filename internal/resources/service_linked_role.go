// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/mse"
)

var (
	_ resource.ResourceWithConfigure      = (*serviceLinkedRoleResource)(nil)
	_ resource.ResourceWithImportState    = (*serviceLinkedRoleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*serviceLinkedRoleResource)(nil)
)

// slrRoleNamePattern is a service-linked role name: a RAM role name, then
// optionally '_' and a custom suffix.
var slrRoleNamePattern = regexp.MustCompile(`^[A-Za-z0-9.-]{1,64}(_[A-Za-z0-9.-]+)?$`)

const (
	// Deletion is asynchronous on the service side and may take minutes.
	defaultSLRDeleteTimeout = 10 * time.Minute
	// First and longest wait between deletion-status queries.
	slrPollFirst = 500 * time.Millisecond
	slrPollMax   = 10 * time.Second
)

type serviceLinkedRoleResource struct{ base }

// NewServiceLinkedRoleResource is the constructor the provider registers for
// mseram_service_linked_role.
func NewServiceLinkedRoleResource() resource.Resource {
	return &serviceLinkedRoleResource{base{typeName: "service_linked_role"}}
}

type serviceLinkedRoleModel struct {
	ID                       types.String   `tfsdk:"id"`
	ServiceName              types.String   `tfsdk:"service_name"`
	AllowUnknownService      types.Bool     `tfsdk:"allow_unknown_service"`
	CustomSuffix             types.String   `tfsdk:"custom_suffix"`
	Description              types.String   `tfsdk:"description"`
	RoleName                 types.String   `tfsdk:"role_name"`
	RoleID                   types.String   `tfsdk:"role_id"`
	Arn                      types.String   `tfsdk:"arn"`
	AssumeRolePolicyDocument types.String   `tfsdk:"assume_role_policy_document"`
	Timeouts                 timeouts.Value `tfsdk:"timeouts"`
}

func (m serviceLinkedRoleModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the service-linked role m names (by its role name) to
// the shared lifecycle (ram_object.go). Its deletion is an asynchronous
// task (Delete).
func (r *serviceLinkedRoleResource) object(m *serviceLinkedRoleModel) ramObject[*alicloud.ServiceLinkedRole] {
	name := m.ID.ValueString()
	return ramObject[*alicloud.ServiceLinkedRole]{
		noun: "service-linked role", object: fmt.Sprintf("service-linked role %q", name), fields: map[string]any{"role_name": name},
		get: func(ctx context.Context) (*alicloud.ServiceLinkedRole, error) {
			return r.client.GetServiceLinkedRole(ctx, name)
		},
	}
}

// ofService describes the role a create for service makes: it is named
// after the service, and looked up by the name the catalog gives.
func (r *serviceLinkedRoleResource) ofService(service, suffix string) ramObject[*alicloud.ServiceLinkedRole] {
	return ramObject[*alicloud.ServiceLinkedRole]{
		noun: "service-linked role", object: fmt.Sprintf("service-linked role of %s", service),
		get: func(ctx context.Context) (*alicloud.ServiceLinkedRole, error) {
			e, ok := mse.ServiceLinkedRoleFor(service)
			if !ok {
				return nil, fmt.Errorf("the role name of service %q is not in the provider's catalog, so it cannot be looked up", service)
			}
			return r.client.GetServiceLinkedRole(ctx, e.RoleNameWithSuffix(suffix))
		},
		created: func(role *alicloud.ServiceLinkedRole) string { return role.CreateDate },
	}
}

func (r *serviceLinkedRoleResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A service-linked role: the RAM role an Alibaba Cloud service (MSE, MSS, ...) assumes to act on your resources, " +
			"created with ResourceManager's `CreateServiceLinkedRole`. Its trust policy and attached system policy are owned by the service and cannot be changed.\n\n" +
			"Services often create their role themselves when first used; creating one that already exists fails with the `terraform import` command " +
			"and `import` block that adopt it. Import by service name (`mse.aliyuncs.com`) or by role name (`AliyunServiceRoleForMSE`).\n\n" +
			"Deletion is asynchronous: the provider polls the deletion task until it ends. While the service still uses the role " +
			"(e.g. an MSE instance or an active MSS subscription) deletion fails, the error lists the resources still using it, and the role stays in state.\n\n" +
			"Known services: " + knownServicesMarkdown() + ". Timeouts: `create` defaults to " +
			fmt.Sprintf("%d minutes, `delete` (the whole wait for the deletion task) to %d minutes.",
				int(defaultTimeout.Minutes()), int(defaultSLRDeleteTimeout.Minutes())),
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The role name."),
			"service_name": schema.StringAttribute{
				MarkdownDescription: "The service the role is for, e.g. `mse.aliyuncs.com` or `mssp.aliyuncs.com`. Checked at plan time against the provider's " +
					"catalog of services (see the `mseram_service_linked_roles` data source), unless `allow_unknown_service` is `true`. Changing it replaces the role.",
				Required:      true,
				PlanModifiers: replace,
			},
			"allow_unknown_service": defaultFalse("Escape hatch for a service that the provider's catalog does not list yet: when `true`, `service_name` only needs the syntax " +
				"of a service name (`<...>.aliyuncs.com`) and `custom_suffix` / `description` are sent unchecked, so ResourceManager decides whether it knows the " +
				"service and accepts them. Default `false`: an unknown service is refused at plan time. Set to `true` by import for a role of an unknown service."),
			"custom_suffix": schema.StringAttribute{
				MarkdownDescription: "Suffix of the role name, which becomes `<role name>_<suffix>` (letters, digits, `.` and `-`; the whole name at most 64 characters). " +
					"Only some services accept one; for a service in the catalog that does not (none of the MSE and MSS roles does), the plan fails. Changing it replaces the role.",
				Optional:      true,
				PlanModifiers: replace,
			},
			"description": schema.StringAttribute{
				MarkdownDescription: "Description of the role, 1–1024 characters. Only services that accept a custom suffix accept a description; for a service in the catalog " +
					"that does not, the plan fails, unless it is the service's own description (which `terraform plan -generate-config-out` writes for an imported role). When omitted the role gets the service's own description, which this attribute then shows. " +
					"Changing it replaces the role; removing it from the configuration leaves the role as it is.",
				Optional:      true,
				Computed:      true,
				Validators:    framework.RoleDescription(),
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()},
			},
			"role_name":                   stableComputed("The role's name, e.g. `AliyunServiceRoleForMSE`, with `_<custom_suffix>` when one is set."),
			"role_id":                     stableComputed("The role's ID (`RoleId`)."),
			"arn":                         stableComputed("The role's ARN, `acs:ram::<account id>:role/<role name in lower case>`."),
			"assume_role_policy_document": stableComputed("The role's trust policy (JSON) as the API returns it: the service may assume the role. It cannot be changed."),
			"timeouts": timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Delete: defaultSLRDeleteTimeout,
				UpdateNote: "Accepted for uniformity and unused: an in-place update changes only `allow_unknown_service` and `timeouts`, which make no API call."}),
		},
	}
}

func knownServicesMarkdown() string {
	var parts []string
	for _, e := range mse.ServiceLinkedRoles() {
		parts = append(parts, fmt.Sprintf("`%s` (`%s`)", e.ServiceName, e.RoleName))
	}
	return strings.Join(parts, ", ")
}

// ValidateConfig checks the service against the catalog at plan time, so a
// typo or a refused suffix fails before anything is created. Unknown values
// (from other resources) are checked by the API instead.
func (r *serviceLinkedRoleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m serviceLinkedRoleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || m.ServiceName.IsUnknown() || m.ServiceName.IsNull() {
		return
	}
	service := m.ServiceName.ValueString()
	suffix := knownString(m.CustomSuffix)
	// One message per mistake (mse.CheckServiceName): a name that is not a
	// service name gets a suggestion, never the allow_unknown_service hint.
	if err := mse.CheckServiceName(service, m.AllowUnknownService.ValueBool() || m.AllowUnknownService.IsUnknown()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("service_name"), "Unknown service",
			"service_name of this mseram_service_linked_role: "+sentence(err.Error()))
		return
	}
	entry, known := mse.ServiceLinkedRoleFor(service)
	if !known {
		if suffix != "" {
			if err := mse.CheckSuffixSyntax("", suffix); err != nil {
				resp.Diagnostics.AddAttributeError(path.Root("custom_suffix"), "Invalid custom suffix", err.Error()+".")
			}
		}
		return
	}
	if suffix != "" {
		if err := entry.CheckSuffix(suffix); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("custom_suffix"), "Custom suffix not accepted",
				fmt.Sprintf("custom_suffix: %s. Remove custom_suffix from this mseram_service_linked_role.", err))
		}
	}
	if !m.Description.IsNull() && !m.Description.IsUnknown() {
		if err := entry.CheckDescription(m.Description.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("description"), "Description not accepted",
				fmt.Sprintf("description: %s. Remove description from this mseram_service_linked_role.", err))
		}
	}
}

// knownString is a string attribute's value, "" when null or unknown.
func knownString(v types.String) string {
	if v.IsNull() || v.IsUnknown() {
		return ""
	}
	return v.ValueString()
}

func (r *serviceLinkedRoleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan serviceLinkedRoleModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	service := plan.ServiceName.ValueString()
	suffix := knownString(plan.CustomSuffix)
	description := knownString(plan.Description)
	sent := description
	if e, ok := mse.ServiceLinkedRoleFor(service); ok {
		sent = e.CustomDescription(description)
	}
	o := r.ofService(service, suffix)
	role, err := o.create(ctx, resp,
		func(ctx context.Context) (*alicloud.ServiceLinkedRole, error) {
			return r.client.CreateServiceLinkedRole(ctx, service, suffix, sent)
		},
		func(role *alicloud.ServiceLinkedRole, _ map[string]string) string {
			var d differ
			if !role.IsServiceLinkedRole {
				d = append(d, "it is not a service-linked role")
			}
			if description != "" {
				d.str("description", role.Description, description)
			}
			return d.String()
		})
	if err != nil {
		hint := ""
		switch {
		case alicloud.IsAlreadyExists(err):
			hint = slrImportHint(service, suffix)
		case alicloud.IsNotFound(err):
			hint = fmt.Sprintf("ResourceManager does not know service %q. Check service_name.", service)
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to create service-linked role", o.object, err, hint))
		return
	}
	tflog.Info(ctx, "created service-linked role", map[string]any{"service_name": service, "role_name": role.RoleName, "role_id": role.RoleID})
	setSLRFromAPI(&plan, role)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// slrImportHint tells how to adopt a role that already exists. The ID is
// the role name when the catalog gives it, else the service name cannot be
// resolved by import, so the user must look the name up.
func slrImportHint(service, suffix string) string {
	id := "<role name, e.g. AliyunServiceRoleFor...>"
	if e, ok := mse.ServiceLinkedRoleFor(service); ok {
		id = e.RoleNameWithSuffix(suffix)
		if suffix == "" {
			id = service // the shortest ID that import resolves
		}
	}
	return fmt.Sprintf("The service-linked role of %[1]s already exists in the account (services often create their role when first used). "+
		"Adopt it instead of creating it, with\n\n"+
		"  terraform import mseram_service_linked_role.<NAME> %[2]s\n\n"+
		"or by adding this block to the configuration and running terraform apply:\n\n"+
		"  import {\n    to = mseram_service_linked_role.<NAME>\n    id = %[3]q\n  }\n\n"+
		"where <NAME> is this resource's name in the configuration.", service, id, id)
}

func (r *serviceLinkedRoleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, setSLRFromRead)
}

// setSLRFromRead maps a role read back into the model, telling its service
// (and whether the catalog knows it) and its custom suffix from the role,
// so an imported role is complete.
func setSLRFromRead(m *serviceLinkedRoleModel, role *alicloud.ServiceLinkedRole, _ map[string]string) diag.Diagnostics {
	var diags diag.Diagnostics
	name := m.ID.ValueString()
	if !role.IsServiceLinkedRole {
		diags.AddError("Not a service-linked role",
			fmt.Sprintf("RAM role %q exists but is not a service-linked role. Manage it with mseram_role instead of mseram_service_linked_role "+
				"(remove this resource from state with terraform state rm).", name))
		return diags
	}
	setSLRFromAPI(m, role)
	if s := trustedService(role.AssumeRolePolicyDocument); s != "" {
		m.ServiceName = types.StringValue(s)
	} else if m.ServiceName.IsNull() {
		if e, _, ok := mse.ServiceLinkedRoleNamed(role.RoleName); ok {
			m.ServiceName = types.StringValue(e.ServiceName)
		}
	}
	if m.ServiceName.IsNull() {
		diags.AddError("Unable to tell the service of a service-linked role",
			fmt.Sprintf("service-linked role %q: its trust policy names no service principal and its name is not in the catalog. "+
				"Please report this to the provider developers with the trust policy: %s", name, role.AssumeRolePolicyDocument))
		return diags
	}
	if m.AllowUnknownService.IsNull() { // after import
		_, known := mse.ServiceLinkedRoleFor(m.ServiceName.ValueString())
		m.AllowUnknownService = types.BoolValue(!known)
	}
	// The suffix is what follows the first '_': service role names have
	// none of their own (RAM role names cannot contain '_').
	if _, suffix, found := strings.Cut(role.RoleName, "_"); found {
		m.CustomSuffix = types.StringValue(suffix)
	} else {
		m.CustomSuffix = types.StringNull()
	}
	return diags
}

// trustedService is the first service principal of a trust policy.
func trustedService(doc string) string {
	var p struct {
		Statement []struct {
			Principal struct {
				Service json.RawMessage
			}
		}
	}
	if json.Unmarshal([]byte(doc), &p) != nil {
		return ""
	}
	for _, st := range p.Statement {
		var one string
		if json.Unmarshal(st.Principal.Service, &one) == nil && one != "" {
			return one
		}
		var many []string
		if json.Unmarshal(st.Principal.Service, &many) == nil && len(many) > 0 {
			return many[0]
		}
	}
	return ""
}

// Update only changes allow_unknown_service and timeouts, which live in
// state alone: everything the API holds requires replacement.
func (r *serviceLinkedRoleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state serviceLinkedRoleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID, plan.RoleName, plan.RoleID, plan.Arn = state.ID, state.RoleName, state.RoleID, state.Arn
	plan.AssumeRolePolicyDocument, plan.Description = state.AssumeRolePolicyDocument, state.Description
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *serviceLinkedRoleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state serviceLinkedRoleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultSLRDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	name := state.ID.ValueString()
	object := fmt.Sprintf("service-linked role %q of %s", name, state.ServiceName.ValueString())
	taskID, err := r.client.DeleteServiceLinkedRole(ctx, name)
	if alicloud.IsNotFound(err) {
		tflog.Info(ctx, "service-linked role already gone", map[string]any{"role_name": name})
		return
	}
	if err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to delete service-linked role", object, err, ""))
		return
	}
	tflog.Info(ctx, "started deletion of service-linked role", map[string]any{"role_name": name, "deletion_task_id": taskID})

	st, err := waitSLRDeletion(ctx, r.client, taskID)
	if err != nil {
		if ctx.Err() != nil {
			last := "unknown"
			if st != nil {
				last = st.Status
			}
			resp.Diagnostics.AddError("Timed out deleting service-linked role",
				fmt.Sprintf("%s: deletion task %s was still %s when the delete timeout (%s) ran out. The service may still finish it: "+
					"run terraform destroy (or apply) again, or raise timeouts.delete on this mseram_service_linked_role.", object, taskID, last, timeout))
			return
		}
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to query the deletion of service-linked role", object, err,
			fmt.Sprintf("The deletion task is %s; running the same command again resumes it.", taskID)))
		return
	}
	switch st.Status {
	case alicloud.DeletionSucceeded:
		tflog.Info(ctx, "deleted service-linked role", map[string]any{"role_name": name})
	case alicloud.DeletionFailed:
		detail := fmt.Sprintf("%s: the service still uses the role, so deletion task %s failed", object, taskID)
		if st.Reason != "" {
			detail += ": " + st.Reason
		}
		if len(st.Resources) > 0 {
			detail += "\n\nResources still using the role:\n  - " + strings.Join(st.Resources, "\n  - ")
		}
		detail += "\n\nRelease these resources first (delete them, or end the service's subscription), then destroy this mseram_service_linked_role again. " +
			"The role is kept in the Terraform state."
		resp.Diagnostics.AddError("Service-linked role is still in use", detail)
	default:
		resp.Diagnostics.AddError("Unable to delete service-linked role",
			fmt.Sprintf("%s: deletion task %s ended with status %s (%s). It is safe to run the same command again.", object, taskID, st.Status, st.Reason))
	}
}

// waitSLRDeletion polls a deletion task with exponential backoff until it
// ends or ctx is done; it returns the last status seen.
func waitSLRDeletion(ctx context.Context, c *alicloud.Client, taskID string) (*alicloud.DeletionStatus, error) {
	b := backoff{delay: slrPollFirst, max: slrPollMax}
	var last *alicloud.DeletionStatus
	for {
		st, err := c.GetServiceLinkedRoleDeletionStatus(ctx, taskID)
		if err != nil {
			return last, err
		}
		last = st
		if st.Done() {
			return st, nil
		}
		tflog.Debug(ctx, "service-linked role deletion in progress", map[string]any{"deletion_task_id": taskID, "status": st.Status, "delay": b.delay.String()})
		if !b.wait(ctx) {
			return last, ctx.Err()
		}
	}
}

// ImportState takes a service name of the catalog (mse.aliyuncs.com),
// resolved to its role name, or a role name (AliyunServiceRoleForMSE, or
// with a custom suffix); Read fills in the rest.
func (r *serviceLinkedRoleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := req.ID
	if e, ok := mse.ServiceLinkedRoleFor(id); ok {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), e.RoleName)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("service_name"), e.ServiceName)...)
		return
	}
	if mse.IsServiceName(id) {
		resp.Diagnostics.AddError("Unknown service in import ID",
			fmt.Sprintf("Service %q is not in the provider's service-linked role catalog (%s), so its role name is unknown. "+
				"Import the role by its role name instead (see the RAM console, usually AliyunServiceRoleFor<Service>).",
				id, strings.Join(mse.ServiceNames(), ", ")))
		return
	}
	if len(id) > mse.MaxServiceLinkedRoleName || !slrRoleNamePattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import ID",
			fmt.Sprintf("Import mseram_service_linked_role by service name (e.g. \"mse.aliyuncs.com\") or by role name "+
				"(e.g. \"AliyunServiceRoleForMSE\", 1–64 letters, digits, '.', '-' and one '_' before a custom suffix); got %q.", id))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
}

// setSLRFromAPI copies what the API holds into the model.
func setSLRFromAPI(m *serviceLinkedRoleModel, role *alicloud.ServiceLinkedRole) {
	m.ID = types.StringValue(role.RoleName)
	m.RoleName = types.StringValue(role.RoleName)
	m.RoleID = types.StringValue(role.RoleID)
	m.Arn = types.StringValue(role.Arn)
	m.AssumeRolePolicyDocument = types.StringValue(role.AssumeRolePolicyDocument)
	m.Description = types.StringValue(role.Description)
}

// sentence ends a message with a period unless it ends with a question.
func sentence(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
