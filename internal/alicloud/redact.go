// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"net/url"
	"strings"
)

// secretParams are the request parameters whose values are secrets. They
// travel in the form-encoded request body, never in the URL (which gateways,
// proxies and darabonba's DEBUG output repeat), and their values are
// removed from every error. RPC parameters may be sent in a form body
// covered by the V3 signature's x-acs-content-sha256:
// https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
// RAM's reference lists Password among the query parameters of
// CreateLoginProfile and UpdateLoginProfile and no document says that RAM
// takes it from the body: this layout is checked against ramsim only.
var secretParams = map[string]bool{"Password": true}

// redactedText replaces a secret in messages.
const redactedText = "<redacted>"

// minRedactLen keeps very short values (which no secret the provider
// handles is: RAM passwords have at least 8 characters) from garbling
// messages by replacing common substrings.
const minRedactLen = 4

// redact replaces every secret in text, as written and as URL-encoded (a
// gateway echoing a request repeats it encoded).
func redact(text string, secrets []string) string {
	for _, s := range secrets {
		if len(s) < minRedactLen {
			continue
		}
		q := url.QueryEscape(s)
		for _, form := range []string{s, q, strings.ReplaceAll(q, "+", "%20")} {
			text = strings.ReplaceAll(text, form, redactedText)
		}
	}
	return text
}

// redactedError is an error whose text had secrets removed. Unwrap keeps
// errors.Is and errors.As working for classification; callers print
// Error(), which is clean.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }

// redactError returns err unchanged when its text holds none of the
// secrets, else a redactedError.
func redactError(err error, secrets []string) error {
	if err == nil {
		return nil
	}
	text := err.Error()
	if clean := redact(text, secrets); clean != text {
		return &redactedError{text: clean, err: err}
	}
	return err
}
