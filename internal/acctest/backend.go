// Copyright (c) The terraform-provider-mseram authors
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/mseram/terraform-provider-mseram/internal/alicloud"
	"github.com/mseram/terraform-provider-mseram/internal/ramsim"
)

// BackendEnv selects where acceptance tests run: unset or "ramsim" (an
// in-process emulator per test), or "cloud" (the account of the
// ALIBABA_CLOUD_* credentials, through the endpoints of the
// ALIBABA_CLOUD_ENDPOINT_* variables when set, as a user of the provider
// would configure it).
const BackendEnv = "MSERAM_ACC_BACKEND"

// Backend is what the acceptance tests run against.
type Backend string

const (
	BackendRamsim Backend = "ramsim"
	BackendCloud  Backend = "cloud"
)

// Variables the cloud backend reads for the harness's own client: the
// preferred names of the provider's environment credential, so the
// provider under test and the checks sign as the same identity.
const (
	cloudKeyIDEnv  = "ALIBABA_CLOUD_ACCESS_KEY_ID"
	cloudSecretEnv = "ALIBABA_CLOUD_ACCESS_KEY_SECRET"
	cloudTokenEnv  = "ALIBABA_CLOUD_SECURITY_TOKEN"
	cloudRegionEnv = "ALIBABA_CLOUD_REGION"
)

// CurrentBackend reads BackendEnv. Any value other than the two known
// ones is an error: a typo must not run the suites against the wrong
// place.
func CurrentBackend() (Backend, error) {
	switch v := os.Getenv(BackendEnv); v {
	case "", string(BackendRamsim):
		return BackendRamsim, nil
	case string(BackendCloud):
		return BackendCloud, nil
	default:
		return "", fmt.Errorf("%s=%q: want %q (the default) or %q", BackendEnv, v, BackendRamsim, BackendCloud)
	}
}

// backendFor is CurrentBackend for a test, failing it on a bad value.
func backendFor(t testing.TB) Backend {
	t.Helper()
	b, err := CurrentBackend()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// RamsimOnly skips t on the cloud backend, printing why: the test reads
// or steers the emulator itself (its store, faults, admin endpoints,
// emulated MSE), which a real account does not offer. Call it before New
// or NewWithConfig.
func RamsimOnly(t testing.TB, reason string) {
	t.Helper()
	if reason == "" {
		t.Fatal("RamsimOnly: say why the test cannot run on a real account")
	}
	if backendFor(t) == BackendCloud {
		t.Skipf("ramsim only, skipped on the %s backend: %s", BackendCloud, reason)
	}
}

// Backend is the backend this Env runs against.
func (e *Env) Backend() Backend { return e.backend }

// cloudCredential reads the credential of the cloud backend, refusing an
// incomplete one rather than letting the SDK look elsewhere.
func cloudCredential() (key, secret, token string, err error) {
	key, secret, token = os.Getenv(cloudKeyIDEnv), os.Getenv(cloudSecretEnv), os.Getenv(cloudTokenEnv)
	if key == "" || secret == "" {
		return "", "", "", fmt.Errorf("the cloud backend (%s=%s) and the sweepers need %s and %s (and %s for an STS credential) in the environment",
			BackendEnv, BackendCloud, cloudKeyIDEnv, cloudSecretEnv, cloudTokenEnv)
	}
	return key, secret, token, nil
}

// CloudClient is an API client for the cloud backend with its credential;
// endpoints come from the ALIBABA_CLOUD_ENDPOINT_* variables (read by
// alicloud.NewClient) or are the public ones. Sweepers use it too.
func CloudClient(region string) (*alicloud.Client, error) {
	key, secret, token, err := cloudCredential()
	if err != nil {
		return nil, err
	}
	if region == "" {
		region = os.Getenv(cloudRegionEnv)
	}
	return alicloud.NewClient(context.Background(), alicloud.Config{
		AccessKey: key, SecretKey: secret, SecurityToken: token, Region: region, UserAgent: "mseram-acctest",
	})
}

// cloudAccount caches the account of the cloud credential: one
// GetCallerIdentity per test binary.
var cloudAccount struct {
	sync.Mutex
	id string
}

// AccountID is the account the tests run in: the emulator's fixed one, or
// on the cloud backend the credential's account (STS GetCallerIdentity).
func (e *Env) AccountID() string {
	e.t.Helper()
	if e.backend == BackendRamsim {
		return AccountID
	}
	cloudAccount.Lock()
	defer cloudAccount.Unlock()
	if cloudAccount.id == "" {
		id, err := e.Client().GetCallerIdentity(context.Background())
		if err != nil {
			e.t.Fatalf("GetCallerIdentity with the cloud backend's credential: %v", err)
		}
		if id.AccountID == "" {
			e.t.Fatal("GetCallerIdentity answered no AccountId")
		}
		cloudAccount.id = id.AccountID
	}
	return cloudAccount.id
}

// emulator is the test's ramsim, for the checks only it can answer; on
// the cloud backend it fails the test, which should have called
// RamsimOnly.
func (e *Env) emulator() *ramsim.Server {
	e.t.Helper()
	if e.Server == nil {
		e.t.Fatal("this check reads the emulator itself: a test that uses it calls acctest.RamsimOnly first")
	}
	return e.Server
}
