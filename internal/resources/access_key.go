// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

var (
	_ resource.ResourceWithConfigure      = (*accessKeyResource)(nil)
	_ resource.ResourceWithImportState    = (*accessKeyResource)(nil)
	_ resource.ResourceWithValidateConfig = (*accessKeyResource)(nil)
)

// Access key statuses, as the API spells them.
const (
	accessKeyActive   = "Active"
	accessKeyInactive = "Inactive"
)

// codeAccessKeyLimit is RAM's answer to a third key for one user.
const codeAccessKeyLimit = "LimitExceeded.User.AccessKey"

type accessKeyResource struct{ base }

// NewAccessKeyResource is the constructor the provider registers for
// mseram_access_key.
func NewAccessKeyResource() resource.Resource {
	return &accessKeyResource{base{typeName: "access_key"}}
}

type accessKeyModel struct {
	ID                  types.String   `tfsdk:"id"`
	UserName            types.String   `tfsdk:"user_name"`
	Status              types.String   `tfsdk:"status"`
	PGPKey              types.String   `tfsdk:"pgp_key"`
	SecretFile          types.String   `tfsdk:"secret_file"`
	OverwriteSecretFile types.Bool     `tfsdk:"overwrite_secret_file"`
	Secret              types.String   `tfsdk:"secret"`
	EncryptedSecret     types.String   `tfsdk:"encrypted_secret"`
	KeyFingerprint      types.String   `tfsdk:"key_fingerprint"`
	CreateDate          types.String   `tfsdk:"create_date"`
	Timeouts            timeouts.Value `tfsdk:"timeouts"`
}

func (m accessKeyModel) timeoutsValue() timeouts.Value { return m.Timeouts }

// object describes the access key m names to the shared lifecycle
// (ram_object.go). Its create is createAccessKey, not ramObject's: a key has
// no name to find it by after a lost answer (see access_key_create.go).
func (r *accessKeyResource) object(m *accessKeyModel) ramObject[*alicloud.AccessKey] {
	user, id := m.UserName.ValueString(), m.ID.ValueString()
	return ramObject[*alicloud.AccessKey]{
		noun: "access key", object: accessKeyObject(user, id), fields: map[string]any{"user_name": user, "access_key_id": id},
		get: func(ctx context.Context) (*alicloud.AccessKey, error) { return findAccessKey(ctx, r.client, user, id) },
		del: func(ctx context.Context) error { return r.client.DeleteAccessKey(ctx, user, id) },
	}
}

func (r *accessKeyResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "An AccessKey pair of a RAM user, for API access. A user has at most two.\n\n" +
			"Alibaba Cloud returns the secret once, when the key is created. Without `pgp_key` it is kept in the " +
			"state as the sensitive `secret`: protect the state accordingly. With `pgp_key` only the encrypted secret " +
			"is kept. For a short-lived key that never reaches the state, use the `mseram_access_key` ephemeral " +
			"resource instead.\n\nAccess keys cannot be imported, since their secret cannot be read back.",
		Attributes: map[string]schema.Attribute{
			"id": stableComputed("The AccessKey ID."),
			"user_name": schema.StringAttribute{
				MarkdownDescription: "The RAM user the key belongs to. RAM keeps a user's keys when the user is renamed, so a new " +
					"`user_name` is applied in place and keeps the key (and its secret) when the key's user was renamed to it, e.g. " +
					"`user_name = mseram_user.<name>.name` with the user's `name` changed. RAM cannot move a key to another user: " +
					"for any other new `user_name` the apply fails and changes nothing; to replace the key with a new one of that " +
					"user, run `terraform apply -replace=<address>`.",
				Required:   true,
				Validators: framework.UserName(),
			},
			"status": schema.StringAttribute{
				MarkdownDescription: "`Active` (default) or `Inactive`. An inactive key cannot sign requests. Changes in place.",
				Optional:            true,
				Computed:            true,
				Default:             stringdefault.StaticString(accessKeyActive),
				Validators:          []validator.String{stringvalidator.OneOf(accessKeyActive, accessKeyInactive)},
			},
			"pgp_key": schema.StringAttribute{
				MarkdownDescription: "An OpenPGP public key, ASCII-armored or the base64 of the binary key " +
					"(`gpg --export <key id> | base64 -w0`). When set, the secret is encrypted to it: the state holds only " +
					"`encrypted_secret` and `key_fingerprint`, and `secret` is null. Decrypt with " +
					"`terraform output -raw <output> | base64 -d | gpg --decrypt`. The key must pass a policy, checked at plan " +
					"time together with a trial encryption (or, when the value is known only at apply, before the access key is " +
					"created): RSA keys need at least 2048 bits, DSA and ElGamal keys are refused, and the key must stay usable " +
					"for encryption for at least 24 more hours. Keybase references (`keybase:<user>`) are not supported, since " +
					"the provider does not fetch keys over the network: give the key itself. Changing it replaces the key. " +
					"Cannot be combined with `secret_file`.",
				Optional:      true,
				Validators:    []validator.String{pgpPublicKeyValidator{}},
				PlanModifiers: replace,
			},
			"secret_file": schema.StringAttribute{
				MarkdownDescription: "A path to write the plaintext secret to when the key is created (mode 0600, written " +
					"atomically: a temporary file in the same directory, flushed, then renamed). It lives on the machine that " +
					"ran Terraform only. Missing parent directories are created with mode 0700; existing ones are left as they are. " +
					"If the file is deleted by hand, the next plan shows the drift and replaces the key, writing the new key's secret " +
					"to the path (the old secret cannot be written again: Alibaba Cloud returns it only at creation); the file is " +
					"checked on the machine that runs Terraform, so run Terraform where the file lives. If something already exists at the path, the apply fails before the access key is " +
					"created and the existing file is left untouched, unless `overwrite_secret_file` is `true`; a directory is " +
					"always refused. When the key is destroyed, the file is deleted only if it is still a regular file holding " +
					"exactly the key's secret; a file whose content changed, or anything else now at the path, is left in place " +
					"with a warning naming the path. Changing it replaces the key. Cannot be combined with `pgp_key`.",
				Optional:      true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: replace,
			},
			"overwrite_secret_file": schema.BoolAttribute{
				MarkdownDescription: "Whether creating the key may replace a file that already exists at `secret_file` " +
					"(default `false`). Needed, for example, when `create_before_destroy` replaces a key whose `secret_file` " +
					"keeps the same path, since the old key's file is still there when the new key is created. Only read " +
					"when the key is created; changing it does not replace the key.",
				Optional: true,
			},
			"secret": schema.StringAttribute{
				MarkdownDescription: "The AccessKey secret, when `pgp_key` is not set (null otherwise). Sensitive, stored in the state.",
				Computed:            true,
				Sensitive:           true,
				PlanModifiers:       keep,
			},
			"encrypted_secret": stableComputed("With `pgp_key`: the base64 of the OpenPGP message holding the secret, encrypted to `pgp_key`."),
			"key_fingerprint":  stableComputed("With `pgp_key`: the fingerprint (hex) of the OpenPGP key the secret is encrypted to."),
			"create_date":      stableComputed("When the key was created (UTC, RFC 3339)."),
			"timeouts":         timeoutsAttribute(ctx, opTimeouts{Create: defaultTimeout, Update: defaultTimeout, Delete: defaultTimeout}),
		},
	}
}

// ValidateConfig refuses secret_file with pgp_key: the file would hold the
// very plaintext pgp_key exists to keep off disk.
func (r *accessKeyResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var pgpKey, secretFile types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("pgp_key"), &pgpKey)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("secret_file"), &secretFile)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(pgpWithSecretFile(pgpKey, secretFile)...)
}

// pgpWithSecretFile refuses pgp_key and secret_file both set. Only values
// known to be set count: `pgp_key = var.k != "" ? var.k : null` is unknown
// while `terraform validate` runs and null once k is "", so it is checked
// again at plan time and, for values known only then, before Create.
func pgpWithSecretFile(pgpKey, secretFile types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if isSet(pgpKey) && isSet(secretFile) {
		diags.AddAttributeError(pathSecretFile, "secret_file cannot be combined with pgp_key",
			"With pgp_key the secret is kept only encrypted; secret_file would write it in plaintext to disk. "+
				"Remove secret_file and decrypt encrypted_secret with the private key where the secret is needed, "+
				"or remove pgp_key to get the plaintext secret in secret_file (and in the state).")
	}
	return diags
}

// isSet reports a value known and not null: an unknown value may still turn
// out null, so it is not "set" yet.
func isSet(v types.String) bool { return !v.IsNull() && !v.IsUnknown() }

func (r *accessKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan accessKeyModel
	ctx, cancel, ok := creating(ctx, req, resp, &plan)
	defer cancel()
	if !ok {
		return
	}
	user := plan.UserName.ValueString()
	// Check before creating, so a key never exists that cannot be stored.
	if resp.Diagnostics.Append(pgpWithSecretFile(plan.PGPKey, plan.SecretFile)...); resp.Diagnostics.HasError() {
		return
	}
	if !plan.SecretFile.IsNull() {
		if err := checkSecretFilePath(plan.SecretFile.ValueString(), plan.OverwriteSecretFile.ValueBool()); err != nil {
			resp.Diagnostics.AddAttributeError(pathSecretFile, "Unable to write the access key secret to secret_file",
				err.Error()+". No access key was created.")
			return
		}
	}
	var recipient *openpgp.Entity
	if !plan.PGPKey.IsNull() {
		var err error
		if recipient, err = pgpRecipient(plan.PGPKey.ValueString(), time.Now()); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("pgp_key"), pgpKeySummary, pgpKeyDetail(err))
			return
		}
	}

	key, err := createAccessKey(ctx, r.client, user)
	if err != nil {
		resp.Diagnostics.Append(accessKeyCreateDiag(user, err))
		return
	}
	tflog.Info(ctx, "created RAM access key", map[string]any{"user_name": user, "access_key_id": key.AccessKeyID})

	plan.ID = types.StringValue(key.AccessKeyID)
	plan.CreateDate = types.StringValue(key.CreateDate)
	plan.Secret, plan.EncryptedSecret, plan.KeyFingerprint = types.StringNull(), types.StringNull(), types.StringNull()
	// The secret exists only in this answer: if it cannot be kept (encrypted
	// or written as asked), delete the key rather than leave one nobody can use.
	if recipient != nil {
		enc, err := encryptForPGP(recipient, []byte(key.AccessKeySecret))
		if err != nil {
			r.rollback(ctx, user, key.AccessKeyID, &resp.Diagnostics, "Unable to encrypt the access key secret", err)
			return
		}
		plan.EncryptedSecret = types.StringValue(enc)
		plan.KeyFingerprint = types.StringValue(pgpFingerprint(recipient))
	} else {
		plan.Secret = types.StringValue(key.AccessKeySecret)
		if !plan.SecretFile.IsNull() {
			if err := writeSecretFile(plan.SecretFile.ValueString(), []byte(key.AccessKeySecret), plan.OverwriteSecretFile.ValueBool()); err != nil {
				r.rollback(ctx, user, key.AccessKeyID, &resp.Diagnostics, "Unable to write the access key secret to secret_file", err)
				return
			}
		}
	}

	wantStatus := plan.Status.ValueString()
	plan.Status = types.StringValue(key.Status)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	// The mark ramObject.create sets for other objects (this create is the
	// key's own): the first Read waits until the key is listed.
	markUnconfirmed(ctx, resp)
	if resp.Diagnostics.HasError() || key.Status == wantStatus {
		return
	}
	// Keys are born Active; the key is in the state already, so a failure
	// here leaves it tracked (and tainted), never orphaned.
	if err := r.client.UpdateAccessKey(ctx, user, key.AccessKeyID, wantStatus); err != nil {
		resp.Diagnostics.Append(framework.APIErrorDiag("Unable to set the status of the new access key", accessKeyObject(user, key.AccessKeyID), err,
			"The key was created Active and Terraform marks it tainted; the next apply replaces it."))
		return
	}
	plan.Status = types.StringValue(wantStatus)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// rollback deletes a key whose secret could not be kept, and reports why.
func (r *accessKeyResource) rollback(ctx context.Context, user, id string, diags *diag.Diagnostics, summary string, cause error) {
	detail := fmt.Sprintf("%s: %s.", accessKeyObject(user, id), cause)
	if err := ignoreNotFound(r.client.DeleteAccessKey(ctx, user, id)); err != nil {
		detail += fmt.Sprintf("\n\nThe key was created, but deleting it again failed too: %s. Delete access key %s of RAM user %q "+
			"in the RAM console; its secret is lost.", err, id, user)
	} else {
		detail += "\n\nThe new key was deleted again, since its secret could not be kept. Fix the cause and apply again."
	}
	diags.AddError(summary, detail)
}

func (r *accessKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	readObject(ctx, req, resp, r.object, func(m *accessKeyModel, key *alicloud.AccessKey, _ map[string]string) diag.Diagnostics {
		m.Status = types.StringValue(key.Status)
		m.CreateDate = types.StringValue(key.CreateDate)
		if !isSet(m.SecretFile) {
			return nil
		}
		gone, diags := secretFileGone(m.SecretFile.ValueString(), accessKeyObject(m.UserName.ValueString(), key.AccessKeyID))
		if gone {
			m.SecretFile = types.StringNull()
		}
		return diags
	})
}

// findAccessKey looks the key up among the user's keys (RAM has no
// GetAccessKey); a key not listed is a not-found error.
func findAccessKey(ctx context.Context, c *alicloud.Client, user, id string) (*alicloud.AccessKey, error) {
	keys, err := c.ListAccessKeys(ctx, user)
	if err != nil {
		return nil, err
	}
	for i := range keys {
		if keys[i].AccessKeyID == id {
			return &keys[i], nil
		}
	}
	return nil, &alicloud.APIError{Product: string(alicloud.ProductRAM), Action: "ListAccessKeys", Code: "EntityNotExist.User.AccessKey",
		Message: fmt.Sprintf("access key %s is not among the keys of user %s", id, user), HTTPStatus: 404, Class: alicloud.ClassNotFound}
}

func (r *accessKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state accessKeyModel
	ctx, cancel, ok := updating(ctx, req, resp, &plan, &state)
	defer cancel()
	if !ok {
		return
	}
	user, id := plan.UserName.ValueString(), state.ID.ValueString()
	if !plan.UserName.Equal(state.UserName) && !r.followRename(ctx, state.UserName.ValueString(), user, id, resp) {
		return
	}
	if !plan.Status.Equal(state.Status) {
		if err := r.client.UpdateAccessKey(ctx, user, id, plan.Status.ValueString()); err != nil {
			resp.Diagnostics.Append(framework.APIErrorDiag("Unable to change the status of access key", accessKeyObject(user, id), err, ""))
			return
		}
		tflog.Info(ctx, "changed RAM access key status", map[string]any{"user_name": user, "access_key_id": id, "status": plan.Status.ValueString()})
	}
	// Everything else requires replacement; carry the computed values over.
	// A followed rename needs no mark: the key was listed under the new name.
	plan.ID, plan.CreateDate = state.ID, state.CreateDate
	plan.Secret, plan.EncryptedSecret, plan.KeyFingerprint = state.Secret, state.EncryptedSecret, state.KeyFingerprint
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *accessKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state accessKeyModel
	ctx, cancel, ok := deleting(ctx, req, resp, &state)
	defer cancel()
	if !ok {
		return
	}
	o := r.object(&state)
	if o.delete(ctx, &resp.Diagnostics) && !state.SecretFile.IsNull() {
		resp.Diagnostics.Append(cleanUpSecretFile(state.SecretFile.ValueString(), state.Secret.ValueString(), o.object)...)
	}
}

// ImportState always fails: RAM returns a key's secret only when it is
// created, so an imported key would be missing the one value it is for.
func (r *accessKeyResource) ImportState(_ context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.AddError("mseram_access_key cannot be imported",
		fmt.Sprintf("Access key %q cannot be imported: Alibaba Cloud returns an access key's secret only once, when the key is created, "+
			"so Terraform could never know it.\n\n"+
			"Instead, let Terraform create a new key for the user (an mseram_access_key without an import), move its users to the new key, "+
			"then delete the old key in the RAM console. A user can hold two keys at a time, which allows exactly this rotation.", req.ID))
}

func accessKeyObject(user, id string) string {
	return fmt.Sprintf("access key %s of RAM user %q", id, user)
}

// accessKeyCreateDiag explains a failed CreateAccessKey; shared with the
// ephemeral resource.
func accessKeyCreateDiag(user string, err error) diag.Diagnostic {
	object := fmt.Sprintf("new access key of RAM user %q", user)
	switch {
	case alicloud.ErrorCode(err) == codeAccessKeyLimit:
		return framework.APIErrorDiag("Unable to create access key", object, err,
			fmt.Sprintf("RAM user %q already has two access keys, and a RAM user has at most two (Active and Inactive keys both count). "+
				"Delete one of the user's keys (in the RAM console, or remove its mseram_access_key), then apply again.", user))
	case alicloud.IsNotFound(err):
		return framework.APIErrorDiag("Unable to create access key", object, err,
			fmt.Sprintf("RAM user %q does not exist. Create it first, e.g. with an mseram_user, and refer to its name "+
				"(user_name = mseram_user.<name>.name) so Terraform creates it before the key.", user))
	}
	return framework.APIErrorDiag("Unable to create access key", object, err, "")
}
