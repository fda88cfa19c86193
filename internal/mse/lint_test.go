// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package mse

import (
	"strings"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/policy"
)

func TestLint(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string // substrings, one per expected warning, in order
	}{
		{"clean", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfig","mse:List*"],"Resource":"acs:mse:*:*:instance/i"}]}`, nil},
		{"star action", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`, []string{`statement 0: Action "*" grants every action`}},
		{"mse star on all", `{"Version":"1","Statement":[{"Sid":"All","Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:*"}]}`, []string{`statement 0 ("All"): mse:* on every MSE resource is the system policy AliyunMSEFullAccess`}},
		{"mse star on star", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"*"}]}`, []string{"AliyunMSEFullAccess"}},
		{"mse star on instance is fine", `{"Version":"1","Statement":[{"Effect":"Allow","Action":"mse:*","Resource":"acs:mse:*:*:instance/i"}]}`, nil},
		{"deny star is fine", `{"Version":"1","Statement":[{"Effect":"Deny","Action":"mse:*","Resource":"*"}]}`, nil},
		{"unknown action", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:GetNacosConfg"],"Resource":"*"}]}`, []string{"mse:GetNacosConfg is not a known MSE action"}},
		{"unknown in deny and NotAction", `{"Version":"1","Statement":[{"Effect":"Deny","NotAction":["mse:Nope"],"Resource":"*"}]}`, []string{"mse:Nope is not a known"}},
		{"pattern matching nothing", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:Fetch*Nacos"],"Resource":"*"}]}`, []string{"mse:Fetch*Nacos matches no known MSE action"}},
		{"seed pattern accepted", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:*CustomPlugin"],"Resource":"*"}]}`, nil},
		{"case-insensitive names", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["MSE:getnacosconfig"],"Resource":"acs:mse:*:*:instance/i"}]}`, nil},
		{"other services ignored", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["log:Whatever"],"Resource":"*"}]}`, nil},
		{"seed 003 read-only policy as written", seedGatewayReadOnlyAsWritten(), []string{"grants read-only actions and one write, mse:UploadWasmFile"}},
		{"two writes are deliberate", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:Get*","mse:List*","mse:UpdateSSLCert","mse:AddSSLCert"],"Resource":"acs:mse:*:*:instance/gw"}]}`, nil},
		{"seed contradiction UpdateSSLCert", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:ListSSLCert","mse:ListGatewayDomain","mse:UpdateSSLCert"],"Resource":"acs:mse:*:*:instance/gw"}]}`, []string{"one write, mse:UpdateSSLCert"}},
		{"account-level on instance", `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:ListClusters"],"Resource":"acs:mse:*:*:instance/i"}]}`, []string{"mse:ListClusters is account-level"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := policy.Parse(tc.doc)
			if err != nil {
				t.Fatal(err)
			}
			got := Lint(doc)
			if len(got) != len(tc.want) {
				t.Fatalf("Lint = %q, want %d warnings %q", got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i].String(), w) {
					t.Errorf("warning %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
	if Lint(nil) != nil {
		t.Error("Lint(nil) != nil")
	}
}

// seedGatewayReadOnlyAsWritten is seed 003's read-only gateway policy as the seed
// writes it, with mse:UploadWasmFile.
func seedGatewayReadOnlyAsWritten() string {
	return `{"Version":"1","Statement":[{"Effect":"Allow","Action":["mse:Query*","mse:List*","mse:Get*","mse:Select*","mse:Pull*",
		"mse:GatewayBlackWhite*","mse:GatewayHealthCheckList","mse:GatewayQueryMonitor","mse:UploadWasmFile"],
		"Resource":"acs:mse:*:*:instance/gw-8090caa2a3ab447a8bc5fdf3********"}]}`
}

func TestSuggestAction(t *testing.T) {
	for in, want := range map[string]string{
		"mse:UpdateNacosConfg":  "mse:UpdateNacosConfig",
		"MSE:getnacosconfigg":   "mse:GetNacosConfig",
		"mse:ListCluster":       "mse:ListClusters",
		"mse:DropEverything":    "",
		"mse:CompletelyUnknown": "",
	} {
		if got := suggestAction(in); got != want {
			t.Errorf("suggestAction(%q) = %q, want %q", in, got, want)
		}
	}
}
