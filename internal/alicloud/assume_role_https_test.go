// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package alicloud_test

import (
	"context"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
	"github.com/mseram/terraform-provider-mseram/internal/testcert"
)

// httpsChildEnv names the emulator's URL for the child half of
// TestAssumeRoleOverHTTPS.
const httpsChildEnv = "MSERAM_TEST_HTTPS_RAMSIM_URL"

// The provider's assume_role block works against ramsim served over HTTPS:
// credentials-go calls AssumeRole over HTTPS only, and trusts the
// certificate through SSL_CERT_FILE, as a user's terraform run would. Go
// reads that variable once per process, so the client runs in a child
// process (this test binary, running TestAssumeRoleOverHTTPSChild).
func TestAssumeRoleOverHTTPS(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("Go reads SSL_CERT_FILE on Linux and the other Unix systems only; macOS and Windows verify with the system's store")
	}
	cert, key := testcert.Write(t, t.TempDir())
	sim, err := ramsim.New(ramsim.Config{TLSCertFile: cert, TLSKeyFile: key})
	if err != nil {
		t.Fatal(err)
	}
	if err := sim.Start("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sim.Close() })

	cmd := exec.Command(os.Args[0], "-test.run=^TestAssumeRoleOverHTTPSChild$", "-test.v", "-test.count=1")
	cmd.Env = []string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH"), "SSL_CERT_FILE=" + cert, httpsChildEnv + "=" + sim.URL()}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestAssumeRoleOverHTTPSChild") {
		t.Fatalf("child: %v\n%s", err, out)
	}
	// What the child did reached the emulator over HTTPS.
	if _, ok := sim.Role("ci"); !ok {
		t.Fatal("the role the child created is not in the emulator")
	}
	if c := sim.Counters().Actions["AssumeRole"]; c.OK != 1 {
		t.Fatalf("AssumeRole answered %d times with 200, want 1", c.OK)
	}
}

// TestAssumeRoleOverHTTPSChild is the client half of TestAssumeRoleOverHTTPS.
func TestAssumeRoleOverHTTPSChild(t *testing.T) {
	url := os.Getenv(httpsChildEnv)
	if url == "" {
		t.Skip("runs only as the child process of TestAssumeRoleOverHTTPS")
	}
	ctx := context.Background()
	client := func(ar *alicloud.AssumeRoleConfig) *alicloud.Client {
		c, err := alicloud.NewClient(ctx, alicloud.Config{
			AccessKey: ramsim.DefaultAccessKeyID, SecretKey: ramsim.DefaultAccessKeySecret, AssumeRole: ar,
			Endpoints: map[alicloud.Product]string{alicloud.ProductRAM: url, alicloud.ProductIMS: url,
				alicloud.ProductResourceManager: url, alicloud.ProductSTS: url},
			Retry: alicloud.RetryPolicy{MaxAttempts: 1, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond},
		})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	trust := `{"Version":"1","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"RAM":["acs:ram::1234567890123456:root"]}}]}`
	if _, err := client(nil).CreateRole(ctx, alicloud.CreateRoleInput{RoleName: "ci", AssumeRolePolicyDocument: trust}); err != nil {
		t.Fatalf("CreateRole over HTTPS: %v", err)
	}
	id, err := client(&alicloud.AssumeRoleConfig{RoleARN: "acs:ram::1234567890123456:role/ci"}).GetCallerIdentity(ctx)
	if err != nil {
		t.Fatalf("GetCallerIdentity as the assumed role: %v", err)
	}
	if id.ARN != "acs:ram::1234567890123456:assumed-role/ci/terraform" || id.IdentityType != "AssumedRoleUser" {
		t.Fatalf("GetCallerIdentity: %+v, want the session of role ci named terraform", id)
	}
}
