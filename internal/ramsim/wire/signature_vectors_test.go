// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package wire

import (
	"net/http/httptest"
	"net/url"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"

	"github.com/alibabacloud-go/tea/dara"
)

// The documented V1 example (RAM "Signature mechanism"): key testid /
// testsecret, GET CreateUser.
func TestV1DocumentedVector(t *testing.T) {
	p := Params(url.Values{
		"AccessKeyId": {"testid"}, "Action": {"CreateUser"}, "Format": {"JSON"},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureNonce": {"6a6e0ca6-4557-11e5-86a2-b8e8563dc8d2"},
		"SignatureVersion": {"1.0"}, "Timestamp": {"2015-08-18T03:15:45Z"}, "UserName": {"test"},
		"Version": {"2015-05-01"}, "Signature": {"ignored"},
	})
	wantSTS := "GET&%2F&AccessKeyId%3Dtestid%26Action%3DCreateUser%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D6a6e0ca6-4557-11e5-86a2-b8e8563dc8d2%26SignatureVersion%3D1.0%26Timestamp%3D2015-08-18T03%253A15%253A45Z%26UserName%3Dtest%26Version%3D2015-05-01"
	sts := V1StringToSign("GET", p)
	if sts != wantSTS {
		t.Fatalf("string to sign\n got %s\nwant %s", sts, wantSTS)
	}
	if got := V1Sign("testsecret", sts); got != "kRA2cnpJVacIhDMzXnoNZG9tDCI=" {
		t.Fatalf("signature = %s", got)
	}
}

// V1 agrees with darabonba-openapi's signer, including spaces, '*', '~',
// non-ASCII and the empty SignatureType the classic SDK sends.
func TestV1MatchesDarabonba(t *testing.T) {
	p := map[string]string{"Comments": "a b*c~d+é/中", "SignatureType": "", "Tag.1.Key": "k"}
	sdk := map[string]*string{}
	vals := url.Values{}
	for k, v := range p {
		sdk[k] = dara.String(v)
		vals.Set(k, v)
	}
	want := dara.StringValue(openapiutil.GetRPCSignature(sdk, dara.String("POST"), dara.String("s3cret")))
	if got := V1Sign("s3cret", V1StringToSign("POST", Params(vals))); got != want {
		t.Fatalf("signature %s, darabonba %s", got, want)
	}
}

// V3 agrees with darabonba-openapi's GetAuthorization for the request the
// SDK would send, including an empty-valued query parameter.
func TestV3MatchesDarabonba(t *testing.T) {
	query := map[string]*string{"UserName": dara.String("alice smith*~"), "NewComments": dara.String(""), "Tag.1.Key": dara.String("中")}
	headers := map[string]*string{
		"host": dara.String("127.0.0.1:8765"), "x-acs-action": dara.String("UpdateUser"), "x-acs-version": dara.String("2015-05-01"),
		"x-acs-date": dara.String("2025-03-04T05:06:07Z"), "x-acs-signature-nonce": dara.String("n1"),
		"x-acs-content-sha256": dara.String(SHA256Hex(nil)), "user-agent": dara.String("x"),
	}
	req := &dara.Request{Method: dara.String("POST"), Pathname: dara.String("/"), Query: query, Headers: headers}
	auth := dara.StringValue(openapiutil.GetAuthorization(req, dara.String(V3Algorithm), dara.String(SHA256Hex(nil)), dara.String("ak"), dara.String("sk")))

	q := url.Values{}
	for k, v := range query {
		q.Set(k, *v)
	}
	r := httptest.NewRequest("POST", "/?"+q.Encode(), nil)
	r.Host = "127.0.0.1:8765"
	for k, v := range headers {
		if k != "host" {
			r.Header.Set(k, *v)
		}
	}
	a, err := parseV3Authorization(auth)
	if err != nil {
		t.Fatal(err)
	}
	if got := V3Sign("sk", V3StringToSign(r, a.signedHeaders, SHA256Hex(nil))); got != a.signature {
		t.Fatalf("signature %s, darabonba %s (%s)", got, a.signature, auth)
	}
}
