// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// A key pair in the configuration signs alone: a token in the environment
// is not paired with it, and a secret in the environment does not complete
// a key ID in the configuration.
func TestCredentialChain_oneSourcePerCredential(t *testing.T) {
	cs := newChainSim(t)
	for _, p := range []string{"RAM", "IMS", "RESOURCEMANAGER", "STS"} {
		t.Setenv("ALIBABA_CLOUD_ENDPOINT_"+p, cs.url)
	}
	root := map[string]tftypes.Value{"access_key": str(chainRootID), "secret_key": str(chainRootKey)}
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", "token-of-another-session")
	if got, diags := providerIdentity(t, root); diags != "" || got != "acs:ram::"+chainAccount+":root" {
		t.Errorf("HCL key with a token in the environment: %q %s", got, diags)
	}
	t.Setenv("ALIBABA_CLOUD_SECURITY_TOKEN", "")

	alice := cs.keys["alice"]
	t.Setenv("ALIBABA_CLOUD_ACCESS_KEY_SECRET", alice.AccessKeySecret)
	_, diags := providerIdentity(t, map[string]tftypes.Value{"access_key": str(alice.AccessKeyID)})
	if !strings.Contains(diags, "ALIBABA_CLOUD_ACCESS_KEY_SECRET") || strings.Contains(diags, alice.AccessKeySecret) {
		t.Errorf("key ID in HCL, secret in the environment: %q", diags)
	}
}
