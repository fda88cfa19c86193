// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestCanonicalJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"strings become arrays, keys ordered",
			`{"Statement":[{"Resource":"*","Action":"mse:GetNacosConfig","Effect":"Allow"}],"Version":"1"}`,
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig"],"Resource":["*"]}]}`},
		{"lists sorted and de-duplicated",
			doc(`{"Effect":"Allow","Action":["mse:Query*","mse:List*","mse:Get*","mse:List*"],"Resource":["b","a"]}`),
			``}, // resources are invalid; replaced below
		{"conditions sorted, well-known key spelling",
			doc(`{"Sid":"S","Effect":"Deny","NotAction":"ram:*","Resource":"*","Condition":{"IpAddress":{"acs:sourceip":["192.168.0.0/16","10.0.0.0/8"]},"Bool":{"ACS:SecureTransport":"false","acs:MFAPresent":"false"}}}`),
			`{"Version":"1","Statement":[{"Sid":"S","Effect":"Deny","NotAction":["ram:*"],"Resource":["*"],"Condition":{"Bool":{"acs:MFAPresent":["false"],"acs:SecureTransport":["false"]},"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}}]}`},
		{"other keys keep their case",
			doc(`{"Effect":"Allow","Action":"oss:ListObjects","Resource":"acs:oss:*:*:b","Condition":{"StringLike":{"oss:Prefix":"a/*"}}}`),
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:ListObjects"],"Resource":["acs:oss:*:*:b"],"Condition":{"StringLike":{"oss:Prefix":["a/*"]}}}]}`},
		{"statements sorted, duplicates dropped",
			doc(`{"Effect":"Allow","Action":"mse:Get*","Resource":"*"},{"Effect":"Allow","Action":"log:ListProject","Resource":"*"},{"Resource":"*","Action":["mse:Get*"],"Effect":"Allow"}`),
			`{"Version":"1","Statement":[{"Effect":"Allow","Action":["log:ListProject"],"Resource":["*"]},{"Effect":"Allow","Action":["mse:Get*"],"Resource":["*"]}]}`},
		{"trust principals, bare account id",
			doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com","RAM":["acs:ram::2:root","1"]}}`),
			`{"Version":"1","Statement":[{"Effect":"Allow","Principal":{"RAM":["acs:ram::1:root","acs:ram::2:root"],"Service":["ecs.aliyuncs.com"]},"Action":["sts:AssumeRole"]}]}`},
		{"no HTML escaping, control characters escaped",
			doc(`{"Sid":"a<b>&\u0001\u2028","Effect":"Allow","Action":"*","Resource":"*"}`),
			`{"Version":"1","Statement":[{"Sid":"a<b>&\u0001\u2028","Effect":"Allow","Action":["*"],"Resource":["*"]}]}`},
	}
	tests[1].in = doc(`{"Effect":"Allow","Action":["mse:Query*","mse:List*","mse:Get*","mse:List*"],"Resource":["acs:mse:*:*:instance/b","acs:mse:*:*:instance/a"]}`)
	tests[1].want = `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:Get*","mse:List*","mse:Query*"],"Resource":["acs:mse:*:*:instance/a","acs:mse:*:*:instance/b"]}]}`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := ParseAny(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			got := d.CanonicalJSON()
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			assertFixedPoint(t, got)
			if !json.Valid([]byte(got)) {
				t.Errorf("invalid JSON: %s", got)
			}
		})
	}
}

// assertFixedPoint checks that canonical output parses and renders to itself.
func assertFixedPoint(t testing.TB, canonical string) {
	t.Helper()
	d, err := parse(canonical, -1, false)
	if err != nil {
		t.Fatalf("canonical form does not parse: %v\n%s", err, canonical)
	}
	if again := d.CanonicalJSON(); again != canonical {
		t.Fatalf("not a fixed point:\n%s\n%s", canonical, again)
	}
}

func TestCanonicalDoesNotModify(t *testing.T) {
	d := mustParse(t, Parse, doc(`{"Effect":"Allow","Action":["b:x","a:y"],"Resource":"*","Condition":{"Bool":{"acs:mfapresent":"true"}}}`))
	c := d.Canonical()
	if d.Statements[0].Actions[0] != "b:x" || d.Statements[0].Conditions[0].Key != "acs:mfapresent" {
		t.Errorf("receiver modified: %+v", d.Statements[0])
	}
	if c.Statements[0].Actions[0] != "a:y" || c.Statements[0].Conditions[0].Key != "acs:MFAPresent" {
		t.Errorf("canonical: %+v", c.Statements[0])
	}
}

func TestIndentedJSON(t *testing.T) {
	d := mustParse(t, Parse, doc(`{"Effect":"Allow","Action":"mse:*","Resource":"*"}`))
	want := `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "mse:*"
      ],
      "Resource": [
        "*"
      ]
    }
  ]
}`
	if got := d.IndentedJSON(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if ok, err := Equivalent(d.IndentedJSON(), d.CanonicalJSON()); !ok || err != nil {
		t.Errorf("indented and compact forms differ: %v %v", ok, err)
	}
}

func TestEquivalent(t *testing.T) {
	base := `{"Version":"1","Statement":[{"Sid":"Read","Effect":"Allow","Action":["mse:Get*","mse:List*"],"Resource":["acs:mse:*:*:instance/mse-1","acs:mse:*:*:instance/mse-2"],"Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}},{"Effect":"Deny","Action":"mse:Delete*","Resource":"*"}]}`
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"identical", base, base, true},
		{"whitespace", base, indent(t, base, "\t \r\n", " \t"), true},
		{"key order", base, `{"Statement":[{"Resource":["acs:mse:*:*:instance/mse-1","acs:mse:*:*:instance/mse-2"],"Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}},"Action":["mse:Get*","mse:List*"],"Effect":"Allow","Sid":"Read"},{"Resource":"*","Effect":"Deny","Action":"mse:Delete*"}],"Version":"1"}`, true},
		{"action order", base, strings.Replace(base, `["mse:Get*","mse:List*"]`, `["mse:List*","mse:Get*"]`, 1), true},
		{"resource order", base, strings.Replace(base, `["acs:mse:*:*:instance/mse-1","acs:mse:*:*:instance/mse-2"]`, `["acs:mse:*:*:instance/mse-2","acs:mse:*:*:instance/mse-1"]`, 1), true},
		{"condition value order", base, strings.Replace(base, `["10.0.0.0/8","192.168.0.0/16"]`, `["192.168.0.0/16","10.0.0.0/8"]`, 1), true},
		{"string vs one-element list", base, strings.Replace(base, `"Action":"mse:Delete*","Resource":"*"`, `"Action":["mse:Delete*"],"Resource":["*"]`, 1), true},
		{"element name case", base, strings.Replace(strings.Replace(base, `"Condition"`, `"condition"`, 1), `"Effect":"Deny"`, `"effect":"Deny"`, 1), true},
		{"number and string condition values", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:MultiFactorAuthAge":3600},"Bool":{"acs:MFAPresent":[true]}}}`), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:MultiFactorAuthAge":"3600"},"Bool":{"acs:MFAPresent":"true"}}}`), true},
		{"empty principal list beside a named one", doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1:root","Service":[]}}`), doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1:root"]}}`), true},
		{"duplicates", base, strings.Replace(base, `["mse:Get*","mse:List*"]`, `["mse:Get*","mse:List*","mse:Get*"]`, 1), true},
		{"statement order", base, `{"Version":"1","Statement":[{"Effect":"Deny","Action":"mse:Delete*","Resource":"*"},{"Sid":"Read","Effect":"Allow","Action":["mse:Get*","mse:List*"],"Resource":["acs:mse:*:*:instance/mse-1","acs:mse:*:*:instance/mse-2"],"Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}}]}`, true},
		{"duplicate statement", doc(allowAll), doc(allowAll + "," + allowAll), true},
		{"well-known key case", base, strings.Replace(base, "acs:SourceIp", "ACS:SOURCEIP", 1), true},
		{"condition operator order", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:MFAPresent":"true"},"IpAddress":{"acs:SourceIp":"1.2.3.4"}}}`), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":["1.2.3.4"]},"Bool":{"acs:MFAPresent":["true"]}}}`), true},
		{"empty condition", doc(allowAll), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}`), true},
		{"trust principal order and bare id", doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::2:root","1"]}}`), doc(`{"Principal":{"RAM":["acs:ram::1:root","acs:ram::2:root"]},"Action":"sts:AssumeRole","Effect":"Allow"}`), true},
		{"seed 001 canonical", readFixture(t, "001_example1_instance.json"), mustParse(t, Parse, readFixture(t, "001_example1_instance.json")).CanonicalJSON(), true},

		{"different action", base, strings.Replace(base, "mse:Get*", "mse:Query*", 1), false},
		{"action case", base, strings.Replace(base, "mse:Get*", "mse:get*", 1), false},
		{"extra action", base, strings.Replace(base, `["mse:Get*","mse:List*"]`, `["mse:Get*","mse:List*","mse:Query*"]`, 1), false},
		{"different resource", base, strings.Replace(base, "instance/mse-2", "instance/mse-3", 1), false},
		{"resource case", base, strings.Replace(base, "instance/mse-2", "instance/MSE-2", 1), false},
		{"different effect", base, strings.Replace(base, `"Deny"`, `"Allow"`, 1), false},
		{"action vs notaction", doc(`{"Effect":"Allow","Action":"ram:*","Resource":"*"}`), doc(`{"Effect":"Allow","NotAction":"ram:*","Resource":"*"}`), false},
		{"sid differs", base, strings.Replace(base, `"Read"`, `"Read2"`, 1), false},
		{"sid added", doc(allowAll), doc(`{"Sid":"X","Effect":"Allow","Action":"*","Resource":"*"}`), false},
		{"condition removed", base, strings.Replace(base, `,"Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.0/16"]}}`, ``, 1), false},
		{"condition value differs", base, strings.Replace(base, "10.0.0.0/8", "10.0.0.0/16", 1), false},
		{"condition operator differs", base, strings.Replace(base, "IpAddress", "NotIpAddress", 1), false},
		{"other key case", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"oss:Prefix":"a"}}}`), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"oss:prefix":"a"}}}`), false},
		{"statement split", doc(`{"Effect":"Allow","Action":["a:x","b:y"],"Resource":"*"}`), doc(`{"Effect":"Allow","Action":"a:x","Resource":"*"},{"Effect":"Allow","Action":"b:y","Resource":"*"}`), false},
		{"empty principal list alone", doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":[]}}`), doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":[]}}`), false},
		{"number spelled otherwise", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:x":3600}}}`), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:x":"3600.0"}}}`), false},
		{"IfExists is another operator", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:MFAPresent":"true"}}}`), doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"acs:MFAPresent":"true"}}}`), false},
		{"principal type", doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1:root"}}`), doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Federated":"acs:ram::1:root"}}`), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Equivalent(tt.a, tt.b)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Equivalent = %v, want %v\n%s\n%s", got, tt.want, tt.a, tt.b)
			}
			if back, _ := Equivalent(tt.b, tt.a); back != got {
				t.Error("not symmetric")
			}
		})
	}
}

// indent re-lays out JSON with unusual (but legal) whitespace.
func indent(t *testing.T, s, prefix, in string) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Indent(&b, []byte(s), prefix, in); err != nil {
		t.Fatal(err)
	}
	return "\n " + b.String() + "\t\r\n"
}

func TestEquivalentErrors(t *testing.T) {
	if _, err := Equivalent(doc(allowAll), "{"); err == nil || !strings.HasPrefix(err.Error(), "second document: ") {
		t.Errorf("got %v", err)
	}
	if _, err := Equivalent("", doc(allowAll)); err == nil {
		t.Error("empty document accepted")
	}
}
