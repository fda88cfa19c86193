// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

// getCallerIdentity describes the signer, with the fields GetCallerIdentity's
// API reference gives per identity: UserId "only when the caller is an
// Alibaba Cloud account or a RAM user" (the account id, or the user's id),
// RoleId "only when the caller is a RAM role". A role session's Arn is
// acs:ram::<account>:assumed-role/<role>/<session> and its PrincipalId
// <RoleId>:<session>: the reference has no example for a role session, and
// that form is the one real calls answer (AssumeRole's AssumedRoleUser.Arn
// is ...:role/<role>/<session> instead). Source:
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity
func (s *Server) getCallerIdentity(rq *request) (map[string]any, *apiError) {
	c := rq.caller
	out := map[string]any{
		"AccountId":    c.accountID,
		"PrincipalId":  c.principalID,
		"Arn":          c.arn,
		"IdentityType": c.identityType,
	}
	switch c.identityType {
	case identityAccount, identityRAMUser:
		out["UserId"] = c.principalID
	case identityAssumedRole:
		out["RoleId"] = c.roleID
	}
	return out, nil
}
