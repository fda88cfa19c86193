// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// V3Algorithm is the V3 signature's algorithm name.
const V3Algorithm = "ACS3-HMAC-SHA256"

// v3Authorization is the parsed header
// "ACS3-HMAC-SHA256 Credential=<AKID>,SignedHeaders=a;b,Signature=<hex>".
type v3Authorization struct {
	algorithm     string
	accessKeyID   string
	signedHeaders []string
	signature     string
}

func parseV3Authorization(h string) (v3Authorization, *Error) {
	var a v3Authorization
	algorithm, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok {
		return a, errIncompleteSignature()
	}
	a.algorithm = algorithm
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Credential":
			a.accessKeyID = v
		case "SignedHeaders":
			a.signedHeaders = strings.Split(v, ";")
		case "Signature":
			a.signature = v
		}
	}
	if a.accessKeyID == "" || a.signature == "" || len(a.signedHeaders) == 0 {
		return a, errIncompleteSignature()
	}
	return a, nil
}

// checkSignedHeaders requires host and every x-acs-* header the request
// carries to be signed, so no routing or replay header can be changed
// without breaking the signature.
func (a v3Authorization) checkSignedHeaders(r *http.Request) *Error {
	if !slices.Contains(a.signedHeaders, "host") {
		return errIncompleteSignature()
	}
	for name := range r.Header {
		lower := strings.ToLower(name)
		if strings.HasPrefix(lower, "x-acs-") && !slices.Contains(a.signedHeaders, lower) {
			return errIncompleteSignature()
		}
	}
	return nil
}

// V3StringToSign is "ACS3-HMAC-SHA256\n" + hex(sha256(CanonicalRequest)) with
// CanonicalRequest = METHOD \n URI \n query \n headers \n signed \n payloadHash,
// as darabonba-openapi's utils.GetAuthorization builds it. The host header
// is r.Host, the authority the client dialed.
func V3StringToSign(r *http.Request, signedHeaders []string, payloadHash string) string {
	uri := r.URL.EscapedPath()
	if uri == "" {
		uri = "/"
	}
	var b strings.Builder
	b.WriteString(r.Method + "\n" + uri + "\n" + v3CanonicalQuery(r.URL.Query()) + "\n")
	for _, name := range signedHeaders {
		b.WriteString(name + ":" + v3HeaderValue(r, name) + "\n")
	}
	b.WriteString("\n" + strings.Join(signedHeaders, ";") + "\n" + payloadHash)
	sum := sha256.Sum256([]byte(b.String()))
	return V3Algorithm + "\n" + hex.EncodeToString(sum[:])
}

// v3CanonicalQuery sorts the query by name and writes k=v pairs, both
// percent-encoded; an empty value stays as "k=".
func v3CanonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var pairs []string
	for _, k := range keys {
		for _, v := range q[k] {
			pairs = append(pairs, percentEncode(k)+"="+percentEncode(v))
		}
	}
	return strings.Join(pairs, "&")
}

// v3HeaderValue is one canonical header value: trimmed values, sorted and
// joined by commas, as the SDK writes them.
func v3HeaderValue(r *http.Request, name string) string {
	if name == "host" {
		return strings.TrimSpace(r.Host)
	}
	vals := slices.Clone(r.Header.Values(name))
	for i, v := range vals {
		vals[i] = strings.TrimSpace(v)
	}
	sort.Strings(vals)
	return strings.Join(vals, ",")
}

// V3Sign is hex(HMAC-SHA256(secret, stringToSign)); the key is the bare
// secret, without V1's trailing "&".
func V3Sign(secret, stringToSign string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}

// SHA256Hex is the hex SHA-256 of a request body (x-acs-content-sha256).
func SHA256Hex(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}
