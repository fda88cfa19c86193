// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import "github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"

// getCallerIdentity describes the signer, with the fields GetCallerIdentity's
// API reference gives per identity: UserId "only when the caller is an
// Alibaba Cloud account or a RAM user" (the account id, or the user's id),
// RoleId "only when the caller is a RAM role". A role session's Arn is
// acs:ram::<account>:assumed-role/<role>/<session> and its PrincipalId
// <RoleId>:<session>: the reference has no example for a role session, and
// that form is the one real calls answer (AssumeRole's AssumedRoleUser.Arn
// is ...:role/<role>/<session> instead). Source:
// https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-getcalleridentity
func (s *Service) getCallerIdentity(rq *wire.Request) (map[string]any, *wire.Error) {
	c := rq.Caller
	out := map[string]any{
		"AccountId":    c.AccountID,
		"PrincipalId":  c.PrincipalID,
		"Arn":          c.ARN,
		"IdentityType": c.IdentityType,
	}
	switch c.IdentityType {
	case wire.IdentityAccount, wire.IdentityRAMUser:
		out["UserId"] = c.PrincipalID
	case wire.IdentityAssumedRole:
		out["RoleId"] = c.RoleID
	}
	return out, nil
}
