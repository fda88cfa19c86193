// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// doc wraps statements (JSON, comma-separated) in a version 1 document.
func doc(statements string) string {
	return `{"Version":"1","Statement":[` + statements + `]}`
}

const allowAll = `{"Effect":"Allow","Action":"*","Resource":"*"}`

func TestParseValid(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Document
	}{
		{"strings", doc(`{"Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"acs:mse:*:*:*"}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"acs:mse:*:*:*"}}}}},
		{"lists keep order and duplicates", doc(`{"Effect":"Deny","Action":["b:x","a:y","b:x"],"Resource":["*"]}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Deny", Actions: []string{"b:x", "a:y", "b:x"}, Resources: []string{"*"}}}}},
		{"notaction", doc(`{"Effect":"Allow","NotAction":"ram:*","Resource":"*"}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Allow", NotActions: []string{"ram:*"}, Resources: []string{"*"}}}}},
		{"sid and conditions in order written", doc(`{"Sid":"S1","Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":["10.0.0.0/8","192.168.0.1"]},"Bool":{"acs:SecureTransport":"true"}}}`),
			Document{Version: "1", Statements: []Statement{{Sid: "S1", Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"}, Conditions: []Condition{
				{"IpAddress", "acs:SourceIp", []string{"10.0.0.0/8", "192.168.0.1"}},
				{"Bool", "acs:SecureTransport", []string{"true"}},
			}}}}},
		{"empty condition value allowed", doc(`{"Effect":"Allow","Action":"oss:ListObjects","Resource":"acs:oss:*:*:bucket","Condition":{"StringEquals":{"oss:Prefix":""}}}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Allow", Actions: []string{"oss:ListObjects"}, Resources: []string{"acs:oss:*:*:bucket"}, Conditions: []Condition{{"StringEquals", "oss:Prefix", []string{""}}}}}}},
		{"empty Condition object ignored", doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Allow", Actions: []string{"*"}, Resources: []string{"*"}}}}},
		{"resource with empty region and account, colons in relative part", doc(`{"Effect":"Allow","Action":"ram:GetUser","Resource":["acs:ram::123:user/alice","acs:mse:*:*:instance/i/ns/g/com.acme:app"]}`),
			Document{Version: "1", Statements: []Statement{{Effect: "Allow", Actions: []string{"ram:GetUser"}, Resources: []string{"acs:ram::123:user/alice", "acs:mse:*:*:instance/i/ns/g/com.acme:app"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", *got, tt.want)
			}
		})
	}
}

// TestParseErrors covers every validation rule with its message. Each case
// lists substrings that must each appear in one reported problem, and the
// number of problems.
func TestParseErrors(t *testing.T) {
	long := doc(`{"Effect":"Allow","Action":"*","Resource":"acs:oss:*:*:` + strings.Repeat("x", MaxDocumentLength) + `"}`)
	tests := []struct {
		name  string
		kind  Kind
		in    string
		count int
		want  []string
	}{
		// Document level.
		{"empty", Identity, "  ", 1, []string{"document is empty"}},
		{"too long", Identity, long, 1, []string{"characters; RAM allows at most 6144"}},
		{"invalid JSON", Identity, `{"Version":"1",`, 1, []string{"invalid JSON"}},
		{"trailing data", Identity, doc(allowAll) + `{}`, 1, []string{"invalid JSON: unexpected data after the document"}},
		{"not an object", Identity, `["Version"]`, 1, []string{"the document must be a JSON object, got a list"}},
		{"version missing", Identity, `{"Statement":[` + allowAll + `]}`, 1, []string{`Version: is required and must be "1"`}},
		{"version wrong", Identity, `{"Version":"2012-10-17","Statement":[` + allowAll + `]}`, 1, []string{`Version: must be "1", got "2012-10-17"`}},
		{"version number", Identity, `{"Version":1,"Statement":[` + allowAll + `]}`, 1, []string{`Version: must be the string "1", got a number`}},
		{"statement missing", Identity, `{"Version":"1"}`, 1, []string{"Statement: must contain at least one statement"}},
		{"statement empty", Identity, doc(``), 1, []string{"Statement: must contain at least one statement"}},
		{"statement object", Identity, `{"Version":"1","Statement":` + allowAll + `}`, 1, []string{"Statement: must be a list of statements, got a object"}},
		{"statement not object", Identity, doc(`"x"`), 1, []string{"statement 0: a statement must be a JSON object, got a string"}},
		{"unknown document element", Identity, `{"Version":"1","Id":"x","Statement":[` + allowAll + `]}`, 1, []string{"Id: unknown element"}},
		{"duplicate document element", Identity, `{"Version":"1","Version":"1","Statement":[` + allowAll + `]}`, 1, []string{"Version: appears more than once"}},

		// Statement elements.
		{"unknown statement element", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Foo":"x"}`), 1, []string{"statement 0: Foo: unknown element"}},
		{"duplicate statement element", Identity, doc(`{"Effect":"Allow","Action":"*","Action":"mse:*","Resource":"*"}`), 1, []string{"statement 0: Action: appears more than once"}},
		{"sid in message", Identity, doc(allowAll + `,{"Sid":"AllowConfig","Effect":"Allow","Action":"mse:*","Resource":"*","Condition":{"StringStartsWith":{"acs:x":"y"}}}`), 1,
			[]string{`statement 1 ("AllowConfig"): Condition: unknown operator "StringStartsWith"; RAM supports String*, Numeric*, Date*, Bool, IpAddress and NotIpAddress, each also with the suffix IfExists`}},
		{"sid not string", Identity, doc(`{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}`), 1, []string{"Sid: must be a string, got a number"}},
		{"duplicate sid", Identity, doc(`{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}`), 1, []string{`statement 1 ("A"): Sid: "A" is also the Sid of statement 0`}},
		{"effect missing", Identity, doc(`{"Action":"*","Resource":"*"}`), 1, []string{`Effect: is required ("Allow" or "Deny")`}},
		{"effect wrong", Identity, doc(`{"Effect":"Permit","Action":"*","Resource":"*"}`), 1, []string{`Effect: must be "Allow" or "Deny", got "Permit"`}},
		{"effect case", Identity, doc(`{"Effect":"allow","Action":"*","Resource":"*"}`), 1, []string{`Effect: must be "Allow" or "Deny", got "allow" (did you mean "Allow"?)`}},
		{"document element twice in two cases", Identity, `{"Version":"1","version":"1","Statement":[` + allowAll + `]}`, 1, []string{"version: appears more than once"}},
		{"statement element twice in two cases", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{},"condition":{}}`), 1, []string{"statement 0: condition: appears more than once"}},
		{"notresource in another case", Identity, doc(`{"Effect":"Allow","Action":"*","notresource":"*"}`), 2, []string{"notresource: NotResource is not part of the RAM policy language", "Resource: is required"}},
		{"condition value null", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"acs:x":[1,null]}}}`), 1, []string{"Condition: NumericEquals: acs:x: entry 1 must be a string, got a null"}},
		{"condition value object", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"acs:x":{}}}}`), 1, []string{"Condition: NumericEquals: acs:x: must be a string or a list of strings, got a object"}},
		{"epoch date", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"acs:CurrentTime":"1767225600"}}}`), 1, []string{`"1767225600" is epoch seconds, not a date`}},
		{"single source ip as /32", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.1/32"}}}`), 1, []string{`"10.0.0.1/32": a single acs:SourceIp value must be the address itself (10.0.0.1)`}},
		{"effect list", Identity, doc(`{"Effect":["Allow"],"Action":"*","Resource":"*"}`), 1, []string{"Effect: must be a string, got a list"}},
		{"action and notaction", Identity, doc(`{"Effect":"Allow","Action":"*","NotAction":"ram:*","Resource":"*"}`), 1, []string{"Action: Action and NotAction cannot both be set"}},
		{"neither action", Identity, doc(`{"Effect":"Allow","Resource":"*"}`), 1, []string{"Action: one of Action or NotAction is required"}},
		{"action bad type", Identity, doc(`{"Effect":"Allow","Action":{"a":"b"},"Resource":"*"}`), 1, []string{"Action: must be a string or a list of strings, got a object"}},
		{"action entry bad type", Identity, doc(`{"Effect":"Allow","Action":["mse:*",true,null],"Resource":"*"}`), 2, []string{"Action: entry 1 must be a string, got a boolean", "Action: entry 2 must be a string, got a null"}},
		{"action empty list", Identity, doc(`{"Effect":"Allow","Action":[],"Resource":"*"}`), 1, []string{"Action: must not be an empty list"}},
		{"action empty string", Identity, doc(`{"Effect":"Allow","Action":"","Resource":"*"}`), 1, []string{"Action: must not be an empty string"}},
		{"action empty entry", Identity, doc(`{"Effect":"Allow","Action":["mse:*",""],"Resource":"*"}`), 1, []string{"Action: entry 1 is an empty string"}},
		{"action no service", Identity, doc(`{"Effect":"Allow","Action":"GetNacosConfig","Resource":"*"}`), 1, []string{`Action: "GetNacosConfig" is not of the form <service>:<action>`}},
		{"action two colons", Identity, doc(`{"Effect":"Allow","Action":"mse:Get:x","Resource":"*"}`), 1, []string{`"mse:Get:x" is not of the form`}},
		{"action empty name", Identity, doc(`{"Effect":"Allow","Action":"mse:","Resource":"*"}`), 1, []string{`"mse:" is not of the form`}},
		{"action space", Identity, doc(`{"Effect":"Allow","Action":"mse:Get *","Resource":"*"}`), 1, []string{`"mse:Get *" is not of the form`}},
		{"notaction bad", Identity, doc(`{"Effect":"Allow","NotAction":"ram","Resource":"*"}`), 1, []string{`NotAction: "ram" is not of the form`}},
		{"resource missing", Identity, doc(`{"Effect":"Allow","Action":"*"}`), 1, []string{"statement 0: Resource: is required"}},
		{"resource bad type", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":5}`), 1, []string{"Resource: must be a string or a list of strings, got a number"}},
		{"resource not arn", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"instance/mse-1"}`), 1, []string{`Resource: "instance/mse-1" is not an ARN of the form acs:<service>:<region>:<account-id>:<resource>`}},
		{"resource short arn", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"acs:mse:*:*"}`), 1, []string{`"acs:mse:*:*" is not an ARN`}},
		{"resource aws arn", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b/k"}`), 1, []string{`"arn:aws:s3:::b/k" is not an ARN`}},
		{"resource empty relative", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"acs:mse:*:*:"}`), 1, []string{`"acs:mse:*:*:" is not an ARN`}},
		{"resource trailing space", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"acs:mse:*:*:instance/x "}`), 1, []string{`"acs:mse:*:*:instance/x " is not an ARN`}},
		{"not resource", Identity, doc(`{"Effect":"Allow","Action":"*","NotResource":"acs:ram:*:*:*"}`), 2, []string{"NotResource: NotResource is not part of the RAM policy language", "Resource: is required"}},
		{"principal in identity", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"RAM":"acs:ram::123:root"}}`), 1, []string{"Principal: is only allowed in a role's trust policy"}},

		// Conditions.
		{"condition not object", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":"x"}`), 1, []string{"Condition: must be an object such as"}},
		{"condition operator body", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":["a"]}}`), 1, []string{"Condition: StringEquals: must be an object of condition keys and values, got a list"}},
		{"condition operator empty", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}`), 1, []string{"Condition: StringEquals: must name at least one condition key"}},
		{"operator case", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringequals":{"acs:x":"y"}}}`), 1, []string{`unknown operator "stringequals" (did you mean "StringEquals"?)`}},
		{"operator Null", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"acs:x":"true"}}}`), 1, []string{`unknown operator "Null"`}},
		{"operator duplicated", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:MFAPresent":"true"},"Bool":{"acs:SecureTransport":"true"}}}`), 1, []string{"Condition: Bool: appears more than once"}},
		{"key duplicated", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:MFAPresent":"true","acs:MFAPresent":"false"}}}`), 1, []string{"Condition: Bool: acs:MFAPresent: appears more than once"}},
		{"key duplicated in other case", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"1.2.3.4","acs:sourceip":"5.6.7.8"}}}`), 1, []string{`Condition: IpAddress: condition key "acs:sourceip" appears more than once (keys are case-insensitive)`}},
		{"condition value empty list", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"acs:x":[]}}}`), 1, []string{"Condition: StringEquals: acs:x: must not be an empty list"}},
		{"bad number", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"acs:x":["1","abc"]}}}`), 1, []string{`Condition: NumericLessThan: acs:x: "abc" is not a number`}},
		{"hex number", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"acs:x":"0x10"}}}`), 1, []string{`"0x10" is not a number`}},
		{"infinite number", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"acs:x":"1e999"}}}`), 1, []string{`"1e999" is not a number`}},
		{"bad date", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"acs:CurrentTime":"next tuesday"}}}`), 1, []string{`Condition: DateLessThan: acs:CurrentTime: "next tuesday" is not a date`}},
		{"bad bool", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Bool":{"acs:SecureTransport":"yes"}}}`), 1, []string{`Condition: Bool: acs:SecureTransport: "yes" is not "true" or "false"`}},
		{"bad ip", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"acs:SourceIp":"10.0.0.256"}}}`), 1, []string{`Condition: IpAddress: acs:SourceIp: "10.0.0.256" is not an IP address or CIDR block`}},
		{"bad cidr", Identity, doc(`{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":"10.0.0.0/33"}}}`), 1, []string{`Condition: NotIpAddress: acs:SourceIp: "10.0.0.0/33" is not an IP address or CIDR block`}},

		// Trust policies.
		{"trust principal missing", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole"}`), 1, []string{"Principal: is required in a trust policy"}},
		{"trust principal string", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"}`), 1, []string{`Principal: must be an object such as {"RAM"`}},
		{"trust principal empty", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{}}`), 1, []string{"Principal: must name at least one of RAM, Service or Federated"}},
		{"trust principal type", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"arn:aws:iam::1:root"}}`), 1, []string{"Principal: AWS: unknown element"}},
		{"trust principal type case", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"service":"ecs.aliyuncs.com"}}`), 1, []string{`Principal: service: unknown element (did you mean "Service"?)`}},
		{"trust principal bad ram", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"alice"}}`), 1, []string{`Principal: RAM: "alice" is not a valid RAM principal`}},
		{"trust principal bad federated", Trust, doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Federated":"okta"}}`), 1, []string{`Principal: Federated: "okta" is not a valid Federated principal`}},
		{"trust wrong action", Trust, doc(`{"Effect":"Allow","Action":["sts:AssumeRole","ecs:*"],"Principal":{"Service":"ecs.aliyuncs.com"}}`), 1, []string{`Action: a trust policy may only grant "sts:AssumeRole", got "ecs:*"`}},
		{"trust notaction", Trust, doc(`{"Effect":"Allow","NotAction":"ecs:*","Principal":{"Service":"ecs.aliyuncs.com"}}`), 1, []string{`NotAction: a trust policy grants "sts:AssumeRole" with Action, not NotAction`}},

		// Several problems at once, across statements.
		{"all problems reported", Identity, `{"Version":"2","Statement":[{"Effect":"Maybe","Action":"x"},{"Sid":"B","Effect":"Allow","Action":"*","Resource":"acs:x"}]}`, 5,
			[]string{`Version: must be "1", got "2"`, `statement 0: Effect: must be "Allow" or "Deny", got "Maybe"`, `statement 0: Action: "x" is not of the form`, "statement 0: Resource: is required", `statement 1 ("B"): Resource: "acs:x" is not an ARN`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parse := Parse
			if tt.kind == Trust {
				parse = ParseTrust
			}
			d, err := parse(tt.in)
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", d)
			}
			if d != nil {
				t.Errorf("Parse returned a document with an error")
			}
			probs := Problems(err)
			if len(probs) != tt.count {
				t.Errorf("got %d problems, want %d:\n%v", len(probs), tt.count, err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestValidationErrorFields(t *testing.T) {
	_, err := Parse(doc(allowAll + `,{"Sid":"AllowConfig","Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringStartsWith":{"acs:x":"y"}}}`))
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("not a ValidationError: %v", err)
	}
	want := ValidationError{Statement: 1, Sid: "AllowConfig", Element: "Condition", Msg: ve.Msg}
	if *ve != want || !strings.HasPrefix(ve.Msg, `unknown operator "StringStartsWith"`) {
		t.Errorf("got %+v", *ve)
	}

	_, err = Parse(`{"Statement":[` + allowAll + `]}`)
	if !errors.As(err, &ve) || ve.Statement != -1 || ve.Element != "Version" {
		t.Errorf("document-level error: %+v", ve)
	}
	if ve.Error() != `Version: is required and must be "1"` {
		t.Errorf("Error() = %q", ve.Error())
	}

	// Equivalent wraps parse errors; Problems still finds every one.
	_, err = Equivalent(`{"Version":"2"}`, doc(allowAll))
	if got := len(Problems(err)); got != 2 || !strings.HasPrefix(err.Error(), "first document: ") {
		t.Errorf("Equivalent error: %d problems: %v", got, err)
	}
	if Problems(nil) != nil {
		t.Error("Problems(nil) != nil")
	}
}

func TestParseTrustValid(t *testing.T) {
	for _, in := range []string{
		doc(`{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":["ecs.aliyuncs.com"]}}`),
		doc(`{"Effect":"Allow","Action":"sts:assumerole","Principal":{"RAM":["acs:ram::1234567890123456:root","1234567890123457"]}}`),
		doc(`{"Effect":"Allow","Action":"sts:*","Principal":{"Federated":"acs:ram::123:saml-provider/idp"},"Condition":{"StringEquals":{"saml:recipient":"https://signin.aliyun.com/saml-role/sso"}}}`),
		doc(`{"Effect":"Deny","Action":"*","Resource":"*","Principal":{"RAM":"acs:ram::123:user/mallory"}}`),
	} {
		if _, err := ParseTrust(in); err != nil {
			t.Errorf("ParseTrust(%s): %v", in, err)
		}
		if _, kind, err := ParseAny(in); err != nil || kind != Trust {
			t.Errorf("ParseAny(%s) = %v, %v", in, kind, err)
		}
	}
	if _, kind, err := ParseAny(doc(allowAll)); err != nil || kind != Identity {
		t.Errorf("ParseAny(identity) = %v, %v", kind, err)
	}
	if Identity.String() != "Identity" || Trust.String() != "Trust" {
		t.Error("Kind.String")
	}
}

func TestValidateHandBuilt(t *testing.T) {
	d := &Document{Version: "1", Statements: []Statement{{
		Effect: "Allow", Actions: []string{"mse:GetNacosConfig"}, Resources: []string{"acs:mse:*:*:instance/x"},
		Principals: map[string][]string{"Bogus": {"x"}, PrincipalService: nil},
		Conditions: []Condition{{Operator: "Bool", Key: "acs:MFAPresent"}},
	}}}
	err := d.Validate(Trust)
	for _, w := range []string{
		`Principal: unknown principal type "Bogus"`,
		"Condition: Bool: acs:MFAPresent: must have at least one value",
		`Action: a trust policy may only grant "sts:AssumeRole"`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in %v", w, err)
		}
	}
	if n := len(Problems(err)); n != 3 {
		t.Errorf("%d problems, want 3: %v", n, err)
	}
	// The empty Service list is a warning, not an error.
	if w := d.Warnings(); len(w) != 1 || w[0].Element != "Principal: Service" {
		t.Errorf("Warnings() = %v", w)
	}
	lower := &Document{Version: "1", Statements: []Statement{{Effect: "deny", Actions: []string{"*"}, Resources: []string{"*"}}}}
	if err := lower.Validate(Identity); err == nil || !strings.Contains(err.Error(), `(did you mean "Deny"?)`) {
		t.Errorf("Validate(deny): %v", err)
	}
	ok := &Document{Version: "1", Statements: []Statement{{Effect: "Deny", Actions: []string{"*"}, Resources: []string{"*"}}}}
	if err := ok.Validate(Identity); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
