// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package framework

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
)

// APIErrorDiag turns a failed API call into a diagnostic that says what was
// being done (summary, e.g. "Unable to create RAM user"), on which object,
// what the API answered (code, message, request id) and what to do next.
func APIErrorDiag(summary, object string, err error, hint string) diag.Diagnostic {
	detail := fmt.Sprintf("%s: %s", object, err)
	switch {
	case errors.Is(err, alicloud.ErrNoCredentials):
		// The error text already lists every argument and variable to set.
	case alicloud.IsThrottled(err):
		detail += "\n\nThe API kept throttling the request after the provider's retries. Run again later or lower terraform's -parallelism."
	case alicloud.IsRetryable(err):
		detail += "\n\nThe service or the connection failed after the provider's retries. It is safe to run the same command again."
	}
	if hint != "" {
		detail += "\n\n" + hint
	}
	return diag.NewErrorDiagnostic(summary, detail)
}
