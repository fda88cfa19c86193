// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
	"github.com/mseram/terraform-provider-mseram/internal/ramrules"
)

var (
	_ resource.ResourceWithConfigure        = (*loginProfileResource)(nil)
	_ resource.ResourceWithImportState      = (*loginProfileResource)(nil)
	_ resource.ResourceWithConfigValidators = (*loginProfileResource)(nil)
)

// codePasswordTooWeak is RAM's one code for every password-policy failure.
const codePasswordTooWeak = "InvalidParameter.Password.TooWeak"

type loginProfileResource struct{ base }

// NewLoginProfileResource is the constructor the provider registers for
// mseram_login_profile.
func NewLoginProfileResource() resource.Resource {
	return &loginProfileResource{base{typeName: "login_profile"}}
}

type loginProfileModel struct {
	ID                    types.String   `tfsdk:"id"`
	UserName              types.String   `tfsdk:"user_name"`
	Password              types.String   `tfsdk:"password"`
	PasswordWO            types.String   `tfsdk:"password_wo"`
	PasswordWOVersion     types.Int64    `tfsdk:"password_wo_version"`
	PasswordResetRequired types.Bool     `tfsdk:"password_reset_required"`
	MFABindRequired       types.Bool     `tfsdk:"mfa_bind_required"`
	CreateDate            types.String   `tfsdk:"create_date"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

func (m loginProfileModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the login profile m names to the shared lifecycle
// (ram_object.go).
func (r *loginProfileResource) object(m *loginProfileModel) ramObject[*alicloud.LoginProfile] {
	user := m.UserName.ValueString()
	return ramObject[*alicloud.LoginProfile]{
		noun: "login profile", object: loginProfileObject(user), fields: map[string]any{"user_name": user},
		// Not-found is EntityNotExist.User or .User.LoginProfile: either way
		// there is no console logon left to manage.
		get:     func(ctx context.Context) (*alicloud.LoginProfile, error) { return r.client.GetLoginProfile(ctx, user) },
		created: func(lp *alicloud.LoginProfile) string { return lp.CreateDate },
		del:     func(ctx context.Context) error { return r.client.DeleteLoginProfile(ctx, user) },
	}
}

func (r *loginProfileResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Console logon (a password) for a RAM user.\n\n" +
			"Set the password with the write-only `password_wo` (Terraform 1.11 and later): it is sent to Alibaba Cloud " +
			"and never stored in the plan or the state. Terraform cannot tell when a write-only value changes, so bump " +
			"`password_wo_version` to send a new password. The sensitive `password` is there for older Terraform; it is " +
			"stored in the state.\n\n" +
			"The API never returns a password: an imported login profile has no password in the state, and a password " +
			"changed in the console is not detected.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The user name; a user has at most one login profile."),
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The RAM user that gets console logon. Changing it replaces the login profile.",
				Required:            true,
				Validators:          framework.UserName(),
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"password_wo": schema.StringAttribute{
				MarkdownDescription: "The console password, write-only (Terraform 1.11 and later): never in the plan or the state. " +
					"It must satisfy the account's password policy (by default 8–32 characters). " +
					"Exactly one of `password_wo` and `password` must be set. To change the password, change this value " +
					"**and** `password_wo_version`.",
				Optional:  true,
				Sensitive: true,
				WriteOnly: true,
			},
			"password_wo_version": schema.Int64Attribute{
				MarkdownDescription: "Any number; changing it sends `password_wo` to Alibaba Cloud again, since Terraform " +
					"cannot see changes of a write-only value. Requires `password_wo`.",
				Optional: true,
				Validators: []validator.Int64{
					int64validator.AlsoRequires(path.MatchRoot("password_wo")),
				},
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "The console password, for Terraform older than 1.11. Sensitive, but **stored in the state**: " +
					"prefer `password_wo`. Changing it updates the password in place. Cannot be imported.",
				Optional:  true,
				Sensitive: true,
			},
			"password_reset_required": defaultFalse("Whether the user must choose a new password at the next logon. Default `false`. Changes in place."),
			"mfa_bind_required":       defaultFalse("Whether the user must bind an MFA device at the next logon. Default `false`. Changes in place."),
			"create_date":             stableComputed("When console logon was enabled (UTC, RFC 3339)."),
			"timeouts":                timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

// ConfigValidators are checked at plan time, before any API call.
func (r *loginProfileResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("password"), path.MatchRoot("password_wo")),
		// Warns only where write-only attributes work (Terraform 1.11+).
		resourcevalidator.PreferWriteOnlyAttribute(path.MatchRoot("password"), path.MatchRoot("password_wo")),
	}
}

// passwordAttr is the attribute the password came from, for diagnostics.
func (m *loginProfileModel) passwordAttr() path.Path {
	if !m.Password.IsNull() {
		return path.Root("password")
	}
	return path.Root("password_wo")
}

func (r *loginProfileResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config loginProfileModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	// Write-only values are only in the configuration, never in the plan.
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); !ok || resp.Diagnostics.HasError() {
		return
	}
	user := plan.UserName.ValueString()
	password := plan.Password.ValueString()
	if plan.Password.IsNull() {
		password = config.PasswordWO.ValueString()
	}
	reset, mfa := plan.PasswordResetRequired.ValueBool(), plan.MFABindRequired.ValueBool()
	// The password cannot be read back; a profile created after this
	// apply's first attempt with the same flags is the one the lost attempt
	// made, with the password it carried (the same as the retry's).
	lp, err := r.object(&plan).create(ctx, resp,
		func(ctx context.Context) (*alicloud.LoginProfile, error) {
			return r.client.CreateLoginProfile(ctx, user, password, reset, mfa)
		},
		func(lp *alicloud.LoginProfile, _ map[string]string) string {
			var d differ
			if lp.PasswordResetRequired != reset {
				d = append(d, fmt.Sprintf("password_reset_required is %t, want %t", lp.PasswordResetRequired, reset))
			}
			if lp.MFABindRequired != mfa {
				d = append(d, fmt.Sprintf("mfa_bind_required is %t, want %t", lp.MFABindRequired, mfa))
			}
			return d.String()
		})
	if err != nil {
		resp.Diagnostics.Append(loginProfileWriteDiag("Unable to create login profile", user, plan.passwordAttr(), err))
		return
	}
	tflog.Info(ctx, "created RAM login profile", map[string]any{"user_name": user})
	plan.ID = types.StringValue(user)
	plan.CreateDate = types.StringValue(lp.CreateDate)
	plan.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *loginProfileResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, func(m *loginProfileModel, lp *alicloud.LoginProfile, _ map[string]string) diag.Diagnostics {
		// The password is never returned: password and password_wo_version
		// keep what the state had.
		m.ID = m.UserName
		m.PasswordResetRequired = types.BoolValue(lp.PasswordResetRequired)
		m.MFABindRequired = types.BoolValue(lp.MFABindRequired)
		m.CreateDate = types.StringValue(lp.CreateDate)
		m.PasswordWO = types.StringNull()
		return nil
	})
}

func (r *loginProfileResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state, config loginProfileModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if resp.Diagnostics.Append(req.Config.Get(ctx, &config)...); !ok || resp.Diagnostics.HasError() {
		return
	}
	user := state.UserName.ValueString()
	var password *string
	switch {
	case !plan.Password.IsNull() && !plan.Password.Equal(state.Password):
		password = plan.Password.ValueStringPointer()
	case plan.Password.IsNull() && (!plan.PasswordWOVersion.Equal(state.PasswordWOVersion) || !state.Password.IsNull()):
		// A new password_wo_version, or a move from password to
		// password_wo: send the write-only value.
		password = config.PasswordWO.ValueStringPointer()
	}
	var reset, mfa *bool
	if !plan.PasswordResetRequired.Equal(state.PasswordResetRequired) {
		reset = plan.PasswordResetRequired.ValueBoolPointer()
	}
	if !plan.MFABindRequired.Equal(state.MFABindRequired) {
		mfa = plan.MFABindRequired.ValueBoolPointer()
	}
	if password != nil || reset != nil || mfa != nil {
		if err := r.client.UpdateLoginProfile(ctx, user, password, reset, mfa); err != nil {
			resp.Diagnostics.Append(loginProfileWriteDiag("Unable to update login profile", user, plan.passwordAttr(), err))
			return
		}
		tflog.Info(ctx, "updated RAM login profile", map[string]any{
			"user_name": user, "password_changed": password != nil, "flags_changed": reset != nil || mfa != nil,
		})
	}
	plan.ID, plan.CreateDate = state.ID, state.CreateDate
	plan.PasswordWO = types.StringNull()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *loginProfileResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	deleteObject(ctx, req, resp, r.object)
}

// ImportState takes the user name. The password cannot be imported: the
// API never returns it.
func (r *loginProfileResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	importByName(ctx, req, resp, ramrules.UserName,
		`Import mseram_login_profile by the RAM user's name (1–64 letters, digits, '.', '-' or '_'), e.g. "alice"`, "id", "user_name")
}

func loginProfileObject(user string) string {
	return fmt.Sprintf("login profile of RAM user %q", user)
}

// loginProfileWriteDiag explains a failed create or update: a password the
// policy rejects points at the attribute it came from; a user that already
// has console logon gets the import command; a missing user is named.
func loginProfileWriteDiag(summary, user string, passwordAttr path.Path, err error) diag.Diagnostic {
	object := loginProfileObject(user)
	switch {
	case alicloud.ErrorCode(err) == codePasswordTooWeak:
		return diag.NewAttributeErrorDiagnostic(passwordAttr, "Password rejected by the account's password policy",
			fmt.Sprintf("%s: %s\n\n"+
				"The password of RAM user %q does not satisfy the account's RAM password policy (rule %s). "+
				"By default a password has 8 to 32 characters; the account's policy may also require lowercase or "+
				"uppercase letters, digits or symbols, a longer minimum length, or forbid the user name in the password. "+
				"Check the policy in the RAM console (Settings > Security Settings > Password Strength), or in the mseram_account_password_policy "+
				"resource if Terraform manages it, and choose a password that meets it (or change the policy there). "+
				"The password itself is not shown here.", object, err, user, codePasswordTooWeak))
	case alicloud.IsAlreadyExists(err):
		return framework.APIErrorDiag(summary, object, err,
			fmt.Sprintf("RAM user %q already has a login profile (console logon), created outside this Terraform state. "+
				"A user has at most one. To manage it with Terraform, import it:\n"+
				"  terraform import <address of this mseram_login_profile> %s\n"+
				"or add an import block with id = %q. Otherwise delete it in the RAM console first.", user, user, user))
	case alicloud.IsNotFound(err):
		return framework.APIErrorDiag(summary, object, err,
			fmt.Sprintf("RAM user %q does not exist. Create it first, e.g. with an mseram_user, and refer to its name "+
				"(user_name = mseram_user.<name>.name) so Terraform creates it before the login profile.", user))
	}
	return framework.APIErrorDiag(summary, object, err, "")
}
