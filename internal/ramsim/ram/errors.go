// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"net/http"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Parameter errors, in RAM's wording (RAM API reference, "Error messages").

func errInvalidChars(field string) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter."+field+".InvalidChars", "The parameter - %q contains invalid chars.", field)
}

func errLength(field string) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter."+field+".Length", "The parameter - %q beyond the length limit.", field)
}

func errFormat(field string) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter."+field+".Format", "The format of the parameter - %q is incorrect.", field)
}

// Entity errors.

// The entity codes are "<Kind>.<Entity>" where entity is "User",
// "Policy.Version", "Role.Policy", ...; the messages follow RAM's wording
// for users ("The user does not exist.") with the entity spelled out.

func entityWords(entity string) string { return strings.ToLower(strings.ReplaceAll(entity, ".", " ")) }

func errNotExist(entity string) *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist."+entity, "The %s does not exist.", entityWords(entity))
}

func errExists(entity string) *wire.Error {
	return wire.NewError(http.StatusConflict, "EntityAlreadyExists."+entity, "The %s does already EXIST.", entityWords(entity))
}

func errLimit(entity string) *wire.Error {
	return wire.NewError(http.StatusConflict, "LimitExceeded."+entity, "The count of %s beyond the current limits.", entityWords(entity))
}

// errDeleteConflict answers a delete that dependants block, e.g.
// ("Policy.User", "The policy is attached to a user.").
func errDeleteConflict(entity, message string) *wire.Error {
	return wire.NewError(http.StatusConflict, "DeleteConflict."+entity, "%s", message)
}

func errUserNotExist() *wire.Error { return errNotExist("User") }
func errUserExists() *wire.Error   { return errExists("User") }

func errUserLimit() *wire.Error {
	return wire.NewError(http.StatusConflict, "LimitExceeded.User", "The count of users beyond the current limits.")
}

// errMalformedPolicy answers a policy document that is not a valid policy;
// the message carries the validator's reason.
func errMalformedPolicy(reason string) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "MalformedPolicyDocument", "The policy document is malformed: %s", reason)
}

// errTagLimit follows RAM's LimitExceeded wording (assumed code).
func errTagLimit() *wire.Error {
	return wire.NewError(http.StatusConflict, "LimitExceeded.Tag", "The count of tags beyond the current limits.")
}

// Login profiles and access keys. Codes, statuses and messages are the
// ones of RAM's error reference (AlibabaCloudDocs/ram "Error messages",
// CreateLoginProfile, GetLoginProfile, CreateAccessKey, UpdateAccessKey).

func errPasswordTooWeak() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.Password.TooWeak",
		`The parameter - "Password" is not compliant with the password policy.`)
}

func errLoginProfileNotExist() *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist.User.LoginProfile", "The user login profile does not exist.")
}

func errLoginProfileExists() *wire.Error {
	return wire.NewError(http.StatusConflict, "EntityAlreadyExists.User.LoginProfile", "The user login profile does already EXIST.")
}

func errAccessKeyNotExist() *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist.User.AccessKey", "The user access key does not exist.")
}

func errAccessKeyLimit() *wire.Error {
	return wire.NewError(http.StatusConflict, "LimitExceeded.User.AccessKey",
		"The access key count of the user access keys beyond the current limits.")
}

// errAccessKeyInactive is the gateway's answer to a request signed with a
// disabled key (400, "Specified access key is disabled.", as quoted by SDK
// error tables and the STS FAQ).
func errAccessKeyInactive() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.")
}

// Service-linked roles: the ResourceManager 2020-03-31 error tables of
// CreateServiceLinkedRole, DeleteServiceLinkedRole and
// GetServiceLinkedRoleDeletionStatus.

func errServiceNotExist() *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist.Service", "The service does not exist.")
}

func errRoleAlreadyExists() *wire.Error {
	return wire.NewError(http.StatusConflict, "EntityAlreadyExists.Role", "The role already exists.")
}

func errCustomSuffixNotAllowed() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.NotAllowed",
		"Custom suffix is not allowed for this Service Linked Role.")
}

func errCustomSuffixInvalidChars() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.InvalidChars",
		"The parameter CustomSuffix contains invalid characters.")
}

func errCustomSuffixLength() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.CustomSuffix.Length",
		"The maximum length of the parameter CustomSuffix is exceeded.")
}

func errDescriptionNotAllowed() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.Description.NotAllowed",
		"Custom description is not allowed for default service linked role.")
}

func errSLRDescriptionLength() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.Description.Length",
		"The maximum length of the description is exceeded. It must not exceed 1024 characters.")
}

func errNotServiceLinkedRole() *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist.ServiceLinkedRole", "This role exists but is not a Service Linked Role.")
}

func errDeletionTaskID() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.DeletionTaskId", "The DeletionTaskId is invalid.")
}

func errDeletionTaskIDLength() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.DeletionTaskId.Length",
		"The length of DeletionTaskId must be between 26 and 255 characters.")
}

func errDeletionTaskNotExist() *wire.Error {
	return wire.NewError(http.StatusNotFound, "EntityNotExist.ServiceLinkedRole.DeletionTask",
		"The deletion task for the given ID does not exist.")
}

// errServiceLinkedRoleReadOnly answers RAM UpdateRole, DeleteRole,
// AttachPolicyToRole and DetachPolicyFromRole on a service-linked role.
// Assumed: no real code was found; NoPermission (403) is RAM's documented
// code for a refused operation, the message says why.
func errServiceLinkedRoleReadOnly(role string) *wire.Error {
	return wire.NewError(http.StatusForbidden, "NoPermission",
		"The role %s is a service-linked role; its trust policy and policies are managed by its service and it is deleted with DeleteServiceLinkedRole.", role)
}

// Authorization and STS. RAM's error code page lists NoPermission (403) but
// no message; the message names the denied action and resource in the form
// the real gateway uses for RAM denials ("You are not authorized to do
// this action. Action: ..., Resource: ..."), and detail is sent as
// AccessDeniedDetail (see authz.go for its fields).
func errNoPermission(action, resource string, detail map[string]any) *wire.Error {
	e := wire.NewError(http.StatusForbidden, "NoPermission",
		"You are not authorized to do this action. Action: %s, Resource: %s", action, resource)
	e.Detail = detail
	return e
}

// errSecurityTokenExpired answers temporary credentials used after their
// Expiration (the STS FAQ's code; the message assumed).
func errSecurityTokenExpired() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
}

// errSecurityTokenMismatch answers an STS AccessKeyId signed with a token
// that is not its own (code as the STS FAQ lists it; message assumed).
func errSecurityTokenMismatch() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidSecurityToken.MismatchWithAccessKey",
		"Specified SecurityToken mismatch with the AccessKey.")
}

// errRoleSessionName: AssumeRole's RoleSessionName is 2-64 characters of
// letters, digits, ".", "@", "-" and "_" (STS AssumeRole reference; the
// message assumed).
func errRoleSessionName() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.RoleSessionName",
		"The parameter RoleSessionName must be 2 to 64 characters of letters, digits, periods (.), at signs (@), hyphens (-) and underscores (_).")
}

// errDurationSeconds: DurationSeconds is 900 up to the role's
// MaxSessionDuration (code of the STS reference; message assumed).
func errDurationSeconds(maxSeconds int) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.DurationSeconds",
		"The Min/Max value of DurationSeconds is 900/%d seconds.", maxSeconds)
}

// errRoleArn answers a RoleArn that is not acs:ram::<account>:role/<name>
// (assumed code, RAM's InvalidParameter.<Field> form).
func errRoleArn() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.RoleArn", "The parameter RoleArn is not a valid role ARN.")
}

// errSessionPolicy answers an AssumeRole Policy that is not a valid
// identity policy, with the validator's reason (assumed code).
func errSessionPolicy(reason string) *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.PolicyGrammar",
		"The parameter Policy has not a valid grammar: %s", reason)
}

// errSessionPolicyLength: a session policy is at most 2048 characters
// (STS AssumeRole reference; the code assumed).
func errSessionPolicyLength() *wire.Error {
	return wire.NewError(http.StatusBadRequest, "InvalidParameter.PolicySize", "The parameter Policy exceeds 2048 characters.")
}
