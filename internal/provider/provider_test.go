// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package provider_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync/atomic"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/mseram/terraform-provider-mseram/internal/acctest"
	"github.com/mseram/terraform-provider-mseram/internal/provider"
)

var factories = map[string]func() (tfprotov6.ProviderServer, error){
	"mseram": providerserver.NewProtocol6WithError(provider.New("test")()),
}

// credentialEnv lists every variable the provider reads for credentials;
// tests clear them so the developer's own environment cannot leak in.
var credentialEnv = []string{
	"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY", "ALIBABACLOUD_ACCESS_KEY_ID",
	"ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY", "ALIBABACLOUD_ACCESS_KEY_SECRET",
	"ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE",
	"ALIBABA_CLOUD_CREDENTIALS_FILE", "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_ROLE_SESSION_NAME",
	"ALICLOUD_ASSUME_ROLE_SESSION_EXPIRATION",
}

// clearCredentialEnv empties them, and HOME, for the rest of t: t.Setenv
// changes the whole process, so t cannot run in parallel (its subtests can:
// they end before t restores the environment).
func clearCredentialEnv(t *testing.T) {
	for _, name := range credentialEnv {
		t.Setenv(name, "")
	}
	// No CLI profile file either: point HOME at an empty directory.
	t.Setenv("HOME", t.TempDir())
}

// countingServer answers every request with a RAM-shaped error and counts
// the requests, to prove that configuring the provider calls no API.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	// TLS, because credentials-go only reaches STS over HTTPS.
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = fmt.Fprint(w, `{"RequestId":"X","HostId":"ram.aliyuncs.com","Code":"InternalError","Message":"counting server"}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func endpoints(url string) string {
	return fmt.Sprintf(`
  endpoints {
    ram             = %[1]q
    ims             = %[1]q
    resourcemanager = %[1]q
    sts             = %[1]q
  }`, url)
}

const newUser = `
resource "mseram_user" "u" {
  name = "alice"
}
`

func TestAccProvider_configureMakesNoAPICall(t *testing.T) {
	// Serial: the provider reads credentials from the process environment, which clearCredentialEnv empties.
	clearCredentialEnv(t)
	srv, calls := countingServer(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			// Planning a new resource configures the provider (with a role to
			// assume, which needs STS) but must not reach any endpoint.
			Config: fmt.Sprintf(`
provider "mseram" {
  access_key = "AK"
  secret_key = "SK"
  assume_role {
    role_arn = "acs:ram::1234567890123456:role/terraform"
  }
%s
}
`, endpoints(srv.URL)) + newUser,
			PlanOnly:           true,
			ExpectNonEmptyPlan: true,
		}},
	})
	if got := calls.Load(); got != 0 {
		t.Fatalf("configuring and planning made %d API calls, want 0", got)
	}
}

func TestAccProvider_noCredentialsNamesEverySource(t *testing.T) {
	// Serial: the provider reads credentials from the process environment, which clearCredentialEnv empties.
	clearCredentialEnv(t)
	srv, calls := countingServer(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config:      fmt.Sprintf("provider \"mseram\" {\n%s\n}\n", endpoints(srv.URL)) + newUser,
			ExpectError: regexp.MustCompile(`(?s)access_key.*ALIBABA_CLOUD_ACCESS_KEY_ID.*ALICLOUD_ACCESS_KEY.*ALIBABACLOUD_ACCESS_KEY_ID.*profile.*ALIBABA_CLOUD_CREDENTIALS_FILE.*assume_role`),
		}},
	})
	if got := calls.Load(); got != 0 {
		t.Fatalf("a request was sent without credentials (%d calls)", got)
	}
}

func TestAccProvider_environmentCredentialsAndEndpoints(t *testing.T) {
	// Serial: the provider reads credentials from the process environment, which clearCredentialEnv empties.
	clearCredentialEnv(t)
	env := acctest.New(t)
	t.Setenv("ALICLOUD_ACCESS_KEY", acctest.AccessKeyID) // legacy names are accepted
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", acctest.AccessKeySecret)
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER", "STS"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, env.Server.URL())
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factories,
		Steps: []resource.TestStep{{
			Config: `
provider "mseram" {}
data "mseram_caller_identity" "me" {}
`,
			Check: resource.ComposeTestCheckFunc(
				resource.TestCheckResourceAttr("data.mseram_caller_identity.me", "account_id", acctest.AccountID),
				resource.TestCheckResourceAttr("data.mseram_caller_identity.me", "arn", "acs:ram::"+acctest.AccountID+":root"),
				resource.TestCheckResourceAttr("data.mseram_caller_identity.me", "identity_type", "Account"),
			),
		}},
	})
}

func TestAccProvider_invalidConfiguration(t *testing.T) {
	// Serial, with parallel subtests: the environment is cleared for all of them.
	clearCredentialEnv(t)
	cases := []struct{ config, want string }{
		{`provider "mseram" {
  access_key = "AK"
}`, `secret_key`},
		{`provider "mseram" {
  assume_role {
    session_name = "x-session"
  }
}`, `role_arn`},
		{`provider "mseram" {
  assume_role {
    role_arn = "arn:aws:iam::123:role/x"
  }
}`, `must be a RAM role ARN`},
		{`provider "mseram" {
  assume_role {
    role_arn           = "acs:ram::1234567890123456:role/x"
    session_expiration = 60
  }
}`, `session_expiration value must be between 900 and`},
		{`provider "mseram" {
  endpoints {
    ram = "http://[::1"
  }
}`, `invalid ram endpoint`},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			t.Parallel()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: factories,
				Steps: []resource.TestStep{{
					Config:      c.config + newUser,
					PlanOnly:    true,
					ExpectError: regexp.MustCompile(`(?s)` + regexp.QuoteMeta(c.want)),
				}},
			})
		})
	}
}
