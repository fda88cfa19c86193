// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// optionalString maps RAM's "" (not set) to null, the value an omitted
// optional attribute has.
func optionalString(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// changed returns the value to send for an Update parameter: nil when the
// attribute did not change, a pointer to "" when it was removed (RAM clears
// a field given an empty value), else the new value.
func changed(old, next types.String) *string {
	if old.Equal(next) {
		return nil
	}
	s := next.ValueString()
	return &s
}

// withTimeout bounds an operation by its `timeouts` value, else
// defaultTimeout.
func withTimeout(ctx context.Context, get func(context.Context, time.Duration) (time.Duration, diag.Diagnostics)) (context.Context, context.CancelFunc, diag.Diagnostics) {
	d, diags := get(ctx, defaultTimeout)
	ctx, cancel := context.WithTimeout(ctx, d)
	return ctx, cancel, diags
}

// ignoreNotFound treats "already gone" as success, for cleanup steps.
func ignoreNotFound(err error) error {
	if alicloud.IsNotFound(err) {
		return nil
	}
	return err
}

// importHint is the advice for a create that found the object already there.
func importHint(resourceType, id string) string {
	return fmt.Sprintf("An object with this name already exists outside this Terraform state. To manage it with Terraform, import it:\n"+
		"  terraform import <address of this %s> %s\nor add an import block with id = %q.", resourceType, id, id)
}
