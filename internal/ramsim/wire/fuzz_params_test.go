// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzV3Authorization: the Authorization parser never panics, and what it
// accepts has every part.
func FuzzV3Authorization(f *testing.F) {
	for _, s := range []string{
		"ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host;x-acs-date,Signature=ab",
		"ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 ", " , = ;", "ACS3-HMAC-SHA256 Credential==,SignedHeaders=;;,Signature==",
		"ACS3-HMAC-SHA256 Signature=1,Signature=2,Credential=a,Credential=b,SignedHeaders=host",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		a, err := parseV3Authorization(h)
		if err != nil {
			return
		}
		if a.accessKeyID == "" || a.signature == "" || len(a.signedHeaders) == 0 || a.algorithm == "" {
			t.Fatalf("accepted with a part missing: %+v", a)
		}
	})
}

// FuzzPercentEncode: the signature encoding leaves only unreserved
// characters and %XY escapes (upper-case hex), and decodes back.
func FuzzPercentEncode(f *testing.F) {
	for _, s := range []string{"", "a b+c*d~e", "%7E", "名前", "\x00\xff", "!'()*", "a=b&c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := percentEncode(s)
		for i := 0; i < len(e); i++ {
			c := e[i]
			switch {
			case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_', c == '.', c == '~':
			case c == '%' && i+2 < len(e) && isUpperHex(e[i+1]) && isUpperHex(e[i+2]):
				i += 2
			default:
				t.Fatalf("percentEncode(%q) = %q: %q at %d", s, e, c, i)
			}
		}
		if d, err := url.PathUnescape(e); err != nil || d != s {
			t.Fatalf("percentEncode(%q) = %q decodes to %q, %v", s, e, d, err)
		}
	})
}

func isUpperHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' }

// FuzzParams: the parameter readers never panic on any name or value, and
// a list never exceeds its bound.
func FuzzParams(f *testing.F) {
	f.Add("Tag.1.Key=a&Tag.2.Value=b&Tag.99999999999999999999.Key=c&Tag.-1=d&Tag..=e", []byte("MaxItems=%zz&X=1"), "MaxItems")
	f.Add("ResourceId.1=a&ResourceId.1=b", []byte(nil), "ResourceId")
	f.Fuzz(func(t *testing.T, rawQuery string, body []byte, name string) {
		r := &http.Request{Method: "POST", URL: &url.URL{Path: "/", RawQuery: rawQuery},
			Header: http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}}
		p := requestParams(r, body)
		names := []string{name}
		for k := range p {
			prefix, _, _ := strings.Cut(k, ".")
			names = append(names, k, prefix)
		}
		for _, n := range names {
			_ = p.Get(n)
			_, _ = p.Lookup(n)
			_, _ = p.Required(n)
			if l, err := p.List(n, 5); err == nil && len(l) > 5 {
				t.Fatalf("list(%q, 5) returned %d entries", n, len(l))
			}
			if v, err := p.IntRange(n, 7, -3, 3); err == nil && v != 7 && (v < -3 || v > 3) {
				t.Fatalf("intRange(%q) = %d outside [-3, 3]", n, v)
			}
			_, _ = p.Boolean(n)
		}
		if !utf8.ValidString(rawQuery) {
			return
		}
		_ = V1StringToSign("POST", p)
	})
}
