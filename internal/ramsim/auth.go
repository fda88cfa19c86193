// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"net/http"
	"strings"

	"github.com/mseram/terraform-provider-mseram/internal/ramsim/ram"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim/wire"
)

// credentials resolves an AccessKeyId (and the security token sent with
// it) to its secret and principal: the root key of the configuration, else
// what the account issued (ram.Service.Credentials). A security token sent
// with the root key is not one this emulator issued:
// InvalidSecurityToken.Malformed. What a caller may do is decided later,
// by authorize.
func (s *Server) credentials(accessKeyID, securityToken string) (string, wire.Caller, *wire.Error) {
	if accessKeyID == s.cfg.AccessKeyID && !strings.HasPrefix(accessKeyID, ram.SessionKeyPrefix) {
		if securityToken != "" {
			return "", wire.Caller{}, wire.SecurityTokenMalformed()
		}
		return s.cfg.AccessKeySecret, wire.Caller{
			IdentityType: wire.IdentityAccount,
			AccountID:    s.cfg.AccountID,
			PrincipalID:  s.cfg.AccountID,
			ARN:          "acs:ram::" + s.cfg.AccountID + ":root",
		}, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ram.Credentials(accessKeyID, securityToken)
}

// authenticate verifies a request's signature (wire.ParseSigned,
// wire.Signed.Verify) with the secret of the key it claims, found together
// with its token by credentials, and returns the caller.
func (s *Server) authenticate(r *http.Request, body []byte, p wire.Params) (wire.Caller, *wire.Error) {
	sr, err := wire.ParseSigned(r, body, p)
	if err != nil {
		return wire.Caller{}, err
	}
	secret, c, err := s.credentials(sr.AccessKeyID, sr.SecurityToken)
	if err != nil {
		return wire.Caller{}, err
	}
	if err := sr.Verify(secret, s.cfg.Now(), &s.nonces); err != nil {
		return wire.Caller{}, err
	}
	c.SourceIP = wire.RemoteIP(r.RemoteAddr)
	c.SecureTransport = r.TLS != nil
	return c, nil
}
