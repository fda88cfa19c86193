// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"fmt"
	"net/http"
	"strings"
)

// apiError is an error answer: the HTTP status, the Code the SDKs expose
// (ServerError.ErrorCode, tea.SDKError.Code) and the human Message.
type apiError struct {
	status  int
	code    string
	message string
	// detail, when set, is sent as AccessDeniedDetail (an object, as the
	// classic SDK's ServerError.AccessDeniedDetail expects).
	detail map[string]any
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

// Gateway errors: the messages are the real ones, as quoted by SDK tests and
// error tables of Alibaba Cloud products (see the report of the issue that
// added them); the ones marked "assumed" were not found verbatim.

// errMissing is the gateway's answer to an absent required parameter:
// "Missing<Name>" with "<Name> is mandatory for this action." (seen for
// SecurityToken, HostnameId, StartTime, ...).
func errMissing(name string) *apiError {
	return newError(http.StatusBadRequest, "Missing"+name, "%s is mandatory for this action.", name)
}

func errIncompleteSignature() *apiError {
	return newError(http.StatusBadRequest, "IncompleteSignature", "The request signature does not conform to Aliyun standards.")
}

// errSignatureMismatch carries the server's string to sign after the marker
// the classic SDK splits on (sdk/errors/signature_does_not_match_wrapper.go)
// to tell a wrong secret from a signing bug.
func errSignatureMismatch(stringToSign string) *apiError {
	return newError(http.StatusBadRequest, "SignatureDoesNotMatch",
		"Specified signature is not matched with our calculation. server string to sign is:%s", stringToSign)
}

func errAccessKeyNotFound() *apiError {
	return newError(http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
}

func errTimestampExpired() *apiError {
	return newError(http.StatusBadRequest, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")
}

// errTimestampFormat: the code is real, the message assumed.
func errTimestampFormat() *apiError {
	return newError(http.StatusBadRequest, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.")
}

func errNonceUsed() *apiError {
	return newError(http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.")
}

// errSignatureMethod: the code is real, the message assumed.
func errSignatureMethod() *apiError {
	return newError(http.StatusBadRequest, "InvalidSignatureMethod", "Specified signature method is not valid.")
}

// errSecurityToken answers a security token sent with a permanent key
// (root or RAM user): the emulator issues tokens only with STS keys. The
// code is real, the message assumed.
func errSecurityToken() *apiError {
	return newError(http.StatusBadRequest, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.")
}

// errContentSHA256 answers a V3 request whose body does not hash to its
// x-acs-content-sha256 header (assumed code, after ContentMD5NotMatched).
func errContentSHA256() *apiError {
	return newError(http.StatusBadRequest, "ContentSHA256NotMatched", "Specified content SHA256 is not matched with the request body.")
}

func errInvalidVersion() *apiError {
	return newError(http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid.")
}

func errActionNotFound() *apiError {
	return newError(http.StatusNotFound, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.")
}

func errInternal() *apiError {
	return newError(http.StatusInternalServerError, "InternalError",
		"The request processing has failed due to some unknown error, exception or failure.")
}

// Parameter errors, in RAM's wording (RAM API reference, "Error messages").

func errInvalidChars(field string) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter."+field+".InvalidChars", "The parameter - %q contains invalid chars.", field)
}

func errLength(field string) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter."+field+".Length", "The parameter - %q beyond the length limit.", field)
}

func errFormat(field string) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter."+field+".Format", "The format of the parameter - %q is incorrect.", field)
}

// errIncorrect is RAM's wording for a value outside its allowed set (as for
// InvalidParameter.PolicyType); used for paging parameters (assumed codes).
func errIncorrect(field string) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter."+field, "The parameter - %q is incorrect.", field)
}

// Entity errors.

// The entity codes are "<Kind>.<Entity>" where entity is "User",
// "Policy.Version", "Role.Policy", ...; the messages follow RAM's wording
// for users ("The user does not exist.") with the entity spelled out.

func entityWords(entity string) string { return strings.ToLower(strings.ReplaceAll(entity, ".", " ")) }

func errNotExist(entity string) *apiError {
	return newError(http.StatusNotFound, "EntityNotExist."+entity, "The %s does not exist.", entityWords(entity))
}

func errExists(entity string) *apiError {
	return newError(http.StatusConflict, "EntityAlreadyExists."+entity, "The %s does already EXIST.", entityWords(entity))
}

func errLimit(entity string) *apiError {
	return newError(http.StatusConflict, "LimitExceeded."+entity, "The count of %s beyond the current limits.", entityWords(entity))
}

// errDeleteConflict answers a delete that dependants block, e.g.
// ("Policy.User", "The policy is attached to a user.").
func errDeleteConflict(entity, message string) *apiError {
	return newError(http.StatusConflict, "DeleteConflict."+entity, "%s", message)
}

func errUserNotExist() *apiError { return errNotExist("User") }
func errUserExists() *apiError   { return errExists("User") }

func errUserLimit() *apiError {
	return newError(http.StatusConflict, "LimitExceeded.User", "The count of users beyond the current limits.")
}

// errMalformedPolicy answers a policy document that is not a valid policy;
// the message carries the validator's reason.
func errMalformedPolicy(reason string) *apiError {
	return newError(http.StatusBadRequest, "MalformedPolicyDocument", "The policy document is malformed: %s", reason)
}

// errTagLimit follows RAM's LimitExceeded wording (assumed code).
func errTagLimit() *apiError {
	return newError(http.StatusConflict, "LimitExceeded.Tag", "The count of tags beyond the current limits.")
}

// Login profiles and access keys. Codes, statuses and messages are the
// ones of RAM's error reference (AlibabaCloudDocs/ram "Error messages",
// CreateLoginProfile, GetLoginProfile, CreateAccessKey, UpdateAccessKey).

func errPasswordTooWeak() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.Password.TooWeak",
		`The parameter - "Password" is not compliant with the password policy.`)
}

func errLoginProfileNotExist() *apiError {
	return newError(http.StatusNotFound, "EntityNotExist.User.LoginProfile", "The user login profile does not exist.")
}

func errLoginProfileExists() *apiError {
	return newError(http.StatusConflict, "EntityAlreadyExists.User.LoginProfile", "The user login profile does already EXIST.")
}

func errAccessKeyNotExist() *apiError {
	return newError(http.StatusNotFound, "EntityNotExist.User.AccessKey", "The user access key does not exist.")
}

func errAccessKeyLimit() *apiError {
	return newError(http.StatusConflict, "LimitExceeded.User.AccessKey",
		"The access key count of the user access keys beyond the current limits.")
}

// errAccessKeyInactive is the gateway's answer to a request signed with a
// disabled key (400, "Specified access key is disabled.", as quoted by SDK
// error tables and the STS FAQ).
func errAccessKeyInactive() *apiError {
	return newError(http.StatusBadRequest, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.")
}

// Service-linked roles: the ResourceManager 2020-03-31 error tables of
// CreateServiceLinkedRole, DeleteServiceLinkedRole and
// GetServiceLinkedRoleDeletionStatus.

func errServiceNotExist() *apiError {
	return newError(http.StatusNotFound, "EntityNotExist.Service", "The service does not exist.")
}

func errRoleAlreadyExists() *apiError {
	return newError(http.StatusConflict, "EntityAlreadyExists.Role", "The role already exists.")
}

func errCustomSuffixNotAllowed() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.NotAllowed",
		"Custom suffix is not allowed for this Service Linked Role.")
}

func errCustomSuffixInvalidChars() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.InvalidChars",
		"The parameter CustomSuffix contains invalid characters.")
}

func errCustomSuffixLength() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.Length",
		"The maximum length of the parameter CustomSuffix is exceeded.")
}

func errDescriptionNotAllowed() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.Description.NotAllowed",
		"Custom description is not allowed for default service linked role.")
}

func errSLRDescriptionLength() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.Description.Length",
		"The maximum length of the description is exceeded. It must not exceed 1024 characters.")
}

func errNotServiceLinkedRole() *apiError {
	return newError(http.StatusNotFound, "EntityNotExist.ServiceLinkedRole", "This role exists but is not a Service Linked Role.")
}

func errDeletionTaskID() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.DeletionTaskId", "The DeletionTaskId is invalid.")
}

func errDeletionTaskIDLength() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.DeletionTaskId.Length",
		"The length of DeletionTaskId must be between 26 and 255 characters.")
}

func errDeletionTaskNotExist() *apiError {
	return newError(http.StatusNotFound, "EntityNotExist.ServiceLinkedRole.DeletionTask",
		"The deletion task for the given ID does not exist.")
}

// errServiceLinkedRoleReadOnly answers RAM UpdateRole, DeleteRole,
// AttachPolicyToRole and DetachPolicyFromRole on a service-linked role.
// Assumed: no real code was found; NoPermission (403) is RAM's documented
// code for a refused operation, the message says why.
func errServiceLinkedRoleReadOnly(role string) *apiError {
	return newError(http.StatusForbidden, "NoPermission",
		"The role %s is a service-linked role; its trust policy and policies are managed by its service and it is deleted with DeleteServiceLinkedRole.", role)
}

// Authorization and STS. RAM's error code page lists NoPermission (403) but
// no message; the message names the denied action and resource in the form
// the real gateway uses for RAM denials ("You are not authorized to do
// this action. Action: ..., Resource: ..."), and detail is sent as
// AccessDeniedDetail (see authz.go for its fields).
func errNoPermission(action, resource string, detail map[string]any) *apiError {
	e := newError(http.StatusForbidden, "NoPermission",
		"You are not authorized to do this action. Action: %s, Resource: %s", action, resource)
	e.detail = detail
	return e
}

// errSecurityTokenExpired answers temporary credentials used after their
// Expiration (the STS FAQ's code; the message assumed).
func errSecurityTokenExpired() *apiError {
	return newError(http.StatusBadRequest, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
}

// errSecurityTokenMismatch answers an STS AccessKeyId signed with a token
// that is not its own (code as the STS FAQ lists it; message assumed).
func errSecurityTokenMismatch() *apiError {
	return newError(http.StatusBadRequest, "InvalidSecurityToken.MismatchWithAccessKey",
		"Specified SecurityToken mismatch with the AccessKey.")
}

// errRoleSessionName: AssumeRole's RoleSessionName is 2-64 characters of
// letters, digits, ".", "@", "-" and "_" (STS AssumeRole reference; the
// message assumed).
func errRoleSessionName() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.RoleSessionName",
		"The parameter RoleSessionName must be 2 to 64 characters of letters, digits, periods (.), at signs (@), hyphens (-) and underscores (_).")
}

// errDurationSeconds: DurationSeconds is 900 up to the role's
// MaxSessionDuration (code of the STS reference; message assumed).
func errDurationSeconds(maxSeconds int) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.DurationSeconds",
		"The Min/Max value of DurationSeconds is 900/%d seconds.", maxSeconds)
}

// errRoleArn answers a RoleArn that is not acs:ram::<account>:role/<name>
// (assumed code, RAM's InvalidParameter.<Field> form).
func errRoleArn() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.RoleArn", "The parameter RoleArn is not a valid role ARN.")
}

// errSessionPolicy answers an AssumeRole Policy that is not a valid
// identity policy, with the validator's reason (assumed code).
func errSessionPolicy(reason string) *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.PolicyGrammar",
		"The parameter Policy has not a valid grammar: %s", reason)
}

// errSessionPolicyLength: a session policy is at most 2048 characters
// (STS AssumeRole reference; the code assumed).
func errSessionPolicyLength() *apiError {
	return newError(http.StatusBadRequest, "InvalidParameter.PolicySize", "The parameter Policy exceeds 2048 characters.")
}
