// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package policy

import "testing"

func mustParse(t testing.TB, parse func(string) (*Document, error), in string) *Document {
	t.Helper()
	d, err := parse(in)
	if err != nil {
		t.Fatalf("parse %s: %v", in, err)
	}
	return d
}

func TestEvaluate(t *testing.T) {
	const inst = "acs:mse:*:*:instance/mse-1"
	readInstance := doc(`{"Sid":"Read","Effect":"Allow","Action":["mse:Get*","mse:List*"],"Resource":"` + inst + `"}`)
	denyDelete := doc(`{"Sid":"NoDelete","Effect":"Deny","Action":"mse:Delete*","Resource":"*"}`)
	fullThenDeny := doc(`{"Sid":"All","Effect":"Allow","Action":"mse:*","Resource":"*"},{"Sid":"NoProd","Effect":"Deny","Action":"mse:*","Resource":"` + inst + `/prod"}`)
	notAction := doc(`{"Sid":"AllButRam","Effect":"Allow","NotAction":["ram:*","sts:*"],"Resource":"*"}`)
	twoAllows := doc(`{"Sid":"First","Effect":"Allow","Action":"mse:GetNacosConfig","Resource":"` + inst + `"},{"Sid":"Second","Effect":"Allow","Action":"mse:*","Resource":"*"}`)
	ipDeny := doc(`{"Sid":"Any","Effect":"Allow","Action":"mse:*","Resource":"*"},{"Sid":"OffNetwork","Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"acs:SourceIp":"10.0.0.0/8"}}}`)
	mfaAllow := doc(`{"Sid":"MFA","Effect":"Allow","Action":"mse:*","Resource":"*","Condition":{"Bool":{"acs:MFAPresent":"true"}}}`)
	slr := doc(`{"Sid":"SLR","Effect":"Allow","Action":"ram:CreateServiceLinkedRole","Resource":"acs:ram:*:123:role/*","Condition":{"StringEquals":{"ram:ServiceName":"mse.aliyuncs.com"}}}`)

	tests := []struct {
		name  string
		docs  []string
		req   Request
		want  Decision
		doc   int
		stmt  int
		sid   string
		viaHi bool
	}{
		{"no documents", nil, Request{Action: "mse:GetNacosConfig", Resource: inst}, ImplicitDeny, -1, -1, "", false},
		{"allow exact instance", []string{readInstance}, Request{Action: "mse:GetNacosConfig", Resource: inst}, Allow, 0, 0, "Read", false},
		{"allow via hierarchy", []string{readInstance}, Request{Action: "mse:GetNacosConfig", Resource: inst + "/ns/DEFAULT_GROUP/app.yaml"}, Allow, 0, 0, "Read", true},
		{"action not granted", []string{readInstance}, Request{Action: "mse:UpdateNacosConfig", Resource: inst}, ImplicitDeny, -1, -1, "", false},
		{"action case-insensitive", []string{readInstance}, Request{Action: "MSE:getnacosconfig", Resource: inst}, Allow, 0, 0, "Read", false},
		{"other instance", []string{readInstance}, Request{Action: "mse:GetNacosConfig", Resource: "acs:mse:*:*:instance/mse-2"}, ImplicitDeny, -1, -1, "", false},
		{"deny in another document wins", []string{readInstance, denyDelete, fullThenDeny}, Request{Action: "mse:DeleteNacosConfig", Resource: inst}, ExplicitDeny, 1, 0, "NoDelete", false},
		{"deny later in document wins", []string{fullThenDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst + "/prod"}, ExplicitDeny, 0, 1, "NoProd", false},
		{"deny via hierarchy", []string{fullThenDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst + "/prod/g/d"}, ExplicitDeny, 0, 1, "NoProd", true},
		{"deny does not reach sibling", []string{fullThenDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst + "/dev/g/d"}, Allow, 0, 0, "All", false},
		{"deny alone is implicit deny elsewhere", []string{denyDelete}, Request{Action: "mse:GetNacosConfig", Resource: inst}, ImplicitDeny, -1, -1, "", false},
		{"notaction allows others", []string{notAction}, Request{Action: "mse:CreateCluster", Resource: inst}, Allow, 0, 0, "AllButRam", false},
		{"notaction excludes listed", []string{notAction}, Request{Action: "ram:CreateUser", Resource: "acs:ram::1:user/x"}, ImplicitDeny, -1, -1, "", false},
		{"first allow is reported", []string{twoAllows}, Request{Action: "mse:GetNacosConfig", Resource: inst}, Allow, 0, 0, "First", false},
		{"second allow when first misses", []string{twoAllows}, Request{Action: "mse:ListClusters", Resource: "acs:mse:*:*:*"}, Allow, 0, 1, "Second", false},
		{"conditional deny applies off network", []string{ipDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst, Context: ctx("acs:SourceIp", "8.8.8.8")}, ExplicitDeny, 0, 1, "OffNetwork", false},
		{"conditional deny skipped on network", []string{ipDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst, Context: ctx("acs:SourceIp", "10.1.1.1")}, Allow, 0, 0, "Any", false},
		{"conditional deny applies without source ip", []string{ipDeny}, Request{Action: "mse:GetNacosConfig", Resource: inst}, ExplicitDeny, 0, 1, "OffNetwork", false},
		{"mfa allow with mfa", []string{mfaAllow}, Request{Action: "mse:GetNacosConfig", Resource: inst, Context: ctx("acs:MFAPresent", "true")}, Allow, 0, 0, "MFA", false},
		{"mfa allow without mfa", []string{mfaAllow}, Request{Action: "mse:GetNacosConfig", Resource: inst, Context: ctx("acs:MFAPresent", "false")}, ImplicitDeny, -1, -1, "", false},
		{"service-linked role for mse", []string{slr}, Request{Action: "ram:CreateServiceLinkedRole", Resource: "acs:ram::123:role/aliyunserviceroleformse", Context: ctx("ram:ServiceName", "mse.aliyuncs.com")}, Allow, 0, 0, "SLR", false},
		{"service-linked role for another service", []string{slr}, Request{Action: "ram:CreateServiceLinkedRole", Resource: "acs:ram::123:role/x", Context: ctx("ram:ServiceName", "ecs.aliyuncs.com")}, ImplicitDeny, -1, -1, "", false},
		{"nil document skipped", []string{"", readInstance}, Request{Action: "mse:GetNacosConfig", Resource: inst}, Allow, 1, 0, "Read", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []*Document
			for _, s := range tt.docs {
				if s == "" {
					docs = append(docs, nil)
					continue
				}
				docs = append(docs, mustParse(t, Parse, s))
			}
			got := Evaluate(docs, tt.req)
			want := Result{Decision: tt.want, Document: tt.doc, Statement: tt.stmt, Sid: tt.sid, ViaHierarchy: tt.viaHi}
			if got != want {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

func TestEvaluateTrust(t *testing.T) {
	d := mustParse(t, ParseTrust, doc(`
		{"Sid":"Account","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["1234567890123456"]}},
		{"Sid":"Admin","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::999:role/admin-*"}},
		{"Sid":"ECS","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs.aliyuncs.com"}},
		{"Sid":"SAML","Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Federated":"acs:ram::1234567890123456:saml-provider/idp"},"Condition":{"StringEquals":{"saml:recipient":"https://signin.aliyun.com/saml-role/sso"}}},
		{"Sid":"NoMallory","Effect":"Deny","Action":"sts:AssumeRole","Principal":{"RAM":"acs:ram::1234567890123456:user/mallory"}}`))
	role := "acs:ram::1234567890123456:role/mse-operator"
	tests := []struct {
		name      string
		principal Principal
		context   map[string][]string
		want      Decision
		sid       string
	}{
		{"user of trusted account", Principal{PrincipalRAM, "acs:ram::1234567890123456:user/alice"}, nil, Allow, "Account"},
		{"trusted account root", Principal{PrincipalRAM, "acs:ram::1234567890123456:root"}, nil, Allow, "Account"},
		{"bare account id caller", Principal{PrincipalRAM, "1234567890123456"}, nil, Allow, "Account"},
		{"other account", Principal{PrincipalRAM, "acs:ram::1234567890123457:user/alice"}, nil, ImplicitDeny, ""},
		{"account prefix is not the account", Principal{PrincipalRAM, "acs:ram::12345678901234567:user/alice"}, nil, ImplicitDeny, ""},
		{"wildcard role", Principal{PrincipalRAM, "acs:ram::999:role/admin-ops"}, nil, Allow, "Admin"},
		{"wildcard role miss", Principal{PrincipalRAM, "acs:ram::999:role/dev"}, nil, ImplicitDeny, ""},
		{"service", Principal{PrincipalService, "ecs.aliyuncs.com"}, nil, Allow, "ECS"},
		{"service case-insensitive", Principal{PrincipalService, "ECS.aliyuncs.com"}, nil, Allow, "ECS"},
		{"other service", Principal{PrincipalService, "mse.aliyuncs.com"}, nil, ImplicitDeny, ""},
		{"type matters", Principal{PrincipalRAM, "ecs.aliyuncs.com"}, nil, ImplicitDeny, ""},
		{"federated with condition", Principal{PrincipalFederated, "acs:ram::1234567890123456:saml-provider/idp"}, ctx("saml:recipient", "https://signin.aliyun.com/saml-role/sso"), Allow, "SAML"},
		{"federated without condition", Principal{PrincipalFederated, "acs:ram::1234567890123456:saml-provider/idp"}, nil, ImplicitDeny, ""},
		{"denied user", Principal{PrincipalRAM, "acs:ram::1234567890123456:user/mallory"}, nil, ExplicitDeny, "NoMallory"},
		{"no principal", Principal{}, nil, ImplicitDeny, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate([]*Document{d}, Request{Action: ActionAssumeRole, Resource: role, Context: tt.context, Principal: tt.principal})
			if got.Decision != tt.want || got.Sid != tt.sid {
				t.Errorf("got %+v, want %v by %q", got, tt.want, tt.sid)
			}
		})
	}
}

func TestDecisionString(t *testing.T) {
	for d, want := range map[Decision]string{ImplicitDeny: "ImplicitDeny", Allow: "Allow", ExplicitDeny: "ExplicitDeny"} {
		if d.String() != want {
			t.Errorf("%d.String() = %q", d, d.String())
		}
	}
}

// A session policy narrows the identity policies: both must allow, and an
// explicit Deny in either wins; bySession names the deciding side.
func TestEvaluateWithSession(t *testing.T) {
	doc := func(effect, action string) *Document {
		return mustParse(t, Parse, `{"Version":"1","Statement":[{"Effect":"`+effect+`","Action":"`+action+`","Resource":"*"}]}`)
	}
	allowAll, denyDelete, allowGet := doc("Allow", "ram:*"), doc("Deny", "ram:DeleteUser"), doc("Allow", "ram:Get*")
	for _, c := range []struct {
		name      string
		identity  []*Document
		session   *Document
		action    string
		want      Decision
		bySession bool
	}{
		{"no session", []*Document{allowAll}, nil, "ram:DeleteUser", Allow, false},
		{"both allow", []*Document{allowAll}, allowGet, "ram:GetUser", Allow, false},
		{"session lacks an allow", []*Document{allowAll}, allowGet, "ram:DeleteUser", ImplicitDeny, true},
		{"session denies", []*Document{allowAll}, denyDelete, "ram:DeleteUser", ExplicitDeny, true},
		{"identity denies first", []*Document{allowAll, denyDelete}, denyDelete, "ram:DeleteUser", ExplicitDeny, false},
		{"identity lacks an allow", []*Document{allowGet}, allowAll, "ram:DeleteUser", ImplicitDeny, false},
		{"identity lacks, session denies", []*Document{allowGet}, denyDelete, "ram:DeleteUser", ExplicitDeny, true},
	} {
		r, bySession := EvaluateWithSession(c.identity, c.session, Request{Action: c.action, Resource: "acs:ram::1:user/a"})
		if r.Decision != c.want || bySession != c.bySession {
			t.Errorf("%s: %v, bySession %v; want %v, %v", c.name, r.Decision, bySession, c.want, c.bySession)
		}
	}
}
