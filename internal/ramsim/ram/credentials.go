// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ram

import (
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// Credentials resolves an AccessKeyId of the account (and the
// security token sent with it) to its secret and principal: an access key
// of a RAM user (created by CreateAccessKey), or STS temporary credentials
// (AssumeRole; see sessionCredentials). A user's Inactive key answers
// InvalidAccessKeyId.Inactive, an unknown key InvalidAccessKeyId.NotFound.
// A security token sent with a permanent key is not one this emulator
// issued: InvalidSecurityToken.Malformed.
func (s *Service) Credentials(accessKeyID, securityToken string) (string, wire.Caller, *wire.Error) {
	if strings.HasPrefix(accessKeyID, SessionKeyPrefix) {
		return s.sessionCredentials(accessKeyID, securityToken)
	}
	if securityToken != "" {
		return "", wire.Caller{}, wire.SecurityTokenMalformed()
	}
	secret, c, found, err := s.userCredentials(accessKeyID)
	switch {
	case err != nil:
		return "", wire.Caller{}, err
	case !found:
		return "", wire.Caller{}, wire.AccessKeyNotFound()
	}
	return secret, c, nil
}
