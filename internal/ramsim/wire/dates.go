// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import "time"

// DateFormat is how RAM writes every date, and the form of a signed
// request's Timestamp (V1) and x-acs-date (V3): ISO 8601, UTC, second
// precision.
const DateFormat = "2006-01-02T15:04:05Z"

// FormatDate writes t in DateFormat.
func FormatDate(t time.Time) string { return t.UTC().Format(DateFormat) }
