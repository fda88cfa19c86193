// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"fmt"
	"net/http"
)

// Error is an error answer: the HTTP status, the Code the SDKs expose
// (ServerError.ErrorCode, tea.SDKError.Code) and the human Message.
type Error struct {
	Status  int
	Code    string
	Message string
	// Detail, when set, is sent as AccessDeniedDetail (an object, as the
	// classic SDK's ServerError.AccessDeniedDetail expects).
	Detail map[string]any
}

// Error is "<Code>: <Message>".
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewError is an error answer with a formatted message.
func NewError(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// Gateway errors: the messages are the real ones, as quoted by SDK tests and
// error tables of Alibaba Cloud products (see the report of the issue that
// added them); the ones marked "assumed" were not found verbatim.

// Missing is the gateway's answer to an absent required parameter:
// "Missing<Name>" with "<Name> is mandatory for this action." (seen for
// SecurityToken, HostnameId, StartTime, ...).
func Missing(name string) *Error {
	return NewError(http.StatusBadRequest, "Missing"+name, "%s is mandatory for this action.", name)
}

func errIncompleteSignature() *Error {
	return NewError(http.StatusBadRequest, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")
}

// errSignatureMismatch carries the server's string to sign after the marker
// the classic SDK splits on (sdk/errors/signature_does_not_match_wrapper.go)
// to tell a wrong secret from a signing bug.
func errSignatureMismatch(stringToSign string) *Error {
	return NewError(http.StatusBadRequest, "SignatureDoesNotMatch",
		"Specified signature is not matched with our calculation. server string to sign is:%s", stringToSign)
}

// AccessKeyNotFound answers an AccessKeyId nobody holds.
func AccessKeyNotFound() *Error {
	return NewError(http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
}

func errTimestampExpired() *Error {
	return NewError(http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
}

// errTimestampFormat: the code is real, the message assumed.
func errTimestampFormat() *Error {
	return NewError(http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.")
}

func errNonceUsed() *Error {
	return NewError(http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.")
}

// errSignatureMethod: the code is real, the message assumed.
func errSignatureMethod() *Error {
	return NewError(http.StatusBadRequest, "InvalidSignatureMethod", "Specified signature method is not valid.")
}

// SecurityTokenMalformed answers a security token sent with a permanent key
// (root or RAM user): the emulator issues tokens only with STS keys. The
// Code is real, the message assumed.
func SecurityTokenMalformed() *Error {
	return NewError(http.StatusBadRequest, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.")
}

// errContentSHA256 answers a V3 request whose body does not hash to its
// x-acs-content-sha256 header (assumed code, after ContentMD5NotMatched).
func errContentSHA256() *Error {
	return NewError(http.StatusBadRequest, "ContentSHA256NotMatched", "Specified content SHA256 is not matched with the request body.")
}

// InvalidVersion answers a Version no product has.
func InvalidVersion() *Error {
	return NewError(http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid.")
}

// ActionNotFound answers an action the product does not implement, as the
// real gateway answers an unknown one.
func ActionNotFound() *Error {
	return NewError(http.StatusNotFound, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")
}

// Internal is the gateway's answer to a failure of its own.
func Internal() *Error {
	return NewError(http.StatusInternalServerError, "InternalError",
		"The request processing has failed due to some unknown error, exception or failure.")
}

// Incorrect is RAM's wording for a value outside its allowed set (as for
// InvalidParameter.PolicyType); used for paging parameters (assumed codes).
func Incorrect(field string) *Error {
	return NewError(http.StatusBadRequest, "InvalidParameter."+field, "The parameter - %q is incorrect.", field)
}
