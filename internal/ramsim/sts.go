// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

// getCallerIdentity describes the signer. For the root key: IdentityType
// Account, Arn acs:ram::<account>:root, UserId and PrincipalId the account
// id. RoleId appears only for assumed roles.
func (s *Server) getCallerIdentity(rq *request) (map[string]any, *apiError) {
	c := rq.caller
	return map[string]any{
		"AccountId":    c.accountID,
		"UserId":       c.principalID,
		"PrincipalId":  c.principalID,
		"Arn":          c.arn,
		"IdentityType": c.identityType,
	}, nil
}
