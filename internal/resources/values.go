// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package resources

import (
	"fmt"

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

// ignoreNotFound treats "already gone" as success, for cleanup steps.
func ignoreNotFound(err error) error {
	if alicloud.IsNotFound(err) {
		return nil
	}
	return err
}

// importAdvice is the advice for a create that failed because the object
// already exists (else ""): import it under id.
func importAdvice(err error, resourceType, id string) string {
	if !alicloud.IsAlreadyExists(err) {
		return ""
	}
	return fmt.Sprintf("An object with this name already exists outside this Terraform state. To manage it with Terraform, import it:\n"+
		"  terraform import <address of this %s> %s\nor add an import block with id = %q.", resourceType, id, id)
}

// renameAdvice is the advice for a rename that failed because the new name
// is taken (else "").
func renameAdvice(err error, noun string, name types.String) string {
	if !alicloud.IsAlreadyExists(err) {
		return ""
	}
	return fmt.Sprintf("Another %s is already named %q. Choose another name.", noun, name.ValueString())
}
