// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"crypto/hmac"
	"net"
	"net/http"
	"strings"
	"time"
)

// timeWindow is how far a request's timestamp may be from the server clock,
// and so how long a nonce must be remembered (gateway rule: 15 minutes).
const timeWindow = 15 * time.Minute

// Signed is what either signature version yields for the common
// checks: who claims to sign, when, with which nonce, and how to recompute
// the signature once the secret is known.
type Signed struct {
	AccessKeyID   string
	SecurityToken string
	timestamp     string
	nonce         string
	signature     string
	stringToSign  string
	sign          func(secret, stringToSign string) string
}

// ParseSigned reads the signature of a request signed with V3
// (Authorization header "ACS3-...") or V1 (Signature parameter): who
// claims to sign it, and how to check that claim once the key's secret is
// known (verify).
func ParseSigned(r *http.Request, body []byte, p Params) (Signed, *Error) {
	switch authz := r.Header.Get("Authorization"); {
	case strings.HasPrefix(authz, "ACS3-"):
		return signedV3(r, body, authz)
	case authz != "" && p.Get("Signature") == "":
		return Signed{}, errIncompleteSignature()
	default:
		return signedV1(r, p)
	}
}

// Verify checks a signed request against the secret of the key it claims,
// in the gateway's order: timestamp, signature, and the nonce last so that
// a forged request cannot burn a nonce.
func (sr Signed) Verify(secret string, now time.Time, nonces *NonceCache) *Error {
	ts, perr := time.Parse(time.RFC3339, sr.timestamp)
	if perr != nil {
		return errTimestampFormat()
	}
	if d := now.Sub(ts); d > timeWindow || d < -timeWindow {
		return errTimestampExpired()
	}
	if !hmac.Equal([]byte(sr.sign(secret, sr.stringToSign)), []byte(sr.signature)) {
		return errSignatureMismatch(sr.stringToSign)
	}
	if !nonces.use(sr.AccessKeyID+"\n"+sr.nonce, ts.Add(timeWindow), now) {
		return errNonceUsed()
	}
	return nil
}

// RemoteIP is the address part of RemoteAddr ("127.0.0.1:5555" ->
// "127.0.0.1", "[::1]:5555" -> "::1"); what does not parse is kept as is.
func RemoteIP(addr string) string {
	if host, _, err := net.SplitHostPort(addr); err == nil {
		return host
	}
	return addr
}

// signedV1 reads the V1 common parameters. Each absent one answers
// Missing<Name>.
func signedV1(r *http.Request, p Params) (Signed, *Error) {
	for _, name := range []string{"AccessKeyId", "Signature", "SignatureMethod", "Timestamp", "SignatureNonce"} {
		if p.Get(name) == "" {
			return Signed{}, Missing(name)
		}
	}
	if p.Get("SignatureMethod") != "HMAC-SHA1" {
		return Signed{}, errSignatureMethod()
	}
	return Signed{
		AccessKeyID:   p.Get("AccessKeyId"),
		SecurityToken: p.Get("SecurityToken"),
		timestamp:     p.Get("Timestamp"),
		nonce:         p.Get("SignatureNonce"),
		signature:     p.Get("Signature"),
		stringToSign:  V1StringToSign(r.Method, p),
		sign:          V1Sign,
	}, nil
}

// signedV3 reads the Authorization header and the x-acs-* headers it signs,
// and checks that x-acs-content-sha256 is the hash of the body actually
// received (the signature covers the header, the header covers the body).
func signedV3(r *http.Request, body []byte, authz string) (Signed, *Error) {
	a, err := parseV3Authorization(authz)
	if err != nil {
		return Signed{}, err
	}
	if a.algorithm != V3Algorithm {
		return Signed{}, errSignatureMethod()
	}
	if err := a.checkSignedHeaders(r); err != nil {
		return Signed{}, err
	}
	date, nonce, hash := r.Header.Get("x-acs-date"), r.Header.Get("x-acs-signature-nonce"), r.Header.Get("x-acs-content-sha256")
	if date == "" || nonce == "" || hash == "" {
		return Signed{}, errIncompleteSignature()
	}
	if hash != SHA256Hex(body) {
		return Signed{}, errContentSHA256()
	}
	return Signed{
		AccessKeyID:   a.accessKeyID,
		SecurityToken: r.Header.Get("x-acs-security-token"),
		timestamp:     date,
		nonce:         nonce,
		signature:     a.signature,
		stringToSign:  V3StringToSign(r, a.signedHeaders, hash),
		sign:          V3Sign,
	}, nil
}

// ClaimedAccessKey is the AccessKeyId a request claims (V3 Authorization
// Credential, else the V1 AccessKeyId parameter), unverified: the qps limit
// is checked before authentication.
func ClaimedAccessKey(r *http.Request, p Params) string {
	if authz := r.Header.Get("Authorization"); strings.HasPrefix(authz, "ACS3-") {
		if _, rest, ok := strings.Cut(authz, "Credential="); ok {
			id, _, _ := strings.Cut(rest, ",")
			return strings.TrimSpace(id)
		}
	}
	return p.Get("AccessKeyId")
}
