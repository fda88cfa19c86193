// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"net/url"
	"sort"
	"strings"
)

// percentEncode is RFC 3986 encoding as both signature versions use it:
// unreserved characters A-Z a-z 0-9 - _ . ~ stay, everything else becomes
// %XY of its UTF-8 bytes, and a space is %20 (never +).
func percentEncode(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

// V1StringToSign is METHOD&%2F&percentEncode(canonicalized parameters):
// every query and form parameter except Signature, sorted by name, each
// name and value percent-encoded, joined as k=v with &. A parameter sent
// with an empty value (the classic SDK's SignatureType=) is signed as "k=".
func V1StringToSign(method string, p Params) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		if k != "Signature" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var pairs []string
	for _, k := range keys {
		for _, v := range p[k] {
			pairs = append(pairs, percentEncode(k)+"="+percentEncode(v))
		}
	}
	return method + "&%2F&" + percentEncode(strings.Join(pairs, "&"))
}

// V1Sign is base64(HMAC-SHA1(secret + "&", stringToSign)).
func V1Sign(secret, stringToSign string) string {
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
