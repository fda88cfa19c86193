// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"encoding/json"
	"testing"
)

// fuzzSeeds are the fixtures plus documents that reach the error paths.
func fuzzSeeds(f *testing.F) {
	for _, name := range fixtureNames(f) {
		f.Add(readFixture(f, name))
	}
	for _, s := range []string{
		"", "{}", "[]", "null", `{"Version":"1"}`, doc(``), doc(allowAll),
		doc(`{"Effect":"deny","NotAction":["ram:*","ram:*"],"Resource":["acs:mse:*:*:instance/i/n/g/config/d"]}`),
		doc(`{"Sid":"S","Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:sourceip":["10.0.0.0/8","::1"]},"DateLessThan":{"acs:CurrentTime":"2026-01-01"},"StringLike":{"oss:Prefix":["", "a*"]}}}`),
		doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["123","acs:ram::1:root"],"Service":"ecs.aliyuncs.com"}}`),
		doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:x":"abc"}},"NotResource":"*","action":1}`),
		`{"Version":"1","Statement":[{"Sid":"\u2028<&>\u0000","Effect":"Allow","Action":"*","Resource":"*"}]}`,
		`{"version":"1","statement":[{"effect":"Allow","action":"sts:AssumeRole","principal":{"RAM":["acs:ram::1:root"],"Service":[]},"condition":{"NumericLessThanIfExists":{"acs:MultiFactorAuthAge":3600},"Bool":{"Action":[true,false]},"DateLessThan":{"acs:CurrentTime":["2026-01-01","2026-01-01T00:00:00"]}}}]}`,
		doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":[],"RAM":[]}}`),
		doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.1/32","::1/128"]},"DateEquals":{"acs:CurrentTime":1767225600}}}`),
	} {
		f.Add(s)
	}
}

// FuzzParse: the parser never panics, returns a document exactly when it
// returns no error, and a parsed document validates and evaluates.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		d, kind, err := ParseAny(in)
		if (d == nil) == (err == nil) {
			t.Fatalf("document %v with error %v", d, err)
		}
		if err != nil {
			if len(Problems(err)) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		if verr := d.Validate(kind); verr != nil {
			t.Fatalf("parsed document does not validate: %v", verr)
		}
		Evaluate([]*Document{d}, Request{Action: "mse:GetNacosConfig", Resource: "acs:mse:*:*:instance/i/n/g/d", Context: ctx("acs:SourceIp", "10.0.0.1")})
	})
}

// FuzzCanonical: the canonical form of any valid document is valid JSON,
// parses, is a fixed point, and is equivalent to the input.
func FuzzCanonical(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, in string) {
		d, kind, err := ParseAny(in)
		if err != nil {
			return
		}
		c := d.CanonicalJSON()
		if !json.Valid([]byte(c)) {
			t.Fatalf("canonical form is not JSON: %s", c)
		}
		// The canonical form may outgrow MaxDocumentLength (it adds
		// brackets), so re-parse it without the length check.
		d2, err := parse(c, kind, false)
		if err != nil {
			t.Fatalf("canonical form does not parse: %v\n%s", err, c)
		}
		if c2 := d2.CanonicalJSON(); c2 != c {
			t.Fatalf("not a fixed point:\n%s\n%s", c, c2)
		}
		if !json.Valid([]byte(d.IndentedJSON())) {
			t.Fatalf("indented form is not JSON")
		}
	})
}
