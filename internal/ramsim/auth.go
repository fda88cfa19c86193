// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package ramsim

import (
	"crypto/hmac"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

// timeWindow is how far a request's timestamp may be from the server clock,
// and so how long a nonce must be remembered (gateway rule: 15 minutes).
const timeWindow = 15 * time.Minute

// Identity types of a caller, as GetCallerIdentity's IdentityType says.
const (
	identityAccount     = "Account"         // the root key
	identityRAMUser     = "RAMUser"         // a RAM user's access key
	identityAssumedRole = "AssumedRoleUser" // STS temporary credentials of a role
)

// caller is the authenticated principal of a request, and where the
// request came from (for the acs:SourceIp and acs:SecureTransport
// condition keys).
type caller struct {
	identityType string // identityAccount, identityRAMUser or identityAssumedRole
	accountID    string
	principalID  string // the account id, the user's UserId, or <RoleId>:<RoleSessionName>
	arn          string // ...:root, ...:user/<name>, ...:assumed-role/<name>/<session>
	userName     string // the RAM user's name at authentication; "" otherwise

	// Assumed roles only: the role (by RoleId, so a rename keeps the
	// session) and the session policy given to AssumeRole, nil if none.
	roleID        string
	sessionPolicy *policy.Document

	sourceIP        string // the client's address, from RemoteAddr
	secureTransport bool   // the request came over TLS
}

// credentials resolves an AccessKeyId (and the security token sent with
// it) to its secret and principal: the root key of the configuration, an
// access key of a RAM user (created by CreateAccessKey), or STS temporary
// credentials (AssumeRole; see sessionCredentials). A user's Inactive key
// answers InvalidAccessKeyId.Inactive, an unknown key
// InvalidAccessKeyId.NotFound. A security token sent with a permanent key
// (root or user) is not one this emulator issued:
// InvalidSecurityToken.Malformed. What a caller may do is decided later,
// by authorize.
func (s *Server) credentials(accessKeyID, securityToken string) (string, caller, *apiError) {
	if strings.HasPrefix(accessKeyID, stsKeyPrefix) {
		return s.sessionCredentials(accessKeyID, securityToken)
	}
	if securityToken != "" {
		return "", caller{}, errSecurityToken()
	}
	if accessKeyID == s.cfg.AccessKeyID {
		return s.cfg.AccessKeySecret, caller{
			identityType: identityAccount,
			accountID:    s.cfg.AccountID,
			principalID:  s.cfg.AccountID,
			arn:          "acs:ram::" + s.cfg.AccountID + ":root",
		}, nil
	}
	secret, c, found, err := s.userCredentials(accessKeyID)
	switch {
	case err != nil:
		return "", caller{}, err
	case !found:
		return "", caller{}, errAccessKeyNotFound()
	}
	return secret, c, nil
}

// signedRequest is what either signature version yields for the common
// checks: who claims to sign, when, with which nonce, and how to recompute
// the signature once the secret is known.
type signedRequest struct {
	accessKeyID   string
	securityToken string
	timestamp     string
	nonce         string
	signature     string
	stringToSign  string
	sign          func(secret, stringToSign string) string
}

// authenticate verifies a request signed with V3 (Authorization header
// "ACS3-...") or V1 (Signature parameter). The checks run in the gateway's
// order: credentials present, key known together with its token (see
// credentials), timestamp, signature, and the nonce last so that a forged
// request cannot burn a nonce.
func (s *Server) authenticate(r *http.Request, body []byte, p params) (caller, *apiError) {
	var sr signedRequest
	var err *apiError
	switch authz := r.Header.Get("Authorization"); {
	case strings.HasPrefix(authz, "ACS3-"):
		sr, err = signedV3(r, body, authz)
	case authz != "" && p.get("Signature") == "":
		err = errIncompleteSignature()
	default:
		sr, err = signedV1(r, p)
	}
	if err != nil {
		return caller{}, err
	}
	secret, c, err := s.credentials(sr.accessKeyID, sr.securityToken)
	if err != nil {
		return caller{}, err
	}
	ts, perr := time.Parse(time.RFC3339, sr.timestamp)
	if perr != nil {
		return caller{}, errTimestampFormat()
	}
	now := s.cfg.Now()
	if d := now.Sub(ts); d > timeWindow || d < -timeWindow {
		return caller{}, errTimestampExpired()
	}
	if !hmac.Equal([]byte(sr.sign(secret, sr.stringToSign)), []byte(sr.signature)) {
		return caller{}, errSignatureMismatch(sr.stringToSign)
	}
	if !s.nonces.use(sr.accessKeyID+"\n"+sr.nonce, ts.Add(timeWindow), now) {
		return caller{}, errNonceUsed()
	}
	c.sourceIP = remoteIP(r.RemoteAddr)
	c.secureTransport = r.TLS != nil
	return c, nil
}

// remoteIP is the address part of RemoteAddr ("127.0.0.1:5555" ->
// "127.0.0.1", "[::1]:5555" -> "::1"); what does not parse is kept as is.
func remoteIP(addr string) string {
	if host, _, err := net.SplitHostPort(addr); err == nil {
		return host
	}
	return addr
}

// signedV1 reads the V1 common parameters. Each absent one answers
// Missing<Name>.
func signedV1(r *http.Request, p params) (signedRequest, *apiError) {
	for _, name := range []string{"AccessKeyId", "Signature", "SignatureMethod", "Timestamp", "SignatureNonce"} {
		if p.get(name) == "" {
			return signedRequest{}, errMissing(name)
		}
	}
	if p.get("SignatureMethod") != "HMAC-SHA1" {
		return signedRequest{}, errSignatureMethod()
	}
	return signedRequest{
		accessKeyID:   p.get("AccessKeyId"),
		securityToken: p.get("SecurityToken"),
		timestamp:     p.get("Timestamp"),
		nonce:         p.get("SignatureNonce"),
		signature:     p.get("Signature"),
		stringToSign:  v1StringToSign(r.Method, p),
		sign:          v1Sign,
	}, nil
}

// signedV3 reads the Authorization header and the x-acs-* headers it signs,
// and checks that x-acs-content-sha256 is the hash of the body actually
// received (the signature covers the header, the header covers the body).
func signedV3(r *http.Request, body []byte, authz string) (signedRequest, *apiError) {
	a, err := parseV3Authorization(authz)
	if err != nil {
		return signedRequest{}, err
	}
	if a.algorithm != v3Algorithm {
		return signedRequest{}, errSignatureMethod()
	}
	if err := a.checkSignedHeaders(r); err != nil {
		return signedRequest{}, err
	}
	date, nonce, hash := r.Header.Get("x-acs-date"), r.Header.Get("x-acs-signature-nonce"), r.Header.Get("x-acs-content-sha256")
	if date == "" || nonce == "" || hash == "" {
		return signedRequest{}, errIncompleteSignature()
	}
	if hash != sha256Hex(body) {
		return signedRequest{}, errContentSHA256()
	}
	return signedRequest{
		accessKeyID:   a.accessKeyID,
		securityToken: r.Header.Get("x-acs-security-token"),
		timestamp:     date,
		nonce:         nonce,
		signature:     a.signature,
		stringToSign:  v3StringToSign(r, a.signedHeaders, hash),
		sign:          v3Sign,
	}, nil
}
