// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import "github.com/mseram/terraform-provider-mseram/internal/policy"

// Request is what a handler sees: the merged parameters and the
// authenticated caller. Handlers run with the server's lock held.
type Request struct {
	Params
	Caller Caller
}

// Identity types of a caller, as GetCallerIdentity's IdentityType says.
const (
	IdentityAccount     = "Account"         // the root key
	IdentityRAMUser     = "RAMUser"         // a RAM user's access key
	IdentityAssumedRole = "AssumedRoleUser" // STS temporary credentials of a role
)

// Caller is the authenticated principal of a request, and where the
// request came from (for the acs:SourceIp and acs:SecureTransport
// condition keys).
type Caller struct {
	IdentityType string // IdentityAccount, IdentityRAMUser or IdentityAssumedRole
	AccountID    string
	PrincipalID  string // the account id, the user's UserId, or <RoleId>:<RoleSessionName>
	ARN          string // ...:root, ...:user/<name>, ...:assumed-role/<name>/<session>
	UserName     string // the RAM user's name at authentication; "" otherwise

	// Assumed roles only: the role (by RoleId, so a rename keeps the
	// session) and the session policy given to AssumeRole, nil if none.
	RoleID        string
	SessionPolicy *policy.Document

	SourceIP        string // the client's address, from RemoteAddr
	SecureTransport bool   // the request came over TLS
}
