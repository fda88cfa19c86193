// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/framework"
)

// An access key across a rename of its user
//
// RAM keeps a user's access keys when the user is renamed (UpdateUser
// changes the name, not the user), but it cannot move a key to another
// user. A new user_name is therefore planned in place and checked when
// applied: the key is kept when the user it is listed under now has the new
// name (the user was renamed, which Terraform applies first when user_name
// refers to the mseram_user's name); otherwise the apply fails and names
// the command that replaces the key. Replacing it instead on every change
// of user_name would delete the key (its secret in use) on a mere rename,
// and with create_before_destroy would ask for the old key's deletion
// under a name that no longer exists.

var _ resource.ResourceWithModifyPlan = (*accessKeyResource)(nil)

// ModifyPlan warns, when user_name changes, what the apply will do.
func (r *accessKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	var prior, planned types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("user_name"), &prior)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("user_name"), &planned)...)
	if resp.Diagnostics.HasError() || planned.Equal(prior) {
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("user_name"), "The access key stays with its user",
		fmt.Sprintf("user_name changes from %q to %s. RAM keeps a user's access keys when the user is renamed, so if RAM user %q is "+
			"renamed in this apply (user_name = mseram_user.<name>.name), the key, its secret and secret_file are kept as they are. "+
			"RAM cannot move a key to another user: if %s is another user, the apply fails and changes nothing. To replace the key "+
			"with a new one for that user (the old key and its secret are deleted), run "+
			"terraform apply -replace=<address of this mseram_access_key>.", prior.ValueString(), planned, prior.ValueString(), planned))
}

// followRename checks, for an update that changes user_name from prior to
// user, that key id is now listed under user: its user was renamed. A
// failure is reported on diags.
func (r *accessKeyResource) followRename(ctx context.Context, prior, user, id string, resp *resource.UpdateResponse) bool {
	// The rename may not be visible yet: wait while user is not found.
	keys, err := retryWhileNotFound(ctx, fmt.Sprintf("RAM user %q", user), func(ctx context.Context) ([]alicloud.AccessKey, error) {
		return r.client.ListAccessKeys(ctx, user)
	})
	if err == nil && slices.ContainsFunc(keys, func(k alicloud.AccessKey) bool { return k.AccessKeyID == id }) {
		return true
	}
	hint := fmt.Sprintf("RAM cannot move an access key to another user; a key follows its user only when the user is renamed, and "+
		"%s is not the user %q was renamed to. Nothing was changed. To keep the key, set user_name back to %q. To replace it "+
		"with a new key of %q (deleting this key and its secret), run terraform apply -replace=<address of this mseram_access_key>.",
		accessKeyObject(prior, id), prior, prior, user)
	if err == nil {
		err = fmt.Errorf("access key %s is not among the keys of RAM user %q", id, user)
	}
	resp.Diagnostics.Append(framework.APIErrorDiag("Unable to move access key", accessKeyObject(prior, id), err, hint))
	return false
}
