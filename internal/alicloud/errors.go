// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
)

// ErrorClass is what callers branch on; the API's codes are too many and too
// fine-grained (EntityNotExist.User.LoginProfile, ...) to match one by one.
type ErrorClass int

const (
	ClassOther ErrorClass = iota
	ClassNotFound
	ClassAlreadyExists
	ClassConflict
	ClassThrottled
	ClassRetryable
)

func (c ErrorClass) String() string {
	switch c {
	case ClassNotFound:
		return "NotFound"
	case ClassAlreadyExists:
		return "AlreadyExists"
	case ClassConflict:
		return "Conflict"
	case ClassThrottled:
		return "Throttled"
	case ClassRetryable:
		return "Retryable"
	}
	return "Other"
}

// APIError is an error response from an Alibaba Cloud API.
type APIError struct {
	Product, Action, Code, Message, RequestID, HostID, Recommend string
	HTTPStatus                                                   int
	Class                                                        ErrorClass
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", e.Product, e.Action)
	if e.Code != "" {
		b.WriteString(e.Code + " ")
	}
	fmt.Fprintf(&b, "(HTTP %d): %s", e.HTTPStatus, e.Message)
	if e.RequestID != "" {
		fmt.Fprintf(&b, " (RequestId: %s)", e.RequestID)
	}
	return b.String()
}

// TransportError is a request that got no HTTP response (refused, reset,
// timed out, cut short). It is always retryable.
type TransportError struct {
	Product, Action string
	Err             error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("%s %s: connection failed: %v", e.Product, e.Action, e.Err)
}

func (e *TransportError) Unwrap() error { return e.Err }

// classifyCode maps an error code and HTTP status to a class.
func classifyCode(code string, status int) ErrorClass {
	switch {
	case strings.HasPrefix(code, "EntityNotExist"):
		return ClassNotFound
	case strings.HasPrefix(code, "EntityAlreadyExists"):
		return ClassAlreadyExists
	case strings.HasPrefix(code, "DeleteConflict"):
		return ClassConflict
	// Rejected.Throttling is the gateway's variant, retried by the alicloud
	// provider as well.
	case strings.HasPrefix(code, "Throttling"), code == "Rejected.Throttling":
		return ClassThrottled
	case status >= 500, code == "ServiceUnavailable", code == "InternalError":
		return ClassRetryable
	}
	// LimitExceeded.* and the rest are not helped by retrying.
	return ClassOther
}

// sdkResponseError is what darabonba's ClientError, ServerError and
// ThrottlingError have in common (with DisableSDKError set): the status and
// the decoded error body. Fields are read from the body, not from GetCode()
// and GetMessage(): darabonba stringifies a missing Code as "<nil>" and
// prefixes the message with "code: <status>, ".
type sdkResponseError interface {
	error
	GetStatusCode() *int
	GetData() map[string]interface{}
}

// wrapCallError turns what darabonba returned for one attempt into an
// *APIError, a *TransportError, or a plain error naming product and action,
// with every one of secrets removed from its text: an API or a gateway may
// echo the request in its message.
func wrapCallError(ctx context.Context, p Product, action string, err error, trace *responseTrace, secrets []string) error {
	wrapped := classifyCallError(ctx, p, action, err, trace)
	if ae, ok := wrapped.(*APIError); ok {
		for _, f := range []*string{&ae.Code, &ae.Message, &ae.RequestID, &ae.HostID, &ae.Recommend} {
			*f = redact(*f, secrets)
		}
		return ae
	}
	return redactError(wrapped, secrets)
}

func classifyCallError(ctx context.Context, p Product, action string, err error, trace *responseTrace) error {
	var re sdkResponseError
	if errors.As(err, &re) {
		data := re.GetData()
		status := 0
		if s := re.GetStatusCode(); s != nil {
			status = *s
		}
		code := field(data, "Code", "code")
		requestID := field(data, "RequestId", "requestId")
		if requestID == "" {
			requestID = trace.requestID
		}
		return &APIError{
			Product: string(p), Action: action, Code: code,
			Message:    field(data, "Message", "message"),
			RequestID:  requestID,
			HostID:     field(data, "HostId", "hostId"),
			Recommend:  field(data, "Recommend", "recommend"),
			HTTPStatus: status, Class: classifyCode(code, status),
		}
	}
	switch {
	case ctx.Err() != nil:
		// The caller's deadline or cancellation, not a failure to retry.
		return fmt.Errorf("%s %s: %w", p, action, err)
	case trace.status >= 400:
		return &APIError{
			Product: string(p), Action: action, RequestID: trace.requestID,
			Message:    fmt.Sprintf("unreadable error response: %v", err),
			HTTPStatus: trace.status, Class: classifyCode("", trace.status),
		}
	case isConnectionError(err):
		return &TransportError{Product: string(p), Action: action, Err: err}
	}
	return fmt.Errorf("%s %s: %w", p, action, err)
}

// isConnectionError reports failures that another attempt may not meet:
// the HTTP client got no response (refused, reset, closed, timed out), or
// the response body was cut short. An unknown host, an untrusted
// certificate or plain HTTP on an HTTPS endpoint fail the same way every
// time and are not retried.
func isConnectionError(err error) bool {
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var record tls.RecordHeaderError
	var ue *url.Error
	var op *net.OpError
	switch {
	case errors.As(err, &dns) && dns.IsNotFound, errors.As(err, &cert), errors.As(err, &record):
		return false
	case errors.As(err, &ue), errors.As(err, &op):
		return true
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET)
}

// field returns the first of keys present in an error body as a string.
func field(data map[string]interface{}, keys ...string) string {
	for _, k := range keys {
		if v, ok := data[k]; ok && v != nil {
			return fmt.Sprint(v)
		}
	}
	return ""
}

// ClassOf reports the class of err, looking through wrapping.
func ClassOf(err error) ErrorClass {
	var ae *APIError
	var te *TransportError
	switch {
	case errors.As(err, &ae):
		return ae.Class
	case errors.As(err, &te):
		return ClassRetryable
	}
	return ClassOther
}

// IsNotFound reports an EntityNotExist* answer.
func IsNotFound(err error) bool { return ClassOf(err) == ClassNotFound }

// IsAlreadyExists reports an EntityAlreadyExists* answer.
func IsAlreadyExists(err error) bool { return ClassOf(err) == ClassAlreadyExists }

// IsConflict reports a DeleteConflict* answer (the object still has
// dependants).
func IsConflict(err error) bool { return ClassOf(err) == ClassConflict }

// IsThrottled reports a Throttling* answer.
func IsThrottled(err error) bool { return ClassOf(err) == ClassThrottled }

// IsRetryable reports a 5xx answer or a connection failure.
func IsRetryable(err error) bool { return ClassOf(err) == ClassRetryable }

// ErrorCode returns the API error code in err, or "".
func ErrorCode(err error) string {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Code
	}
	return ""
}
